"""The browser fills every note template exactly as sitegen does."""

from conftest import swift_note


def test_every_sample_note_matches_the_swift_text(builder, site, note_data):
    mismatches = []
    for note in note_data["notes"]:
        builder.fill_sample(note["id"])
        assert len(builder.cards()) == 1
        assert builder.person_note_select(0).get_attribute("value") == note["id"]
        swift = swift_note(site, note["id"])
        browser_text = builder.preview(0)
        if browser_text != swift["text"]:
            mismatches.append((note["id"], "text", swift["text"], browser_text))
        if swift["subject"] is not None and builder.subject(0) != swift["subject"]:
            mismatches.append((note["id"], "subject", swift["subject"], builder.subject(0)))
        words = builder.find(".builder-words", builder.cards()[0]).text
        if swift["words"] is not None and f"Concise: {swift['words']} words" not in words:
            mismatches.append((note["id"], "word count", swift["words"], words))
        assert "[" not in browser_text, f"{note['id']}: the sample leaves a field blank"
    assert mismatches == []
