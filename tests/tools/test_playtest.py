"""`foxbat playtest`: exhaustive coverage, reproducible random runs, and the historical path."""

from __future__ import annotations

from game.cli import main
from game.tools.playtest import exhaustive, historical, random_playthroughs

from .stories import copy, edit, fixture, load


def test_an_exhaustive_search_covers_every_scene_choice_and_ending_of_a_clean_story():
    coverage = exhaustive(load("clean"), "agent")
    assert coverage.scenes_missed == [] and coverage.choices_missed == [] and coverage.endings_missed == []
    assert not coverage.failed


def test_an_exhaustive_search_finds_the_shortest_and_longest_playthrough_and_counts_them():
    coverage = exhaustive(load("clean"), "agent")
    assert coverage.shortest == ["start", "middle", "landed"]
    assert len(coverage.longest) == 3
    # go -> land; wait -> land; wait -> ditch (only open with fuel under 30)
    assert coverage.playthroughs == 3


def test_states_with_the_same_scene_and_variables_are_explored_once():
    coverage = exhaustive(load("clean"), "agent")
    # start, middle with fuel 40 or 20, landed with fuel 40 or 20, ditched with fuel 20
    assert coverage.states == 6


def test_an_exhaustive_search_reports_a_dead_end_with_the_path_to_it():
    coverage = exhaustive(load("dead_end"), "agent")
    assert coverage.failed
    assert coverage.dead_ends == ["'middle' when fuel=10: start -waste-> middle"]


def test_an_exhaustive_search_reports_an_ending_never_reached_and_a_loop_with_no_way_out():
    assert exhaustive(load("unreachable"), "agent").endings_missed == ["lost_ending"]
    coverage = exhaustive(load("loop"), "agent")
    assert coverage.traps and "circle_a" in coverage.traps[0] and coverage.loops


def test_playtest_exhaustive_exits_1_on_a_dead_end_and_0_on_a_clean_story(capsys):
    assert main(["playtest", str(fixture("dead_end")), "--exhaustive"]) == 1
    assert "dead end" in capsys.readouterr().out
    assert main(["playtest", str(fixture("clean")), "--exhaustive"]) == 0
    out = capsys.readouterr().out
    assert "endings 2/2 reached" in out and "3 distinct playthroughs" in out


def test_playtest_exhaustive_exits_1_on_an_unreachable_ending():
    assert main(["playtest", str(fixture("unreachable")), "--exhaustive"]) == 1


def test_random_playthroughs_are_reproducible_by_seed():
    story = load("clean")
    first = random_playthroughs(story, "agent", 200, seed=7)
    second = random_playthroughs(story, "agent", 200, seed=7)
    assert first.choices == second.choices and first.endings == second.endings


def test_random_playthroughs_count_every_run_at_one_ending():
    report = random_playthroughs(load("clean"), "agent", 300, seed=1)
    assert sum(report.endings.values()) == 300
    assert report.choices["start/go"] + report.choices["start/wait"] == 300


def test_prefer_unseen_spreads_the_runs_evenly_over_the_choices():
    report = random_playthroughs(load("clean"), "agent", 100, seed=3, prefer_unseen=True)
    assert abs(report.choices["start/go"] - report.choices["start/wait"]) <= 1


def test_random_playthroughs_report_a_dead_end():
    report = random_playthroughs(load("dead_end"), "agent", 50, seed=0)
    assert report.failed and report.dead_ends[0].startswith("'middle' when fuel=10")


def test_random_playthroughs_that_never_end_are_counted_as_unfinished():
    report = random_playthroughs(load("loop"), "agent", 20, seed=0)
    assert report.unfinished > 0 and report.failed


def test_playtest_random_prints_how_often_each_ending_and_choice_is_hit(capsys):
    assert main(["playtest", str(fixture("clean")), "--random", "50", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "50 random playthroughs" in out and "landed" in out and "start/wait" in out


def test_the_historical_transcript_follows_the_actual_choices_to_the_historical_ending():
    transcript = historical(load("clean"), "agent")
    assert transcript.problems == []
    assert "-> go (actual)" in transcript.text and "ending: historical" in transcript.text
    assert "wait" not in transcript.text


def test_a_historical_choice_that_is_closed_is_reported(tmp_path):
    root = copy("clean", tmp_path)
    edit(root / "roles/agent/01_scenes.yaml", "        set: fuel -= 10\n", "        set: fuel -= 10\n        if: fuel > 90\n")
    transcript = historical(load(root), "agent")
    assert transcript.problems and "'go' is not open" in transcript.problems[0]


def test_playtest_historical_writes_one_transcript_per_role(tmp_path, capsys):
    assert main(["playtest", str(fixture("clean")), "--historical", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "agent.txt").read_text(encoding="utf-8") == historical(load("clean"), "agent").text


def test_playtest_needs_a_mode_and_sane_numbers(capsys):
    for argv in (["playtest"], ["playtest", "--random", "0"], ["playtest", "--exhaustive", "--update-golden"],
                 ["playtest", "--exhaustive", "--role", "nobody"]):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        assert code == 2, argv


def test_the_historical_transcript_with_text_can_be_read_and_the_plain_one_is_the_path_only():
    story = load("clean")
    plain = historical(story, "agent").text
    readable = historical(story, "agent", with_text=True).text
    assert "You stand at the start." not in plain
    assert "| The start - An airfield" in readable and "| You stand at the start." in readable
    assert "-> go (actual): Go" in readable and "| ENDING: Landed" in readable


def test_playtest_text_goes_with_historical_and_never_into_golden_files(capsys):
    assert main(["playtest", str(fixture("clean")), "--random", "5", "--text"]) == 2
    assert main(["playtest", str(fixture("clean")), "--historical", "--text", "--update-golden"]) == 2
    assert main(["playtest", str(fixture("clean")), "--historical", "--text"]) == 0
    assert "You stand at the start." in capsys.readouterr().out
