"""Which earlier choice led where: turning points and the first departure from the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Edition, build_debrief, load_story

CLEAN = Path(__file__).resolve().parent.parent / "stories" / "clean"


@pytest.fixture(scope="module")
def clean():
    return load_story(CLEAN)


def played(story, *choices):
    session = Edition.build(story).start("agent")
    for choice in choices:
        session.choose(choice)
    return build_debrief(session.story, session.state, session.machine.rules)


def test_an_earlier_choice_that_opened_the_choice_taken_is_a_turning_point(clean):
    debrief = played(clean, "wait", "ditch")  # waiting burns fuel below 30, which opens ditching
    assert [(t.cause_scene, t.cause_choice, t.scene, t.choice, t.opened, t.variables, t.taken)
            for t in debrief.turns] == [("start", "wait", "middle", "ditch", True, ("fuel",), True)]


def test_a_choice_closed_whatever_the_player_did_has_no_cause(clean):
    debrief = played(clean, "go", "land")  # fuel 40: ditching is closed, and would be at 50 too
    assert debrief.turns == []


def test_an_option_that_merely_stayed_open_is_not_reported(clean):
    debrief = played(clean, "wait", "land")
    assert debrief.turns == []


def test_the_first_departure_names_the_scene_and_both_choices(clean):
    debrief = played(clean, "wait", "land")
    assert (debrief.departure.scene, debrief.departure.chosen, debrief.departure.actual) == ("start", "wait", "go")


def test_following_the_record_has_no_departure(clean):
    assert played(clean, "go", "land").departure is None


def test_an_earlier_choice_that_closed_a_later_option_is_a_turning_point(tmp_path):
    import shutil

    story_dir = shutil.copytree(CLEAN, tmp_path / "clean")
    scenes = story_dir / "roles" / "agent" / "01_scenes.yaml"
    text = scenes.read_text(encoding="utf-8")
    scenes.write_text(text.replace("        text: Land\n", "        text: Land\n        if: fuel > 30\n"), encoding="utf-8")
    story = load_story(story_dir)
    debrief = played(story, "wait", "ditch")
    closed = [t for t in debrief.turns if not t.opened]
    assert [(t.cause_choice, t.choice, t.taken) for t in closed] == [("wait", "land", False)]
