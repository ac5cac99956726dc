"""Copy, download, mail and print, for one note at a time."""

from urllib.parse import unquote

from conftest import wait_for_file

SPY_EXEC_COMMAND = """
window.__copied = [];
const original = document.execCommand.bind(document);
document.execCommand = (command, ...rest) => {
  const result = original(command, ...rest);
  if (command === 'copy') window.__copied.push({text: document.activeElement.value, result});
  return result;
};
"""


def test_copy_falls_back_to_exec_command_without_clipboard_api(builder):
    builder.fill_sample("notes/recruiter")
    # As on file:// in browsers without the Clipboard API there.
    builder.js("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});")
    builder.js(SPY_EXEC_COMMAND)
    copy = builder.action(0, "copy")

    builder.click(copy)

    builder.wait(lambda _: builder.status(0) != "")
    assert builder.status(0).startswith("Copied the note to the clipboard")
    assert builder.js("return window.__copied") == [{"text": builder.preview(0), "result": True}]
    # The temporary textarea is gone and focus is back on the button.
    assert builder.js("return document.querySelectorAll('.builder-offscreen').length") == 0
    assert builder.driver.switch_to.active_element == copy


def test_copy_uses_the_clipboard_api_when_it_works(builder):
    builder.fill_sample("notes/recruiter")
    builder.js("""
      window.__written = null;
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
        writeText: (text) => { window.__written = text; return Promise.resolve(); }}});
    """)
    builder.js(SPY_EXEC_COMMAND)

    builder.click(builder.action(0, "copy"))

    builder.wait(lambda _: builder.status(0) != "")
    assert builder.status(0).startswith("Copied the note to the clipboard")
    assert builder.js("return window.__written") == builder.preview(0)
    assert builder.js("return window.__copied") == []


def test_copy_failure_is_reported_and_the_text_selected(builder):
    builder.fill_sample("notes/recruiter")
    builder.js("""
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
        writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}});
      document.execCommand = () => false;
    """)

    builder.click(builder.action(0, "copy"))

    builder.wait(lambda _: builder.status(0) != "")
    assert builder.status(0).startswith("Could not copy automatically")
    assert builder.js("return window.getSelection().toString()") == builder.preview(0)


def test_download_saves_a_text_file_named_after_the_recipient(builder, driver, tmp_path):
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    builder.fill_sample("notes/hiring-manager")
    builder.js("""
      window.__blobs = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { const url = create(blob); window.__blobs.push({url, blob}); return url; };
      window.__links = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        window.__links.push({href: this.href, download: this.download});
        return click.call(this);
      };
    """)

    builder.click(builder.action(0, "download"))

    expected = builder.preview(0)
    links = builder.js("return window.__links")
    assert len(links) == 1
    assert links[0]["href"].startswith("blob:")
    assert links[0]["download"] == "thank-you-note-mr-alvarez.txt"
    blob = builder.driver.execute_async_script("""
      const done = arguments[arguments.length - 1];
      const {url, blob} = window.__blobs[0];
      blob.text().then((text) => done({url, type: blob.type, text}));
    """)
    assert blob["url"] == links[0]["href"]
    assert blob["type"].startswith("text/plain")
    assert blob["text"] == expected
    saved = wait_for_file(tmp_path / "thank-you-note-mr-alvarez.txt")
    assert saved.read_text(encoding="utf-8") == expected
    assert "thank-you-note-mr-alvarez.txt" in builder.status(0)


def test_mail_link_carries_subject_and_body(builder):
    builder.fill_sample("notes/interviewer")
    href = builder.action(0, "mail").get_attribute("href")

    assert href.startswith("mailto:")
    query = href.split("?", 1)[1]
    params = dict(pair.split("=", 1) for pair in query.split("&"))
    assert set(params) == {"subject", "body"}
    assert unquote(params["subject"]) == builder.subject(0)
    # RFC 6068: every line break in the body is CRLF.
    assert unquote(params["body"]) == builder.preview(0).replace("\n", "\r\n")
    assert "%0A" in params["body"] and "%0A" not in params["body"].replace("%0D%0A", "")
    assert builder.subject(0) == "Thank you for our conversation about the Data Analyst position"
    # Nothing needing encoding is left raw (encodeURIComponent was used).
    assert not any(c in query for c in " \n,'")


def test_print_shows_only_that_note(builder, driver):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Ms. Okafor")
    builder.js("""
      window.__printed = [];
      window.print = () => window.__printed.push({
        marked: [...document.querySelectorAll('.builder-print-target')].map((n) => n.id),
        one: document.documentElement.classList.contains('builder-print-one')});
    """)
    first, second = builder.cards()

    builder.click(builder.action(1, "print"))

    assert builder.js("return window.__printed") == [{"marked": [second.get_attribute("id")], "one": True}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    visible = "return arguments[0].checkVisibility()"
    assert builder.js(visible, first) is False
    assert builder.js(visible, builder.find(".builder-preview", second)) is True
    assert builder.js(visible, builder.find("#builder-reader-fields")) is False
    assert builder.js(visible, builder.find(".builder-person-fields")) is False
    assert builder.js(visible, builder.find(".builder-actions", second)) is False
    assert builder.js(visible, builder.find(".builder-checklist", second)) is False
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    builder.js("window.dispatchEvent(new Event('afterprint'))")
    assert builder.js("return document.querySelectorAll('.builder-print-target').length") == 0
    assert builder.js("return document.documentElement.classList.contains('builder-print-one')") is False


def pdf_text(driver):
    """What Chromium's print to PDF puts on paper, as text (pdftotext, from poppler-utils)."""
    import base64
    import subprocess

    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {})["data"])
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode("utf-8")


def test_printing_one_note_puts_that_note_and_nothing_else_on_paper(builder, driver):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Ms. Okafor")
    builder.js("window.print = () => {}")
    builder.click(builder.action(1, "print"))

    paper = pdf_text(driver)
    assert "Dear Ms. Okafor," in paper
    assert "Dear Tom," not in paper
    assert "About you and the job" not in paper


def test_printing_all_notes_puts_each_on_its_own_page(builder, driver):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Ms. Okafor")

    pages = pdf_text(driver).split("\f")
    assert any("Dear Tom," in page and "Ms. Okafor" not in page for page in pages)
    assert any("Dear Ms. Okafor," in page and "Dear Tom," not in page for page in pages)


def test_printing_a_later_note_on_a_phone_starts_on_the_first_page(builder, driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        builder.open()
        builder.fill_sample("notes/interviewer")
        builder.add_person()
        builder.type(builder.person_input(1, "recipient_name"), "Ms. Okafor")
        builder.js("window.print = () => {}")
        builder.click(builder.action(1, "print"))
        pages = [page for page in pdf_text(driver).split("\f") if page.strip()]
        assert len(pages) == 1 and "Dear Ms. Okafor," in pages[0]
        assert pdf_text(driver).split("\f")[0].strip() != ""
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
