"""The historical path of every shipped role, kept as golden transcripts that fail when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import load_story
from game.tools.playtest import historical

PROJECT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
ROLES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


@pytest.fixture(scope="module")
def shipped():
    return load_story(PROJECT / "story")


def test_every_shipped_role_has_a_golden_transcript(shipped):
    assert ROLES == sorted(shipped.roles), "run: foxbat playtest --historical --update-golden"


@pytest.mark.parametrize("role", ROLES)
def test_the_historical_path_matches_its_golden_transcript(shipped, role):
    transcript = historical(shipped, role)
    assert transcript.problems == []
    expected = (GOLDEN / f"{role}.txt").read_text(encoding="utf-8")
    assert transcript.text == expected, (
        f"the historical path of '{role}' changed; if that is intended, run: "
        "foxbat playtest --historical --update-golden")
