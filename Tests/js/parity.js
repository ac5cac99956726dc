"use strict";
// Composes every case of a file that NotePropertyTests wrote (the builder's data, and cases with the text,
// subject and element statuses Swift composed) with the builder's own NoteCompose, and prints every case
// whose result differs, as JSON: `{"cases": N, "mismatches": [...]}`.
const fs = require("node:fs");
const path = require("node:path");
const NoteCompose = require(path.join(__dirname, "../../themes/default/inline/builder.compose.js"));

const { data, cases } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const notes = new Map(data.notes.map((note) => [note.id, note]));
const mismatches = [];
for (const [index, testCase] of cases.entries()) {
  const composed = NoteCompose.compose(notes.get(testCase.note), data, testCase.values, testCase.answers, new Set(testCase.off));
  const got = { text: composed.text, subject: composed.subject, statuses: composed.statuses, words: composed.words };
  const want = { text: testCase.text, subject: testCase.subject, statuses: testCase.statuses, words: testCase.words };
  const sorted = (object) => JSON.stringify(object, Object.keys(object).sort());
  if (got.text !== want.text || got.subject !== want.subject || got.words !== want.words ||
      sorted(got.statuses) !== sorted(want.statuses)) {
    mismatches.push({ index, note: testCase.note, values: testCase.values, want, got });
  }
}
process.stdout.write(JSON.stringify({ cases: cases.length, mismatches: mismatches.slice(0, 10) }));
