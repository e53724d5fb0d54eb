"""`foxbat debrief` as PDF: read back with pdftotext and pdffonts, in English and Japanese, A4 and Letter."""

from __future__ import annotations

import pytest

from game.classroom.documents import debrief_html
from game.classroom.playthrough import playthrough_from_spec
from game.classroom.render import write_document
from game.cli import main
from game.engine import build_debrief

from .conftest import loose, pdf_fonts, pdf_page_size, pdf_text, squeeze


@pytest.fixture(scope="module")
def english_pdf(tmp_path_factory):
    """The pilot's historical debrief in English, written by the command."""
    path = tmp_path_factory.mktemp("pdf") / "pilot.pdf"
    assert main(["debrief", "--role", "pilot", "--path", "random:5", "--lang", "en", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def japanese_pdf(tmp_path_factory):
    """The police officer's historical debrief in Japanese, on Letter paper."""
    path = tmp_path_factory.mktemp("pdf") / "police-ja.pdf"
    assert main(["debrief", "--role", "police", "--path", "historical", "--lang", "ja", "--paper", "letter",
                 "-o", str(path)]) == 0
    return path


def test_an_english_pdf_shows_every_decision_with_both_choices_and_the_question(english_pdf, edition_in):
    edition = edition_in("en")
    story, ui = edition.story, edition.ui
    run = playthrough_from_spec(edition, "pilot", "random:5")
    debrief = build_debrief(story, run.state, edition.machine.rules)
    text = pdf_text(english_pdf)
    assert debrief.decisions and any(not d.matched for d in debrief.decisions)  # a path that differs somewhere
    for review in debrief.decisions + debrief.missed:
        assert (review.scene.title or review.scene_id) in text
        if review.chosen is not None:
            assert " ".join(review.chosen.text.split()) in text
        assert " ".join(review.actual.text.split()) in text
    assert " ".join(story.roles["pilot"].question.split()) in text
    assert ui("debrief.summary", matches=debrief.matches, total=debrief.total) in text


def test_an_english_pdf_quotes_each_source_exactly_with_its_full_citation(english_pdf, edition_in):
    edition = edition_in("en")
    story, ui = edition.story, edition.ui
    run = playthrough_from_spec(edition, "pilot", "random:5")
    text = pdf_text(english_pdf)
    barron = story.sources["barron"]
    cited = 0
    for review in build_debrief(story, run.state, edition.machine.rules).decisions:
        history = review.history
        quotes = list(history.sources) if history else []
        for version in (history.versions if history else []):
            assert " ".join(version.claim.split()) in text
            quotes.extend(version.sources)
        for quote in quotes:
            assert loose(quote.quote) in loose(text)
            if quote.translation:
                assert " ".join(quote.translation.split()) in text
            cited += 1
    assert cited >= 5
    assert f"{barron.author}, “{barron.title}”, {barron.publisher}, {barron.date}." in text


def test_a_disputed_point_prints_every_account(english_pdf, edition_in):
    edition = edition_in("en")
    story, ui = edition.story, edition.ui
    run = playthrough_from_spec(edition, "pilot", "random:5")
    disputed = [r for r in build_debrief(story, run.state, edition.machine.rules).decisions if r.disputed]
    text = pdf_text(english_pdf)
    assert disputed
    for review in disputed:
        assert len(review.history.versions) >= 2
        for version in review.history.versions:
            assert " ".join(version.claim.split()) in text
    assert ui("classroom.account", letter="B") in text


def test_every_font_in_the_pdfs_is_embedded(english_pdf, japanese_pdf):
    for path in (english_pdf, japanese_pdf):
        fonts = pdf_fonts(path)
        assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
        assert all("Foxbat-Sans" in font["name"] for font in fonts), fonts  # never a font of this machine
    assert any("Foxbat-Sans-JP" in font["name"] for font in pdf_fonts(japanese_pdf))


def test_a_japanese_pdf_reads_back_in_japanese(japanese_pdf, edition_in):
    edition = edition_in("ja")
    story, ui = edition.story, edition.ui
    run = playthrough_from_spec(edition, "police", "historical")
    debrief = build_debrief(story, run.state, edition.machine.rules)
    text = squeeze(pdf_text(japanese_pdf))
    assert squeeze(story.roles["police"].question) in text
    assert squeeze(ui("gui.debrief.title")) in text
    for review in debrief.decisions:
        assert squeeze(review.scene.title) in text
        assert squeeze(review.chosen.text) in text
    assert squeeze(story.roles["police"].epilogue)[:40] in text


def test_the_paper_flag_sets_a4_or_letter(english_pdf, japanese_pdf):
    width, height = pdf_page_size(english_pdf)
    assert (round(width), round(height)) == (595, 842)
    width, height = pdf_page_size(japanese_pdf)
    assert (round(width), round(height)) == (612, 792)


def test_a_vietnamese_pdf_keeps_its_stacked_accents(tmp_path, edition_in):
    edition = edition_in("vi")
    story, ui = edition.story, edition.ui
    path = tmp_path / "diplomat-vi.pdf"
    write_document(debrief_html(edition, playthrough_from_spec(edition, "diplomat", "historical")), path)
    text = pdf_text(path)
    assert loose(story.roles["diplomat"].question) in loose(text)
    assert ui("classroom.debrief.question") in text and "ộ" in text and "ữ" in text
    assert all(font["emb"] == "yes" for font in pdf_fonts(path))
