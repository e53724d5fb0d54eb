"""The search lint uses (states merged where only dead variables differ) reports what the full search reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.tools.checks_flow import placed, role_findings
from game.tools.explore import explore_projected, explore_role
from game.tools.liveness import live_variables

from .stories import load

NUMBERS = ["a", "b", "c"]
FLAGS = ["f"]

_comparison = st.builds(lambda n, op, k: f"{n} {op} {k}", st.sampled_from(NUMBERS),
                        st.sampled_from([">=", "<", "==", "!="]), st.integers(0, 6))
_flag = st.sampled_from(["f", "not f"])
_condition = st.one_of(_comparison, _flag, st.builds(lambda a, b: f"{a} and {b}", _comparison, _flag),
                       st.builds(lambda a, b: f"{a} or {b}", _comparison, _comparison))
_assignment = st.one_of(
    st.builds(lambda n, op, k: f"{n} {op} {k}", st.sampled_from(NUMBERS), st.sampled_from(["+=", "-="]),
              st.integers(1, 3)),
    st.builds(lambda n, m: f"{n} = {m}", st.sampled_from(NUMBERS), st.sampled_from(NUMBERS)),
    st.builds(lambda n, m, k: f"{n} = {m} + {k}", st.sampled_from(NUMBERS), st.sampled_from(NUMBERS),
              st.integers(-2, 2)),
    st.builds(lambda v: f"f = {v}", st.sampled_from(["true", "false", "not f", "a > 2"])),
)


@st.composite
def stories(draw):
    """A role of up to seven scenes with loops, gated choices, counters and an ending or two."""
    count = draw(st.integers(2, 7))
    names = [f"s{i}" for i in range(count)] + ["end_a", "end_b"]
    scenes = {}
    for number in range(count):
        choices = []
        for index in range(draw(st.integers(1, 3))):
            choice = {"id": f"c{index}", "text": "Go", "goto": draw(st.sampled_from(names))}
            if draw(st.booleans()):
                choice["if"] = draw(_condition)
            if draw(st.booleans()):
                choice["set"] = "; ".join(draw(st.lists(_assignment, min_size=1, max_size=3)))
            choices.append(choice)
        scenes[names[number]] = {"when": "1976-09-06", "where": "A place", "text": "Text.", "choices": choices}
    for ending in ("end_a", "end_b"):
        scenes[ending] = {
            "when": "1976-09-06", "where": "A place", "text": "The end.",
            "ending": {"kind": "historical", "title": "An end", "outcome": "What follows.", "differs": "How."},
            "history": {"status": "dramatized", "what_happened": "What happened.", "dramatized": "Invented."}}
    variables = {n: {"type": "int", "initial": draw(st.integers(0, 6)), "min": 0,
                     "max": draw(st.sampled_from([6, 8, 40])), "label": n} for n in NUMBERS}
    variables["f"] = {"type": "bool", "initial": False, "label": "f"}
    role = {"name": "Agent", "title": "A test agent", "summary": "A test.", "start": "s0", "variables": variables}
    return role, {"scenes": scenes}


def _write(folder: Path, role: dict, scenes: dict) -> None:
    (folder / "roles" / "agent").mkdir(parents=True)
    (folder / "story.yaml").write_text("id: random\ntitle: Random\nroles: [agent]\n", encoding="utf-8")
    (folder / "sources.yaml").write_text("sources: {}\n", encoding="utf-8")
    (folder / "roles" / "agent" / "role.yaml").write_text(yaml.safe_dump(role), encoding="utf-8")
    (folder / "roles" / "agent" / "01_scenes.yaml").write_text(yaml.safe_dump(scenes), encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_merging_states_with_dead_variables_reports_exactly_what_the_full_search_reports(drawn):
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), *drawn)
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
