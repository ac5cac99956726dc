"""Questions asked once (who told you the news) and per person (how you met) choose the notes' wording."""

import datetime


def test_who_told_the_news_chooses_how_each_note_mentions_it(builder):
    builder.fill_sample("notes/recruiter")
    assert "I appreciate hearing it directly from you." in builder.preview(0)

    builder.choose(builder.reader_question("news"), "automated")
    assert "I received the email letting me know that the Patient Services Coordinator position" in builder.preview(0)
    assert "directly from you" not in builder.preview(0)

    builder.choose(builder.reader_question("news"), "hiring_manager")
    assert builder.preview(0).count("thank") <= 2
    assert "I’ve heard from the hiring manager" in builder.preview(0)


def test_the_hiring_manager_is_thanked_for_the_news_only_if_they_gave_it(builder):
    builder.fill_sample("notes/hiring-manager")
    assert "I’m grateful you told me yourself." in builder.preview(0)
    builder.choose(builder.reader_question("news"), "recruiter")
    assert "told me yourself" not in builder.preview(0)
    assert "I heard from your recruiting team" in builder.preview(0)


def test_how_each_person_was_met_chooses_their_thanks(builder):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.choose(builder.person_note_select(1), "notes/interviewer")
    builder.choose(builder.person_question(1, "met"), "one_to_one")

    assert "during the panel interview" in builder.preview(0)
    assert "in our one-to-one conversation" in builder.preview(1)
    assert "panel" not in builder.preview(1)


def test_a_note_says_when_to_send_it(builder):
    card = builder.cards()[0]
    assert "a day or two after you hear the news" in builder.find(".builder-note-when", card).text
    heard = datetime.date.today()
    builder.js("const input = document.getElementById('builder-heard'); input.value = arguments[0];"
               "input.dispatchEvent(new Event('input', {bubbles: true}))", heard.isoformat())
    by = heard + datetime.timedelta(days=2)
    text = builder.find(".builder-note-when", builder.cards()[0]).text
    assert text.startswith("Send by ") and by.strftime("%A") in text and str(by.day) in text


def test_a_send_by_day_already_past_still_encourages_sending(builder):
    builder.js("const input = document.getElementById('builder-heard'); input.value = '2020-03-02';"
               "input.dispatchEvent(new Event('input', {bubbles: true}))")
    text = builder.find(".builder-note-when", builder.cards()[0]).text
    assert "That day has passed, and a note now still beats none." in text
