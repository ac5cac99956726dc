"use strict";
// How the note builder composes a note: the same rules, line for line, as sitegen's NoteComposer, FieldShape
// and NoteChecks in Swift, so a note reads the same on a sample page and in the builder. Pure functions only:
// node's test runner loads this file on its own (Tests/js), and the builder page inlines it before builder.js.
// Text is handled as UTF-16 code units with ASCII-only case rules, which is what the Swift side matches.
const NoteCompose = (() => {
  const JOINS = { space: " ", line: "\n", paragraph: "\n\n" };
  const JOIN_ORDER = ["space", "line", "paragraph"];
  const SPACE = /[ \t\n\r\v\f\u00a0\u2000-\u200a\u2028\u2029\u202f\u3000\ufeff]+/g;
  const QUOTES = [['"', '"'], ["'", "'"], ["\u201c", "\u201d"], ["\u2018", "\u2019"], ["\u00ab", "\u00bb"]];
  const TRAILING = {
    name: ",;:?\u2026",
    line: ",;:.",
    title: ",;:.!?\u2026",
    clause: ",;:.!?\u2026",
  };
  const SALUTATIONS = new Set(["dear", "hi", "hello"]);
  const ARTICLES = new Set(["the", "a", "an"]);
  const JOB_NOUNS = new Set(["role", "position", "job"]);
  const LOWERABLE = new Set(
    ("a an the about all any at being both each every for from how in its many more much my new on our some that " +
      "their these this those to what when where which who why with your").split(" "));

  function asciiLower(text) {
    return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  }

  function collapse(text) {
    return text.replace(SPACE, " ").replace(/^ | $/g, "");
  }

  function unquote(value) {
    if (value.length <= 2) return value;
    for (const [open, close] of QUOTES) {
      if (value[0] === open && value[value.length - 1] === close) return collapse(value.slice(1, -1));
    }
    return value;
  }

  function stripTrailing(value, set) {
    let end = value.length;
    while (end > 0 && (set.includes(value[end - 1]) || value[end - 1] === " ")) end -= 1;
    return value.slice(0, end);
  }

  function isSafeToLower(word) {
    if (!/^[A-Z][a-z]+$/.test(word)) return false;
    const lower = asciiLower(word);
    return lower.endsWith("ing") || LOWERABLE.has(lower);
  }

  // FieldShape.normalize in Swift.
  function normalize(raw, shape, after) {
    let value = collapse(typeof raw === "string" ? raw : "");
    if (shape === "clause" || shape === "title") value = unquote(value);
    value = value.replace(/^[,;:.!?]+(?: |$)/, "");
    value = stripTrailing(value, TRAILING[shape] || TRAILING.name);
    // A name may end in one "." or "!" ("Acme Inc.", "Yahoo!"), never in two.
    if (shape === "name" && /[.!]{2,}$/.test(value)) value = stripTrailing(value.replace(/[.!]+$/, ""), "");
    if (!/[\p{L}\p{N}]/u.test(value)) return "";
    const words = value.split(" ").filter(Boolean);
    if (shape === "name") {
      if (words.length > 1 && SALUTATIONS.has(asciiLower(words[0]))) words.shift();
    } else if (shape === "title") {
      if (words.length > 1 && ARTICLES.has(asciiLower(words[0]))) words.shift();
      if (words.length > 1 && JOB_NOUNS.has(asciiLower(words[words.length - 1]))) words.pop();
    } else if (shape === "clause") {
      const stem = (after || "").split(" ").filter(Boolean).map(asciiLower);
      for (let count = stem.length; count >= 1; count -= 1) {
        if (words.length > count && words.slice(0, count).map(asciiLower).join(" ") === stem.slice(-count).join(" ")) {
          words.splice(0, count);
          break;
        }
      }
      if (words.length > 0 && isSafeToLower(words[0])) words[0] = asciiLower(words[0][0]) + words[0].slice(1);
    }
    return words.join(" ");
  }

  // What the reader may want to know about a value: what was tidied, and what could not be.
  function hints(raw, field) {
    const typed = collapse(typeof raw === "string" ? raw : "");
    if (typed === "") return [];
    const used = normalize(raw, field.shape, field.after);
    const result = [];
    if (used !== typed) result.push({ kind: "tidied", text: "The note uses: \u201c" + used + "\u201d." });
    if (field.shape === "clause") {
      if (/^[A-Z]/.test(used) && !/^I\b/.test(used)) {
        result.push({ kind: "check", text: "This finishes a sentence, so start it with a small letter unless it begins with a name." });
      }
      if (/[.!?] /.test(used)) {
        result.push({ kind: "check", text: "This sits inside one sentence of the note: keep it to one thought, without a full stop in the middle." });
      }
    } else if (field.shape === "name" && /[a-z]/.test(used) && !/[A-Z]/.test(used) && !/[^\x00-\x7f]/.test(used)) {
      result.push({ kind: "check", text: "Names usually start with a capital letter. The note keeps what you type." });
    } else if (field.shape === "line" && /\s/.test(used)) {
      result.push({ kind: "check", text: "This goes on a line of its own: one email address or phone number is enough." });
    }
    return result;
  }

  function strongerJoin(a, b) {
    return JOIN_ORDER.indexOf(a) >= JOIN_ORDER.indexOf(b) ? a : b;
  }

  function wordingOf(part, answers, defaults) {
    if (!part.question) return part.wording;
    const answer = answers[part.question] || defaults[part.question];
    return (part.variants && part.variants[answer]) || part.wording;
  }

  // NoteComposer.fill in Swift.
  function fill(segments, values, fields, missing) {
    const runs = [];
    for (const segment of segments || []) {
      if (typeof segment.field === "string") {
        const field = fields.get(segment.field);
        if (!field) continue;
        const value = normalize(values[segment.field] || "", field.shape, field.after);
        runs.push(value === "" ? { text: missing(field), field: field.id, blank: true } : { text: value, field: field.id, blank: false });
      } else if (typeof segment.text === "string") {
        let text = segment.text;
        const last = runs[runs.length - 1];
        if (last && last.field && !last.blank && text.startsWith(".") && /[.!?\u2026]$/.test(last.text)) text = text.slice(1);
        if (text !== "") runs.push({ text, field: null, blank: false });
      }
    }
    return runs;
  }

  // NoteComposer.compose in Swift: the parts in the note, the text, the subject and each element's status.
  function compose(note, data, values, answers, off, missing) {
    const fields = new Map(data.fields.map((field) => [field.id, field]));
    const defaults = Object.fromEntries((data.questions || []).map((q) => [q.id, q.answers[0].id]));
    const blank = missing || ((field) => "[" + field.label + "]");
    const parts = [];
    const leftOut = new Set();
    let carried = null;
    note.parts.forEach((part, index) => {
      const join = JOINS[part.join] !== undefined ? part.join : "paragraph";
      if (part.element && off.has(part.element)) {
        leftOut.add(index);
        carried = carried ? strongerJoin(carried, join) : join;
        return;
      }
      const wording = wordingOf(part, answers, defaults);
      const segments = index > 0 && leftOut.has(index - 1) && wording.alone ? wording.alone : wording.text;
      parts.push({
        index,
        element: part.element || null,
        join: parts.length === 0 ? null : carried ? strongerJoin(carried, join) : join,
        runs: fill(segments, values, fields, blank),
      });
      carried = null;
    });
    let text = "";
    for (const part of parts) text += (part.join ? JOINS[part.join] : "") + part.runs.map((run) => run.text).join("");
    const statuses = {};
    const missingFields = {};
    note.parts.forEach((part, index) => {
      if (!part.element) return;
      if (leftOut.has(index)) {
        if (!statuses[part.element]) statuses[part.element] = "off";
        return;
      }
      const composed = parts.find((p) => p.index === index);
      const blanks = composed.runs.filter((run) => run.blank);
      missingFields[part.element] = (missingFields[part.element] || []).concat(blanks.map((run) => run.field));
      statuses[part.element] = blanks.length > 0 || statuses[part.element] === "blank" ? "blank" : "covered";
    });
    const subject = fill(note.subject, values, fields, blank).map((run) => run.text).join("");
    return { parts, text, subject, statuses, missingFields, leftOut, words: wordCount(text) };
  }

  // String.wordCount in Swift: runs of characters other than space, tab, line feed and carriage return.
  function wordCount(text) {
    return text.split(/[ \t\n\r]+/).filter(Boolean).length;
  }

  // The fields a note uses with these answers and these elements on: only those are asked for.
  function usedFields(note, data, answers, off) {
    const defaults = Object.fromEntries((data.questions || []).map((q) => [q.id, q.answers[0].id]));
    const used = new Set();
    const add = (segments) => (segments || []).forEach((s) => typeof s.field === "string" && used.add(s.field));
    add(note.subject);
    note.parts.forEach((part, index) => {
      if (part.element && off.has(part.element)) return;
      const wording = wordingOf(part, answers, defaults);
      const previous = note.parts[index - 1];
      const alone = previous && previous.element && off.has(previous.element) && wording.alone;
      add(alone ? wording.alone : wording.text);
    });
    return used;
  }

  // The questions whose answers change this note's wording.
  function usedQuestions(note) {
    return new Set(note.parts.map((part) => part.question).filter(Boolean));
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
      const value = collapse(values[field.id] || "");
      if (value !== "" && asciiLower(value) === asciiLower(field.example)) {
        sincere.push({ text: "\u201c" + field.label + "\u201d is still the example. Write your own.", why: "The example is someone else\u2019s detail; yours is what they will remember." });
      }
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

  return { JOINS, normalize, hints, compose, wordCount, usedFields, usedQuestions, matches, qualities, sentencesWithValues };
})();
if (typeof module !== "undefined" && module.exports) module.exports = NoteCompose;
