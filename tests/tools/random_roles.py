"""Random one-role stories for the tests that hold a quicker search to the full one."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import strategies as st

NUMBERS = ["a", "b", "c"]

_comparison = st.builds(lambda n, op, k: f"{n} {op} {k}", st.sampled_from(NUMBERS),
                        st.sampled_from([">=", "<", "==", "!="]), st.integers(0, 6))
_flag = st.sampled_from(["f", "not f"])
conditions = st.one_of(_comparison, _flag, st.builds(lambda a, b: f"{a} and {b}", _comparison, _flag),
                       st.builds(lambda a, b: f"{a} or {b}", _comparison, _comparison))
assignments = st.one_of(
    st.builds(lambda n, op, k: f"{n} {op} {k}", st.sampled_from(NUMBERS), st.sampled_from(["+=", "-="]),
              st.integers(1, 3)),
    st.builds(lambda n, m: f"{n} = {m}", st.sampled_from(NUMBERS), st.sampled_from(NUMBERS)),
    st.builds(lambda n, m, k: f"{n} = {m} + {k}", st.sampled_from(NUMBERS), st.sampled_from(NUMBERS),
              st.integers(-2, 2)),
    st.builds(lambda v: f"f = {v}", st.sampled_from(["true", "false", "not f", "a > 2"])),
)

_ENDINGS = ["end_a", "end_b"]


@st.composite
def roles(draw, forward_only: bool = False):
    """A role with gated choices, counters and two endings: (role.yaml, scenes file) as dicts.

    With forward_only every choice leads to a later scene (the role never loops); otherwise
    choices may lead anywhere, loops included. Forward roles gate fewer choices, so that more
    of them come out clean and both answers of a clean-or-not check are drawn often.
    """
    count = draw(st.integers(2, 8 if forward_only else 7))
    names = [f"s{i}" for i in range(count)]
    scenes = {}
    for number in range(count):
        targets = (names[number + 1:] if forward_only else names) + _ENDINGS
        choices = []
        for index in range(draw(st.integers(1, 3))):
            choice = {"id": f"c{index}", "text": "Go", "goto": draw(st.sampled_from(targets))}
            if draw(st.integers(0, 2 if forward_only else 1)) == 0:
                choice["if"] = draw(conditions)
            if draw(st.booleans()):
                choice["set"] = "; ".join(draw(st.lists(assignments, min_size=1, max_size=3)))
            choices.append(choice)
        scenes[names[number]] = {"when": "1976-09-06", "where": "A place", "text": "Text.", "choices": choices}
    for ending in _ENDINGS:
        scenes[ending] = {
            "when": "1976-09-06", "where": "A place", "text": "The end.",
            "ending": {"kind": "historical", "title": "An end", "outcome": "What follows.", "differs": "How."},
            "history": {"status": "dramatized", "what_happened": "What happened.", "dramatized": "Invented."}}
    variables = {n: {"type": "int", "initial": draw(st.integers(0, 6)), "min": 0,
                     "max": draw(st.sampled_from([6, 8, 40])), "label": n} for n in NUMBERS}
    variables["f"] = {"type": "bool", "initial": False, "label": "f"}
    role = {"name": "Agent", "title": "A test agent", "summary": "A test.", "start": "s0", "variables": variables}
    return role, {"scenes": scenes}


def write_role(folder: Path, role: dict, scenes: dict) -> None:
    """A story folder holding one role, 'agent', with these contents."""
    (folder / "roles" / "agent").mkdir(parents=True)
    (folder / "story.yaml").write_text("id: random\ntitle: Random\nroles: [agent]\n", encoding="utf-8")
    (folder / "sources.yaml").write_text("sources: {}\n", encoding="utf-8")
    (folder / "roles" / "agent" / "role.yaml").write_text(yaml.safe_dump(role), encoding="utf-8")
    (folder / "roles" / "agent" / "01_scenes.yaml").write_text(yaml.safe_dump(scenes), encoding="utf-8")
