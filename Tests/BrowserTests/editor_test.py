#!/usr/bin/env python3
"""The browser editor in a real browser: headless Chromium driven by Selenium.

Run by Tests/PTServerTests/BrowserTests.swift (so `swift test` runs it). Starts the built
`programteori serve` on a free port in a temporary folder, types a model, watches the diagram
appear, makes a typo, follows the finding to its line, fixes it, saves, and reads the file back
from disk. Screenshots go to $PT_ARTEFACTS; with $PT_DOCS_SCREENSHOT set, the one showing the
editor with a diagram and a finding is also written there (docs/billeder/editor.png).

Environment: PT_BINARY (the programteori executable), PT_ARTEFACTS (a folder for screenshots).
Exit 0 when every step passed; 1 with the failing step on stderr.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

MODEL = """programteori: Mentorforløb for unge
  kommune: Testkommune

målgruppe MG: Unge ledige 18-29 år
  kendetegn: Uden uddannelse

aktivitet A1: Ugentlige mentorsamtaler
  fører til: D1

delmål D1: Den unge møder stabilt op
  fører til: S1
  indikator D1.1: Fremmøde til aftaler
    enhed: procent
    baseline: 55 (2024)
    mål: 80 senest 2027-12-31
    datakilde: Fagsystemet
    frekvens: månedlig

slutmål S1: Den unge er i uddannelse
  indikator S1.1: Andel i uddannelse
    enhed: procent
    baseline: 20 (2024)
    mål: 40 senest 2027-12-31
    datakilde: jobindsats.dk
    frekvens: kvartalsvis

mekanisme M1: Tillid til en fast voksen
  understøtter: A1

aktivitet A2: Praktik i en virksomhed
  fører til: D1"""

HOSTILE_TITLE = '<img src=x onerror="window.__ptXSS=1"><script>window.__ptXSS=2</script>'


def step(message):
    print("•", message, flush=True)


def find_chromedriver():
    for candidate in [shutil.which("chromedriver"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]:
        if candidate and os.path.exists(candidate):
            return candidate
    raise SystemExit("chromedriver mangler: kør bash scripts/setup.sh (Debian-pakken chromium-driver)")


def start_server(binary, folder):
    environment = dict(os.environ, PROGRAMTEORI_INGEN_BROWSER="1", LANG="C.UTF-8")
    process = subprocess.Popen([binary, "serve", folder, "--port", "0", "--ingen-browser"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment)
    deadline = time.time() + 120
    seen = []
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise SystemExit("programteori serve skrev ingen adresse:\n" + "".join(seen))


def svg_texts(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('#diagram svg text')].map(t => t.textContent).join(' | ');")


def main():
    binary = os.environ["PT_BINARY"]
    artefacts = os.environ.get("PT_ARTEFACTS") or tempfile.mkdtemp(prefix="pt-browser-")
    os.makedirs(artefacts, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="pt-editor-")
    with open(os.path.join(folder, "eksisterende.pt"), "w", encoding="utf-8") as existing:
        existing.write("programteori: En model, der lå der i forvejen\nslutmål S1: Noget bedre\n")

    server, url = start_server(binary, folder)
    step(f"server kører på {url} i {folder}")
    options = Options()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1600,1000", "--lang=da-DK", "--no-first-run", "--disable-extensions"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(find_chromedriver()), options=options)
    wait = WebDriverWait(driver, 60)
    try:
        driver.get(url)
        wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        options_text = driver.execute_script("return [...document.querySelectorAll('#model-list option')].map(o => o.value)")
        assert "eksisterende.pt" in options_text, options_text
        step("siden er indlæst, og mappens model står i listen")

        driver.find_element(By.ID, "new-model").click()
        name = driver.find_element(By.ID, "file-name")
        name.clear()
        name.send_keys("mentorforloeb.pt")
        source = driver.find_element(By.ID, "source")
        source.send_keys(Keys.CONTROL, "a")
        source.send_keys(Keys.DELETE)
        source.send_keys(MODEL)
        assert driver.execute_script("return document.getElementById('source').value") == MODEL
        step("modellen er skrevet i editoren")

        wait.until(lambda d: "Ugentlige mentorsamtaler" in svg_texts(d) and "Den unge er i uddannelse" in svg_texts(d))
        texts = svg_texts(driver)
        for expected in ["Unge ledige 18-29 år", "Den unge møder stabilt op", "Tillid til en fast voksen"]:
            assert expected in texts, (expected, texts)
        keywords = driver.execute_script("return [...document.querySelectorAll('#highlight-lines .kw')].map(e => e.textContent)")
        assert keywords[:3] == ["programteori", "målgruppe", "aktivitet"], keywords
        step("diagrammet er tegnet med modellens tekster, og nøgleordene er fremhævet")
        plan = driver.execute_script(
            "return [...document.querySelectorAll('#indicator-table tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
        assert [row[3] for row in plan] == ["D1.1", "S1.1"], plan
        assert plan[0][4] == "Fremmøde til aftaler", plan
        step("indikatorplanen står under diagrammet")

        # A typo: the last activity's last line points at an ID that does not exist.
        source.send_keys(Keys.CONTROL, Keys.END)
        source.send_keys(Keys.BACKSPACE, "9")
        typo_line = MODEL.count("\n") + 1
        finding = wait.until(lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "#finding-list button")
                                             if "PT201" in b.text), None))
        assert f"linje {typo_line}" in finding.text, finding.text
        assert "D9" in finding.text and "D1" in finding.text, finding.text
        assert driver.find_element(By.ID, "diagram").get_attribute("data-state") == "stale"
        assert "Ugentlige mentorsamtaler" in svg_texts(driver), "the last good diagram must stay"
        step(f"tastefejlen giver fundet PT201 på linje {typo_line}, og det seneste gode diagram bliver stående")

        finding.click()
        selection = driver.execute_script(
            "const s = document.getElementById('source');"
            "const before = s.value.slice(0, s.selectionStart);"
            "return [before.split('\\n').length, s.value.slice(s.selectionStart, s.selectionEnd), document.activeElement.id];")
        assert selection == [typo_line, "D9", "source"], selection
        marked = driver.execute_script("return [...document.querySelectorAll('#gutter div.marked')].map(e => e.textContent)")
        assert marked == [str(typo_line)], marked
        step("et klik på fundet markerer linjen og vælger det ukendte ID i teksten")
        driver.save_screenshot(os.path.join(artefacts, "editor-fejl.png"))

        source.send_keys(Keys.CONTROL, Keys.END)
        source.send_keys(Keys.BACKSPACE, "1")
        wait.until(lambda d: d.find_element(By.ID, "diagram").get_attribute("data-state") == "current"
                   and not any("PT201" in b.text for b in d.find_elements(By.CSS_SELECTOR, "#finding-list button")))
        step("rettelsen fjerner fundet, og diagrammet er opdateret igen")

        # The screenshot for docs/: a fresh diagram and a finding (a warning) followed to its line.
        warnings = driver.find_elements(By.CSS_SELECTOR, "#finding-list button.warning, #finding-list button.info")
        if warnings:
            warnings[0].click()
        screenshot = os.path.join(artefacts, "editor.png")
        driver.save_screenshot(screenshot)
        documented = os.environ.get("PT_DOCS_SCREENSHOT")
        if documented:
            shutil.copyfile(screenshot, documented)
        step(f"skærmbillede gemt i {screenshot}")

        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: "Gemt" in d.find_element(By.ID, "status").text)
        expected = driver.execute_script("return document.getElementById('source').value")
        with open(os.path.join(folder, "mentorforloeb.pt"), encoding="utf-8") as saved:
            on_disk = saved.read()
        assert on_disk == expected and on_disk.endswith("fører til: D1"), on_disk[-80:]
        step("gemt: filen ligger i mappen med den nye tekst")

        # A second save on top of a change made elsewhere is refused and says so.
        with open(os.path.join(folder, "mentorforloeb.pt"), "a", encoding="utf-8") as other:
            other.write("\n# ændret i et andet program\n")
        source.send_keys(Keys.CONTROL, Keys.END)
        source.send_keys("\n# min ændring")
        driver.find_element(By.ID, "save").click()
        wait.until(lambda d: "ændret et andet sted" in d.find_element(By.ID, "status").text)
        with open(os.path.join(folder, "mentorforloeb.pt"), encoding="utf-8") as kept:
            assert kept.read().endswith("# ændret i et andet program\n")
        step("en gemning oven på en ændring et andet sted afvises med en forklaring")

        # A title with HTML in it is shown as text and runs nothing.
        driver.execute_script("window.confirm = () => true;")
        driver.find_element(By.ID, "new-model").click()
        source.send_keys(Keys.CONTROL, "a")
        source.send_keys(Keys.DELETE)
        source.send_keys(f"programteori: {HOSTILE_TITLE}\nmålgruppe MG: Borgere\nslutmål S1: <b>ikke fed</b>")
        wait.until(lambda d: d.find_element(By.ID, "diagram-title").text == HOSTILE_TITLE)
        wait.until(lambda d: "<b>ikke fed</b>" in svg_texts(d))
        assert driver.execute_script("return window.__ptXSS === undefined && !document.querySelector('#diagram b, #diagram img, #diagram script, main img')")
        step("en titel med <script> og <img> vises som tekst, og intet køres")

        # Formatér: the canonical layout of `programteori fmt`, put in the editor.
        source.send_keys(Keys.CONTROL, "a")
        source.send_keys(Keys.DELETE)
        source.send_keys("Programteori:   Rodet tekst\nmaalgruppe MG:Borgere\nslutmål S1: Bedre liv")
        driver.find_element(By.ID, "format").click()
        wait.until(lambda d: d.execute_script("return document.getElementById('source').value").startswith("programteori: Rodet tekst\n"))
        assert "målgruppe MG: Borgere" in driver.execute_script("return document.getElementById('source').value")
        wait.until(lambda d: "Formateret" in d.find_element(By.ID, "status").text)
        step("Formatér giver teksten den faste form, som programteori fmt skriver")
        return 0
    except Exception as error:  # noqa: BLE001 — report every failure with a screenshot
        driver.save_screenshot(os.path.join(artefacts, "fejlede.png"))
        with open(os.path.join(artefacts, "fejlede.html"), "w", encoding="utf-8") as page:
            page.write(driver.page_source)
        print(f"FEJL: {type(error).__name__}: {error}", file=sys.stderr)
        print(f"skærmbillede og side i {artefacts}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
