"""The writer checks of `foxbat lint`: each reports what it should, where it should, and nothing more."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from game.tools import checks
from game.tools.lint import lint_story
from game.tools.checks_writing import Moment, check_images, check_translations
from game.tools.explore import explore_story
from game.tools.checks_flow import check_exploration_limit

from .stories import codes, copy, edit, load, with_code

PROJECT = Path(__file__).resolve().parents[2]


def run(name_or_path):
    return checks.run_checks(load(name_or_path))


def test_a_clean_story_has_no_problems_from_the_writer_checks():
    assert run("clean") == []


def test_checks_return_problems_and_print_nothing(capsys):
    run("record")
    assert capsys.readouterr() == ("", "")


def test_a_scene_no_choice_leads_to_is_reported_as_unreachable_at_its_line():
    [problem] = with_code(run("unreachable"), "W301")
    assert "'orphan'" in problem.message
    assert problem.location.path.endswith("01_scenes.yaml") and problem.location.line == 25


def test_a_scene_behind_a_condition_that_is_never_true_is_reported_as_unplayable():
    [problem] = with_code(run("unreachable"), "W302")
    assert "'far_away'" in problem.message


def test_an_ending_no_playthrough_can_reach_is_reported():
    [problem] = with_code(run("unreachable"), "W303")
    assert "'lost_ending'" in problem.message


def test_a_choice_whose_condition_is_false_wherever_it_is_offered_is_reported():
    [problem] = with_code(run("unreachable"), "W306")
    assert "'fly_far'" in problem.message and "fuel > 90" in problem.message


def test_a_dead_end_is_an_error_with_the_values_and_the_path_that_lead_to_it():
    [problem] = with_code(run("dead_end"), "E304")
    assert problem.is_error
    assert "'middle'" in problem.message and "fuel=10" in problem.message
    assert "start -waste-> middle" in problem.message


def test_a_dead_end_is_not_reported_when_another_choice_stays_open(tmp_path):
    root = copy("dead_end", tmp_path)
    edit(root / "roles/agent/01_scenes.yaml", "        goto: landed\n",
         "        goto: landed\n      - id: glide\n        text: Glide down\n        goto: landed\n")
    assert with_code(run(root), "E304") == []


def test_a_loop_with_no_way_out_is_reported_once_at_its_entrance():
    [problem] = with_code(run("loop"), "E305")
    assert "'circle_a'" in problem.message and "circle_b" in problem.message


def test_a_loop_with_a_way_out_is_not_a_trap(tmp_path):
    root = copy("loop", tmp_path)
    edit(root / "roles/agent/01_scenes.yaml", "        goto: circle_a\n  ",
         "        goto: circle_a\n      - id: leave\n        text: Leave\n        goto: landed\n  ")
    assert with_code(run(root), "E305") == []


def test_an_effect_past_a_bound_is_reported_with_the_value_before_clamping():
    problems = with_code(run("range"), "W310")
    messages = " | ".join(p.message for p in problems)
    assert len(problems) == 2
    assert "'fuel' to 130, above its maximum 100" in messages
    assert "'fuel' to -20, below its minimum 0" in messages


def test_variables_set_but_never_read_read_but_never_set_and_unused_are_each_reported():
    problems = run("variables")
    assert codes(problems) == ["W307", "W308", "W309"]
    by_code = {p.code: p.message for p in problems}
    assert "'fuel'" in by_code["W307"] and "'nerve'" in by_code["W308"] and "'papers'" in by_code["W309"]


def test_a_variable_that_only_changes_itself_does_not_count_as_read():
    # fuel -= 10 reads fuel to compute fuel; that alone never changes what the player can do
    assert any("'fuel'" in p.message for p in with_code(run("variables"), "W307"))


def test_history_and_decision_problems_each_have_their_code():
    problems = run("record")
    assert {"E311", "E313", "E314", "E315", "W312", "W316", "W324"} <= set(codes(problems))


def test_a_documented_history_without_sources_is_an_error():
    [problem] = with_code(run("record"), "E311")
    assert problem.is_error and "'start'" in problem.message


def test_a_reconstructed_dossier_without_sources_is_an_error(tmp_path):
    story = copy("clean", tmp_path)
    edit(story / "roles" / "agent" / "01_scenes.yaml", "    history:\n      status: documented\n",
         "    dossier:\n      - id: log\n        kind: radar_log\n        title: The log\n"
         "        status: reconstructed\n        text: Blips.\n    history:\n      status: documented\n")
    [problem] = with_code(lint_story(story, check_sources=False), "E311")
    assert "reconstructed dossier 'log' cites no source" in problem.message


def test_a_decision_off_the_historical_path_is_told_to_drop_its_record_markers(tmp_path):
    story = copy("clean", tmp_path)
    scenes = story / "roles" / "agent" / "01_scenes.yaml"
    edit(scenes, "        record: considered\n", "        record: considered\n"
         "      - id: detour\n        text: Take the coast road\n        goto: detour\n        record: invented\n")
    edit(scenes, "  middle:\n", "  detour:\n    when: \"1976-09-06T12:30+09:00\"\n    where: The coast road\n"
         "    text: The road runs along the sea.\n    choices:\n      - id: back\n        text: Turn back\n"
         "        goto: middle\n        record: considered\n    history:\n      status: dramatized\n"
         "      what_happened: Nobody took this road.\n      dramatized: The whole detour.\n  middle:\n")
    [problem] = with_code(lint_story(story, check_sources=False), "E314")
    assert "'detour'" in problem.message and "remove 'record:'" in problem.hint


def test_a_quote_over_fifty_words_is_a_warning():
    [problem] = with_code(run("record"), "W312")
    assert "52 words" in problem.message


def test_a_contested_history_with_one_version_is_an_error():
    [problem] = with_code(run("record"), "E313")
    assert "1 version" in problem.message


def test_a_decision_needs_exactly_one_actual_choice():
    assert "'third'" in with_code(run("record"), "E314")[0].message
    assert "'second'" in with_code(run("record"), "E315")[0].message


def test_a_decision_whose_alternatives_all_end_the_role_at_once_is_a_warning():
    [problem] = with_code(run("record"), "W316")
    assert "'start'" in problem.message and "give_up -> gave_up" in problem.message


def test_an_alternative_that_rejoins_the_main_line_satisfies_the_decision_rule():
    assert with_code(run("clean"), "W316") == []


def test_text_too_long_for_the_kiosk_is_a_warning():
    problems = run("writing")
    assert "95 words" in with_code(problems, "W317")[0].message
    assert "160 words" in with_code(problems, "W318")[0].message


def test_time_going_backwards_across_an_offset_and_a_date_only_scene_is_an_error():
    [problem] = with_code(run("writing"), "E319")
    assert "'earlier'" in problem.message and "'start'" in problem.message
    assert "start -> middle -> earlier" in problem.message


@pytest.mark.parametrize("later, earlier, expected", [
    ("1976-09-06T13:50+10:00", "1976-09-06T12:55+09:00", False),  # 12:50 JST is before 12:55 JST
    ("1976-09-06T14:00+09:00", "1976-09-06T14:30+10:00", True),
    ("1976-09-07", "1976-09-06T23:00+09:00", True),
    ("1976-09-06", "1976-09-06T23:00+09:00", False),  # same date: a date-only scene is not earlier
    ("1976-10", "1976-09-30", True),
    ("1976-09", "1976-09-30", False),
])
def test_moments_compare_as_instants_with_times_and_by_date_without(later, earlier, expected):
    assert Moment.parse(later).is_after(Moment.parse(earlier)) is expected


def test_a_missing_image_is_an_error_and_a_present_one_is_not(tmp_path):
    root = copy("writing", tmp_path)
    story = load(root)
    [problem] = check_images(story)
    assert problem.code == "E320" and "no_such_picture.png" in problem.message
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "no_such_picture.png").write_bytes(b"\x89PNG")
    assert check_images(story) == []


def test_an_image_path_may_not_climb_out_of_the_images_folder(tmp_path):
    root = copy("writing", tmp_path)
    (tmp_path / "secret.png").write_bytes(b"x")
    edit(root / "roles/agent/01_scenes.yaml", "image: no_such_picture.png", "image: ../../secret.png")
    assert codes(check_images(load(root))) == ["E320"]


def test_the_translation_check_does_nothing_without_an_i18n_folder():
    assert check_translations(load("clean")) == []


def test_with_an_i18n_folder_lint_reports_untranslated_strings():
    problems = check_translations(load("translations"))
    assert "W330" in codes(problems)


def test_a_search_cut_short_by_the_state_limit_says_so():
    story = load("clean")
    [problem] = check_exploration_limit(story, explore_story(story, max_states=2))
    assert problem.code == "W323"


def test_checks_skip_what_the_loader_already_reported(tmp_path):
    # a choice to an unknown scene is E103; it must not also be called a dead end or a trap
    root = copy("clean", tmp_path)
    edit(root / "roles/agent/01_scenes.yaml", "goto: landed", "goto: nowhere")
    from game.engine import check_story

    story, problems = check_story(root)
    assert "E103" in codes(problems)
    assert not {"E304", "E305"} & set(codes(checks.run_checks(story)))


def test_every_code_in_the_code_is_documented_with_an_example():
    used = set()
    for path in (PROJECT / "game").rglob("*.py"):
        used |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    documented = (PROJECT / "docs" / "lint-codes.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### ([EW]\d{3})\b", documented, re.MULTILINE))
    assert used - headings == set(), "document these codes in docs/lint-codes.md"
    sections = re.split(r"^### ", documented, flags=re.MULTILINE)[1:]
    without_example = [s.split()[0] for s in sections if "```" not in s]
    assert without_example == []


def test_a_role_whose_record_choices_sit_in_one_position_is_warned(monkeypatch):
    from game.tools import checks_record

    story = load("clean")  # one decision, the record's choice first
    assert checks_record.check_record_positions(story) == []  # too few decisions to call it a pattern
    monkeypatch.setattr(checks_record, "MIN_DECISIONS_FOR_POSITIONS", 1)
    [problem] = checks_record.check_record_positions(story)
    assert problem.code == "W325" and "option 1 in 1 of 1 decisions" in problem.message
    assert problem.location.path.endswith("role.yaml")
