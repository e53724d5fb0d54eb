"""Lint of the links between roles: unknown names with 'Did you mean', and the time order across roles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine import check_story, load_story
from game.tools.checks_links import check_link_times

from .stories import edit

SHIPPED = Path(__file__).resolve().parent.parent.parent / "story"
AIRPORT = "roles/police/01_airport.yaml"


@pytest.fixture
def story_copy(tmp_path) -> Path:
    """A private copy of the shipped story (without translations: these tests look at the rules only)."""
    root = tmp_path / "story"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("i18n"))
    return root


def _errors(root: Path, code: str) -> list:
    _, problems = check_story(root)
    return [p for p in problems if p.code == code]


def test_the_shipped_links_are_in_time_order():
    assert check_link_times(load_story(SHIPPED)) == []


@pytest.mark.parametrize("written, code, hint", [
    ("pliot.cameras.fire", "E205", "Did you mean 'pilot'?"),
    ("pilot.cameras.fir", "E202", "Did you mean 'cameras.fire'?"),
    ("pilot.nerv > 5", "E202", "Did you mean 'nerve'?"),
])
def test_an_unknown_role_or_name_in_a_link_is_an_error_with_a_suggestion(story_copy, written, code, hint):
    edit(story_copy / AIRPORT, "if: pilot.cameras.fire", f"if: {written}")
    found = _errors(story_copy, code)
    assert len(found) == 1 and found[0].hint == hint
    assert "01_airport.yaml" in found[0].format()


def test_an_effect_cannot_set_another_roles_variable(story_copy):
    edit(story_copy / AIRPORT, "set: wounded = true; soviet_pressure += 40", "set: pilot.nerve = 0; soviet_pressure += 40")
    found = _errors(story_copy, "E204")
    assert len(found) == 1 and "own variables" in found[0].message


def test_a_link_to_a_later_choice_of_another_role_is_reported_with_both_times(story_copy):
    edit(story_copy / AIRPORT, "if: pilot.cameras.fire", "if: pilot.soviet_meeting.face_him")
    found = [p for p in check_link_times(load_story(story_copy)) if p.code == "E340"]
    assert len(found) == 1
    assert "'soviet_meeting' comes later (at 1976-09-09)" in found[0].message
    assert "1976-09-06T14:02+09:00" in found[0].message


def test_a_link_to_a_variable_the_other_role_changes_only_later_is_reported(story_copy):
    edit(story_copy / AIRPORT, "if: pilot.cameras.fire", "if: diplomat.standing > 50")
    found = [p for p in check_link_times(load_story(story_copy)) if p.code == "E340"]
    assert len(found) == 1 and "always reads the starting value" in found[0].message


def test_a_variable_read_only_by_another_roles_link_is_not_reported_as_never_read(story_copy):
    from game.tools.checks_variables import check_variable_use

    role = story_copy / "roles" / "police" / "role.yaml"
    edit(role, "variables:\n", "variables:\n  rumour:\n    type: bool\n    initial: false\n    label: Rumour\n"
         "    visible: false\n")
    edit(story_copy / AIRPORT, "set: control -= 10\n", "set: control -= 10; rumour = true\n")
    assert any("'rumour'" in p.message for p in check_variable_use(load_story(story_copy)) if p.code == "W307")
    edit(story_copy / "roles" / "pilot" / "04_hakodate.yaml", "if: nerve >= 5 and not police.white_flag.rush",
         "if: nerve >= 5 and not police.white_flag.rush and not police.rumour")
    assert not any("'rumour'" in p.message for p in check_variable_use(load_story(story_copy)) if p.code == "W307")


def test_the_story_map_draws_each_link_between_the_roles_it_shows():
    from game.tools.graph import to_dot, to_mermaid

    story = load_story(SHIPPED)
    dot = to_dot(story)
    assert '"pilot.cameras" -> "police.white_flag" [style=dotted' in dot
    assert dot.count("link: ") == 27
    assert '"police.consular_terms" -> "diplomat.consular" [style=dotted' in dot  # the diplomat reads the others too
    assert "pilot__cameras -.->|\"link: fire -> rush\"| police__white_flag" in to_mermaid(story)
    assert "link: " not in to_dot(story, ["police"])  # one role alone: nothing to link to


@pytest.mark.parametrize("written, code, hint", [
    ("pilot.short_runway.comit", "E202", "Did you mean 'short_runway.commit'?"),
    ("polce.cordon.police_only", "E205", "Did you mean 'police'?"),
])
def test_a_mistake_in_a_roles_premise_is_an_error_at_its_line_with_a_suggestion(story_copy, written, code, hint):
    role = story_copy / "roles" / "diplomat" / "role.yaml"
    edit(role, "if: pilot.short_runway.slow_approach or pilot.short_runway.commit", f"if: {written}")
    found = _errors(story_copy, code)
    assert len(found) == 1 and found[0].hint == hint
    assert "premise" in found[0].message
    lines = role.read_text().splitlines()
    assert f"if: {written}" in lines[found[0].location.line - 1]  # at the premise's own line


def test_a_premise_that_reads_its_own_roles_variable_says_a_premise_is_about_the_other_seats(story_copy):
    edit(story_copy / "roles" / "police" / "role.yaml",
         "if: pilot.short_runway.slow_approach or pilot.short_runway.commit", "if: control > 5")
    (found,) = _errors(story_copy, "E202")
    assert "'control' is this role's own variable" in found.message and "pilot.nerve" in found.hint
    assert found.location.column == 7  # at the name, after 'if: '


@pytest.mark.parametrize("condition, reported", [
    ("diplomat.handover_us.keep_him", False),  # opens when the ministry departs from the record
    ("diplomat.handover_us.keep_him and not diplomat.handover_us.keep_him", True),  # opens in no telling
])
def test_a_choice_only_another_seats_departure_opens_is_not_reported_as_never_open(story_copy, condition, reported):
    from game.tools.checks import run_checks

    edit(story_copy / "roles" / "pilot" / "05_custody.yaml",
         "      - id: hold_back\n",
         "      - id: wary\n        text: Say little for now\n        if: " + condition +
         "\n        goto: second_thoughts\n        record: invented\n        note: Held on as evidence.\n"
         "      - id: hold_back\n")
    never_open = [p for p in run_checks(load_story(story_copy)) if p.code == "W306"]
    assert [("'wary'" in p.message) for p in never_open] == ([True] if reported else [])
