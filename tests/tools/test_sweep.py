"""The quick answer lint asks first (sweep.py) says "clean" exactly when the full search finds nothing."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from game.engine import load_story, record_values
from game.tools import checks, sweep
from game.tools.checks_flow import role_findings
from game.tools.explore import explore_projected
from game.tools.sweep import finds_nothing, scene_order

from .random_roles import roles, write_role
from .stories import codes, edit, load


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roles(forward_only=True))
def test_the_sweep_calls_a_role_clean_exactly_when_the_full_search_finds_nothing(drawn):
    with tempfile.TemporaryDirectory() as folder:
        write_role(Path(folder), *drawn)
        story = load(Path(folder))
        found = role_findings("agent", explore_projected(story, "agent"))
        assert finds_nothing(story, "agent") == (not any(found)), found


SHIPPED = Path(__file__).resolve().parent.parent.parent / "story"
FIXTURES = sorted(p.name for p in (Path(__file__).resolve().parent.parent / "stories").iterdir() if p.is_dir())


@pytest.mark.parametrize("name", FIXTURES)
def test_on_every_fixture_story_the_sweep_agrees_with_the_full_search(name):
    story = load(name)
    for role_id in story.roles:
        found = role_findings(role_id, explore_projected(story, role_id))
        assert finds_nothing(story, role_id) == (not any(found)), (role_id, found)


def test_the_shipped_roles_without_loops_are_shown_clean_and_the_pilot_is_searched():
    story = load_story(SHIPPED)
    assert scene_order(story.roles["pilot"]) is None  # waiting for a full load can go round again
    assert [finds_nothing(story, role_id) for role_id in ("pilot", "police", "diplomat")] == [False, True, True]


def test_lint_searches_only_the_roles_the_sweep_cannot_show_clean(monkeypatch):
    searched = []
    real = checks.explore_projected
    monkeypatch.setattr(checks, "explore_projected",
                        lambda story, role_id: searched.append(role_id) or real(story, role_id))
    assert checks.run_checks(load("clean")) == [] and searched == []
    assert "E304" in codes(checks.run_checks(load("dead_end"))) and searched == ["agent"]


def test_past_the_search_limit_the_sweep_leaves_the_role_to_the_search(monkeypatch):
    story = load("clean")
    assert finds_nothing(story, "agent")
    monkeypatch.setattr(sweep, "MAX_STATES", 2)  # the search would stop early and say so (W323)
    assert not finds_nothing(story, "agent")


@pytest.mark.parametrize("departing, clean", [
    (True, True),  # closed by the record, open were the pilot to depart from it: not "never open"
    (False, False),  # closed whatever anyone does: the search reports W306
])
def test_a_choice_only_another_seats_departure_opens_leaves_the_role_clean(tmp_path, departing, clean):
    root = tmp_path / "story"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("i18n"))
    story = load_story(root)
    recorded = record_values(story.story, story.rules, "police", "charges", ["pilot.cameras.fire"])
    closed = "pilot.cameras.fire" if not recorded["pilot.cameras.fire"] else "not pilot.cameras.fire"
    condition = closed if departing else f"{closed} and not {closed}"
    edit(root / "roles/police/01_airport.yaml", "      - id: refugee\n",
         "      - id: wary\n        text: Hold him without charges\n        if: " + condition +
         "\n        goto: no_case\n        record: invented\n        note: Held on no charge.\n      - id: refugee\n")
    story = load_story(root)
    never_open = [p for p in checks.run_checks(story) if p.code == "W306"]
    assert finds_nothing(story, "police") == clean
    assert [("'wary'" in p.message) for p in never_open] == ([] if clean else [True])
