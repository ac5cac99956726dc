"""The draft is kept in localStorage, cleared on request, and its absence is survivable."""

STORAGE_KEY = "sitegen-note-builder:draft"

BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});
"""


def fill_a_draft(builder):
    builder.type(builder.reader_input("your_name"), "Alex Morgan")
    builder.type(builder.reader_input("company"), "Harborview Software")
    builder.type(builder.person_input(0, "recipient_name"), "Ms. Okafor")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Dana")
    builder.person_note_select(1).find_element("css selector", 'option[value="notes/recruiter"]').click()
    builder.click(builder.find('input[data-element="courtesy"]', builder.cards()[0]))


def test_draft_survives_a_reload(builder):
    fill_a_draft(builder)
    before = [builder.preview(0), builder.preview(1)]
    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is not None

    builder.reopen_until(lambda: builder.reader_input("your_name").get_attribute("value") == "Alex Morgan")

    assert builder.reader_input("company").get_attribute("value") == "Harborview Software"
    assert [r.get_attribute("value") for r in builder.find_all('#builder-recipients input[data-field="recipient_name"]')] \
        == ["Ms. Okafor", "Dana"]
    assert builder.person_note_select(1).get_attribute("value") == "notes/recruiter"
    assert not builder.find('input[data-element="courtesy"]', builder.cards()[0]).is_selected()
    assert builder.element_status(0, "courtesy") == "off"
    assert [builder.preview(0), builder.preview(1)] == before
    assert not builder.find("#builder-storage-notice").is_displayed()


def test_clear_all_empties_the_draft(builder):
    fill_a_draft(builder)
    builder.js("window.__asked = 0; window.confirm = () => { window.__asked += 1; return true; };")

    builder.click(builder.find("#builder-clear"))

    assert builder.js("return window.__asked") == 1
    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is None
    assert builder.reader_input("your_name").get_attribute("value") == ""
    assert len(builder.person_rows()) == 1
    assert builder.person_input(0, "recipient_name").get_attribute("value") == ""
    assert builder.preview(0).startswith("Dear [Their name],")
    assert "Cleared" in builder.find("#builder-draft-status").text

    builder.reopen_until(lambda: builder.reader_input("your_name").get_attribute("value") == "")
    assert len(builder.cards()) == 1


def test_clear_all_asks_first(builder):
    builder.type(builder.reader_input("your_name"), "Alex Morgan")
    builder.js("window.confirm = () => false")

    builder.click(builder.find("#builder-clear"))

    assert builder.reader_input("your_name").get_attribute("value") == "Alex Morgan"
    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is not None


def test_blocked_storage_still_works_and_says_so(builder, driver):
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BLOCK_STORAGE})
    try:
        builder.open()
        assert builder.js("try { window.localStorage; return false; } catch (e) { return true; }")

        notice = builder.find("#builder-storage-notice")
        assert notice.is_displayed()
        assert "will not be kept" in notice.text
        builder.type(builder.reader_input("company"), "Harborview Software")
        assert "Harborview Software" in builder.preview(0)
        builder.fill_sample("notes/recruiter")
        assert builder.preview(0).startswith("Hi Dana,")
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def test_keep_nothing_forgets_the_draft_and_stores_no_details(builder):
    fill_a_draft(builder)
    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is not None
    builder.click(builder.find("#builder-keep-nothing"))

    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is None
    builder.type(builder.reader_input("company"), "Another Company")
    assert builder.js(f"return localStorage.getItem('{STORAGE_KEY}')") is None
    stored = builder.js("return Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k))")
    assert stored == ["sitegen-note-builder:keep-nothing=1"]
    assert "Nothing is kept on this device" in builder.find("#builder-draft-status").text
    # The paragraph about the draft no longer promises to keep it.
    assert builder.find("#builder-draft-hint").text.startswith("Nothing you type is kept on this device")

    builder.reopen_until(lambda: builder.find("#builder-keep-nothing").is_selected())
    assert builder.reader_input("company").get_attribute("value") == ""


def test_keep_nothing_can_be_turned_off_again(builder):
    builder.click(builder.find("#builder-keep-nothing"))
    builder.type(builder.reader_input("company"), "Harborview Software")
    builder.click(builder.find("#builder-keep-nothing"))
    assert "Harborview Software" in builder.js(f"return localStorage.getItem('{STORAGE_KEY}')")
