"""Every character of every language is drawn by a shipped font (checked in the fonts' character maps)."""

from __future__ import annotations

import unicodedata

import pytest
from fontTools.ttLib import TTFont

from game.engine import languages_in, load_catalog, load_story, load_ui_strings, story_strings

from ..conftest import PROJECT

FONTS = PROJECT / "assets" / "fonts"
STORY = PROJECT / "story"


def _cmap(name: str) -> set[int]:
    return set(TTFont(FONTS / name, lazy=True).getBestCmap())


@pytest.fixture(scope="module")
def maps():
    return {"latin": _cmap("NotoSans-Regular.ttf") & _cmap("NotoSans-Bold.ttf"),
            "jp": _cmap("NotoSansJP-Regular.otf") & _cmap("NotoSansJP-Bold.otf")}


def _texts(language: str) -> list[str]:
    story = load_story(STORY).story
    english = dict(story_strings(story))
    english.update({f"ui.{k}": v for k, v in load_ui_strings(STORY).items()})
    if language == "en":
        return list(english.values())
    catalog, _ = load_catalog(STORY, language)
    return [catalog.text(key, text) for key, text in english.items()]


def _missing(texts: list[str], cmap: set[int]) -> set[str]:
    return {ch for text in texts for ch in unicodedata.normalize("NFC", text)
            if not ch.isspace() and unicodedata.category(ch)[0] != "C" and ord(ch) not in cmap}


@pytest.mark.parametrize("language", languages_in(STORY))
def test_every_character_of_a_language_has_a_glyph(language, maps):
    texts = _texts(language)
    if language == "ja":
        assert _missing(texts, maps["jp"]) == set()
    else:
        # Latin-script text is drawn in Noto Sans; a Japanese run inside it (a source title, a
        # quoted headline) falls back to the Japanese font.
        assert _missing(texts, maps["latin"] | maps["jp"]) == set()


def test_the_japanese_subset_covers_kana_and_both_jis_levels(maps):
    for sample in "あア漢字函館亡命中尉弌熙":
        assert ord(sample) in maps["jp"], sample
    assert len(maps["jp"]) > 7000


def test_noto_sans_draws_every_vietnamese_letter(maps):
    letters = "ạảãàáâậầấẩẫăắằặẳẵẻẽèéêềếểễệỉĩìíịỏõòóôồốổỗộơờớởỡợủũùúưừứửữựỳỹýỵỷđ"
    letters += letters.upper()
    assert {ch for ch in letters if ord(ch) not in maps["latin"]} == set()


def test_the_coverage_file_lint_reads_matches_the_fonts():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_coverage", FONTS / "make_coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (FONTS / "coverage.json").read_text(encoding="utf-8") == module.render(), \
        "run: .venv/bin/python assets/fonts/make_coverage.py"
