"""A Story never changes after it is built: its rules and places travel beside it, and play never reads files."""

from __future__ import annotations

import ast
from pathlib import Path

import dataclasses

import pytest

from game.engine import Locations, Rules, Story

ENGINE = Path(__file__).resolve().parents[2] / "game" / "engine"


def test_a_loaded_story_carries_rules_and_places_beside_a_story_without_private_state(sample_story):
    assert type(sample_story.story) is Story and not hasattr(sample_story.story, "__dict__")
    assert set(Story.__slots__) == {f.name for f in dataclasses.fields(Story)}  # its fields and nothing else
    assert isinstance(sample_story.rules, Rules) and isinstance(sample_story.locations, Locations)
    assert sample_story.rules.of("pilot", "over_the_sea", "chitose").condition is not None
    where = sample_story.locate("pilot", "scenes", "breakaway")
    assert where.path.endswith("01_flight.yaml") and where.line > 1


def test_a_story_refuses_changes_after_it_is_built(sample_story):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample_story.story.title = "Another title"


def _imported(module: str) -> set[str]:
    tree = ast.parse((ENGINE / f"{module}.py").read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("module", ["machine", "session", "edition"])
def test_the_runtime_does_not_reach_into_the_loader_except_to_reload(module):
    imported = _imported(module)
    assert "yamlfile" not in imported and "validate" not in imported
    if module != "edition":  # Edition.reloaded reads the folder again; play itself never does
        assert "loader" not in imported
