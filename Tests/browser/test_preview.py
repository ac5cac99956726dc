"""The live preview, checklist and word count follow what the reader types."""

from selenium.common.exceptions import NoAlertPresentException


def test_typing_updates_preview_and_checklist(builder):
    first_note = builder.js("return JSON.parse(document.getElementById('note-data').textContent).notes[0]")
    interest_part = next(p for p in first_note["parts"] if p.get("element") == "interest")
    assert any(s.get("field") == "company" for s in interest_part["wording"]["text"]), "test assumes {{company}} in interest"

    assert "[Organization]" in builder.preview()
    assert builder.element_status(0, "interest") == "blank"

    builder.type(builder.reader_input("company"), "Harborview Software")

    preview = builder.preview()
    assert "Harborview Software" in preview
    assert "[Organization]" not in preview
    assert builder.element_status(0, "interest") == "covered"
    # The announcement waits for a pause in typing instead of speaking on every keystroke...
    assert builder.find("#builder-announcer").get_attribute("textContent") == ""
    # ...then says what changed, politely.
    builder.wait(lambda _: "Restate your interest" not in builder.find("#builder-announcer").get_attribute("textContent")
                 and "elements covered" in builder.find("#builder-announcer").get_attribute("textContent"))
    assert builder.find("#builder-announcer").get_attribute("aria-live") == "polite"


def test_switching_an_element_off_removes_it_and_marks_it_missing(builder):
    builder.fill_sample("notes/hiring-manager")
    before = builder.preview()
    box = builder.find('input[data-element="disappointment"]', builder.cards()[0])
    assert builder.element_status(0, "disappointment") == "covered"

    builder.click(box)

    after = builder.preview()
    assert "I’ll admit I’m disappointed." in before
    assert "disappointed" not in after
    assert builder.element_status(0, "disappointment") == "off"
    # The appreciation sentence joined the removed one with a space; it now opens the paragraph, and in the
    # wording it has for when the part it answered ("Still, ...") is left out.
    assert "\n\nI’m glad I had the chance" in after
    assert "Still," not in after
    assert "Elements covered: 5 of 6" in builder.find(".builder-checklist legend", builder.cards()[0]).text


def test_word_count_guides_toward_a_concise_note(builder):
    builder.fill_sample("notes/short-message")
    words = builder.find(".builder-words", builder.cards()[0])
    count = len(builder.preview().split())
    assert f"Concise: {count} words: concise." in words.text
    assert "builder-quality-ok" in words.get_attribute("class")

    builder.type(builder.reader_input("company"), "Copperleaf Studio " + "and friends " * 100)
    words = builder.find(".builder-words", builder.cards()[0])
    assert "builder-quality-check" in words.get_attribute("class")
    assert "too long. Trim it to 150 or fewer" in words.text


def test_markup_in_fields_stays_literal_text(builder):
    attack = "<img src=x onerror=alert(1)>"
    builder.js("window.__alerted = false; window.alert = () => { window.__alerted = true; };")
    builder.type(builder.reader_input("company"), attack)
    builder.type(builder.reader_input("your_name"), "<b>x</b>")
    builder.type(builder.person_input(0, "recipient_name"), '"><script>alert(2)</script>')

    preview = builder.preview()
    assert f"work at {attack}." in preview
    assert "<b>x</b>" in preview
    assert 'Dear "><script>alert(2)</script>,' in preview
    assert builder.find("h3", builder.cards()[0]).text == 'Note for "><script>alert(2)</script>'
    created = builder.js(
        "return document.querySelectorAll('#builder-app img, #builder-app b, #builder-app script').length")
    assert created == 0
    assert builder.js("return window.__alerted") is False
    try:
        builder.driver.switch_to.alert.dismiss()
        raise AssertionError("an alert opened")
    except NoAlertPresentException:
        pass
