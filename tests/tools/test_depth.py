"""`foxbat playtest --depth`: the replay figures of a role beside the targets."""

from __future__ import annotations

from game.cli import main
from game.tools.depth import choices_from_start, measure, record_positions

from .stories import copy, edit, fixture, load


def test_every_choice_but_the_record_in_a_scene_of_two_or_more_is_an_alternative():
    depth = measure(load("clean"), "agent", runs=200, seed=1)
    assert depth.alternatives == ["start/wait", "middle/land", "middle/ditch"]
    # 'middle' offers a choice straight to an ending, and land and ditch are endings themselves
    assert depth.quick_ends == ["start/wait", "middle/land", "middle/ditch"]
    assert depth.positions == {1: 1}
    assert depth.single_option == []


def test_the_mean_counts_every_choice_of_every_random_run():
    depth = measure(load("clean"), "agent", runs=300, seed=5)
    assert depth.mean_choices == 2.0  # start, then middle, then an ending: two choices on every path


def test_an_alternative_ending_two_choices_from_the_start_is_early():
    depth = measure(load("clean"), "agent", runs=10, seed=1)
    assert depth.early_endings == ["ditched"]
    assert choices_from_start(load("clean").roles["agent"]) == {"start": 0, "middle": 1, "landed": 2, "ditched": 2}


def test_a_role_with_too_few_choices_misses_the_mean_and_the_quick_end_targets():
    misses = measure(load("clean"), "agent", runs=50, seed=1).misses()
    assert any("choices per random playthrough" in m for m in misses)
    assert any("3 of 3 alternatives reach an ending" in m for m in misses)
    assert not any("single-option" in m for m in misses)


def test_record_positions_count_the_list_place_of_each_actual_choice(tmp_path):
    story = copy("clean", tmp_path)
    scenes = story / "roles" / "agent" / "01_scenes.yaml"
    edit(scenes, "      - id: go\n        text: Go\n        set: fuel -= 10\n        goto: middle\n        record: actual\n",
         "")
    edit(scenes, "        record: considered\n", "        record: considered\n"
         "      - id: go\n        text: Go\n        set: fuel -= 10\n        goto: middle\n        record: actual\n")
    assert record_positions(load(story).roles["agent"]) == {2: 1}


def test_playtest_depth_prints_the_figures_and_exits_1_on_a_miss(capsys):
    assert main(["playtest", str(fixture("clean")), "--depth", "50"]) == 1
    out = capsys.readouterr().out
    assert "agent" in out and "3 of 3" in out and "target(s) missed" in out


def test_playtest_depth_refuses_zero_runs(capsys):
    assert main(["playtest", str(fixture("clean")), "--depth", "0"]) == 2
    assert "--depth needs a number" in capsys.readouterr().err
