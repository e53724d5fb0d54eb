"""Session: the pull API, run fresh and again with a save/restore round trip at every step."""

from __future__ import annotations

import json

import pytest

from game.engine import ChoiceUnavailable, Edition, Session, SessionState, StateError, StoryMachine

from .walk import all_playthroughs, round_trip

MODES = pytest.mark.parametrize("restore_each_step", [False, True], ids=["fresh", "save-restore-each-step"])


@MODES
def test_every_playthrough_of_the_sample_reaches_an_ending(sample_story, restore_each_step):
    paths = all_playthroughs(sample_story, "pilot", restore_each_step)
    endings = {tuple(p) for p in paths}
    assert ("go", "low", "first_field") in endings
    assert ("wait",) in endings
    assert len(paths) >= 5


def test_the_two_modes_find_exactly_the_same_playthroughs(sample_story):
    assert all_playthroughs(sample_story, "pilot", False) == all_playthroughs(sample_story, "pilot", True)


@MODES
def test_conditions_open_and_close_choices(sample_story, restore_each_step):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    session.choose("high")  # fuel 100 -> 85: not low enough to go for the first field
    if restore_each_step:
        session = round_trip(session)
    assert [c.id for c in session.choices] == ["chitose", "eject"]
    assert [c.id for c in session.closed_choices] == ["first_field"]
    with pytest.raises(ChoiceUnavailable):
        session.choose("first_field")
    assert session.scene_id == "over_the_sea" and len(session.path) == 2


@MODES
def test_effects_change_the_variables_and_undo_restores_them(sample_story, restore_each_step):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    session.choose("low")
    if restore_each_step:
        session = round_trip(session)
    assert session.variables == {"fuel": 70, "nerve": 70}
    session.undo()
    assert session.scene_id == "breakaway" and session.variables == {"fuel": 100, "nerve": 70}
    session.undo_to(0)
    assert session.scene_id == "full_tanks" and session.variables == {"fuel": 100, "nerve": 60}
    assert session.path == []


def test_undo_refuses_to_go_further_back_than_the_start(sample_story):
    session = Edition.build(sample_story).start("pilot")
    with pytest.raises(IndexError):
        session.undo()


def test_an_unknown_choice_is_refused_without_moving(sample_story):
    session = Edition.build(sample_story).start("pilot")
    with pytest.raises(ChoiceUnavailable):
        session.choose("fly_to_the_moon")
    assert session.scene_id == "full_tanks" and session.path == []


def test_no_choice_is_taken_after_an_ending(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("wait")
    assert session.is_finished and session.choices == []
    with pytest.raises(ChoiceUnavailable):
        session.choose("go")


def test_gauges_show_visible_variables_with_their_fraction(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    fuel, nerve = session.gauges
    assert (fuel.name, fuel.value, fuel.fraction) == ("fuel", 100, 1.0)
    assert (nerve.name, nerve.value, nerve.fraction) == ("nerve", 70, 0.7)


def test_sessions_share_one_machine_without_sharing_state(sample_story):
    machine = StoryMachine(sample_story.story, sample_story.rules)
    first = Session.start(sample_story.story, "pilot", machine=machine)
    second = Session.start(sample_story.story, "pilot", machine=machine)
    first.choose("go")
    second.choose("wait")
    first.choose("low")
    assert first.scene_id == "over_the_sea" and second.scene_id == "another_day"
    assert first.variables["fuel"] == 70 and second.variables["fuel"] == 100


def test_the_saved_state_is_plain_json_with_a_format_version(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    data = json.loads(json.dumps(session.save()))
    assert data["format"] == 1 and data["path"][0]["choice"] == "go" and "seed" not in data
    assert SessionState.from_dict(data) == session.state


@pytest.mark.parametrize("data", [None, [], {"format": 99}, {"format": 1}, {"format": 1, "story_id": "x"},
                                  {"format": 1, "story_id": "s", "role": "pilot", "scene": "x", "variables": [],
                                   "path": []},
                                  {"format": 1, "story_id": "s", "role": "pilot", "scene": "x",
                                   "variables": {"fuel": "lots"}, "path": []}])
def test_a_malformed_save_is_refused_with_a_state_error(sample_story, data):
    with pytest.raises(StateError):
        Edition.build(sample_story).restore(data)


def test_a_save_for_a_role_the_story_no_longer_has_is_refused_clearly(sample_story):
    data = Edition.build(sample_story).start("pilot").save()
    data["role"] = "navigator"
    with pytest.raises(StateError, match="navigator"):
        Edition.build(sample_story).restore(data)


def test_a_save_whose_path_no_longer_exists_is_replayed_to_the_last_valid_choice(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    session.choose("low")
    data = session.save()
    data["path"][1]["choice"] = "barrel_roll"  # as if the writer renamed the choice
    data["scene"] = "somewhere_removed"
    restored, messages = Edition.build(sample_story).restore(data)
    assert restored.scene_id == "breakaway" and [s.choice for s in restored.path] == ["go"]
    assert len(messages) == 1 and "1 of 2 choices kept" in messages[0]
    assert messages[0].key == "notice.story_changed" and messages[0].values["kept"] == 1
