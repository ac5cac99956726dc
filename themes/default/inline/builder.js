"use strict";
// The note builder: composes the site's note templates with the reader's details, entirely in the browser.
// Composing (wording, tidying, checks) is NoteCompose, inlined before this file; this file is the page.
// Reader input only ever reaches the page through textContent, value and a few safe attributes, never as
// markup, and the page's Content-Security-Policy forbids every request, so nothing typed can leave.
(() => {
  const app = document.getElementById("builder-app");
  const dataNode = document.getElementById("note-data");
  if (!app || !dataNode || typeof NoteCompose === "undefined") return;

  // Bad or missing data leaves the server-rendered blank notes in place, which still work without us.
  let data;
  try {
    data = JSON.parse(dataNode.textContent);
  } catch {
    return;
  }
  if (!data || !Array.isArray(data.notes) || data.notes.length === 0 || !Array.isArray(data.fields)) return;
  data.questions = Array.isArray(data.questions) ? data.questions : [];

  const STORAGE_KEY = "sitegen-note-builder:draft";
  // Set when the reader asks to keep nothing; it holds no details, only that choice.
  const KEEP_NOTHING_KEY = "sitegen-note-builder:keep-nothing";
  const DRAFT_VERSION = 2;
  const MAX_PEOPLE = 20;
  const ANNOUNCE_DELAY = 1200;
  // Side by side from this width; below it, each note follows its person's details.
  const WIDE = window.matchMedia("(min-width: 64rem)");
  // Input purposes (WCAG 1.3.5) for the reader's own details; other fields describe someone else.
  const AUTOCOMPLETE = { your_name: "name" };

  const elements = Array.isArray(data.elements) ? data.elements : [];
  const fieldsById = new Map(data.fields.map((field) => [field.id, field]));
  const readerFields = data.fields.filter((field) => field.scope === "reader");
  const sharedFields = data.fields.filter((field) => field.scope === "shared");
  const recipientFields = data.fields.filter((field) => field.scope === "recipient");
  const readerQuestions = data.questions.filter((q) => q.scope !== "recipient");
  const recipientQuestions = data.questions.filter((q) => q.scope === "recipient");
  const notesById = new Map(data.notes.map((note) => [note.id, note]));
  const nameField = recipientFields.find((field) => field.id === "recipient_name") || recipientFields[0];

  const ui = {
    samples: document.getElementById("builder-samples"),
    sampleStatus: document.getElementById("builder-sample-status"),
    readerFields: document.getElementById("builder-reader-fields"),
    situation: document.getElementById("builder-situation"),
    sharedFields: document.getElementById("builder-shared-fields"),
    sharedSection: document.getElementById("builder-shared"),
    heard: document.getElementById("builder-heard"),
    recipients: document.getElementById("builder-recipients"),
    add: document.getElementById("builder-add"),
    peopleStatus: document.getElementById("builder-people-status"),
    addLimit: document.getElementById("builder-add-limit"),
    notes: document.getElementById("builder-notes"),
    clear: document.getElementById("builder-clear"),
    keepNothing: document.getElementById("builder-keep-nothing"),
    draftStatus: document.getElementById("builder-draft-status"),
    draftHint: document.getElementById("builder-draft-hint"),
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

  function say(target, message, ...extra) {
    if (!target) return;
    target.replaceChildren(message, ...extra);
  }

  // ---------------------------------------------------------------------------------------------------
  // State: the reader's own details and answers, and one entry per person (their note, details, answers,
  // and the elements they switched off). Values are kept as typed; NoteCompose tidies them for the note.

  let nextUID = 1;

  function emptyValues(fields) {
    return Object.fromEntries(fields.map((field) => [field.id, ""]));
  }

  // A question starts at its first answer, which is also what a note assumes when nothing is chosen.
  function emptyAnswers(questions) {
    return Object.fromEntries(questions.map((question) => [question.id, question.answers[0].id]));
  }

  function newPerson(noteID, values = {}, answers = {}, off = []) {
    return {
      uid: nextUID++,
      note: notesById.has(noteID) ? noteID : data.notes[0].id,
      values: { ...emptyValues(recipientFields), ...emptyValues(sharedFields), ...values },
      answers: { ...emptyAnswers(recipientQuestions), ...answers },
      off: new Set(off.filter((id) => elements.some((element) => element.id === id))),
    };
  }

  const state = {
    values: { ...emptyValues(readerFields), ...emptyValues(sharedFields) },
    answers: emptyAnswers(readerQuestions),
    heard: "",
    people: [newPerson(data.notes[0].id)],
  };

  // The values a person's note is filled with: a detail written for them wins over the shared one.
  // A detail written for one person counts only if something is left of it once tidied ("." is nothing).
  function valuesFor(person) {
    const values = { ...state.values };
    for (const [id, value] of Object.entries(person.values)) {
      const field = fieldsById.get(id);
      if (!field) continue;
      if (field.scope === "recipient" || NoteCompose.normalize(value, field.shape, field.after) !== "") values[id] = value;
    }
    return values;
  }

  function answersFor(person) {
    const answers = {};
    for (const [id, value] of Object.entries({ ...state.answers, ...person.answers })) if (value) answers[id] = value;
    return answers;
  }

  function noteOf(person) {
    return notesById.get(person.note);
  }

  function composeFor(person) {
    return NoteCompose.compose(noteOf(person), data, valuesFor(person), answersFor(person), person.off);
  }

  // ---------------------------------------------------------------------------------------------------
  // Draft storage. Access to localStorage itself can throw (blocked cookies, sandboxed frames), so it is
  // probed once; without it everything still works and the reader is told drafts will not be kept.

  let storage = openStorage();
  let keepNothing = false;

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
    if (ui.keepNothing) ui.keepNothing.disabled = true;
  }

  // Another tab may have asked to keep nothing since this one opened, so the choice is read again each time.
  function keepsNothing() {
    try {
      return keepNothing || (storage !== null && storage.getItem(KEEP_NOTHING_KEY) === "1");
    } catch {
      return true;
    }
  }

  function saveDraft() {
    if (!storage || keepsNothing()) return;
    const draft = {
      version: DRAFT_VERSION,
      values: state.values,
      answers: state.answers,
      heard: state.heard,
      people: state.people.map((person) => ({
        note: person.note, values: person.values, answers: person.answers, off: [...person.off],
      })),
    };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      storageUnavailable();
    }
  }

  function strings(object, keys) {
    const result = {};
    for (const key of keys) {
      const value = object && typeof object === "object" ? object[key] : undefined;
      result[key] = typeof value === "string" ? value : "";
    }
    return result;
  }

  function answerStrings(object, questions) {
    const result = {};
    for (const question of questions) {
      const value = object && typeof object === "object" ? object[question.id] : undefined;
      result[question.id] = question.answers.some((answer) => answer.id === value) ? value : question.answers[0].id;
    }
    return result;
  }

  // Only known fields, questions, notes and elements are taken from a stored draft, so an old or edited one
  // is harmless. A version 1 draft (before per-person details) is read the same way.
  function loadDraft() {
    if (!storage) return;
    try {
      keepNothing = storage.getItem(KEEP_NOTHING_KEY) === "1";
    } catch {
      keepNothing = false;
    }
    if (keepNothing) {
      clearDraft();
      return;
    }
    let draft;
    try {
      draft = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
    } catch {
      return;
    }
    if (!draft || (draft.version !== DRAFT_VERSION && draft.version !== 1)) return;
    const readerIDs = readerFields.concat(sharedFields).map((field) => field.id);
    const personIDs = recipientFields.concat(sharedFields).map((field) => field.id);
    state.values = strings(draft.values, readerIDs);
    state.answers = answerStrings(draft.answers, readerQuestions);
    state.heard = typeof draft.heard === "string" && /^\d{4}-\d{2}-\d{2}$/.test(draft.heard) ? draft.heard : "";
    const people = Array.isArray(draft.people) ? draft.people.slice(0, MAX_PEOPLE) : [];
    const restored = people
      .filter((person) => person && typeof person === "object")
      .map((person) => newPerson(
        person.note, strings(person.values, personIDs), answerStrings(person.answers, recipientQuestions),
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

  // What the draft paragraph says follows the choice, so it never promises to keep what it will not.
  function describeDraft() {
    if (!ui.draftHint) return;
    ui.draftHint.textContent = keepNothing
      ? "Nothing you type is kept on this device: it is gone when you close or reload the page. Nothing is sent anywhere."
      : "Your answers stay in this browser, on this device, so they are still here when you come back. Nothing is sent anywhere.";
  }

  function setKeepNothing(on) {
    keepNothing = on;
    describeDraft();
    if (!storage) return;
    try {
      if (on) {
        storage.removeItem(STORAGE_KEY);
        storage.setItem(KEEP_NOTHING_KEY, "1");
      } else {
        storage.removeItem(KEEP_NOTHING_KEY);
      }
    } catch {
      storageUnavailable();
    }
    if (!on) saveDraft();
  }

  // ---------------------------------------------------------------------------------------------------
  // Form controls. Every field gets its hint under it, and a line for what the note made of the value.

  function hintText(field) {
    return field.hint + " For example: " + field.example;
  }

  // A labelled input (or a multi-line box for a clause) with its hint and tidying note under it.
  function fieldControl(field, id, options) {
    const multiline = field.shape === "clause";
    const describedBy = [id + "-hint", id + "-tidy", options.extraHint ? id + "-default" : null].filter(Boolean);
    const control = el(multiline ? "textarea" : "input", {
      type: multiline ? null : "text",
      rows: multiline ? 2 : null,
      id,
      name: options.name || null,
      "aria-describedby": describedBy.join(" "),
      autocomplete: AUTOCOMPLETE[field.id] && options.reader ? AUTOCOMPLETE[field.id] : "off",
      "data-field": field.id,
      "data-uid": options.uid || null,
    });
    control.value = options.value || "";
    const wrapper = el("div", { class: "builder-field" + (multiline ? " builder-field-wide" : ""), "data-for": field.id },
      el("label", { for: id, text: options.label || field.label }),
      control,
      el("p", { class: "builder-hint", id: id + "-hint", text: options.hint || hintText(field) }),
      options.extraHint ? el("p", { class: "builder-hint builder-default", id: id + "-default" }) : null,
      el("ul", { class: "builder-tidy", id: id + "-tidy" }));
    return wrapper;
  }

  function questionControl(question, id, options) {
    const select = el("select", {
      id, "aria-describedby": id + "-hint", "data-question": question.id, "data-uid": options.uid || null,
    });
    for (const answer of question.answers) select.append(el("option", { value: answer.id, text: answer.label }));
    select.value = options.value || question.answers[0].id;
    return el("div", { class: "builder-field builder-field-wide", "data-question-for": question.id },
      el("label", { for: id, text: question.label }),
      select,
      el("p", { class: "builder-hint", id: id + "-hint", text: question.hint }));
  }

  function showTidy(wrapper, field, raw) {
    const list = wrapper.querySelector(".builder-tidy");
    const items = NoteCompose.hints(raw, field).map((hint) =>
      el("li", { class: "builder-tidy-" + hint.kind, text: hint.text }));
    list.replaceChildren(...items);
  }

  function buildReaderSection() {
    for (const field of readerFields) {
      ui.readerFields.append(fieldControl(field, "builder-field-" + field.id, {
        value: state.values[field.id], reader: true, name: field.id,
      }));
    }
    for (const question of readerQuestions) {
      ui.situation.append(questionControl(question, "builder-question-" + question.id, { value: state.answers[question.id] }));
    }
    for (const field of sharedFields) {
      ui.sharedFields.append(fieldControl(field, "builder-field-" + field.id, {
        value: state.values[field.id], reader: true, name: field.id,
      }));
    }
    ui.heard.value = state.heard;
  }

  function buildSampleButtons() {
    for (const note of data.notes) {
      const button = el("button", { type: "button", class: "builder-button builder-button-quiet", "data-sample": note.id },
        srOnly("Try the sample: "), note.title);
      ui.samples.append(el("li", {}, button));
    }
  }

  // As the note writes it: "Dear Dana," typed into the name is "Dana" here too.
  function recipientName(person) {
    return nameField ? NoteCompose.normalize(person.values[nameField.id] || "", nameField.shape, nameField.after) : "";
  }

  // How the page refers to a person: their name, or their place in the list until they have one.
  function personName(person, index) {
    return recipientName(person) || "person " + (index + 1);
  }

  function addPersonRow(person, before) {
    const prefix = "builder-person-" + person.uid;
    const fieldset = el("fieldset", { class: "builder-person-fields" }, el("legend", { class: "builder-person-legend" }));
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
    // Their name first, then how the reader met them, then what the note says about them.
    const [first, ...rest] = recipientFields;
    const personField = (field) =>
      fieldset.append(fieldControl(field, prefix + "-" + field.id, { value: person.values[field.id], uid: person.uid }));
    if (first) personField(first);
    for (const question of recipientQuestions) {
      fieldset.append(questionControl(question, prefix + "-q-" + question.id, { value: person.answers[question.id], uid: person.uid }));
    }
    rest.forEach(personField);
    // What everyone's note says can be changed for this person; folded away until wanted, or once written.
    if (sharedFields.length > 0) {
      const own = el("details", { class: "builder-own builder-field-wide", "data-role": "own" },
        el("summary", { text: "Say something different to this person" }),
        el("p", { class: "builder-hint", text: "Whatever you write here replaces what you wrote for everyone, in this note only. Leave a box empty to keep the shared wording." }));
      for (const field of sharedFields) {
        own.append(fieldControl(field, prefix + "-" + field.id, {
          value: person.values[field.id], uid: person.uid, extraHint: true,
          label: field.label + ", for this person",
          hint: field.hint,
        }));
      }
      own.open = sharedFields.some((field) => (person.values[field.id] || "").trim() !== "");
      fieldset.append(own);
    }
    const remove = el("button", {
      type: "button", class: "builder-button builder-button-quiet", "data-role": "remove", "data-uid": person.uid,
    }, "Remove", el("span", { class: "visually-hidden", "data-role": "remove-who" }));
    fieldset.append(el("p", { class: "builder-row-actions" }, remove));
    const row = el("li", { class: "builder-person", "data-uid": person.uid }, fieldset);
    ui.recipients.insertBefore(row, before || null);
  }

  // ---------------------------------------------------------------------------------------------------
  // One card per person: when to send, subject, the note, its three qualities, the element checklist and
  // actions. Cards are built once and then only their text changes, so focus and checkboxes survive typing.

  const cards = new Map();

  function addNoteCard(person) {
    const prefix = "builder-note-" + person.uid;
    const card = { person };
    card.heading = el("h3", { id: prefix + "-title" });
    card.kind = el("p", { class: "builder-note-kind" });
    card.sendBy = el("p", { class: "builder-note-when" });
    card.subject = el("span", { class: "builder-note-subject-text" });
    card.preview = el("pre", { class: "builder-preview", id: prefix + "-text" });
    card.qualities = el("div", { class: "builder-qualities" });
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
      card.sendBy,
      card.subjectLine = el("p", { class: "builder-note-subject" }, el("span", { class: "builder-label", text: "Subject:" }), " ", card.subject),
      card.preview,
      el("div", { class: "builder-note-tools" },
        card.qualities,
        el("fieldset", { class: "builder-checklist" }, card.legend, list),
        actions,
        card.status));
    cards.set(person.uid, card);
    placeCard(person);
  }

  // Wide screens keep every note in the column beside the form; narrow ones put each note after its
  // person's details, so the note being written is never far from the fields that change it.
  function placeCard(person) {
    const card = cards.get(person.uid);
    const row = ui.recipients.querySelector('li[data-uid="' + person.uid + '"]');
    if (WIDE.matches || !row) {
      const index = state.people.indexOf(person);
      const next = state.people.slice(index + 1).map((p) => cards.get(p.uid)).find((c) => c && c.root.parentNode === ui.notes);
      ui.notes.insertBefore(card.root, next ? next.root : null);
    } else {
      row.append(card.root);
    }
  }

  // Printing lays the page out at the paper's width, which can cross WIDE; the notes stay where they are then,
  // since moving them mid-print leaves the paper blank.
  let printing = false;

  function placeAllCards() {
    if (printing) return;
    for (const person of state.people) placeCard(person);
    ui.notes.hidden = !WIDE.matches;
  }

  const STATUS_TEXT = {
    covered: () => "covered",
    blank: (missing) => "missing: fill in " + missing.join(", "),
    off: () => "missing: switched off",
    unneeded: (missing, question) => "left out: it does not fit your answer to \u201c" + question + "\u201d",
    absent: () => "not in this note",
  };

  function qualityBlock(title, findings, okText) {
    const ok = findings.length === 0;
    const block = el("div", { class: "builder-quality builder-quality-" + (ok ? "ok" : "check") },
      el("p", { class: "builder-quality-title" },
        el("span", { class: "builder-quality-icon", "aria-hidden": "true", text: ok ? "\u2713" : "!" }),
        el("strong", { text: title + ": " }), ok ? okText : findings.length === 1 ? "one thing to look at." : findings.length + " things to look at."));
    if (!ok) {
      block.append(el("ul", {}, ...findings.map((finding) =>
        el("li", {}, finding.text, el("span", { class: "builder-quality-why", text: " " + finding.why })))));
    }
    return block;
  }

  // A day or two after the news, as the guide advises; a date typed in the past still gets its advice.
  function sendByText() {
    const unknown = "When to send: a day or two after you hear the news, or once the role has clearly been filled.";
    if (!state.heard) return unknown;
    const heard = new Date(state.heard + "T12:00:00");
    if (Number.isNaN(heard.getTime())) return unknown;
    const today = new Date();
    today.setHours(12, 0, 0, 0);
    if (heard.getTime() > today.getTime() + 43200000) return "The day you heard the news is still to come: check the date above.";
    const by = new Date(heard.getTime() + 2 * 86400000);
    const options = { weekday: "long", day: "numeric", month: "long" };
    if (by.getFullYear() !== today.getFullYear()) options.year = "numeric";
    const text = by.toLocaleDateString(document.documentElement.lang || undefined, options);
    const late = by.getTime() < today.getTime() - 43200000;
    return "Send by " + text + (late ? ". That day has passed, and a note now still beats none." : ", a day or two after the news.");
  }

  function updateCard(person, index, composed, others) {
    const card = cards.get(person.uid);
    const note = noteOf(person);
    const name = personName(person, index);
    card.heading.textContent = "Note for " + name;
    card.kind.textContent = note.title;
    card.sendBy.textContent = sendByText();
    card.subject.textContent = composed.subject;
    // A card has no subject line.
    card.subjectLine.hidden = composed.subject === "";
    card.preview.textContent = composed.text;
    const quality = NoteCompose.qualities(composed, {
      data, values: valuesFor(person), fieldsUsed: NoteCompose.usedFields(note, data, answersFor(person), person.off), others,
    });
    card.qualities.replaceChildren(
      qualityBlock("Sincere", quality.sincere, "your own details, not repeated in another note."),
      el("div", { class: "builder-quality builder-quality-" + (quality.concise.level === "ok" ? "ok" : "check") + " builder-words" },
        el("p", { class: "builder-quality-title" },
          el("span", { class: "builder-quality-icon", "aria-hidden": "true", text: quality.concise.level === "ok" ? "\u2713" : "!" }),
          el("strong", { text: "Concise: " }), quality.concise.text,
          el("span", { class: "builder-quality-why", text: " " + quality.concise.why }))),
      qualityBlock("Positive", quality.positive, "nothing that complains or asks them to change their mind."));
    const covered = elements.filter((element) => composed.statuses[element.id] === "covered").length;
    // A short note leaves some elements out by design: count against what this note has.
    const present = elements.filter((element) => composed.statuses[element.id] && composed.statuses[element.id] !== "absent").length;
    card.legend.textContent = "Elements covered: " + covered + " of " + present +
      (present < elements.length ? " in this note (the checklist has " + elements.length + ")" : "");
    for (const element of elements) {
      const { item, box, status } = card.items.get(element.id);
      const fares = composed.statuses[element.id] || "absent";
      const missing = (composed.missingFields[element.id] || []).map((id) => fieldsById.get(id).label);
      const part = composed.parts.find((p) => p.element === element.id && !p.covers);
      const question = part && data.questions.find((q) => q.id === part.question);
      item.className = "builder-element builder-element-" + fares;
      status.textContent = STATUS_TEXT[fares](missing, question ? question.label : "");
      // An element the template lacks has nothing to switch, so its checkbox is hidden and disabled.
      box.hidden = fares === "absent";
      box.disabled = fares === "absent";
      box.checked = !person.off.has(element.id);
    }
    // RFC 6068: line breaks in a mailto body are CRLF.
    const body = composed.text.replace(/\r?\n/g, "\r\n");
    const subject = composed.subject === "" ? "" : "subject=" + encodeURIComponent(composed.subject) + "&";
    card.mail.href = "mailto:?" + subject + "body=" + encodeURIComponent(body);
    for (const span of card.root.querySelectorAll('[data-role="who"]')) span.textContent = ": note for " + name;
  }

  // Only what a person's note uses is asked for them; the shared details show what each person gets.
  function updateRow(person, index) {
    const row = ui.recipients.querySelector('li[data-uid="' + person.uid + '"]');
    if (!row) return;
    const note = noteOf(person);
    const name = recipientName(person);
    const used = NoteCompose.usedFields(note, data, answersFor(person), person.off);
    const asked = NoteCompose.usedQuestions(note, person.off);
    row.querySelector(".builder-person-legend").textContent = "Person " + (index + 1) + (name ? ": " + name : "");
    row.querySelector('[data-role="remove-who"]').textContent = " person " + (index + 1) + (name ? ", " + name : "");
    row.querySelector("#builder-person-" + person.uid + "-note-for").textContent = "For: " + note.recipient;
    for (const wrapper of row.querySelectorAll(".builder-person-fields [data-for]")) {
      const field = fieldsById.get(wrapper.getAttribute("data-for"));
      wrapper.hidden = !used.has(field.id);
      showTidy(wrapper, field, person.values[field.id] || "");
      const shared = wrapper.querySelector(".builder-default");
      if (shared) {
        const everyone = NoteCompose.normalize(state.values[field.id] || "", field.shape, field.after);
        shared.textContent = everyone ? "For everyone: \u201c" + everyone + "\u201d" : "Nothing written for everyone yet.";
      }
    }
    for (const wrapper of row.querySelectorAll("[data-question-for]")) {
      wrapper.hidden = !asked.has(wrapper.getAttribute("data-question-for"));
    }
    const own = row.querySelector('[data-role="own"]');
    if (own) own.hidden = !sharedFields.some((field) => used.has(field.id));
  }

  // The reader's own fields and questions show when some person's note uses them.
  function updateReaderSection() {
    const used = new Set();
    const asked = new Set();
    for (const person of state.people) {
      NoteCompose.usedFields(noteOf(person), data, answersFor(person), person.off).forEach((id) => used.add(id));
      NoteCompose.usedQuestions(noteOf(person), person.off).forEach((id) => asked.add(id));
    }
    for (const wrapper of app.querySelectorAll("#builder-reader-fields > [data-for], #builder-shared-fields > [data-for]")) {
      const field = fieldsById.get(wrapper.getAttribute("data-for"));
      wrapper.hidden = !used.has(field.id);
      showTidy(wrapper, field, state.values[field.id] || "");
    }
    for (const wrapper of ui.situation.querySelectorAll("[data-question-for]")) {
      wrapper.hidden = !asked.has(wrapper.getAttribute("data-question-for"));
    }
    if (ui.sharedSection) ui.sharedSection.hidden = !sharedFields.some((field) => used.has(field.id));
  }

  // Everything derived from the state is refreshed here, then saved and (later) announced.
  function refresh({ save = true } = {}) {
    const composed = state.people.map((person) => composeFor(person));
    state.people.forEach((person, index) => {
      const others = state.people
        .map((other, i) => ({ name: personName(other, i), composed: composed[i], uid: other.uid }))
        .filter((other) => other.uid !== person.uid);
      updateRow(person, index);
      updateCard(person, index, composed[index], others);
    });
    updateReaderSection();
    ui.add.disabled = state.people.length >= MAX_PEOPLE;
    if (ui.addLimit) ui.addLimit.hidden = !ui.add.disabled;
    for (const button of ui.recipients.querySelectorAll('[data-role="remove"]')) button.disabled = state.people.length === 1;
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
    placeAllCards();
  }

  // ---------------------------------------------------------------------------------------------------
  // Announcements: checklist changes are read out politely, once the reader pauses typing, and only for
  // notes whose coverage actually changed, so a screen reader is not flooded on every keystroke.

  const announced = new Map();
  let announceTimer = 0;

  function coverageSummary(person, index) {
    const composed = composeFor(person);
    const covered = elements.filter((element) => composed.statuses[element.id] === "covered").length;
    const missing = elements.filter((element) => ["blank", "off"].includes(composed.statuses[element.id])).map((element) => element.title);
    return "Note for " + personName(person, index) + ": " + covered + " of " + elements.length + " elements covered." +
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

  // The blanks the note really has, not square brackets the reader typed.
  function blanksNote(composed) {
    const blanks = composed.parts.reduce((count, part) => count + part.runs.filter((run) => run.blank).length, 0);
    return blanks ? " It still has " + blanks + (blanks === 1 ? " blank" : " blanks") + " in square brackets to fill in." : "";
  }

  async function copyNote(person, card) {
    const composed = composeFor(person);
    say(card.status, "");
    if (await copyText(composed.text)) {
      say(card.status, "Copied the note to the clipboard." + blanksNote(composed));
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
    const composed = composeFor(person);
    const name = fileName(person, index);
    const url = URL.createObjectURL(new Blob([composed.text], { type: "text/plain;charset=utf-8" }));
    const link = el("a", { href: url, download: name, class: "builder-offscreen", tabindex: "-1", "aria-hidden": "true" });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute later it is surely done.
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(card.status, "Saved the note as " + name + " in your downloads." + blanksNote(composed));
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
    if (target === ui.heard) {
      state.heard = /^\d{4}-\d{2}-\d{2}$/.test(target.value) ? target.value : "";
      return refresh();
    }
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
    if (target === ui.heard) return onInput(event);
    if (target === ui.keepNothing) {
      setKeepNothing(target.checked);
      return say(ui.draftStatus, target.checked
        ? "Nothing is kept on this device now: your details are gone when you close or reload the page."
        : "Your details are kept in this browser again, so they are still here when you come back.");
    }
    const questionID = target.getAttribute("data-question");
    if (questionID !== null) {
      if (target.hasAttribute("data-uid")) {
        const { person } = personByUID(target.getAttribute("data-uid"));
        if (person && questionID in person.answers) person.answers[questionID] = target.value;
      } else if (questionID in state.answers) {
        state.answers[questionID] = target.value;
      }
      return refresh();
    }
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
    if (control.getAttribute("data-role") === "undo") return undoRemove();
    const role = control.getAttribute("data-role");
    const { person, index } = personByUID(control.getAttribute("data-uid"));
    if (!person) return;
    const card = cards.get(person.uid);
    if (role === "remove") removePerson(person, index);
    else if (role === "copy") copyNote(person, card);
    else if (role === "download") downloadNote(person, card, index);
    else if (role === "print") printNote(card);
  }

  // Editing a person brings their note into view in the column beside the form: the whole card when it fits,
  // else its text. Editing what every note shares marks none of them.
  function onFocusIn(event) {
    const row = event.target.closest && event.target.closest("li.builder-person");
    const card = row ? cards.get(Number(row.getAttribute("data-uid"))) : null;
    for (const other of cards.values()) other.root.classList.toggle("builder-note-current", other === card);
    if (!card || !WIDE.matches) return;
    // The column is sticky, so it is the offset parent of the card and of its text.
    const start = card.root.offsetTop;
    const end = card.preview.offsetTop + card.preview.offsetHeight;
    const top = end - start <= ui.notes.clientHeight ? start : card.preview.offsetTop - 8;
    const visible = top >= ui.notes.scrollTop && end <= ui.notes.scrollTop + ui.notes.clientHeight;
    if (!visible) ui.notes.scrollTop = top;
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
    say(ui.peopleStatus, "Added person " + state.people.length + " and a note for them.");
  }

  let removed = null;

  function removePerson(person, index) {
    if (state.people.length <= 1) return;
    const name = personName(person, index);
    state.people.splice(index, 1);
    ui.recipients.querySelector('li[data-uid="' + person.uid + '"]').remove();
    cards.get(person.uid).root.remove();
    cards.delete(person.uid);
    announced.delete(person.uid);
    removed = { person, index };
    refresh();
    const undo = el("button", { type: "button", class: "builder-button builder-button-quiet builder-undo", "data-role": "undo" },
      "Undo", srOnly(": bring back the note for " + name));
    say(ui.peopleStatus, "Removed " + name + " and their note. ", undo);
    undo.focus();
  }

  function undoRemove() {
    if (!removed) return;
    if (state.people.length >= MAX_PEOPLE) {
      return say(ui.peopleStatus, "There are already " + MAX_PEOPLE + " people, the most the builder holds. Remove one to bring the note back.");
    }
    const { person, index } = removed;
    removed = null;
    const at = Math.min(index, state.people.length);
    const before = state.people[at] ? ui.recipients.querySelector('li[data-uid="' + state.people[at].uid + '"]') : null;
    state.people.splice(at, 0, person);
    addPersonRow(person, before);
    addNoteCard(person);
    refresh();
    const input = ui.recipients.querySelector('li[data-uid="' + person.uid + '"] input');
    if (input) input.focus();
    say(ui.peopleStatus, "Brought back " + personName(person, at) + " and their note.");
  }

  function hasInput() {
    const typed = (values) => Object.values(values).some((value) => value.trim() !== "");
    return typed(state.values) || state.people.length > 1 || state.people.some((person) => typed(person.values));
  }

  function fillSample(noteID) {
    const note = notesById.get(noteID);
    if (!note) return;
    if (hasInput() && !window.confirm("Replace your details with the sample for \u201c" + note.title + "\u201d?")) return;
    const sample = note.sample && typeof note.sample === "object" ? note.sample : {};
    const answers = note.answers && typeof note.answers === "object" ? note.answers : {};
    state.values = strings(sample, readerFields.concat(sharedFields).map((field) => field.id));
    state.answers = answerStrings(answers, readerQuestions);
    state.people = [newPerson(note.id, strings(sample, recipientFields.map((field) => field.id)), answerStrings(answers, recipientQuestions))];
    removed = null;
    say(ui.peopleStatus, "");
    syncReaderInputs();
    rebuildPeople();
    refresh();
    say(ui.sampleStatus, "Filled in the sample for \u201c" + note.title + "\u201d. Its note is " +
      (WIDE.matches ? "beside" : "below") + " person 1\u2019s details.");
  }

  function clearAll() {
    if (!window.confirm("Clear all your details and notes? This cannot be undone.")) return;
    state.values = { ...emptyValues(readerFields), ...emptyValues(sharedFields) };
    state.answers = emptyAnswers(readerQuestions);
    state.heard = "";
    state.people = [newPerson(data.notes[0].id)];
    removed = null;
    syncReaderInputs();
    rebuildPeople();
    refresh({ save: false });
    clearDraft();
    rememberCoverage();
    say(ui.peopleStatus, "");
    say(ui.draftStatus, "Cleared. All details and notes are empty again.");
  }

  function syncReaderInputs() {
    for (const input of app.querySelectorAll("#builder-reader-fields [data-field], #builder-shared-fields [data-field]")) {
      input.value = state.values[input.getAttribute("data-field")] || "";
    }
    for (const select of ui.situation.querySelectorAll("select[data-question]")) {
      select.value = state.answers[select.getAttribute("data-question")];
    }
    ui.heard.value = state.heard;
  }

  // ---------------------------------------------------------------------------------------------------
  // Start: restore the draft, build the form, then swap the no-JavaScript blank notes for the builder.

  loadDraft();
  buildSampleButtons();
  buildReaderSection();
  rebuildPeople();
  refresh({ save: false });
  rememberCoverage();
  if (ui.keepNothing) ui.keepNothing.checked = keepNothing;
  if (ui.addLimit) ui.addLimit.textContent = "The builder holds up to " + MAX_PEOPLE + " people. Remove one to add another.";
  describeDraft();
  if (!storage) storageUnavailable();

  // Keep nothing, chosen in another tab, holds here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEEP_NOTHING_KEY && event.key !== null) return;
    try {
      keepNothing = storage !== null && storage.getItem(KEEP_NOTHING_KEY) === "1";
    } catch {
      keepNothing = true;
    }
    if (ui.keepNothing) ui.keepNothing.checked = keepNothing;
    describeDraft();
  });

  app.addEventListener("input", onInput);
  app.addEventListener("change", onChange);
  app.addEventListener("click", onClick);
  app.addEventListener("focusin", onFocusIn);
  WIDE.addEventListener("change", placeAllCards);
  window.addEventListener("beforeprint", () => {
    printing = true;
  });
  window.addEventListener("afterprint", () => {
    printing = false;
    clearPrintMarks();
    placeAllCards();
  });

  if (ui.blank) ui.blank.hidden = true;
  app.hidden = false;
})();
