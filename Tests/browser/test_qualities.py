"""Beside each note: is it sincere, concise and positive, and why each finding matters."""


def quality(builder, name, index=0):
    return next(q for q in builder.find_all(".builder-quality", builder.cards()[index]) if name in q.text)


def test_a_detail_left_as_the_example_is_not_sincere(builder):
    example = builder.js("return JSON.parse(document.getElementById('note-data').textContent)"
                         ".fields.find((f) => f.id === 'looked_forward').example")
    builder.type(builder.reader_input("looked_forward"), example)
    sincere = quality(builder, "Sincere")
    assert "is still the example" in sincere.text
    assert "someone else’s detail" in sincere.text


def test_a_stock_phrase_is_flagged_with_its_reason(builder):
    builder.type(builder.reader_input("looked_forward"), "the chance to grow with the company")
    sincere = quality(builder, "Sincere")
    assert "“grow with the company”" in sincere.text
    assert "Name a real project" in sincere.text


def test_asking_them_to_change_their_mind_is_not_positive(builder):
    builder.fill_sample("notes/hiring-manager")
    assert "builder-quality-ok" in quality(builder, "Positive").get_attribute("class")
    builder.type(builder.reader_input("learned"), "that you might change your mind if the new hire leaves")
    positive = quality(builder, "Positive")
    assert "builder-quality-check" in positive.get_attribute("class")
    assert "“change your mind”" in positive.text
    # Guidance, never a blocker: the note is still there to copy.
    assert "change your mind" in builder.preview(0)
    assert builder.action(0, "copy").is_enabled()


def test_every_sample_passes_all_three(builder, note_data):
    for note in note_data["notes"]:
        builder.fill_sample(note["id"])
        for name in ("Sincere", "Concise", "Positive"):
            block = quality(builder, name)
            assert "builder-quality-ok" in block.get_attribute("class"), (note["id"], block.text)
