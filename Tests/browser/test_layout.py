"""The note stays in view: beside the form on wide screens, right after its person's details on phones."""


def test_on_a_wide_screen_the_note_being_edited_is_beside_its_fields(builder, driver):
    driver.set_window_size(1280, 900)
    builder.open()
    builder.fill_sample("notes/interviewer")
    for name in ("Priya", "Sam", "Lee"):
        builder.add_person()
        builder.type(builder.person_input(len(builder.person_rows()) - 1, "recipient_name"), name)
    field = builder.person_input(3, "recipient_name")
    builder.type(field, "Lee")
    card = builder.cards()[3]
    # The card, or when it is taller than the column, its text: what the reader is changing.
    box = builder.js("const f = arguments[0].getBoundingClientRect(), c = arguments[1].getBoundingClientRect();"
                     "const t = arguments[1].querySelector('.builder-preview').getBoundingClientRect();"
                     "return {fieldRight: f.right, cardLeft: c.left, textTop: t.top, h: innerHeight}",
                     field, card)
    assert box["cardLeft"] >= box["fieldRight"], box
    assert 0 <= box["textTop"] < box["h"] / 2, box
    assert "builder-note-current" in card.get_attribute("class")


def test_on_a_phone_each_note_follows_its_persons_details(builder, driver):
    driver.set_window_size(390, 900)
    try:
        builder.open()
        builder.add_person()
        for index, row in enumerate(builder.person_rows()):
            gap = builder.js("const f = arguments[0].querySelector('fieldset').getBoundingClientRect();"
                             "const c = arguments[0].querySelector('.builder-note').getBoundingClientRect();"
                             "return c.top - f.bottom", row)
            assert 0 <= gap < 40, (index, gap)
        assert not builder.find("#builder-notes").is_displayed()
    finally:
        driver.set_window_size(1280, 1000)


def test_turning_a_phone_to_a_wide_screen_moves_the_notes_beside_the_form(builder, driver):
    driver.set_window_size(390, 900)
    try:
        builder.open()
        builder.type(builder.person_input(0, "recipient_name"), "Dana")
        driver.set_window_size(1280, 900)
        builder.wait(lambda _: builder.find("#builder-notes").is_displayed())
        assert builder.js("return document.querySelector('#builder-notes .builder-note') !== null")
        assert builder.preview(0).startswith("Dear Dana,")
    finally:
        driver.set_window_size(1280, 1000)
