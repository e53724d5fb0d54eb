"""The search lint uses (states merged where only dead variables differ) reports what the full search reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from game.tools.checks_flow import placed, role_findings
from game.tools.explore import explore_projected, explore_role
from game.tools.liveness import live_variables

from .random_roles import roles, write_role
from .stories import load


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roles())
def test_merging_states_with_dead_variables_reports_exactly_what_the_full_search_reports(drawn):
    with tempfile.TemporaryDirectory() as folder:
        write_role(Path(folder), *drawn)
        story = load(Path(folder))
        full = explore_role(story, "agent")
        merged = explore_projected(story, "agent")
        assert full.complete and merged.complete  # small ranges: both searches finish
        assert placed(story, [f for fs in role_findings("agent", merged) for f in fs]) == \
            placed(story, [f for fs in role_findings("agent", full) for f in fs])
        assert len(merged.states) <= len(full.states)
        assert {s for s, _ in merged.states} == {s for s, _ in full.states}
        # every merged state is a state of the full search, reached by the same shortest path
        for state, key in enumerate(merged.states):
            assert merged.path_to(state) == full.path_to(full.index[key])


def test_a_variable_only_counted_and_never_read_again_is_forgotten_where_it_cannot_matter():
    story = load("clean")
    live = live_variables(story, "agent")
    role = story.roles["agent"]
    endings = [scene_id for scene_id, scene in role.scenes.items() if scene.is_ending]
    assert endings and all(live[scene_id] == () for scene_id in endings)
