"use strict";
// The note builder: fills the site's note templates with the reader's details, entirely in the browser.
// Reader input only ever reaches the page through textContent, value and a few safe attributes, never as
// markup, and the page's Content-Security-Policy forbids every request, so nothing typed can leave.
(() => {
  const app = document.getElementById("builder-app");
  const dataNode = document.getElementById("note-data");
  if (!app || !dataNode) return;

  // Bad or missing data leaves the server-rendered blank notes in place, which still work without us.
  let data;
  try {
    data = JSON.parse(dataNode.textContent);
  } catch {
    return;
  }
  if (!data || !Array.isArray(data.notes) || data.notes.length === 0 || !Array.isArray(data.fields)) return;

  const STORAGE_KEY = "sitegen-note-builder:draft";
  const DRAFT_VERSION = 1;
  // Same separators as NoteTemplate.Join in Swift; the strength decides which join survives a skipped part.
  const JOINS = { space: " ", line: "\n", paragraph: "\n\n" };
  const JOIN_ORDER = ["space", "line", "paragraph"];
  const WORDS_CONCISE = 150;
  const WORDS_LONG = 200;
  const MAX_PEOPLE = 20;
  const ANNOUNCE_DELAY = 1200;
  // Input purposes (WCAG 1.3.5) for the reader's own details; other fields describe someone else.
  const AUTOCOMPLETE = { your_name: "name" };

  const elements = Array.isArray(data.elements) ? data.elements : [];
  const fieldsById = new Map(data.fields.map((field) => [field.id, field]));
  const readerFields = data.fields.filter((field) => field.scope !== "recipient");
  const recipientFields = data.fields.filter((field) => field.scope === "recipient");
  const notesById = new Map(data.notes.map((note) => [note.id, note]));
  const nameField = recipientFields.find((field) => field.id === "recipient_name") || recipientFields[0];

  const ui = {
    samples: document.getElementById("builder-samples"),
    readerFields: document.getElementById("builder-reader-fields"),
    recipientHints: document.getElementById("builder-recipient-hints"),
    recipients: document.getElementById("builder-recipients"),
    add: document.getElementById("builder-add"),
    notes: document.getElementById("builder-notes"),
    clear: document.getElementById("builder-clear"),
    status: document.getElementById("builder-status"),
    announcer: document.getElementById("builder-announcer"),
    storageNotice: document.getElementById("builder-storage-notice"),
    blank: document.getElementById("builder-blank"),
  };

  // ---------------------------------------------------------------------------------------------------
  // Small DOM helpers. Text always goes in as text nodes; attribute names are literals from this file.

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function srOnly(text) {
    return el("span", { class: "visually-hidden", text });
  }

  // ---------------------------------------------------------------------------------------------------
  // Rendering a note. This mirrors NoteTemplate.text(values:) in Swift exactly: parts in order, each but
  // the first preceded by its join's separator, segments concatenated. The builder adds two things Swift
  // does not need: blank fields become "[Label]", and parts the reader switched off are skipped.

  function label(fieldID) {
    const field = fieldsById.get(fieldID);
    return field ? field.label : fieldID;
  }

  function fill(segments, values, missing) {
    let text = "";
    for (const segment of segments || []) {
      if (typeof segment.field === "string") {
        const value = values[segment.field] || "";
        if (value === "") {
          missing.add(segment.field);
          text += "[" + label(segment.field) + "]";
        } else {
          text += value;
        }
      } else if (typeof segment.text === "string") {
        text += segment.text;
      }
    }
    return text;
  }

  function strongerJoin(a, b) {
    return JOIN_ORDER.indexOf(a) >= JOIN_ORDER.indexOf(b) ? a : b;
  }

  // Returns the text, subject, word count and each element's status for one person's note.
  function composeNote(note, values, off) {
    let text = "";
    let started = false;
    // When a part is skipped, its join carries over so a removed paragraph opener still starts a paragraph.
    let carried = "space";
    const states = new Map();
    for (const part of note.parts) {
      const missing = new Set();
      const partText = fill(part.segments, values, missing);
      const join = JOINS[part.join] !== undefined ? part.join : "paragraph";
      if (part.element) {
        const state = states.get(part.element) || { included: false, complete: false, missing: new Set() };
        if (!off.has(part.element)) {
          state.included = true;
          if (missing.size === 0) state.complete = true;
          missing.forEach((id) => state.missing.add(id));
        }
        states.set(part.element, state);
        if (off.has(part.element)) {
          carried = strongerJoin(carried, join);
          continue;
        }
      }
      if (started) text += JOINS[strongerJoin(carried, join)];
      text += partText;
      started = true;
      carried = "space";
    }
    const coverage = elements.map((element) => {
      const state = states.get(element.id);
      let status = "absent";
      if (state && state.complete) status = "covered";
      else if (state && state.included) status = "blank";
      else if (state) status = "off";
      return { element, status, missing: state ? [...state.missing].map(label) : [] };
    });
    const subject = fill(note.subject, values, new Set());
    const words = text.split(/\s+/).filter(Boolean).length;
    return { text, subject, words, coverage, covered: coverage.filter((c) => c.status === "covered").length };
  }

  // ---------------------------------------------------------------------------------------------------
  // State: the reader's own details, and one entry per person (their details, chosen note, parts off).

  let nextUID = 1;

  function emptyValues(fields) {
    return Object.fromEntries(fields.map((field) => [field.id, ""]));
  }

  function newPerson(noteID, values = {}, off = []) {
    return {
      uid: nextUID++,
      values: { ...emptyValues(recipientFields), ...values },
      note: notesById.has(noteID) ? noteID : data.notes[0].id,
      off: new Set(off.filter((id) => elements.some((element) => element.id === id))),
    };
  }

  const state = { values: emptyValues(readerFields), people: [newPerson(data.notes[0].id)] };

  // The values a note is filled with; surrounding spaces are dropped so "Dana " still reads "Dear Dana,".
  function valuesFor(person) {
    const values = {};
    for (const [id, value] of Object.entries({ ...state.values, ...person.values })) values[id] = value.trim();
    return values;
  }

  // ---------------------------------------------------------------------------------------------------
  // Draft storage. Access to localStorage itself can throw (blocked cookies, sandboxed frames), so it is
  // probed once; without it everything still works and the reader is told drafts will not be kept.

  let storage = openStorage();

  function openStorage() {
    try {
      const candidate = window.localStorage;
      const probe = STORAGE_KEY + ":probe";
      candidate.setItem(probe, "1");
      candidate.removeItem(probe);
      return candidate;
    } catch {
      return null;
    }
  }

  function storageUnavailable() {
    storage = null;
    if (ui.storageNotice) ui.storageNotice.hidden = false;
  }

  function saveDraft() {
    if (!storage) return;
    const draft = {
      version: DRAFT_VERSION,
      values: state.values,
      people: state.people.map((person) => ({ values: person.values, note: person.note, off: [...person.off] })),
    };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      storageUnavailable();
    }
  }

  function strings(object, fields) {
    const result = {};
    for (const field of fields) {
      const value = object && typeof object === "object" ? object[field.id] : undefined;
      result[field.id] = typeof value === "string" ? value : "";
    }
    return result;
  }

  // Only known fields, notes and elements are taken from a stored draft, so an old or edited one is harmless.
  function loadDraft() {
    if (!storage) return;
    let draft;
    try {
      draft = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
    } catch {
      return;
    }
    if (!draft || draft.version !== DRAFT_VERSION) return;
    state.values = strings(draft.values, readerFields);
    const people = Array.isArray(draft.people) ? draft.people.slice(0, MAX_PEOPLE) : [];
    const restored = people
      .filter((person) => person && typeof person === "object")
      .map((person) =>
        newPerson(
          person.note, strings(person.values, recipientFields),
          Array.isArray(person.off) ? person.off.filter((id) => typeof id === "string") : []));
    if (restored.length > 0) state.people = restored;
  }

  function clearDraft() {
    if (!storage) return;
    try {
      storage.removeItem(STORAGE_KEY);
    } catch {
      storageUnavailable();
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // The form: the reader's fields, the sample buttons and one row per person.

  function hintText(field) {
    return field.hint + " For example: " + field.example;
  }

  function buildReaderFields() {
    for (const field of readerFields) {
      const id = "builder-field-" + field.id;
      const input = el("input", {
        type: "text",
        id,
        name: field.id,
        "aria-describedby": id + "-hint",
        autocomplete: AUTOCOMPLETE[field.id] || "off",
        "data-field": field.id,
      });
      input.value = state.values[field.id];
      // Long answers get the full width so the reader sees what they typed.
      const wide = field.example.length > 30 ? " builder-field-wide" : "";
      ui.readerFields.append(
        el("div", { class: "builder-field" + wide },
          el("label", { for: id, text: field.label }),
          el("p", { class: "builder-hint", id: id + "-hint", text: hintText(field) }),
          input));
    }
  }

  function buildSampleButtons() {
    for (const note of data.notes) {
      const button = el("button", { type: "button", class: "builder-button builder-button-quiet", "data-sample": note.id },
        "Fill with the sample", srOnly(": " + note.title));
      ui.samples.append(
        el("li", { class: "builder-sample" },
          el("span", { class: "builder-sample-title", text: note.title }),
          el("span", { class: "builder-sample-for", text: note.recipient }),
          button));
    }
  }

  function buildRecipientHints() {
    for (const field of recipientFields) {
      ui.recipientHints.append(
        el("li", { id: "builder-hint-" + field.id },
          el("span", { class: "builder-label", text: field.label + ":" }), " " + hintText(field)));
    }
  }

  function recipientName(person) {
    return nameField ? person.values[nameField.id].trim() : "";
  }

  // How the page refers to a person: their name, or their place in the list until they have one.
  function personName(person, index) {
    return recipientName(person) || "person " + (index + 1);
  }

  function addPersonRow(person) {
    const prefix = "builder-person-" + person.uid;
    const fieldset = el("fieldset", { class: "builder-person-fields" }, el("legend", { class: "builder-person-legend" }));
    for (const field of recipientFields) {
      const input = el("input", {
        type: "text",
        id: prefix + "-" + field.id,
        "aria-describedby": "builder-hint-" + field.id,
        autocomplete: "off",
        "data-field": field.id,
        "data-uid": person.uid,
      });
      input.value = person.values[field.id];
      fieldset.append(el("div", { class: "builder-field" }, el("label", { for: input.id, text: field.label }), input));
    }
    const select = el("select", {
      id: prefix + "-note", "aria-describedby": prefix + "-note-for", "data-role": "note", "data-uid": person.uid,
    });
    for (const note of data.notes) select.append(el("option", { value: note.id, text: note.title }));
    select.value = person.note;
    fieldset.append(
      el("div", { class: "builder-field builder-field-wide" },
        el("label", { for: select.id, text: "Which note" }),
        select,
        el("p", { class: "builder-hint", id: prefix + "-note-for" })));
    const remove = el("button", {
      type: "button", class: "builder-button builder-button-quiet", "data-role": "remove", "data-uid": person.uid,
    }, "Remove", el("span", { class: "visually-hidden", "data-role": "remove-who" }));
    fieldset.append(el("p", { class: "builder-row-actions" }, remove));
    ui.recipients.append(el("li", { class: "builder-person", "data-uid": person.uid }, fieldset));
  }

  // ---------------------------------------------------------------------------------------------------
  // One card per person: preview, word count, element checklist and actions. Cards are built once and
  // then only their text changes, so focus and checkbox state survive every keystroke.

  const cards = new Map();

  function addNoteCard(person) {
    const prefix = "builder-note-" + person.uid;
    const card = { person };
    card.heading = el("h3", { id: prefix + "-title" });
    card.kind = el("p", { class: "builder-note-kind" });
    card.subject = el("span", { class: "builder-note-subject-text" });
    card.preview = el("pre", { class: "builder-preview", id: prefix + "-text" });
    card.words = el("p", { class: "builder-words", id: prefix + "-words" });
    card.legend = el("legend");
    card.items = new Map();
    const list = el("ul", { class: "builder-checklist-items" });
    for (const element of elements) {
      const box = el("input", {
        type: "checkbox", id: prefix + "-el-" + element.id, "aria-describedby": prefix + "-el-" + element.id + "-status",
        "data-role": "element", "data-element": element.id, "data-uid": person.uid,
      });
      box.checked = !person.off.has(element.id);
      const status = el("span", { class: "builder-element-status", id: box.id + "-status" });
      const item = el("li", { class: "builder-element" },
        box,
        el("label", { for: box.id },
          el("span", { class: "builder-tag", "aria-hidden": "true", text: String(element.number) }),
          " " + element.title),
        " ", status);
      list.append(item);
      card.items.set(element.id, { item, box, status });
    }
    card.status = el("p", { class: "builder-status", role: "status" });
    card.mail = el("a", { class: "builder-button", href: "mailto:", "data-role": "mail" }, "Open in mail program");
    const who = () => el("span", { class: "visually-hidden", "data-role": "who" });
    const actions = el("div", { class: "builder-actions" },
      el("button", { type: "button", class: "builder-button", "data-role": "copy", "data-uid": person.uid }, "Copy", who()),
      el("button", { type: "button", class: "builder-button", "data-role": "download", "data-uid": person.uid },
        "Download .txt", who()),
      card.mail,
      el("button", { type: "button", class: "builder-button", "data-role": "print", "data-uid": person.uid }, "Print", who()));
    card.mail.append(who());
    card.root = el("article", { class: "builder-note", id: prefix, "aria-labelledby": card.heading.id, "data-uid": person.uid },
      el("div", { class: "builder-note-head" }, card.heading, card.kind),
      el("p", { class: "builder-note-subject" }, el("span", { class: "builder-label", text: "Subject:" }), " ", card.subject),
      card.preview,
      el("div", { class: "builder-note-tools" },
        card.words,
        el("fieldset", { class: "builder-checklist" }, card.legend, list),
        actions,
        card.status));
    ui.notes.append(card.root);
    cards.set(person.uid, card);
  }

  const STATUS_TEXT = {
    covered: () => "covered",
    blank: (missing) => "missing: fill in " + missing.join(", "),
    off: () => "missing: switched off",
    absent: () => "not in this note",
  };

  function wordGuidance(words) {
    if (words <= WORDS_CONCISE) return { text: "Concise, a good length for a thank-you note.", level: "ok" };
    if (words <= WORDS_LONG) return { text: "Fine, though a note under " + WORDS_CONCISE + " words reads best.", level: "fine" };
    return { text: "Long for a thank-you note. Try trimming it to under " + WORDS_CONCISE + " words.", level: "long" };
  }

  // Whatever a note currently says, worked out fresh each time from the state.
  function currentNote(person) {
    return composeNote(notesById.get(person.note), valuesFor(person), person.off);
  }

  function updateCard(person, index) {
    const card = cards.get(person.uid);
    const note = notesById.get(person.note);
    const result = currentNote(person);
    const name = personName(person, index);
    card.heading.textContent = "Note for " + name;
    card.kind.textContent = note.title;
    card.subject.textContent = result.subject;
    card.preview.textContent = result.text;
    const guidance = wordGuidance(result.words);
    card.words.textContent = result.words + (result.words === 1 ? " word. " : " words. ") + guidance.text;
    card.words.className = "builder-words builder-words-" + guidance.level;
    card.legend.textContent = "Elements covered: " + result.covered + " of " + elements.length;
    for (const entry of result.coverage) {
      const { item, box, status } = card.items.get(entry.element.id);
      item.className = "builder-element builder-element-" + entry.status;
      status.textContent = STATUS_TEXT[entry.status](entry.missing);
      // An element the template lacks has nothing to switch, so its checkbox is hidden and disabled.
      box.hidden = entry.status === "absent";
      box.disabled = entry.status === "absent";
      box.checked = !person.off.has(entry.element.id);
    }
    card.mail.href = "mailto:?subject=" + encodeURIComponent(result.subject) + "&body=" + encodeURIComponent(result.text);
    for (const span of card.root.querySelectorAll('[data-role="who"]')) span.textContent = ": note for " + name;
  }

  function updateRow(person, index) {
    const row = ui.recipients.querySelector('li[data-uid="' + person.uid + '"]');
    if (!row) return;
    const name = recipientName(person);
    row.querySelector(".builder-person-legend").textContent = "Person " + (index + 1);
    row.querySelector('[data-role="remove-who"]').textContent = " person " + (index + 1) + (name ? ", " + name : "");
    row.querySelector("#builder-person-" + person.uid + "-note-for").textContent =
      "For: " + notesById.get(person.note).recipient;
    // The last person cannot be removed: with nobody listed there would be no note at all.
    row.querySelector('[data-role="remove"]').disabled = state.people.length === 1;
  }

  // Everything derived from the state is refreshed here, then saved and (later) announced.
  function refresh({ save = true } = {}) {
    state.people.forEach((person, index) => {
      updateRow(person, index);
      updateCard(person, index);
    });
    ui.add.disabled = state.people.length >= MAX_PEOPLE;
    if (save) saveDraft();
    scheduleAnnouncement();
  }

  function rebuildPeople() {
    ui.recipients.replaceChildren();
    ui.notes.replaceChildren();
    cards.clear();
    for (const person of state.people) {
      addPersonRow(person);
      addNoteCard(person);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Announcements: checklist changes are read out politely, once the reader pauses typing, and only for
  // notes whose coverage actually changed, so a screen reader is not flooded on every keystroke.

  const announced = new Map();
  let announceTimer = 0;

  function coverageSummary(person, index) {
    const result = currentNote(person);
    const missing = result.coverage.filter((c) => c.status === "blank" || c.status === "off").map((c) => c.element.title);
    return "Note for " + personName(person, index) + ": " + result.covered + " of " + elements.length + " elements covered." +
      (missing.length ? " Missing: " + missing.join(", ") + "." : "");
  }

  function rememberCoverage() {
    announced.clear();
    state.people.forEach((person, index) => announced.set(person.uid, coverageSummary(person, index)));
  }

  function scheduleAnnouncement() {
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(announce, ANNOUNCE_DELAY);
  }

  function announce() {
    const messages = [];
    const seen = new Map();
    state.people.forEach((person, index) => {
      const summary = coverageSummary(person, index);
      if (announced.get(person.uid) !== summary) messages.push(summary);
      seen.set(person.uid, summary);
    });
    announced.clear();
    seen.forEach((summary, uid) => announced.set(uid, summary));
    if (messages.length) ui.announcer.textContent = messages.join(" ");
  }

  function say(target, message) {
    target.textContent = message;
  }

  // ---------------------------------------------------------------------------------------------------
  // Actions on one note.

  // The Clipboard API needs a secure context and focus; where it is missing or refuses (file:// pages in
  // some browsers), a selected off-screen textarea and execCommand("copy") still work.
  async function copyText(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // Fall through to the older way.
      }
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    const previousFocus = document.activeElement;
    const area = el("textarea", { class: "builder-offscreen", readonly: true, "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    if (previousFocus && typeof previousFocus.focus === "function") previousFocus.focus();
    return copied;
  }

  function blanksNote(text) {
    const blanks = (text.match(/\[[^\]\n]+\]/g) || []).length;
    return blanks ? " It still has " + blanks + (blanks === 1 ? " blank" : " blanks") + " in square brackets to fill in." : "";
  }

  async function copyNote(person, card) {
    const { text } = currentNote(person);
    say(card.status, "");
    if (await copyText(text)) {
      say(card.status, "Copied the note to the clipboard." + blanksNote(text));
    } else {
      // Selecting the preview lets the reader copy it by hand with one key press.
      const range = document.createRange();
      range.selectNodeContents(card.preview);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(card.status, "Could not copy automatically. The note text is selected: press Ctrl+C (or Command+C) to copy it.");
    }
  }

  function fileName(person, index) {
    const slug = recipientName(person).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
    return "thank-you-note-" + (slug || "person-" + (index + 1)) + ".txt";
  }

  function downloadNote(person, card, index) {
    const { text } = currentNote(person);
    const name = fileName(person, index);
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = el("a", { href: url, download: name, class: "builder-offscreen", tabindex: "-1", "aria-hidden": "true" });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute later it is surely done.
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(card.status, "Saved the note as " + name + " in your downloads." + blanksNote(text));
  }

  // The print style sheet hides every note but the marked one; the mark is removed once printing is over.
  function clearPrintMarks() {
    document.documentElement.classList.remove("builder-print-one");
    for (const node of document.querySelectorAll(".builder-print-target")) node.classList.remove("builder-print-target");
  }

  function printNote(card) {
    clearPrintMarks();
    card.root.classList.add("builder-print-target");
    document.documentElement.classList.add("builder-print-one");
    window.print();
  }

  // ---------------------------------------------------------------------------------------------------
  // Events, delegated from the builder so rows and cards added later need no wiring of their own.

  function personByUID(value) {
    const uid = Number(value);
    const index = state.people.findIndex((person) => person.uid === uid);
    return { person: state.people[index], index };
  }

  function onInput(event) {
    const target = event.target;
    const fieldID = target.getAttribute("data-field");
    if (fieldID === null) return;
    if (target.hasAttribute("data-uid")) {
      const { person } = personByUID(target.getAttribute("data-uid"));
      if (!person || !(fieldID in person.values)) return;
      person.values[fieldID] = target.value;
    } else if (fieldID in state.values) {
      state.values[fieldID] = target.value;
    } else {
      return;
    }
    refresh();
  }

  function onChange(event) {
    const target = event.target;
    const role = target.getAttribute("data-role");
    const { person } = personByUID(target.getAttribute("data-uid"));
    if (!person) return;
    if (role === "note" && notesById.has(target.value)) {
      person.note = target.value;
      refresh();
    } else if (role === "element") {
      const id = target.getAttribute("data-element");
      if (target.checked) person.off.delete(id);
      else person.off.add(id);
      refresh();
    }
  }

  function onClick(event) {
    const control = event.target.closest("button, a");
    if (!control || !app.contains(control)) return;
    const sample = control.getAttribute("data-sample");
    if (sample !== null) return fillSample(sample);
    if (control === ui.add) return addPerson();
    if (control === ui.clear) return clearAll();
    const role = control.getAttribute("data-role");
    const { person, index } = personByUID(control.getAttribute("data-uid"));
    if (!person) return;
    const card = cards.get(person.uid);
    if (role === "remove") removePerson(person, index);
    else if (role === "copy") copyNote(person, card);
    else if (role === "download") downloadNote(person, card, index);
    else if (role === "print") printNote(card);
  }

  function addPerson() {
    if (state.people.length >= MAX_PEOPLE) return;
    // A new person starts with the kind of note chosen last: several panel interviewers in a row is common.
    const last = state.people[state.people.length - 1];
    const person = newPerson(last ? last.note : data.notes[0].id);
    state.people.push(person);
    addPersonRow(person);
    addNoteCard(person);
    refresh();
    const first = ui.recipients.querySelector('li[data-uid="' + person.uid + '"] input');
    if (first) first.focus();
    say(ui.status, "Added person " + state.people.length + " and a note for them.");
  }

  function removePerson(person, index) {
    if (state.people.length <= 1) return;
    state.people.splice(index, 1);
    ui.recipients.querySelector('li[data-uid="' + person.uid + '"]').remove();
    cards.get(person.uid).root.remove();
    cards.delete(person.uid);
    announced.delete(person.uid);
    refresh();
    // Focus goes to the row that took its place, or the previous one, so keyboard users are not lost.
    const next = state.people[Math.min(index, state.people.length - 1)];
    const input = ui.recipients.querySelector('li[data-uid="' + next.uid + '"] input');
    if (input) input.focus();
    say(ui.status, "Removed the person and their note.");
  }

  function hasInput() {
    return Object.values(state.values).some((value) => value.trim() !== "") ||
      state.people.length > 1 ||
      state.people.some((person) => Object.values(person.values).some((value) => value.trim() !== ""));
  }

  function fillSample(noteID) {
    const note = notesById.get(noteID);
    if (!note) return;
    if (hasInput() && !window.confirm("Replace your details with the sample for “" + note.title + "”?")) return;
    const sample = note.sample && typeof note.sample === "object" ? note.sample : {};
    state.values = strings(sample, readerFields);
    state.people = [newPerson(note.id, strings(sample, recipientFields))];
    syncReaderInputs();
    rebuildPeople();
    refresh();
    say(ui.status, "Filled in the sample for “" + note.title + "”. The finished note is under “3. Your notes”.");
  }

  function clearAll() {
    if (!window.confirm("Clear all your details and notes? This cannot be undone.")) return;
    state.values = emptyValues(readerFields);
    state.people = [newPerson(data.notes[0].id)];
    syncReaderInputs();
    rebuildPeople();
    refresh({ save: false });
    clearDraft();
    rememberCoverage();
    const first = ui.readerFields.querySelector("input");
    if (first) first.focus();
    say(ui.status, "Cleared. All details and notes are empty again.");
  }

  function syncReaderInputs() {
    for (const input of ui.readerFields.querySelectorAll("input[data-field]")) {
      input.value = state.values[input.getAttribute("data-field")] || "";
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Start: restore the draft, build the form, then swap the no-JavaScript blank notes for the builder.

  loadDraft();
  buildSampleButtons();
  buildReaderFields();
  buildRecipientHints();
  rebuildPeople();
  refresh({ save: false });
  rememberCoverage();
  if (!storage) storageUnavailable();

  app.addEventListener("input", onInput);
  app.addEventListener("change", onChange);
  app.addEventListener("click", onClick);
  window.addEventListener("afterprint", clearPrintMarks);

  if (ui.blank) ui.blank.hidden = true;
  app.hidden = false;
})();
