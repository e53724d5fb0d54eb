"""The state search behind lint and playtest agrees with playing the story through the engine's Session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Edition, Session, SessionState, load_story
from game.tools.explore import explore_role

from .stories import load

PROJECT = Path(__file__).resolve().parents[2]


def states_through_sessions(story, role_id):
    """Every (scene, variables) a player can reach, found by really choosing through Session."""
    seen = set()
    stack = [Edition.build(story).start(role_id)]
    while stack:
        session = stack.pop()
        key = (session.scene_id, tuple(session.variables.values()))
        if key in seen:
            continue
        seen.add(key)
        for choice in session.choices:
            branch = Session(session.story, SessionState.from_dict(session.save()), session.machine)
            branch.choose(choice.id)
            stack.append(branch)
    return seen


@pytest.mark.parametrize("name", ["clean", "dead_end", "unreachable", "loop", "range", "variables", "record"])
def test_the_search_finds_exactly_the_states_a_player_can_reach_in_each_fixture(name):
    story = load(name)
    assert set(explore_role(story, "agent").states) == states_through_sessions(story, "agent")


def test_the_search_finds_exactly_the_states_a_player_can_reach_in_the_shipped_pilot_role():
    story = load_story(PROJECT / "story")
    assert set(explore_role(story, "pilot").states) == states_through_sessions(story, "pilot")


def test_the_shortest_path_to_a_state_really_leads_there():
    story = load("clean")
    found = explore_role(story, "agent")
    for state in range(len(found.states)):
        session = Edition.build(story).start("agent")
        for _, choice in found.path_to(state):
            session.choose(choice)
        assert (session.scene_id, tuple(session.variables.values())) == found.states[state]
