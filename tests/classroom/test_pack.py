"""`foxbat classroom`: the teacher's pack in English, Japanese and Vietnamese, made from the story's own data."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from game.cli import main

from ..conftest import PROJECT
from .conftest import pdf_fonts, pdf_text, squeeze

LANGUAGES = ("en", "ja", "vi")


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """The pack written once, in every language, by the command."""
    folder = tmp_path_factory.mktemp("pack")
    assert main(["classroom", "-o", str(folder), "--lang", *LANGUAGES]) == 0
    return folder


def page_text(path) -> str:
    """A page's text with tags dropped and entities read, every run of whitespace one space."""
    raw = path.read_text(encoding="utf-8")
    body = re.sub(r"<style>.*?</style>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_pack_is_written_as_pdf_and_html_in_each_language(pack):
    assert sorted(p.name for p in pack.iterdir()) == sorted(
        f"teachers-pack-{lang}.{kind}" for lang in LANGUAGES for kind in ("pdf", "html"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pack_says_what_the_game_says(pack, edition_in, language):
    story, ui = edition_in(language).story, edition_in(language).ui
    text = page_text(pack / f"teachers-pack-{language}.html")
    for role in story.roles.values():
        assert " ".join(role.question.split()) in text and role.name in text
        for scene in role.scenes.values():
            if scene.is_decision:
                assert scene.title in text
            if scene.history is not None and scene.history.status == "contested":
                for version in scene.history.versions:
                    assert " ".join(version.claim.split()) in text
    for source in story.sources.values():
        assert " ".join(source.reliability.split()) in text and source.title in text
    for key in ("classroom.plan.heading", "classroom.plan.step1", "classroom.plan.step6", "classroom.disputed.task",
                "classroom.sources.heading", "classroom.roles.heading"):
        assert ui(key) in text


def test_the_lesson_plan_fills_45_minutes_in_order():
    english = yaml.safe_load((PROJECT / "story" / "i18n" / "en" / "ui.yaml").read_text(encoding="utf-8"))["entries"]
    times = [english[f"classroom.plan.step{n}_time"] for n in range(1, 7)]
    spans = [tuple(int(x) for x in re.findall(r"\d+", t)) for t in times]
    assert spans[0][0] == 0 and spans[-1][1] == 45
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_the_japanese_pack_prints_in_japanese_with_embedded_fonts(pack, edition_in):
    story, ui = edition_in("ja").story, edition_in("ja").ui
    path = pack / "teachers-pack-ja.pdf"
    text = squeeze(pdf_text(path))
    assert squeeze(ui("classroom.pack.title")) in text and squeeze(ui("classroom.disputed.task")) in text
    for role in story.roles.values():
        assert squeeze(role.question) in text
    assert all(font["emb"] == "yes" for font in pdf_fonts(path))


def test_a_pack_into_a_file_is_refused_in_one_line(tmp_path, capsys):
    blocker = tmp_path / "pack.pdf"
    blocker.write_text("x")
    assert main(["classroom", "-o", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "is a file; -o needs a folder" in err and len(err.strip().splitlines()) == 1


def test_an_unknown_language_is_refused_before_anything_is_written(tmp_path, capsys):
    folder = tmp_path / "pack"
    assert main(["classroom", "-o", str(folder), "--lang", "en", "xx"]) == 2
    assert "no language 'xx'" in capsys.readouterr().err and not folder.exists()
