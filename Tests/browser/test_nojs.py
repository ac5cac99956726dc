"""Without JavaScript the page offers every template as a printable fill-in-the-blanks note."""

from selenium.webdriver.common.by import By

JOINS = {"paragraph": "\n\n", "line": "\n", "space": " "}


def blank_text(note, labels, questions):
    """The note with every value blank, in the situation its sample describes."""
    text = ""
    for index, part in enumerate(note["parts"]):
        if index:
            text += JOINS[part["join"]]
        wording = part["wording"]
        if part.get("question"):
            answer = note["answers"].get(part["question"], questions[part["question"]]["answers"][0]["id"])
            wording = part["variants"].get(answer, wording)
        text += "".join(s["text"] if "text" in s else f"________ ({labels[s['field']]})" for s in wording["text"])
    return text


def test_without_javascript_the_blank_notes_show(nojs_driver, builder_url, note_data):
    nojs_driver.get(builder_url)

    app = nojs_driver.find_element(By.ID, "builder-app")
    assert not app.is_displayed(), "the interactive form must stay hidden without JavaScript"
    blank = nojs_driver.find_element(By.ID, "builder-blank")
    assert blank.is_displayed()
    notes = blank.find_elements(By.CSS_SELECTOR, ".builder-blank-note")
    assert len(notes) == len(note_data["notes"])
    labels = {f["id"]: f["label"] for f in note_data["fields"]}
    questions = {q["id"]: q for q in note_data["questions"]}
    for element, note in zip(notes, note_data["notes"]):
        assert element.is_displayed()
        assert element.find_element(By.CSS_SELECTOR, "h3").text == note["title"]
        card = element.find_element(By.CSS_SELECTOR, ".builder-blank-card")
        assert card.get_attribute("innerText").strip() == blank_text(note, labels, questions)
    assert "________ (Your name)" in blank.text
