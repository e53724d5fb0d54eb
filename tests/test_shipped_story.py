"""The story the game ships: lints clean, every ending reachable, the record playable, every quote real."""

from __future__ import annotations

import os

import pytest

from game.engine import Edition, Session, actual_choice
from game.tools.lint import lint_story
from game.tools.quotes import check_quotes, find_shared

from .conftest import PROJECT

STORY = PROJECT / "story"


def _reachable_endings(story, role_id):
    """Every ending reachable from the start, exploring each (scene, variables) state once."""
    seen, endings = set(), set()
    stack = [Edition.build(story).start(role_id)]
    while stack:
        session = stack.pop()
        key = (session.scene_id, tuple(sorted(session.variables.items())))
        if key in seen:
            continue
        seen.add(key)
        if session.is_finished:
            endings.add(session.scene_id)
            continue
        for choice in session.choices:
            branch = Session(session.story, type(session.state).from_dict(session.save()), session.machine)
            branch.choose(choice.id)
            stack.append(branch)
    return endings


def test_the_shipped_story_lints_without_errors():
    problems = lint_story(STORY, check_sources=False)
    errors = [p.format() for p in problems if p.is_error]
    assert errors == []


def test_the_shipped_story_has_the_three_roles(shipped_story):
    assert list(shipped_story.roles) == ["pilot", "police", "diplomat"]


@pytest.mark.parametrize("role", ["pilot", "police", "diplomat"])
def test_every_ending_of_a_role_is_reachable(shipped_story, role):
    declared = {sid for sid, scene in shipped_story.roles[role].scenes.items() if scene.is_ending}
    assert _reachable_endings(shipped_story, role) == declared


@pytest.mark.parametrize("role", ["pilot", "police", "diplomat"])
def test_the_historical_path_of_a_role_reaches_its_historical_ending(shipped_story, role):
    session = Edition.build(shipped_story).start(role)
    for _ in range(200):
        if session.is_finished:
            break
        scene = session.scene
        choice = actual_choice(scene) or scene.choices[0]
        assert choice.id in {c.id for c in session.choices}, f"the record's choice is closed at {session.scene_id}"
        session.choose(choice.id)
    assert session.is_finished and session.scene.ending.kind == "historical"


def test_every_quote_appears_in_the_document_it_cites(shipped_story):
    shared = find_shared(STORY)
    if shared is None:
        message = "shared/seeds/ is not beside the project, so quotes cannot be checked against the sources"
        if os.environ.get("FOXBAT_REQUIRE_SOURCES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    problems = [p.format() for p in check_quotes(shipped_story, shared) if p.is_error]
    assert problems == []
