"""Shared fixtures for the note builder's browser tests.

The site is built once per session into a temporary folder with the sitegen binary, and pages are opened
from there through file:// URLs in headless Chromium, exactly as a reader who saved the page would.

Environment:
  SITEGEN_BIN   the sitegen binary (default: <repo>/.build/debug/sitegen)
  SITEGEN_ROOT  the project folder holding content/ and themes/ (default: the repository root)
"""

import html
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO_ROOT = Path(__file__).resolve().parents[2]
SITEGEN_BIN = Path(os.environ.get("SITEGEN_BIN", REPO_ROOT / ".build" / "debug" / "sitegen"))
SITEGEN_ROOT = Path(os.environ.get("SITEGEN_ROOT", REPO_ROOT))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


# ---------------------------------------------------------------------------------------------------------
# The built site


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Builds the site once into TMP/site and returns that folder."""
    if not SITEGEN_BIN.exists():
        pytest.fail(f"sitegen binary not found at {SITEGEN_BIN}; build it or set SITEGEN_BIN")
    output = tmp_path_factory.mktemp("sitegen") / "site"
    result = subprocess.run(
        [str(SITEGEN_BIN), "build", "--root", str(SITEGEN_ROOT), "--output", str(output)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"sitegen build failed:\n{result.stdout}\n{result.stderr}"
    assert (output / "builder.html").is_file(), "the build wrote no builder.html"
    return output


@pytest.fixture(scope="session")
def builder_url(site):
    return (site / "builder.html").as_uri()


@pytest.fixture(scope="session")
def note_data(site):
    """The JSON the builder page embeds: elements, fields and note templates."""
    page = (site / "builder.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="note-data">(.*?)</script>', page, re.S)
    assert match, "builder.html has no note-data block"
    data = json.loads(match.group(1))
    assert data["notes"], "the note data lists no notes"
    return data


def swift_note(site, note_id):
    """What sitegen rendered on a sample note page: its plain text, and its subject and word count if shown."""
    page = (site / f"{note_id}.html").read_text(encoding="utf-8")
    text = re.search(r'<pre class="note-text">(.*?)</pre>', page, re.S)
    assert text, f"{note_id}.html has no <pre class=\"note-text\">"
    subject = re.search(r"subject line: <q>(.*?)</q>", page, re.S)
    words = re.search(r"\((\d+) words\)", page)
    return {
        "text": html.unescape(text.group(1)),
        "subject": html.unescape(subject.group(1)) if subject else None,
        "words": int(words.group(1)) if words else None,
    }


# ---------------------------------------------------------------------------------------------------------
# Browsers


def chrome_options(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    # Performance logging records every network request the page makes; browser logging, the console.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return options


@pytest.fixture(scope="session")
def driver():
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=chrome_options())
    yield chrome
    chrome.quit()


@pytest.fixture
def nojs_driver():
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=chrome_options(javascript=False))
    yield chrome
    chrome.quit()


# ---------------------------------------------------------------------------------------------------------
# The builder page


class BuilderPage:
    """Small helpers over the builder page, so tests read as what a reader does."""

    def __init__(self, driver, url):
        self.driver = driver
        self.url = url

    def open(self):
        self.driver.get(self.url)
        self.wait(lambda _: self.js("return !document.getElementById('builder-app').hidden"))
        # The page's confirm() dialogs (Clear all, replacing typed details) are answered yes unless a test
        # says otherwise.
        self.js("window.confirm = () => true")
        return self

    def reopen_until(self, condition, timeout=5):
        """Opens the page again until `condition()` holds, as a reader reloading it would.

        Chromium hands a page's localStorage writes to its browser process asynchronously, and the reopened
        page may run in a new renderer process, so on a busy machine its first read can miss the last write.
        A draft that never comes back still fails the test when the time is up."""
        deadline = time.monotonic() + timeout
        while True:
            self.open()
            if condition():
                return self
            if time.monotonic() > deadline:
                raise AssertionError("the reopened page never showed the expected draft")
            time.sleep(0.1)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, condition, timeout=5):
        return WebDriverWait(self.driver, timeout).until(condition)

    def find(self, css, root=None):
        return (root or self.driver).find_element(By.CSS_SELECTOR, css)

    def find_all(self, css, root=None):
        return (root or self.driver).find_elements(By.CSS_SELECTOR, css)

    def click(self, element):
        """Clicks like a reader. The site scrolls smoothly, so wait until the element is in view first."""
        self.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        self.wait(lambda _: self.js(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth", element))
        element.click()

    def type(self, element, text, clear=True):
        self.click(element)
        if clear:
            element.clear()
        element.send_keys(text)

    # Form

    def reader_input(self, field_id):
        return self.find(f"#builder-field-{field_id}")

    def person_rows(self):
        return self.find_all("#builder-recipients > li")

    def person_input(self, index, field_id):
        return self.find(f'[data-field="{field_id}"]', self.person_rows()[index])

    def person_note_select(self, index):
        return self.find('select[data-role="note"]', self.person_rows()[index])

    def own_details(self, index):
        """Opens a person's "say something different" fold, where the shared details can be overridden."""
        fold = self.find('details[data-role="own"]', self.person_rows()[index])
        if not fold.get_attribute("open"):
            self.click(self.find("summary", fold))
        return fold

    def person_question(self, index, question_id):
        return self.find(f'select[data-question="{question_id}"]', self.person_rows()[index])

    def reader_question(self, question_id):
        return self.find(f"#builder-question-{question_id}")

    def choose(self, select, value):
        """Picks an option of a select as a reader does: open it, click the option."""
        self.click(select)
        select.find_element(By.CSS_SELECTOR, f'option[value="{value}"]').click()

    def visible(self, element):
        return self.js("return arguments[0].checkVisibility()", element)

    def add_person(self):
        self.click(self.find("#builder-add"))

    def fill_sample(self, note_id):
        self.click(self.find(f'button[data-sample="{note_id}"]'))

    # Notes

    def cards(self):
        return self.find_all("#builder-app .builder-note")

    def preview(self, index=0):
        return self.js("return arguments[0].querySelector('.builder-preview').textContent", self.cards()[index])

    def subject(self, index=0):
        return self.js("return arguments[0].querySelector('.builder-note-subject-text').textContent", self.cards()[index])

    def element_status(self, index, element_id):
        """covered, blank, off or absent, from the checklist item's class."""
        box = self.find(f'input[data-element="{element_id}"]', self.cards()[index])
        item = box.find_element(By.XPATH, "./ancestor::li[1]")
        classes = item.get_attribute("class").split()
        return next(c.removeprefix("builder-element-") for c in classes if c != "builder-element")

    def action(self, index, role):
        return self.find(f'[data-role="{role}"]', self.cards()[index])

    def status(self, index=0):
        return self.find(".builder-status", self.cards()[index]).text


def clear_storage(driver):
    """Empties localStorage for file:// pages in the browser process itself.

    `localStorage.clear()` run in a page is passed on asynchronously, so it may reach the browser process after
    the writes of the next page, which then loses its draft."""
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": "file://", "storageTypes": "local_storage"})


@pytest.fixture
def builder(driver, builder_url):
    """The builder, freshly opened with no saved draft and empty logs."""
    clear_storage(driver)
    page = BuilderPage(driver, builder_url).open()
    driver.get_log("browser")
    driver.get_log("performance")
    yield page
    # Leave no draft behind for the next test.
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.get("about:blank")
        clear_storage(driver)
    except Exception:  # noqa: BLE001 - cleanup must not mask the test's own failure
        pass


def wait_for_file(path, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return path
        time.sleep(0.1)
    raise AssertionError(f"{path} was not written")


# ---------------------------------------------------------------------------------------------------------
# axe-core, from the axe-playwright-python wheel (installed without its dependencies: only the file is used)


def axe_source():
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "axe-playwright-python is not installed (bash .ci/install test)"
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(driver):
    """Every axe-core violation of any impact on the page as it is now, as (rule, impact, first targets)."""
    driver.execute_script(axe_source())
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then((r) => done(r.violations.map((v) => [v.id, v.impact, v.nodes.slice(0, 3).map((n) => n.target.join(' '))])))",
        AXE_TAGS)


# ---------------------------------------------------------------------------------------------------------
# The property test's cases, composed by Swift


@pytest.fixture(scope="session")
def parity_cases(tmp_path_factory):
    """The cases NotePropertyTests composed in Swift, as it wrote them to SITEGEN_PARITY_CASES.

    `.ci/test` sets the variable for `swift test`, so the file is already there; run alone, this asks
    `swift test` for that one test."""
    path = Path(os.environ.get("SITEGEN_PARITY_CASES", tmp_path_factory.mktemp("parity") / "parity.json"))
    if not path.exists():
        subprocess.run(
            ["swift", "test", "--filter", "NotePropertyTests/theBuilderComposesWhatSwiftComposes"],
            cwd=REPO_ROOT, env={**os.environ, "SITEGEN_PARITY_CASES": str(path)}, check=True,
            capture_output=True, timeout=1200)
    assert path.exists(), f"swift test wrote no cases to {path}"
    return path.read_text(encoding="utf-8")
