"use strict";
// The builder's composing logic on its own, with node's built-in test runner: `node --test Tests/js`.
// The data is the guide's own, read from a fresh build's builder page by `SITEGEN_BUILDER` when set, else
// from output/builder.html, which CI checks is what `sitegen build` makes from this checkout.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const NoteCompose = require(path.join(__dirname, "../../themes/default/inline/builder.compose.js"));

const page = fs.readFileSync(process.env.SITEGEN_BUILDER || path.join(__dirname, "../../output/builder.html"), "utf8");
const data = JSON.parse(page.match(/<script type="application\/json" id="note-data">(.*?)<\/script>/s)[1]);
const note = (id) => data.notes.find((n) => n.id === "notes/" + id);
const field = (id) => data.fields.find((f) => f.id === id);
const compose = (id, values, answers = {}, off = []) => NoteCompose.compose(note(id), data, values, answers, new Set(off));

test("a clause loses the capital, punctuation and lead-in it was typed with", () => {
  const lookedForward = field("looked_forward");
  assert.equal(NoteCompose.normalize("Helping your team..", "clause", lookedForward.after), "helping your team");
  assert.equal(NoteCompose.normalize("looking forward to Leading it!", "clause", lookedForward.after), "leading it");
  assert.equal(NoteCompose.normalize("Python migrations.", "clause", lookedForward.after), "Python migrations");
});

test("a name is kept as typed, without the salutation", () => {
  assert.equal(NoteCompose.normalize("Dear Dana,", "name"), "Dana");
  assert.equal(NoteCompose.normalize("eBay", "name"), "eBay");
  assert.equal(NoteCompose.normalize("Acme Inc.", "name"), "Acme Inc.");
});

test("hints say what was tidied and what only the reader can fix", () => {
  const tidied = NoteCompose.hints("Helping your team..", field("looked_forward"));
  assert.deepEqual(tidied.map((h) => h.kind), ["tidied"]);
  const capital = NoteCompose.hints("Python migrations", field("looked_forward"));
  assert.deepEqual(capital.map((h) => h.kind), ["check"]);
  assert.match(NoteCompose.hints("harborview software", field("company"))[0].text, /capital letter/);
  assert.deepEqual(NoteCompose.hints("", field("company")), []);
});

test("a clause typed as a sentence, or as an infinitive, gets a hint the note cannot fix", () => {
  const lookedForward = field("looked_forward");
  assert.match(NoteCompose.hints("I was hoping to help your team", lookedForward).at(-1).text, /leaves off/);
  assert.match(NoteCompose.hints("To help your team ship faster", lookedForward).at(-1).text, /ending in -ing/);
  assert.match(NoteCompose.hints("the Designer role at Acme", field("role")).at(-1).text, /names the organization/);
});

test("a part whose neighbour is off uses its own wording", () => {
  const sample = note("hiring-manager").sample;
  const text = compose("hiring-manager", sample, {}, ["disappointment"]).text;
  assert.ok(!text.includes("Still,"));
  assert.ok(text.includes("\n\nI’m glad I had the chance"));
});

test("the answer to who told you the news chooses the wording", () => {
  const sample = note("recruiter").sample;
  assert.match(compose("recruiter", sample, { news: "automated" }).text, /I received the email/);
  assert.match(compose("recruiter", sample, { news: "recruiter" }).text, /directly from you/);
});

test("only the fields a note uses with its answers are asked for", () => {
  const used = NoteCompose.usedFields(note("short-message"), data, {}, new Set());
  assert.ok(used.has("company"));
  assert.ok(!used.has("looked_forward"));
  const interviewer = NoteCompose.usedFields(note("interviewer"), data, {}, new Set(["appreciation"]));
  assert.ok(!interviewer.has("talked_about"));
});

test("a detail repeated in another note is pointed out, the reader's own name is not", () => {
  const values = { ...note("interviewer").sample };
  const tom = compose("interviewer", { ...values, recipient_name: "Tom" });
  const priya = compose("interviewer", { ...values, recipient_name: "Priya" });
  const checks = NoteCompose.qualities(tom, {
    data, values, fieldsUsed: NoteCompose.usedFields(note("interviewer"), data, {}, new Set()),
    others: [{ name: "Priya", composed: priya }],
  });
  assert.equal(checks.sincere.length, 1);
  assert.match(checks.sincere[0].text, /also in the note for Priya/);
  assert.ok(!checks.sincere[0].text.includes(values.your_name));
  const alone = NoteCompose.qualities(tom, { data, values, fieldsUsed: new Set(), others: [] });
  assert.deepEqual(alone.sincere, []);
});

test("stock and negative phrases are flagged with their reason", () => {
  const values = { ...note("hiring-manager").sample, looked_forward: "growing with the company, and I hope you reconsider my application" };
  const composed = compose("hiring-manager", values);
  const checks = NoteCompose.qualities(composed, { data, values, fieldsUsed: new Set(Object.keys(values)), others: [] });
  assert.ok(checks.positive.some((finding) => finding.text === "\u201creconsider my application\u201d" && finding.why.length > 0));
  const stock = NoteCompose.qualities(compose("hiring-manager", { ...values, looked_forward: "a great opportunity to grow with the company" }),
    { data, values, fieldsUsed: new Set(), others: [] });
  assert.ok(stock.sincere.some((finding) => finding.text === "\u201cgrow with the company\u201d"));
});

test("a note over the length guidance says so and why", () => {
  const values = { ...note("hiring-manager").sample, learned: "how ".repeat(120) + "you work" };
  const checks = NoteCompose.qualities(compose("hiring-manager", values), { data, values, fieldsUsed: new Set(), others: [] });
  assert.equal(checks.concise.level, "long");
  assert.equal(checks.concise.why, data.checks.why);
});

test("innocent uses of a word are not flagged", () => {
  const values = { ...note("hiring-manager").sample, learned: "how you reconsider a design, your well-deserved reputation, and why customers were frustrated" };
  const checks = NoteCompose.qualities(compose("hiring-manager", values), { data, values, fieldsUsed: new Set(), others: [] });
  assert.deepEqual(checks.positive, []);
});

test("a detail typed as the example, however capitalised, is still the example", () => {
  const example = field("looked_forward").example;
  const values = { ...note("hiring-manager").sample, looked_forward: example[0].toUpperCase() + example.slice(1) + "." };
  const checks = NoteCompose.qualities(compose("hiring-manager", values), {
    data, values, fieldsUsed: NoteCompose.usedFields(note("hiring-manager"), data, {}, new Set()), others: [] });
  assert.ok(checks.sincere.some((finding) => /still the example/.test(finding.text)));
});

test("a note with no detail of the reader's own is not yet sincere", () => {
  const checks = NoteCompose.qualities(compose("interviewer", {}), {
    data, values: {}, fieldsUsed: NoteCompose.usedFields(note("interviewer"), data, {}, new Set()), others: [] });
  assert.ok(checks.sincere.some((finding) => finding.text === "No detail of your own yet."));
});

test("a wording that leaves its element out lets the next part speak alone", () => {
  const sample = note("hiring-manager").sample;
  const composed = compose("hiring-manager", sample, { news: "automated" });
  assert.equal(composed.statuses.outcome, "unneeded");
  assert.ok(!composed.text.includes("too, for the time"));
});

test("phrases match whole words only, whatever the apostrophe", () => {
  assert.ok(NoteCompose.matches({ phrase: "why I wasn't", atStart: false }, "Can you say why I wasn\u2019t chosen?"));
  assert.ok(!NoteCompose.matches({ phrase: "unfair", atStart: false }, "unfairly"));
  assert.ok(!NoteCompose.matches({ phrase: "Still,", atStart: true }, "I'm Still, here"));
});
