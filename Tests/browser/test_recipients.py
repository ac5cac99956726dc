"""One note per person the reader met, each addressed to that person."""


def test_one_note_per_recipient(builder):
    builder.type(builder.person_input(0, "recipient_name"), "Ms. Okafor")
    builder.add_person()
    assert len(builder.person_rows()) == 2
    # The new row's first field has focus, so the reader can type straight away.
    assert builder.driver.switch_to.active_element == builder.person_input(1, "recipient_name")
    builder.type(builder.person_input(1, "recipient_name"), "Tom")

    cards = builder.cards()
    assert len(cards) == 2
    assert builder.find("h3", cards[0]).text == "Note for Ms. Okafor"
    assert builder.find("h3", cards[1]).text == "Note for Tom"
    assert builder.preview(0).startswith("Dear Ms. Okafor,")
    assert builder.preview(1).startswith("Dear Tom,")
    assert "Tom" not in builder.preview(0)


def test_each_person_can_get_a_different_note(builder, note_data):
    builder.type(builder.person_input(0, "recipient_name"), "Ms. Okafor")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Dana")
    recruiter = next(n for n in note_data["notes"] if n["id"] == "notes/recruiter")
    builder.click(builder.person_note_select(1))
    builder.person_note_select(1).find_element("css selector", 'option[value="notes/recruiter"]').click()

    assert builder.find(".builder-note-kind", builder.cards()[1]).text.lower() == recruiter["title"].lower()
    assert builder.preview(1).startswith("Hi Dana,")
    assert builder.preview(0).startswith("Dear Ms. Okafor,")


def test_removing_a_person_removes_their_note(builder):
    builder.type(builder.person_input(0, "recipient_name"), "Ms. Okafor")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Tom")
    builder.click(builder.find('button[data-role="remove"]', builder.person_rows()[0]))

    assert len(builder.person_rows()) == 1
    assert len(builder.cards()) == 1
    assert builder.preview(0).startswith("Dear Tom,")
    # The last person stays: without anyone there would be no note at all.
    assert not builder.find('button[data-role="remove"]', builder.person_rows()[0]).is_enabled()


def test_a_removed_person_comes_back_with_undo(builder):
    builder.type(builder.person_input(0, "recipient_name"), "Ms. Okafor")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Tom")
    builder.choose(builder.person_note_select(1), "notes/interviewer")
    builder.type(builder.person_input(1, "talked_about"), "your migration plan")
    builder.click(builder.find('button[data-role="remove"]', builder.person_rows()[0]))

    # The message and its undo sit by the list of people, where the removed row was, and take focus.
    status = builder.find("#builder-people-status")
    assert status.text.startswith("Removed Ms. Okafor and their note.")
    undo = builder.find('button[data-role="undo"]', status)
    assert builder.driver.switch_to.active_element == undo
    builder.click(undo)

    assert [builder.person_input(i, "recipient_name").get_attribute("value") for i in (0, 1)] == ["Ms. Okafor", "Tom"]
    assert builder.preview(0).startswith("Dear Ms. Okafor,")
    assert "your migration plan" in builder.preview(1)
    assert status.text == "Brought back Ms. Okafor and their note."


def test_the_limit_on_people_is_explained_where_add_is(builder):
    limit = builder.find("#builder-add-limit")
    assert not limit.is_displayed()
    builder.js("for (let i = 0; i < 25; i += 1) document.getElementById('builder-add').click()")
    assert len(builder.person_rows()) == 20
    assert not builder.find("#builder-add").is_enabled()
    assert limit.is_displayed() and "up to 20 people" in limit.text
