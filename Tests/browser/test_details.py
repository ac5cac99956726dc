"""Each person's note can say something of its own, and the builder says where two notes say the same."""

from selenium.webdriver.common.by import By


def two_interviewers(builder):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.choose(builder.person_note_select(1), "notes/interviewer")
    builder.type(builder.person_input(1, "recipient_name"), "Priya")
    builder.type(builder.person_input(1, "talked_about"), "your research interviews")


def test_a_shared_detail_goes_into_every_note(builder):
    two_interviewers(builder)
    builder.type(builder.reader_input("looked_forward"), "Leading the dashboard rebuild.")
    for index in (0, 1):
        assert "looking forward to leading the dashboard rebuild." in builder.preview(index)


def test_a_detail_written_for_one_person_changes_only_their_note(builder):
    two_interviewers(builder)
    builder.own_details(1)
    builder.type(builder.person_input(1, "looked_forward"), "pairing with your analysts")
    assert "looking forward to pairing with your analysts." in builder.preview(1)
    assert "pairing" not in builder.preview(0)
    # The person's box says what everyone else gets.
    default = builder.find(".builder-default", builder.person_rows()[1])
    assert "building the member reporting dashboards with your group" in default.text


def test_a_sentence_repeated_in_another_note_is_pointed_out_until_it_differs(builder):
    two_interviewers(builder)
    sincere = builder.find(".builder-quality", builder.cards()[0])
    assert "also in the note for Priya" in sincere.text
    assert "I had been looking forward to building the member reporting dashboards" in sincere.text

    builder.own_details(1)
    builder.type(builder.person_input(1, "looked_forward"), "pairing with your analysts")
    builder.type(builder.person_input(1, "learned"), "how your branches share their numbers")

    sincere = builder.find(".builder-quality", builder.cards()[0])
    assert "builder-quality-ok" in sincere.get_attribute("class"), sincere.text


def test_each_hint_sits_under_its_own_field(builder):
    builder.add_person()
    builder.own_details(1)
    for row in builder.person_rows():
        for control in builder.find_all("[data-field]", row):
            if not builder.visible(control):
                continue
            hint = control.find_element(By.XPATH, "following-sibling::p[1]")
            assert hint.get_attribute("id") in control.get_attribute("aria-describedby").split()
            assert "builder-hint" in hint.get_attribute("class")


def test_long_answers_get_multi_line_boxes(builder):
    assert builder.reader_input("looked_forward").tag_name == "textarea"
    assert builder.reader_input("learned").tag_name == "textarea"
    assert builder.reader_input("company").tag_name == "input"


def test_what_the_note_made_of_a_value_is_shown_beside_it(builder):
    builder.type(builder.reader_input("looked_forward"), "Helping your team..")
    tidy = builder.find("#builder-field-looked_forward-tidy")
    assert tidy.text == "The note uses: “helping your team”."
    assert "looking forward to helping your team." in builder.preview(0)

    builder.type(builder.reader_input("company"), "harborview software")
    assert "capital letter" in builder.find("#builder-field-company-tidy").text
    assert "harborview software" in builder.preview(0)


def test_only_the_fields_a_note_uses_are_asked_for(builder):
    builder.choose(builder.person_note_select(0), "notes/short-message")
    assert not builder.visible(builder.find('details[data-role="own"]', builder.person_rows()[0]))
    assert not builder.visible(builder.person_question(0, "met"))
    assert not builder.visible(builder.reader_input("looked_forward"))
    assert not builder.visible(builder.reader_input("contact"))

    builder.choose(builder.person_note_select(0), "notes/interviewer")
    assert builder.visible(builder.person_input(0, "talked_about"))
    assert builder.visible(builder.person_question(0, "met"))
    builder.own_details(0)
    assert builder.visible(builder.person_input(0, "looked_forward"))
    assert builder.visible(builder.reader_input("looked_forward"))


def test_switching_an_element_off_hides_the_fields_only_it_used(builder):
    builder.choose(builder.person_note_select(0), "notes/interviewer")
    box = builder.find('input[data-element="appreciation"]', builder.cards()[0])
    builder.click(box)
    assert not builder.visible(builder.person_input(0, "talked_about"))
    assert not builder.visible(builder.reader_input("learned"))


def test_a_fold_with_a_detail_written_in_it_opens_on_its_own(builder):
    two_interviewers(builder)
    builder.own_details(1)
    builder.type(builder.person_input(1, "learned"), "how your branches share their numbers")
    builder.reopen_until(lambda: len(builder.person_rows()) == 2)
    assert builder.find('details[data-role="own"]', builder.person_rows()[1]).get_attribute("open") is not None
    assert builder.find('details[data-role="own"]', builder.person_rows()[0]).get_attribute("open") is None
