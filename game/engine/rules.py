"""Compiled conditions and effects of every choice, looked up by (role, scene, choice)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .conditions import NO_EFFECTS, Condition, Effects

ChoiceKey = tuple[str, str, str]


@dataclass(frozen=True)
class CompiledChoice:
    """A choice's compiled `if:` (None when always open) and `set:`."""

    condition: Condition | None
    effects: Effects

    def __post_init__(self) -> None:
        # the condition's evaluator itself, for play's hot path (a Condition call adds a frame and a bool())
        object.__setattr__(self, "test", None if self.condition is None else self.condition._evaluate)

    def is_open(self, values: Mapping) -> bool:
        """True when the choice may be taken with these variables."""
        return self.condition is None or self.condition(values)


ALWAYS = CompiledChoice(None, NO_EFFECTS)


@dataclass(frozen=True)
class Rules:
    """Every choice's compiled expressions; built once per story by validate."""

    choices: dict[ChoiceKey, CompiledChoice] = field(default_factory=dict)
    #: Each role's compiled `premise: if:` (ensemble play), by role id; a role without one is absent.
    premises: dict[str, Condition] = field(default_factory=dict)
    #: Derived once on first use (the record of every role, see links.py); never part of equality.
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def of(self, role: str, scene: str, choice: str) -> CompiledChoice:
        """The compiled expressions of one choice (always open and no effects when it has none)."""
        return self.choices.get((role, scene, choice), ALWAYS)
