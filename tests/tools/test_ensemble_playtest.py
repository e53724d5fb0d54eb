"""`foxbat playtest --ensemble`: the record of every role together, random ensembles and the exhaustive search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine import load_story, moment_key
from game.tools.ensemble_playtest import exhaustive_ensemble, historical_ensemble, random_ensembles

SHIPPED = Path(__file__).resolve().parent.parent.parent / "story"


@pytest.fixture(scope="module")
def story():
    return load_story(SHIPPED)


def test_the_historical_ensemble_as_json_lists_every_step_in_the_order_played(capsys):
    assert main(["playtest", "--ensemble", "--historical", "--format", "json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert {"role", "scene", "when", "choice"} <= set(steps[0])
    assert [s["role"] for s in steps][:3] == ["pilot", "pilot", "pilot"]
    moments = [moment_key(s["when"]) for s in steps if s["choice"] is not None]
    assert moments == sorted(moments)
    endings = {s["role"]: (s["scene"], s["ending"]) for s in steps if s["choice"] is None}
    assert endings == {"pilot": ("new_life", "historical"), "police": ("goodbye_hakodate", "historical"),
                       "diplomat": ("taigonos", "historical")}
    assert steps.index({"role": "police", "scene": "cordon", "when": "1976-09-06T14:10+09:00",
                        "choice": "police_only", "record": "actual"}) > 0


def test_the_historical_ensemble_takes_every_roles_solo_record(story):
    transcript = historical_ensemble(story)
    assert transcript.problems == []
    solo = {}
    for role in ("pilot", "police", "diplomat"):
        lines = (Path(__file__).parent / "golden" / f"{role}.txt").read_text(encoding="utf-8").splitlines()
        solo[role] = [line.split("-> ")[1].split(" ")[0] for line in lines if "-> " in line]
    for role, choices in solo.items():
        assert [s.choice for s in transcript.steps if s.role == role and s.choice] == choices


def test_random_ensembles_never_get_stuck_and_the_links_change_choices(story):
    report = random_ensembles(story, 60, seed=3)
    assert not report.failed
    assert report.linked["police/white_flag"] > 0  # a pilot who never fired: no armed rush


def test_the_exhaustive_ensemble_search_finds_no_dead_end_and_reaches_every_ending(story):
    coverage = exhaustive_ensemble(story)
    assert not coverage.failed
    for role in coverage.roles:
        assert role.complete and role.endings_missed == [] and role.dead_ends == []


def test_ensemble_options_that_do_not_fit_are_refused(capsys):
    assert main(["playtest", "--ensemble", "--depth"]) == 2
    assert main(["playtest", "--historical", "--format", "json"]) == 2
