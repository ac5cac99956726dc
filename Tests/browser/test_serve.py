"""`sitegen serve` in a real browser: open pages reload after a change, and a failed build shows an overlay
while the last good page stays served. The pages come from a copy of the project in a temporary folder."""

import shutil
import socket
import subprocess
import time

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO_ROOT, SITEGEN_BIN


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """A copy of the project served by `sitegen serve`; yields (base URL, project folder)."""
    root = tmp_path / "project"
    for folder in ("content", "themes"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    port = free_port()
    server = subprocess.Popen(
        [str(SITEGEN_BIN), "serve", "--root", str(root), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            line = server.stdout.readline()
            if "serving on" in line:
                break
        else:
            pytest.fail("sitegen serve did not start")
        yield f"http://127.0.0.1:{port}", root
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not (root / "output").exists(), "serve wrote an output folder"


def wait(driver, condition, timeout=10):
    """Waits for `condition`, ignoring the moments when the page is being replaced by a reload: then an element
    found a moment before can be gone (stale, or "does not belong to the document"), whatever the error's class."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(condition)


def main_text(driver):
    """The text of the page's <main>, read in one script so no element handle outlives a reload."""
    return driver.execute_script("const main = document.querySelector('main'); return main ? main.innerText : ''")


def append(path, text):
    with open(path, "a", encoding="utf-8") as file:
        file.write(text)


def test_an_open_page_reloads_after_its_source_changes(driver, served):
    base, root = served
    driver.get(base + "/guide.html")
    driver.execute_script("window.sitegenTestMark = 'before reload'")
    append(root / "content" / "guide.md", "\nA sentence added while serving.\n")
    wait(driver, lambda d: "A sentence added while serving." in main_text(d))
    assert driver.execute_script("return window.sitegenTestMark") is None, "the page was not reloaded"


def test_a_failed_build_shows_an_overlay_and_keeps_the_last_good_page(driver, served):
    base, root = served
    driver.get(base + "/guide.html")
    guide = root / "content" / "guide.md"
    good = guide.read_text(encoding="utf-8")
    append(guide, "\nSee [nowhere](missing-page.md).\n")
    overlay = wait(driver, lambda d: d.find_elements(By.ID, "sitegen-error-overlay"))[0]
    assert "content/guide.md:" in overlay.text
    assert "missing-page.md" in overlay.text
    assert overlay.get_attribute("role") == "alert"
    driver.refresh()
    assert "nowhere" not in main_text(driver), "the broken build was served"
    guide.write_text(good + "\nFixed again.\n", encoding="utf-8")
    wait(driver, lambda d: "Fixed again." in main_text(d))
    assert not driver.find_elements(By.ID, "sitegen-error-overlay")


def names_another_server(message, base):
    """Whether a browser log message is about a page of a local server other than the one at `base`."""
    return message.startswith("http://127.0.0.1:") and not message.startswith(base + "/")


def test_the_reload_script_passes_the_builder_pages_content_security_policy(driver, served):
    base, root = served
    driver.get_log("browser")  # start from an empty log
    driver.get(base + "/builder.html")
    driver.execute_script("window.sitegenTestMark = 'before reload'")
    append(root / "content" / "builder.md", "\nChanged while serving.\n")
    wait(driver, lambda d: "Changed while serving." in main_text(d))
    assert driver.execute_script("return window.sitegenTestMark") is None, "the page was not reloaded"
    # A page an earlier test left, whose server has stopped, can log its failed reconnect late; only what names
    # another server is left out.
    severe = [
        entry
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and not names_another_server(entry["message"], base)
    ]
    assert severe == [], severe
