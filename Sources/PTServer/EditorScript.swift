// The editor page's script (see EditorPage.swift). Plain JavaScript, no libraries.
// User text only ever goes into the page as text nodes; diagrams are parsed as SVG and cleaned.

extension EditorPage {
    static let script = #"""
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const english = new URLSearchParams(location.search).get('lang') === 'en';
  const lang = english ? 'en' : 'da';
  const WORDS = {
    da: {
      appName: 'programteori', open: 'Åbn', chooseModel: 'Vælg en model …', newModel: 'Ny model', fileName: 'Filnavn',
      save: 'Gem', editorHeading: 'Programteorien som tekst', findings: 'Fund', view: 'Visning', detailed: 'detaljeret',
      overview: 'oversigt', theme: 'Tema', standard: 'standard', print: 'print', contrast: 'kontrast', download: 'Hent',
      fit: 'tilpas til bredden', diagram: 'Diagram', folder: 'Mappe: {0}', noFindings: 'Ingen fund.',
      summary: '{0} fejl, {1} advarsler, {2} oplysninger', checking: 'Tjekker …',
      staleDiagram: 'Teksten har fejl: diagrammet viser den seneste version uden fejl.',
      noDiagramYet: 'Diagrammet vises, når teksten er uden fejl.', drawn: 'Tegnet {0}.',
      line: 'linje {0}', inFile: 'i {0}, linje {1}', help: 'hjælp: ', error: 'fejl', warning: 'advarsel', info: 'info',
      saved: 'Gemt {0} kl. {1}.', savedBackup: 'Gemt {0} kl. {1} (forrige version i {2}).', saving: 'Gemmer …',
      opened: 'Åbnede {0}.', unsaved: 'Der er ændringer, der ikke er gemt. Vil du kassere dem?',
      noServer: 'Kan ikke få kontakt til programteori-serveren. Kører »programteori serve« stadig?',
      downloadFailed: 'Kunne ikke hente {0}: {1}', nameMissing: 'Skriv et filnavn, der ender på .pt.',
      newText: 'programteori: Ny programteori\n  kommune: \n\nmålgruppe MG: \n',
      format: 'Formatér', formatted: 'Formateret som »programteori fmt« gør det (Ctrl+Z fortryder).',
      alreadyFormatted: 'Teksten er allerede formateret.',
      xlsx: 'Indikatorplan (XLSX)', indicatorPlan: 'Indikatorplan', noIndicators: 'Modellen har endnu ingen indikatorer.',
      indicatorCount: '{0} indikatorer.', indicatorMeasurements: '{0} indikatorer; målinger fra {1}.',
      staleIndicators: 'Teksten har fejl: planen viser den seneste version uden fejl.'
    },
    en: {
      appName: 'programteori', open: 'Open', chooseModel: 'Choose a model …', newModel: 'New model', fileName: 'File name',
      save: 'Save', editorHeading: 'The programme theory as text', findings: 'Findings', view: 'View', detailed: 'detailed',
      overview: 'overview', theme: 'Theme', standard: 'standard', print: 'print', contrast: 'contrast', download: 'Download',
      fit: 'fit to width', diagram: 'Diagram', folder: 'Folder: {0}', noFindings: 'No findings.',
      summary: '{0} errors, {1} warnings, {2} notes', checking: 'Checking …',
      staleDiagram: 'The text has errors: the diagram shows the last version without errors.',
      noDiagramYet: 'The diagram appears once the text has no errors.', drawn: 'Drawn {0}.',
      line: 'line {0}', inFile: 'in {0}, line {1}', help: 'help: ', error: 'error', warning: 'warning', info: 'info',
      saved: 'Saved {0} at {1}.', savedBackup: 'Saved {0} at {1} (previous version in {2}).', saving: 'Saving …',
      opened: 'Opened {0}.', unsaved: 'There are unsaved changes. Discard them?',
      noServer: 'Cannot reach the programteori server. Is »programteori serve« still running?',
      downloadFailed: 'Could not download {0}: {1}', nameMissing: 'Enter a file name ending in .pt.',
      newText: 'program theory: New programme theory\n  municipality: \n\ntarget group TG: \n',
      format: 'Format', formatted: 'Formatted as »programteori fmt« does (Ctrl+Z undoes it).',
      alreadyFormatted: 'The text is already formatted.',
      xlsx: 'Indicator plan (XLSX)', indicatorPlan: 'Indicator plan', noIndicators: 'The model has no indicators yet.',
      indicatorCount: '{0} indicators.', indicatorMeasurements: '{0} indicators; measurements from {1}.',
      staleIndicators: 'The text has errors: the plan shows the last version without errors.'
    }
  }[lang];
  const t = (key, ...args) => args.reduce((text, arg, i) => text.replace('{' + i + '}', String(arg)), WORDS[key] ?? key);

  const source = $('source'), lines = $('highlight-lines'), gutter = $('gutter');
  const state = {
    name: null, version: null, savedText: '', elements: new Set(), properties: new Set(),
    sequence: 0, controller: null, timer: null, marked: 0, findings: [], hasDiagram: false, unsavedName: 'ny-model.pt'
  };
  const references = new Set(['foerer til', 'leads to', 'understoetter', 'supports', 'gaelder', 'applies to']);

  // ---- Keyword highlighting: one div per line, built from text nodes ----

  function normalize(text) {
    return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[ \t]+/g, ' ').trim();
  }

  function span(cls, text) {
    const node = document.createElement('span');
    node.className = cls;
    node.textContent = text;
    return node;
  }

  function highlightLine(text) {
    const div = document.createElement('div');
    const indent = text.match(/^[ \t]*/)[0];
    const rest = text.slice(indent.length);
    if (indent) div.append(indent);
    if (rest.startsWith('#')) { div.append(span('comment', rest)); return div; }
    const colon = rest.indexOf(':');
    if (colon < 0) { div.append(rest); return div; }
    const head = rest.slice(0, colon), tail = rest.slice(colon);
    const key = normalize(head);
    if (state.properties.has(key)) {
      div.append(span('prop', head), ':');
      const value = tail.slice(1);
      if (references.has(key)) {
        for (const part of value.split(/(,)/)) {
          const trimmed = part.trim();
          if (part === ',' || !trimmed) { div.append(part); continue; }
          const at = part.indexOf(trimmed);
          div.append(part.slice(0, at), span('id', trimmed), part.slice(at + trimmed.length));
        }
      } else {
        div.append(value);
      }
      return div;
    }
    const words = head.split(/( +)/);
    // `words` alternates word, spaces, word …: a keyword ends on a word (an odd count).
    for (let count = words.length; count > 0; count--) {
      if (count % 2 === 0) continue;
      const keyword = words.slice(0, count).join('');
      if (state.elements.has(normalize(keyword))) {
        div.append(span('kw', keyword));
        const after = words.slice(count).join('');
        const id = after.trim();
        if (id) {
          const at = after.indexOf(id);
          div.append(after.slice(0, at), span('id', id), after.slice(at + id.length));
        } else {
          div.append(after);
        }
        div.append(tail);
        return div;
      }
    }
    div.append(rest);
    return div;
  }

  function renderText() {
    const text = source.value.split('\n');
    const fragment = document.createDocumentFragment();
    const numbers = document.createDocumentFragment();
    const severities = new Map();
    for (const finding of state.findings) {
      if (!finding.inEditedText) continue;
      const known = severities.get(finding.line);
      if (known !== 'error') severities.set(finding.line, finding.severity === 'error' ? 'error' : (known || finding.severity));
    }
    text.forEach((line, index) => {
      const number = index + 1;
      const div = highlightLine(line);
      const label = document.createElement('div');
      label.textContent = String(number);
      const severity = severities.get(number);
      if (severity === 'error' || severity === 'warning') label.classList.add(severity);
      if (number === state.marked) { div.classList.add('marked'); label.classList.add('marked'); }
      fragment.append(div);
      numbers.append(label);
    });
    lines.replaceChildren(fragment);
    gutter.replaceChildren(numbers);
    syncScroll();
  }

  function syncScroll() {
    lines.style.transform = `translate(${-source.scrollLeft}px, ${-source.scrollTop}px)`;
    gutter.scrollTop = source.scrollTop;
  }

  // ---- Talking to the server ----

  function request() {
    return {
      text: source.value, name: currentName(),
      view: document.querySelector('input[name=view]:checked').value,
      theme: document.querySelector('input[name=theme]:checked').value, lang
    };
  }

  function currentName() {
    const name = $('file-name').value.trim();
    return /\.pt$/.test(name) ? name : state.unsavedName;
  }

  async function post(path, body, signal) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  }

  async function errorText(response) {
    try { return (await response.json()).error || response.statusText; } catch (e) { return response.statusText; }
  }

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = kind || '';
  }

  // ---- Preview: findings and the diagram, ~300 ms after typing stops ----

  function schedulePreview() {
    clearTimeout(state.timer);
    state.timer = setTimeout(preview, 300);
  }

  async function preview() {
    const sequence = ++state.sequence;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    $('diagram-status').textContent = t('checking');
    let response, data;
    try {
      response = await post('/api/preview', request(), controller.signal);
      data = response.ok ? await response.json() : null;
    } catch (error) {
      if (error.name === 'AbortError') return;
      if (sequence === state.sequence) showDiagramStatus(t('noServer'), true);
      return;
    }
    if (sequence !== state.sequence) return;
    if (!data) { showDiagramStatus(await errorText(response), true); return; }
    showFindings(data);
    showIndicators(data.indicators);
    $('diagram-title').textContent = data.title || t('diagram');
    document.title = 'programteori — ' + (data.title || t('diagram'));
    const diagram = $('diagram');
    if (data.svg) {
      showSVG(data.svg);
      state.hasDiagram = true;
      diagram.classList.remove('stale');
      if (data.diagramWarning) {
        showDiagramStatus(data.diagramWarning, true);
      } else {
        showDiagramStatus(t('drawn', new Date().toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB')), false);
      }
      diagram.dataset.state = 'current';
    } else if (data.diagramError) {
      diagram.classList.toggle('stale', state.hasDiagram);
      showDiagramStatus(data.diagramError, true);
      diagram.dataset.state = 'failed';
    } else {
      diagram.classList.toggle('stale', state.hasDiagram);
      showDiagramStatus(state.hasDiagram ? t('staleDiagram') : t('noDiagramYet'), false);
      diagram.dataset.state = state.hasDiagram ? 'stale' : 'empty';
    }
  }

  function showDiagramStatus(text, isError) {
    const status = $('diagram-status');
    status.textContent = text;
    status.className = isError ? 'error' : 'muted';
  }

  // The SVG is parsed as XML and cleaned of anything that could run (scripts, event handlers,
  // foreign HTML, javascript: links) before it is put in the page.
  function showSVG(text) {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (!svg || svg.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length) return;
    for (const bad of svg.querySelectorAll('script, foreignObject, iframe, object, embed')) bad.remove();
    for (const element of [svg, ...svg.querySelectorAll('*')]) {
      for (const attribute of [...element.attributes]) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !value.startsWith('#'))) {
          element.removeAttribute(attribute.name);
        }
      }
    }
    $('diagram').replaceChildren(document.importNode(svg, true));
  }

  // The indicator plan, cell by cell as text; kept (dimmed) while the text has errors.
  function showIndicators(plan) {
    const box = $('indicators');
    if (!plan) {
      if (state.hasPlan) { box.classList.add('stale'); $('indicator-note').textContent = t('staleIndicators'); }
      return;
    }
    state.hasPlan = true;
    box.classList.remove('stale');
    $('indicator-note').textContent = !plan.rows.length ? t('noIndicators')
      : (plan.measurementsFile ? t('indicatorMeasurements', plan.rows.length, plan.measurementsFile) : t('indicatorCount', plan.rows.length));
    const head = document.createElement('tr');
    for (const column of plan.columns) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = column;
      head.append(cell);
    }
    const rows = plan.rows.map((row) => {
      const line = document.createElement('tr');
      for (const value of row) {
        const cell = document.createElement('td');
        cell.textContent = value;
        line.append(cell);
      }
      return line;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...rows);
    $('indicator-table').replaceChildren(...(plan.rows.length ? [thead, tbody] : []));
  }

  function showFindings(data) {
    state.findings = data.findings;
    const list = $('finding-list');
    const items = data.findings.map((finding, index) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = finding.severity;
      button.dataset.line = String(finding.line);
      button.dataset.index = String(index);
      const where = finding.inEditedText ? t('line', finding.line) : t('inFile', finding.file, finding.line);
      button.append(span('severity ' + finding.severity, t(finding.severity) + '[' + finding.code + ']'), ' ',
                    span('where', where), ': ', span('message', finding.message));
      if (finding.help) button.append(span('help', t('help') + finding.help));
      button.addEventListener('click', () => jumpTo(finding, button));
      item.append(button);
      return item;
    });
    list.replaceChildren(...items);
    const summary = data.summary;
    $('summary').textContent = data.findings.length ? t('summary', summary.errors, summary.warnings, summary.infos) : t('noFindings');
    renderText();
  }

  // A click on a finding selects its place in the text, scrolls to it and marks the line.
  function jumpTo(finding, button) {
    for (const other of document.querySelectorAll('#finding-list button.current')) other.classList.remove('current');
    button.classList.add('current');
    if (!finding.inEditedText) return;
    const text = source.value;
    const offsetOf = (line, column) => {
      let offset = 0;
      for (let current = 1; current < line; current++) {
        const next = text.indexOf('\n', offset);
        if (next < 0) return text.length;
        offset = next + 1;
      }
      const end = text.indexOf('\n', offset);
      return Math.min(offset + column - 1, end < 0 ? text.length : end);
    };
    const start = offsetOf(finding.line, finding.column);
    const end = Math.max(start, offsetOf(finding.endLine, finding.endColumn));
    state.marked = finding.line;
    source.focus();
    source.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
    source.scrollTop = Math.max(0, (finding.line - 1) * lineHeight - source.clientHeight / 3);
    renderText();
  }

  // ---- Files: list, open, new, save ----

  async function loadList(selected) {
    try {
      const response = await fetch('/api/models');
      const data = await response.json();
      const list = $('model-list');
      const first = list.options[0];
      const options = data.models.map((model) => {
        const option = document.createElement('option');
        option.value = model.name;
        option.textContent = model.name;
        return option;
      });
      list.replaceChildren(first, ...options);
      list.value = selected || '';
    } catch (error) {
      setStatus(t('noServer'), 'error');
    }
  }

  function isDirty() { return source.value !== state.savedText; }

  async function openModel(name) {
    if (!name) return;
    if (isDirty() && !confirm(t('unsaved'))) { $('model-list').value = state.name || ''; return; }
    let response;
    try { response = await fetch('/api/model?name=' + encodeURIComponent(name) + '&lang=' + lang); }
    catch (error) { setStatus(t('noServer'), 'error'); return; }
    if (!response.ok) { setStatus(await errorText(response), 'error'); return; }
    const model = await response.json();
    state.name = model.name;
    state.version = model.version;
    state.savedText = model.text;
    state.marked = 0;
    source.value = model.text;
    $('file-name').value = model.name;
    $('model-list').value = model.name;
    source.scrollTop = 0;
    renderText();
    setStatus(t('opened', model.name), 'ok');
    preview();
  }

  function newModel() {
    if (isDirty() && !confirm(t('unsaved'))) return;
    state.name = null;
    state.version = null;
    state.savedText = '';
    state.marked = 0;
    source.value = t('newText');
    $('file-name').value = state.unsavedName;
    $('model-list').value = '';
    renderText();
    preview();
    source.focus();
  }

  async function save() {
    const name = $('file-name').value.trim();
    if (!/\.pt$/.test(name)) { setStatus(t('nameMissing'), 'error'); return; }
    // Another name than the file opened is a new file ("save as"): it must not exist yet.
    const base = name === state.name ? state.version : null;
    setStatus(t('saving'));
    let response;
    const text = source.value;
    try { response = await post('/api/save', { name, text, baseVersion: base, lang }); }
    catch (error) { setStatus(t('noServer'), 'error'); return; }
    if (!response.ok) { setStatus(await errorText(response), 'error'); return; }
    const saved = await response.json();
    state.name = saved.name;
    state.version = saved.version;
    state.savedText = text;
    const time = new Date().toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB');
    setStatus(saved.backup ? t('savedBackup', saved.name, time, saved.backup) : t('saved', saved.name, time), 'ok');
    loadList(saved.name);
  }

  // The canonical layout from the server; put in as one edit, so Ctrl+Z takes it back.
  async function format() {
    let response;
    try { response = await post('/api/format', request()); }
    catch (error) { setStatus(t('noServer'), 'error'); return; }
    if (!response.ok) { setStatus(await errorText(response), 'error'); return; }
    const result = await response.json();
    if (!result.changed) { setStatus(t('alreadyFormatted'), 'ok'); return; }
    source.focus();
    source.select();
    if (!document.execCommand('insertText', false, result.text)) source.value = result.text;
    source.setSelectionRange(0, 0);
    source.scrollTop = 0;
    state.marked = 0;
    renderText();
    preview();
    setStatus(t('formatted'), 'ok');
  }

  // ---- Downloads ----

  function offer(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function download(format) {
    const base = currentName().replace(/\.pt$/, '').split('/').pop();
    if (format === 'pt') { offer(new Blob([source.value], { type: 'text/plain;charset=utf-8' }), base + '.pt'); return; }
    let response;
    const path = format === 'xlsx' ? '/api/indicators.xlsx' : '/api/diagram';
    const fileName = format === 'xlsx' ? base + '.indikatorer.xlsx' : base + '.' + format;
    try { response = await post(path, { ...request(), format }); }
    catch (error) { setStatus(t('noServer'), 'error'); return; }
    if (!response.ok) { setStatus(t('downloadFailed', format.toUpperCase(), await errorText(response)), 'error'); return; }
    offer(await response.blob(), fileName);
  }

  // ---- Wiring ----

  function translate() {
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
    for (const element of document.querySelectorAll('[data-t-label]')) element.setAttribute('aria-label', t(element.dataset.tLabel));
  }

  source.addEventListener('input', () => { state.marked = 0; renderText(); schedulePreview(); });
  source.addEventListener('scroll', syncScroll);
  source.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Indentation matters in a programteori: Tab writes two spaces (Esc, then Tab, leaves the editor).
      if (state.escaped) { state.escaped = false; return; }
      event.preventDefault();
      if (!document.execCommand('insertText', false, '  ')) source.setRangeText('  ', source.selectionStart, source.selectionEnd, 'end');
    }
    state.escaped = event.key === 'Escape';
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') { event.preventDefault(); save(); }
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f') { event.preventDefault(); format(); }
  });
  for (const input of document.querySelectorAll('input[name=view], input[name=theme]')) input.addEventListener('change', preview);
  for (const button of document.querySelectorAll('[data-download]')) button.addEventListener('click', () => download(button.dataset.download));
  $('fit').addEventListener('change', (event) => $('diagram').classList.toggle('fit', event.target.checked));
  $('model-list').addEventListener('change', (event) => openModel(event.target.value));
  $('new-model').addEventListener('click', newModel);
  $('save').addEventListener('click', save);
  $('format').addEventListener('click', format);
  window.addEventListener('beforeunload', (event) => { if (isDirty()) { event.preventDefault(); event.returnValue = ''; } });

  async function start() {
    translate();
    try {
      const info = await (await fetch('/api/info')).json();
      state.elements = new Set(info.elementKeywords);
      state.properties = new Set(info.propertyKeywords);
      state.unsavedName = info.unsavedName;
      $('folder-name').textContent = t('folder', info.folder);
    } catch (error) {
      setStatus(t('noServer'), 'error');
    }
    renderText();
    await loadList();
    const wanted = new URLSearchParams(location.search).get('fil');
    if (wanted) openModel(wanted); else preview();
    document.body.dataset.ready = 'true';
  }
  start();
})();
"""#
}
