"use strict";
// How the note builder composes a note: the same steps, in the same order, as sitegen's NoteComposer, FieldShape
// and NoteChecks in Swift, so a note reads the same on a sample page and in the builder (NotePropertyTests holds
// the two together). Pure functions only: node's test runner loads this file on its own (Tests/js), and the
// builder page inlines it before builder.js. Text is compared by code point with ASCII-only case rules and
// explicit character tables, which is what the Swift side does on Unicode scalars. The hints, the quality
// checks and usedFields are the builder's own and have no Swift counterpart.
const NoteCompose = (() => {
  const JOINS = { space: " ", line: "\n", paragraph: "\n\n" };
  const JOIN_ORDER = ["space", "line", "paragraph"];
  // FieldShape.space in Swift.
  const SPACE = /[ \t\n\r\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
  const QUOTES = [['"', '"'], ["'", "'"], ["\u201c", "\u201d"], ["\u2018", "\u2019"], ["\u00ab", "\u00bb"]];
  const CLOSING = ".!?\u2026";
  const PAUSING = ",;:";
  const TRAILING = {
    name: PAUSING + "?\u2026",
    line: PAUSING + ".",
    title: PAUSING + CLOSING,
    clause: PAUSING + CLOSING,
  };
  const SALUTATIONS = new Set(["dear", "hi", "hello"]);
  const ARTICLES = new Set(["the", "a", "an"]);
  const JOB_NOUNS = new Set(["role", "position", "job"]);
  const ABBREVIATIONS = new Set(
    "inc ltd co corp jr sr bros llc plc gmbh ag sa st dr mr mrs ms mx prof esq assn dept univ intl".split(" "));
  const LOWERABLE = new Set(
    ("a an the about all any at being both each every for from how in its many more much my new on our some that " +
      "their these this those to what when where which who why with your").split(" "));
  // FieldShape.notLetters in Swift.
  const NOT_LETTERS = [
    [0x2000, 0x2bff], [0x2e00, 0x2e7f], [0x3000, 0x303f], [0xfe00, 0xfe6f], [0xfeff, 0xfeff], [0xff00, 0xff0f],
    [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff65], [0x1f000, 0x1faff], [0xe0000, 0xe007f],
  ];

  function asciiLower(text) {
    return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  }

  function collapse(text) {
    return text.replace(SPACE, " ").replace(/^ | $/g, "");
  }

  // FieldShape.isLetterOrDigit in Swift, on one code point.
  function isLetterOrDigit(codePoint) {
    if (codePoint < 0x80) return /[A-Za-z0-9]/.test(String.fromCharCode(codePoint));
    if (codePoint < 0xc0 || codePoint === 0xd7 || codePoint === 0xf7) return false;
    return !NOT_LETTERS.some(([low, high]) => codePoint >= low && codePoint <= high);
  }

  function hasLetterOrDigit(text) {
    for (const character of text) if (isLetterOrDigit(character.codePointAt(0))) return true;
    return false;
  }

  function unquote(value) {
    if (value.length <= 2) return value;
    for (const [open, close] of QUOTES) {
      if (value[0] === open && value[value.length - 1] === close) return collapse(value.slice(1, -1));
    }
    return value;
  }

  // A word as the note's own words are compared with it: ASCII lowered, trailing marks dropped.
  function bare(word) {
    let end = word.length;
    while (end > 0 && (CLOSING + PAUSING).includes(word[end - 1])) end -= 1;
    return asciiLower(word.slice(0, end));
  }

  // FieldShape.tidyEnds in Swift: stray marks trimmed from both ends until none is left.
  function tidyEnds(value, trailing, oneEndMark) {
    const marks = CLOSING + PAUSING;
    for (;;) {
      const before = value;
      let run = 0;
      while (run < value.length && marks.includes(value[run])) run += 1;
      const keepsDot = run === 1 && value[0] === "." && value.length > 1 && isLetterOrDigit(value.codePointAt(1));
      if (run > 0 && !keepsDot) {
        value = value.slice(run);
        if (value[0] === " ") value = value.slice(1);
      }
      let end = value.length;
      while (end > 0 && (trailing.includes(value[end - 1]) || value[end - 1] === " ")) end -= 1;
      value = value.slice(0, end);
      if (oneEndMark) {
        const marksAtEnd = value.length - value.replace(/[.!]+$/, "").length;
        if (marksAtEnd >= 2) value = value.slice(0, value.length - marksAtEnd);
      }
      if (value === before) return value;
    }
  }

  // FieldShape.endsWithAbbreviation in Swift.
  function endsWithAbbreviation(value) {
    const word = value.split(" ").pop() || "";
    return [...word].length === 1 || word.includes(".") || ABBREVIATIONS.has(asciiLower(word));
  }

  function isSafeToLower(word) {
    if (!/^[A-Z][a-z]+$/.test(word)) return false;
    const lower = asciiLower(word);
    return lower.endsWith("ing") || LOWERABLE.has(lower);
  }

  // FieldShape.normalize in Swift.
  function normalize(raw, shape, after) {
    let value = unquote(collapse(typeof raw === "string" ? raw : ""));
    const words = value.split(" ").filter(Boolean);
    if (shape === "name") {
      if (words.length > 0 && SALUTATIONS.has(bare(words[0]))) words.shift();
    } else if (shape === "title") {
      if (words.length > 1 && ARTICLES.has(bare(words[0]))) words.shift();
      if (words.length > 1 && JOB_NOUNS.has(bare(words[words.length - 1]))) words.pop();
    } else if (shape === "clause") {
      const stem = collapse(after || "").split(" ").filter(Boolean).map(asciiLower);
      for (let count = stem.length; count >= 1; count -= 1) {
        if (words.length >= count && words.slice(0, count).map(bare).join(" ") === stem.slice(-count).join(" ")) {
          words.splice(0, count);
          break;
        }
      }
    }
    value = tidyEnds(words.join(" "), TRAILING[shape] || TRAILING.name, shape === "name");
    // A name keeps a full stop only after an abbreviation or an initial.
    if (shape === "name" && value.endsWith(".") && !endsWithAbbreviation(value.slice(0, -1))) {
      value = tidyEnds(value.slice(0, -1), TRAILING.name, true);
    }
    if (!hasLetterOrDigit(value)) return "";
    if (shape === "clause") {
      const parts = value.split(" ");
      if (isSafeToLower(parts[0])) parts[0] = asciiLower(parts[0][0]) + parts[0].slice(1);
      value = parts.join(" ");
    }
    return value;
  }

  // What the reader may want to know about a value: what was tidied, and what could not be.
  function hints(raw, field) {
    const typed = collapse(typeof raw === "string" ? raw : "");
    if (typed === "") return [];
    const used = normalize(raw, field.shape, field.after);
    const result = [];
    if (used !== typed) result.push({ kind: "tidied", text: "The note uses: \u201c" + used + "\u201d." });
    if (field.shape === "clause") {
      const after = field.after || "";
      if (/^I\b/.test(used)) {
        result.push({ kind: "check", text: "Start where \u201c" + after + " \u2026\u201d leaves off, not with a sentence of your own: for example \u201c" + field.example + "\u201d." });
      } else if (/\bto$/.test(after) && /^to\s/i.test(typed) && !/^\S+ing\b/.test(used)) {
        result.push({ kind: "check", text: "After \u201c\u2026 to\u201d, start with a word ending in -ing, such as \u201chelping\u201d." });
      } else if (/^[A-Z]/.test(used)) {
        result.push({ kind: "check", text: "This finishes a sentence, so start it with a small letter unless it begins with a name." });
      }
      if (/[.!?] /.test(used)) {
        result.push({ kind: "check", text: "This sits inside one sentence of the note: keep it to one thought, without a full stop in the middle." });
      }
    } else if (field.shape === "name" && /[a-z]/.test(used) && !/[A-Z]/.test(used) && !/[^\x00-\x7f]/.test(used)) {
      result.push({ kind: "check", text: "Names usually start with a capital letter. The note keeps what you type." });
    } else if (field.shape === "title" && /\s(at|for|with)\s/i.test(used)) {
      result.push({ kind: "check", text: "Just the job title: the note names the organization itself." });
    } else if (field.shape === "line" && /@/.test(used) && /[\s,;]|@.*@/.test(used)) {
      result.push({ kind: "check", text: "This goes on a line of its own: one email address or phone number is enough." });
    }
    return result;
  }

  function strongerJoin(a, b) {
    return JOIN_ORDER.indexOf(a) >= JOIN_ORDER.indexOf(b) ? a : b;
  }

  // Own keys only, so an id such as "constructor" never finds Object.prototype's.
  const own = (object, key) => object !== null && typeof object === "object" && Object.hasOwn(object, key);

  // NoteTemplate.Part.wording in Swift: the answer given, else the question's first; its variant, else the text.
  function wordingOf(part, answers, defaults) {
    if (!part.question) return part.wording;
    const answer = own(answers, part.question) ? answers[part.question] : defaults[part.question];
    return own(part.variants, answer) ? part.variants[answer] : part.wording;
  }

  function defaultAnswers(data) {
    const defaults = Object.create(null);
    for (const question of data.questions || []) defaults[question.id] = question.answers[0].id;
    return defaults;
  }

  // NoteComposer.fill in Swift.
  function fill(segments, values, fields, missing) {
    const runs = [];
    for (const segment of segments || []) {
      if (typeof segment.field === "string") {
        const field = fields.get(segment.field);
        if (!field) continue;
        const value = normalize(own(values, segment.field) ? values[segment.field] : "", field.shape, field.after);
        runs.push(value === "" ? { text: missing(field), field: field.id, blank: true } : { text: value, field: field.id, blank: false });
      } else if (typeof segment.text === "string") {
        let text = segment.text;
        const last = runs[runs.length - 1];
        if (last && last.field && !last.blank && text.startsWith(".") && CLOSING.includes(last.text[last.text.length - 1])) {
          text = text.slice(1);
        }
        if (text !== "") runs.push({ text, field: null, blank: false });
      }
    }
    return runs;
  }

  // NoteComposer.compose in Swift: the parts in the note, the text, the subject and each element's status.
  function compose(note, data, values, answers, off, missing) {
    const fields = new Map(data.fields.map((field) => [field.id, field]));
    const defaults = defaultAnswers(data);
    const blank = missing || ((field) => "[" + field.label + "]");
    const parts = [];
    const leftOut = new Set();
    // NoteComposer's `unsaid`: left out, or worded without its element; the part after uses its `alone` wording.
    const unsaid = new Set();
    let carried = null;
    note.parts.forEach((part, index) => {
      const join = JOINS[part.join] !== undefined ? part.join : "paragraph";
      if (part.element && off.has(part.element)) {
        leftOut.add(index);
        unsaid.add(index);
        carried = carried ? strongerJoin(carried, join) : join;
        return;
      }
      const wording = wordingOf(part, answers, defaults);
      const segments = index > 0 && unsaid.has(index - 1) && wording.alone ? wording.alone : wording.text;
      if (part.element && wording.covers === false) unsaid.add(index);
      parts.push({
        index,
        element: part.element || null,
        join: parts.length === 0 ? null : carried ? strongerJoin(carried, join) : join,
        runs: fill(segments, values, fields, blank),
        covers: wording.covers !== false,
        question: part.question || null,
      });
      carried = null;
    });
    let text = "";
    for (const part of parts) text += (part.join ? JOINS[part.join] : "") + part.runs.map((run) => run.text).join("");
    const statuses = Object.create(null);
    const missingFields = Object.create(null);
    note.parts.forEach((part, index) => {
      if (!part.element) return;
      if (leftOut.has(index)) {
        if (!statuses[part.element]) statuses[part.element] = "off";
        return;
      }
      const composed = parts.find((p) => p.index === index);
      if (!composed.covers) {
        if (!statuses[part.element] || statuses[part.element] === "off") statuses[part.element] = "unneeded";
        return;
      }
      const blanks = composed.runs.filter((run) => run.blank);
      missingFields[part.element] = (missingFields[part.element] || []).concat(blanks.map((run) => run.field));
      statuses[part.element] = blanks.length > 0 || statuses[part.element] === "blank" ? "blank" : "covered";
    });
    const subjectRuns = fill(note.subject, values, fields, blank);
    const subject = subjectRuns.map((run) => run.text).join("");
    return { parts, text, subject, subjectRuns, statuses, missingFields, leftOut, unsaid, words: wordCount(text) };
  }

  // String.wordCount in Swift: runs of characters other than space, tab, line feed and carriage return.
  function wordCount(text) {
    return text.split(/[ \t\n\r]+/).filter(Boolean).length;
  }

  // The fields a note uses with these answers and these elements on: only those are asked for.
  function usedFields(note, data, answers, off) {
    const composed = compose(note, data, {}, answers, off);
    const used = new Set(composed.subjectRuns.filter((run) => run.field).map((run) => run.field));
    for (const part of composed.parts) for (const run of part.runs) if (run.field) used.add(run.field);
    return used;
  }

  // The questions whose answers change the wording of a part this note has with these elements on.
  function usedQuestions(note, off) {
    return new Set(note.parts.filter((part) => part.question && !(part.element && off && off.has(part.element))).map((part) => part.question));
  }

  // NoteChecks.Pattern.matches in Swift.
  function fold(text) {
    return asciiLower(text).replace(/[\u2018\u2019]/g, "'");
  }

  function isWordChar(c) {
    return /[a-z0-9]/.test(c) || c.charCodeAt(0) > 0x7f;
  }

  function matches(pattern, text) {
    const haystack = fold(text);
    const needle = fold(pattern.phrase);
    if (needle === "" || haystack.length < needle.length) return false;
    const last = pattern.atStart ? 0 : haystack.length - needle.length;
    for (let start = 0; start <= last; start += 1) {
      if (haystack.slice(start, start + needle.length) !== needle) continue;
      const end = start + needle.length;
      const before = start === 0 || !isWordChar(haystack[start - 1]) || !isWordChar(needle[0]);
      const after = end === haystack.length || !isWordChar(haystack[end]) || !isWordChar(needle[needle.length - 1]);
      if (before && after) return true;
    }
    return false;
  }

  // The sentences of a note that carry a detail the reader can vary by person (a field not of `reader` scope)
  // within the template's words, for spotting the same detail in two notes. The reader's own name, the job and
  // the organization are the same in every note by design, and so are sentences holding nothing else.
  function sentencesWithValues(composed, fields) {
    const result = [];
    for (const part of composed.parts) {
      let sentence = "";
      let typed = false;
      let worded = false;
      const flush = () => {
        const clean = sentence.trim();
        if (typed && worded && clean !== "") result.push(clean);
        sentence = "";
        typed = false;
        worded = false;
      };
      for (const run of part.runs) {
        if (run.field && !run.blank) {
          sentence += run.text;
          const field = fields.find((f) => f.id === run.field);
          if (field && field.scope !== "reader") typed = true;
          continue;
        }
        if (/[A-Za-z]/.test(run.text)) worded = true;
        // Template text ends a sentence at ". ", "! " or "? " and at its end.
        const pieces = run.text.split(/(?<=[.!?])\s+/);
        pieces.forEach((piece, i) => {
          sentence += piece;
          if (i < pieces.length - 1) flush();
        });
      }
      flush();
    }
    return result;
  }

  // The three qualities of a good note, checked as guidance: what to look at and why, never a blocker.
  function qualities(composed, context) {
    const { data, values, fieldsUsed, others } = context;
    const checks = data.checks || { aim: 150, most: 200, why: "", stock: [], negative: [] };
    const sincere = [];
    for (const field of data.fields) {
      // Only details are someone else's when left as the example; a name may really be "Alex Morgan".
      if (!fieldsUsed.has(field.id) || field.shape !== "clause") continue;
      const value = normalize(own(values, field.id) ? values[field.id] : "", field.shape, field.after);
      if (value !== "" && asciiLower(value) === asciiLower(normalize(field.example, field.shape, field.after))) {
        sincere.push({ text: "\u201c" + field.label + "\u201d is still the example. Write your own.", why: "The example is someone else\u2019s detail; yours is what they will remember." });
      }
    }
    // A note whose template asks for details, with none of them given, has nothing of the reader's own in it.
    const detailFields = data.fields.filter((field) => field.scope !== "reader" && field.shape === "clause");
    const asksForDetails = detailFields.some((field) => fieldsUsed.has(field.id));
    const givesDetail = composed.parts.some((part) => part.runs.some((run) => run.field && !run.blank &&
      detailFields.some((field) => field.id === run.field)));
    if (asksForDetails && !givesDetail) {
      sincere.push({ text: "No detail of your own yet.", why: "A specific detail from your interviews is what tells them the note was written for them." });
    }
    const typedText = composed.parts.flatMap((part) => part.runs.filter((run) => run.field && !run.blank).map((run) => run.text)).join(" \u2022 ");
    for (const pattern of checks.stock || []) {
      if (matches(pattern, typedText)) sincere.push({ text: "\u201c" + pattern.phrase + "\u201d", why: pattern.why });
    }
    const mine = sentencesWithValues(composed, data.fields);
    for (const other of others || []) {
      const theirs = new Set(sentencesWithValues(other.composed, data.fields));
      const shared = mine.filter((sentence) => theirs.has(sentence));
      if (shared.length === 0) continue;
      sincere.push({
        text: (shared.length === 1 ? "This sentence is" : shared.length + " sentences are") + " also in the note for " + other.name + ": " +
          shared.map((sentence) => "\u201c" + sentence + "\u201d").join(" "),
        why: "People at one organization compare notes. Under \u201cSay something different to this person\u201d, give this note a detail of its own.",
      });
    }
    const positive = [];
    for (const pattern of checks.negative || []) {
      if (matches(pattern, composed.text)) positive.push({ text: "\u201c" + pattern.phrase + "\u201d", why: pattern.why });
    }
    const words = composed.words;
    let concise;
    if (words <= checks.aim) concise = { level: "ok", text: words + " words: concise.", why: checks.why };
    else if (words <= checks.most) concise = { level: "fine", text: words + " words: a little long. Aim for " + checks.aim + " or fewer.", why: checks.why };
    else concise = { level: "long", text: words + " words: too long. Trim it to " + checks.aim + " or fewer.", why: checks.why };
    return { sincere, concise, positive };
  }

  return { normalize, hints, compose, usedFields, usedQuestions, matches, qualities };
})();
if (typeof module !== "undefined" && module.exports) module.exports = NoteCompose;
