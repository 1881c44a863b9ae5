// The editor page: HTML, style and script, written by hand and embedded in the binary, so the
// editor works with no network and loads nothing from anywhere else. Every piece of text from
// the user or a model reaches the page through `textContent` or as SVG nodes parsed and
// cleaned by the script — never as HTML — and the Content-Security-Policy (`RequestGuard`)
// runs no script but /editor.js.

enum EditorPage {
    static let html = #"""
<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>programteori — editor</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/editor.css">
<script src="/editor.js" defer></script>
</head>
<body>
<header class="bar">
  <h1 data-t="appName">programteori</h1>
  <label class="field"><span data-t="open">Åbn</span>
    <select id="model-list" aria-describedby="folder-name"><option value="" data-t="chooseModel">Vælg en model …</option></select>
  </label>
  <button type="button" id="new-model" data-t="newModel">Ny model</button>
  <label class="field"><span data-t="fileName">Filnavn</span>
    <input id="file-name" type="text" spellcheck="false" autocomplete="off" value="ny-model.pt">
  </label>
  <button type="button" id="format" data-t="format" title="Ctrl+Shift+F">Formatér</button>
  <button type="button" id="save" class="primary" data-t="save" title="Ctrl+S">Gem</button>
  <span id="folder-name" class="muted"></span>
  <p id="status" role="status" aria-live="polite"></p>
</header>
<main>
  <section id="editor-pane" aria-labelledby="editor-heading">
    <h2 id="editor-heading" class="visually-hidden" data-t="editorHeading">Programteorien som tekst</h2>
    <div class="editor">
      <div id="gutter" aria-hidden="true"></div>
      <div class="code">
        <div id="highlight" aria-hidden="true"><div id="highlight-lines"></div></div>
        <textarea id="source" wrap="off" spellcheck="false" autocapitalize="off" autocomplete="off"
          aria-label="Programteorien som tekst" data-t-label="editorHeading"></textarea>
      </div>
    </div>
    <section id="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading" data-t="findings">Fund</h2>
      <p id="summary" class="muted"></p>
      <ul id="finding-list"></ul>
    </section>
  </section>
  <section id="diagram-pane" aria-labelledby="diagram-title">
    <div class="toolbar">
      <fieldset><legend data-t="view">Visning</legend>
        <label><input type="radio" name="view" value="detaljeret" checked> <span data-t="detailed">detaljeret</span></label>
        <label><input type="radio" name="view" value="oversigt"> <span data-t="overview">oversigt</span></label>
      </fieldset>
      <fieldset><legend data-t="theme">Tema</legend>
        <label><input type="radio" name="theme" value="standard" checked> <span data-t="standard">standard</span></label>
        <label><input type="radio" name="theme" value="print"> <span data-t="print">print</span></label>
        <label><input type="radio" name="theme" value="kontrast"> <span data-t="contrast">kontrast</span></label>
      </fieldset>
      <fieldset><legend data-t="download">Hent</legend>
        <button type="button" data-download="svg">SVG</button>
        <button type="button" data-download="png">PNG</button>
        <button type="button" data-download="pdf">PDF</button>
        <button type="button" data-download="pt">.pt</button>
        <button type="button" data-download="xlsx" data-t="xlsx">Indikatorplan (XLSX)</button>
      </fieldset>
      <label class="field"><input type="checkbox" id="fit" checked> <span data-t="fit">tilpas til bredden</span></label>
    </div>
    <h2 id="diagram-title" data-t="diagram">Diagram</h2>
    <p id="diagram-status" class="muted" aria-live="polite"></p>
    <div id="diagram" class="fit"></div>
    <details id="indicators" open>
      <summary data-t="indicatorPlan">Indikatorplan</summary>
      <p id="indicator-note" class="muted"></p>
      <div class="table-wrap"><table id="indicator-table"></table></div>
    </details>
  </section>
</main>
</body>
</html>
"""#

    static let css = #"""
:root {
  --bg: #fbfbfa; --panel: #ffffff; --text: #1f2328; --muted: #5b636d; --line: #d5d9de;
  --accent: #1f5fa8; --error: #b3261e; --warning: #8a5a00; --info: #2d6a4f;
  --kw: #1f4e9a; --prop: #7a2e8a; --id: #0f6b6b; --comment: #6b7280; --mark: #fff1b8;
  --code-font: "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace;
  --line-height: 20px;
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 15px; color: var(--text); background: var(--bg);
  display: flex; flex-direction: column; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; padding: 8px 14px; border-bottom: 1px solid var(--line); background: var(--panel); }
.bar h1 { font-size: 18px; margin: 0 8px 0 0; }
.field { display: inline-flex; align-items: center; gap: 6px; }
select, input[type=text], button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--text); }
input[type=text] { width: 18em; }
button { cursor: pointer; }
button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #7aa7e0; outline-offset: 1px; }
.muted { color: var(--muted); }
#status { margin: 0; flex: 1 1 20em; min-height: 1.3em; }
#status.error { color: var(--error); font-weight: bold; }
#status.ok { color: var(--info); }
main { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0; min-height: 0; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
#editor-pane { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid var(--line); }
.editor { flex: 1 1 60%; display: flex; min-height: 240px; background: var(--panel); border-bottom: 1px solid var(--line); overflow: hidden; }
#gutter { flex: 0 0 auto; min-width: 3.5em; padding: 8px 6px 8px 4px; text-align: right; color: var(--muted); background: #f3f4f6;
  font: 13px/var(--line-height) var(--code-font); overflow: hidden; user-select: none; }
#gutter div { height: var(--line-height); padding-right: 4px; }
#gutter div.error { color: var(--error); font-weight: bold; box-shadow: inset 3px 0 var(--error); }
#gutter div.warning { color: var(--warning); font-weight: bold; box-shadow: inset 3px 0 var(--warning); }
#gutter div.marked, #highlight-lines div.marked { background: var(--mark); }
.code { position: relative; flex: 1; min-width: 0; }
#highlight, #source { position: absolute; inset: 0; margin: 0; padding: 8px 10px; border: 0;
  font: 13px/var(--line-height) var(--code-font); white-space: pre; tab-size: 2; letter-spacing: 0; }
#highlight { overflow: hidden; pointer-events: none; }
#highlight-lines div { height: var(--line-height); }
#source { width: 100%; height: 100%; resize: none; background: transparent; color: transparent; caret-color: var(--text);
  overflow: auto; outline-offset: -3px; }
#source::selection { background: rgba(31, 95, 168, 0.25); color: transparent; }
.kw { color: var(--kw); font-weight: bold; }
.prop { color: var(--prop); }
.id { color: var(--id); font-weight: bold; }
.comment { color: var(--comment); font-style: italic; }
#findings { flex: 0 1 40%; overflow: auto; padding: 6px 14px 12px; background: var(--panel); }
#findings h2 { font-size: 15px; margin: 6px 0; }
#summary { margin: 0 0 6px; }
#finding-list { list-style: none; margin: 0; padding: 0; }
#finding-list li { margin: 0 0 6px; }
#finding-list button { display: block; width: 100%; text-align: left; border-left: 4px solid var(--line); background: #fff; padding: 6px 8px; }
#finding-list button.error { border-left-color: var(--error); }
#finding-list button.warning { border-left-color: var(--warning); }
#finding-list button.info { border-left-color: var(--info); }
#finding-list button.current { background: var(--mark); }
#finding-list .where { font-weight: bold; }
#finding-list .severity.error { color: var(--error); }
#finding-list .severity.warning { color: var(--warning); }
#finding-list .severity.info { color: var(--info); }
#finding-list .help { display: block; color: var(--muted); margin-top: 2px; }
#diagram-pane { display: flex; flex-direction: column; min-height: 0; padding: 8px 14px; overflow: hidden; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px 4px; margin: 0; display: inline-flex; gap: 8px; align-items: center; }
legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
#diagram-title { font-size: 17px; margin: 10px 0 2px; overflow-wrap: anywhere; }
#diagram-status { margin: 0 0 6px; }
#diagram-status.error { color: var(--error); }
#diagram { flex: 1; overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 4px; min-height: 200px; }
#diagram.stale svg { opacity: 0.45; }
#diagram.fit svg { width: 100%; height: auto; }
#indicators { flex: 0 1 auto; max-height: 38%; overflow: auto; margin-top: 8px; }
#indicators summary { font-weight: bold; cursor: pointer; }
#indicators.stale table { opacity: 0.45; }
#indicator-note { margin: 4px 0; }
.table-wrap { overflow: auto; }
#indicator-table { border-collapse: collapse; font-size: 13px; }
#indicator-table th, #indicator-table td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
#indicator-table th { background: #f3f4f6; position: sticky; top: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"""#

    static let icon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5fa8"/><path d="M6 10h7v5H6zM19 10h7v5h-7zM6 19h7v5H6zM19 19h7v5h-7z" fill="#fff"/><path d="M13 12.5h6M13 21.5h6" stroke="#fff" stroke-width="2"/></svg>
"""#
}
