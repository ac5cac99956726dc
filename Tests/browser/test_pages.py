"""Every page of the guide as a reader meets it: accessible in both colour schemes at phone and desktop widths,
curly quotes wherever prose is shown, sample notes whose markers stay with their words, and paper output."""

import base64
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations

PAGES = ["index.html", "guide.html", "sending.html", "checklist.html", "notes/index.html",
         "notes/hiring-manager.html", "notes/recruiter.html", "notes/interviewer.html",
         "notes/short-message.html", "builder.html", "about.html", "404.html"]
SAMPLES = [page for page in PAGES if page.startswith("notes/") and page != "notes/index.html"]
PAPER = {"A4": (8.27, 11.69), "Letter": (8.5, 11)}


def test_the_list_is_every_page(site):
    assert sorted(PAGES) == sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def emulate(driver, width, scheme):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.fixture
def reset(driver):
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(reset, site, page, width, scheme):
    driver = reset
    emulate(driver, width, scheme)
    driver.get((site / page).as_uri())
    assert axe_violations(driver) == []


# ---------------------------------------------------------------------------------------------------------
# Typography

STRAIGHT_QUOTES = """
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
  acceptNode: (node) => node.parentElement.closest('script, style, code, textarea, noscript')
    ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
});
while (walker.nextNode()) {
  const text = walker.currentNode.textContent;
  if (/['"]/.test(text)) found.push(text.trim().slice(0, 80));
}
return found;
"""


@pytest.mark.parametrize("page", PAGES)
def test_prose_and_notes_use_curly_quotes(driver, site, page):
    driver.get((site / page).as_uri())
    assert driver.execute_script(STRAIGHT_QUOTES) == []


def test_notes_the_builder_writes_use_curly_quotes(builder):
    for sample in SAMPLES:
        builder.fill_sample(sample.removesuffix(".html"))
        assert "'" not in builder.preview() and "\u2019" in builder.preview() + builder.subject()
        assert builder.js(STRAIGHT_QUOTES) == []


# ---------------------------------------------------------------------------------------------------------
# Sample notes on screen

MARKERS = """
return [...document.querySelectorAll('.note-card .part-end')].map((end) => {
  const range = document.createRange();
  range.selectNodeContents(end.firstChild);
  const word = [...range.getClientRects()].pop();
  const tag = end.querySelector('.tag').getBoundingClientRect();
  return {word: end.firstChild.textContent, wordMiddle: (word.top + word.bottom) / 2, tagTop: tag.top,
          tagBottom: tag.bottom, gap: tag.left - word.right};
});
"""


@pytest.mark.parametrize("page", SAMPLES)
def test_each_marker_stays_on_the_line_of_its_last_word(reset, site, page):
    driver = reset
    driver.get((site / page).as_uri())
    for width in range(320, 1281, 24):
        emulate(driver, width, "light")
        markers = driver.execute_script(MARKERS)
        assert markers, "the note has no markers"
        for marker in markers:
            assert marker["tagTop"] <= marker["wordMiddle"] <= marker["tagBottom"], (width, marker)
            assert 0 <= marker["gap"] < 20, (width, marker)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_neighbouring_parts_are_told_apart(reset, site, scheme):
    driver = reset
    emulate(driver, 1280, scheme)
    for page in SAMPLES:
        driver.get((site / page).as_uri())
        tints = driver.execute_script(
            "return [...document.querySelectorAll('.note-card .part.covers')]"
            ".map((part) => getComputedStyle(part).backgroundColor)")
        assert len(tints) >= 4
        assert all(a != b for a, b in zip(tints, tints[1:])), (page, tints)
        assert len(set(tints)) == 2, (page, tints)


def test_the_card_sample_has_no_subject_line(driver, site):
    driver.get((site / "notes/short-message.html").as_uri())
    assert "Subject" not in driver.find_element(By.CSS_SELECTOR, "main").text
    driver.get((site / "notes/recruiter.html").as_uri())
    assert "Subject line:" in driver.find_element(By.CSS_SELECTOR, ".note-head").text


# ---------------------------------------------------------------------------------------------------------
# Paper


def print_pdf(driver, tmp_path, url, paper):
    driver.get(url)
    width, height = PAPER[paper]
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": width, "paperHeight": height})
    path = tmp_path / f"{paper}.pdf"
    path.write_bytes(base64.b64decode(result["data"]))
    return path


def pdf_pages(path):
    """The text of each printed page, its white space collapsed."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in text.stdout.rstrip("\f").split("\f")]


@pytest.mark.parametrize("paper", PAPER)
def test_the_checklist_prints_on_one_page(driver, site, tmp_path, paper):
    pages = pdf_pages(print_pdf(driver, tmp_path, (site / "checklist.html").as_uri(), paper))
    assert len(pages) == 1, [page[:200] for page in pages]
    for heading in ("Thank them for the news", "Ask them to think of you next time", "Before you send"):
        assert heading in pages[0]
    assert "Print this checklist" not in pages[0]


def test_the_print_button_prints_from_disk(driver, site):
    driver.get((site / "checklist.html").as_uri())
    driver.execute_script("window.printed = 0; window.print = () => { window.printed += 1; }")
    button = driver.find_element(By.CSS_SELECTOR, "button[data-print]")
    assert button.is_displayed() and button.text == "Print this checklist"
    button.click()
    assert driver.execute_script("return window.printed") == 1


def test_without_script_the_checklist_says_how_to_print(nojs_driver, site):
    nojs_driver.get((site / "checklist.html").as_uri())
    assert not nojs_driver.find_element(By.CSS_SELECTOR, "button[data-print]").is_displayed()
    assert "use your browser’s Print command" in nojs_driver.find_element(By.CSS_SELECTOR, "main").text


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("page", SAMPLES)
def test_a_sample_note_prints_whole_as_a_letter(driver, site, tmp_path, page, paper):
    pdf = print_pdf(driver, tmp_path, (site / page).as_uri(), paper)
    note = driver.execute_script("return document.querySelector('.note-text').textContent").strip().splitlines()
    note = [" ".join(line.split()) for line in note]
    greeting, signature = note[0], note[-1]
    printed = pdf_pages(pdf)
    # The greeting and the signature are on the same sheet.
    assert any(greeting in sheet and signature in sheet for sheet in printed), [sheet[:300] for sheet in printed]
    # Plain letter text: no underline or tint under the parts on paper.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        styles = driver.execute_script(
            "return [...document.querySelectorAll('.note-card .part.covers')].map((part) => {"
            "  const s = getComputedStyle(part);"
            "  return [s.textDecorationLine, s.borderBottomStyle, s.backgroundColor]; })")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert styles and all(style == ["none", "none", "rgba(0, 0, 0, 0)"] for style in styles), styles
