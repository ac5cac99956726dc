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


COMPOSE_CASES = """
const file = JSON.parse(arguments[0]);
// The data the page itself embeds, not the file's copy, so this is exactly what the builder composes from.
const data = JSON.parse(document.getElementById('note-data').textContent);
const notes = new Map(data.notes.map((note) => [note.id, note]));
const sorted = (object) => JSON.stringify(object, Object.keys(object).sort());
const mismatches = [];
for (const [index, c] of file.cases.entries()) {
  const got = NoteCompose.compose(notes.get(c.note), data, c.values, c.answers, new Set(c.off));
  if (got.text !== c.text || got.subject !== c.subject || got.words !== c.words ||
      sorted({...got.statuses}) !== sorted(c.statuses)) {
    mismatches.push({index, note: c.note, want: c.text, got: got.text});
  }
}
return {cases: file.cases.length, same: sorted(file.data) === sorted(data), mismatches: mismatches.slice(0, 5)};
"""


def test_chromium_composes_every_generated_case_as_swift_does(builder, parity_cases):
    result = builder.js(COMPOSE_CASES, parity_cases)
    assert result["cases"] >= 7000
    assert result["same"], "the property test's data is not the page's"
    assert result["mismatches"] == []
