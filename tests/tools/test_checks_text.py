"""The words players read: no project working words (W326), and only characters the game can draw (W327)."""

from __future__ import annotations

import pytest

from game.tools.checks_text import check_drawable_characters, check_working_words, font_coverage

from .stories import copy, edit, load


def _with_text(tmp_path, text: str):
    story = copy("clean", tmp_path)
    edit(story / "roles" / "agent" / "01_scenes.yaml", "text: You stand at the start.", f"text: {text}")
    return load(story)


def test_a_seed_named_in_player_text_is_a_warning_at_its_line(tmp_path):
    [problem] = check_working_words(_with_text(tmp_path, "As the seed says, you stand at the start."))
    assert problem.code == "W326" and "'seed'" in problem.message
    assert problem.location.path.endswith("01_scenes.yaml") and problem.location.line == 7


def test_research_notes_are_a_working_word_but_seedlings_are_not(tmp_path):
    assert check_working_words(_with_text(tmp_path, "Our research notes say so."))
    assert not check_working_words(_with_text(tmp_path / "b", "Seedlings grow by the runway."))


@pytest.mark.parametrize("text, why", [
    ("You smile \U0001F600 at the start.", "is an emoji"),
    ("A sign reads \u05E9\u05DC\u05D5\u05DD.", "right-to-left"),
    ("A prayer flag: \u0F00.", "not drawn by the"),
])
def test_characters_the_window_cannot_draw_are_a_warning(tmp_path, text, why):
    assert font_coverage() is not None
    [problem] = check_drawable_characters(_with_text(tmp_path, f'"{text}"'))
    assert problem.code == "W327" and why in problem.message and problem.location.line == 7


def test_japanese_and_vietnamese_letters_are_drawable(tmp_path):
    assert check_drawable_characters(_with_text(tmp_path, "函館 and Đà Nẵng, at the start.")) == []


def test_a_translation_the_japanese_font_cannot_draw_is_reported_with_its_key(tmp_path):
    from game.engine import load_story
    from game.tools.translations import update_templates

    story = copy("clean", tmp_path)
    update_templates(load_story(story).story, story, "ja")
    path = next((story / "i18n" / "ja").glob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("text: ''", "text: 'ก'", 1), encoding="utf-8")
    [problem] = check_drawable_characters(load(story))
    assert problem.location.path.endswith(path.name) and "Japanese" in problem.message
