"""The story as the game plays it: plain, frozen, slotted classes, built from validated files.

The format a writer may use (and its JSON Schema) is defined by the pydantic models in
formats.py; a file is checked against them only when the quick builder (build.py) does not
accept it as it stands. Playing a story never needs pydantic: importing it and building its
model classes was most of the engine's start-up. Attribute names are those of the format
(the YAML keys, with `if:` as `condition` and `set:` as `effects`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Literal, Optional, Union

#: The range of a number variable that declares no min or max: effects clamp to it, so a loop
#: that doubles a value cannot grow it without end (and saves and lint stay small and quick).
DEFAULT_BOUND = 1_000_000
#: The furthest a declared min, max or initial value may go.
LARGEST_BOUND = 1_000_000_000

_plain = dataclass(frozen=True, slots=True, kw_only=True)


class Plain:
    """Base of every story class: immutable, compared and hashed by value, dumped like the format."""

    __slots__ = ()
    #: Attribute name -> the key a story file writes it under, where they differ.
    ALIASES: ClassVar[dict[str, str]] = {}

    def model_dump(self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False) -> dict:
        """The object as plain dicts and lists (JSON-ready); keys as in the files with by_alias."""
        out = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None and exclude_none:
                continue
            key = self.ALIASES.get(item.name, item.name) if by_alias else item.name
            out[key] = _dump(value, mode, by_alias, exclude_none)
        return out

    def model_copy(self, *, update: dict[str, Any] | None = None):
        """A copy with some attributes changed (the story itself never changes)."""
        return replace(self, **(update or {}))


def _dump(value: Any, mode: str, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, Plain):
        return value.model_dump(mode=mode, by_alias=by_alias, exclude_none=exclude_none)
    if isinstance(value, dict):
        return {key: _dump(item, mode, by_alias, exclude_none) for key, item in value.items()}
    if isinstance(value, list):
        return [_dump(item, mode, by_alias, exclude_none) for item in value]
    return value


@_plain
class Variable(Plain):
    """A typed story variable with an optional range; the player may see it as a gauge."""

    type: Literal["int", "bool"] = "int"
    initial: Union[bool, int] = 0
    min: Optional[int] = None
    max: Optional[int] = None
    label: str
    unit: str = ""
    visible: bool = True
    description: str = ""

    @property
    def bounds(self) -> tuple[int, int]:
        """The range effects clamp an int to: the declared min and max, else -1,000,000 and 1,000,000."""
        low = self.min if self.min is not None else -DEFAULT_BOUND
        high = self.max if self.max is not None else DEFAULT_BOUND
        return low, high


@_plain
class Quote(Plain):
    """An exact quote from a cited document, with its translation when not in English."""

    source: str
    quote: str
    translation: Optional[str] = None
    summary: bool = False


@_plain
class Version(Plain):
    """One side of a disputed fact, with the sources that give it."""

    claim: str
    sources: list[Quote]


@_plain
class History(Plain):
    """What actually happened at this moment, and how sure the record is."""

    status: Literal["documented", "contested", "dramatized"]
    what_happened: str
    sources: list[Quote] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    dramatized: str = ""


@_plain
class Dossier(Plain):
    """An optional document the player can open beside a scene."""

    id: str
    kind: str
    title: str
    text: str
    status: Literal["documented", "reconstructed", "dramatized"] = "dramatized"
    sources: list[Quote] = field(default_factory=list)


@_plain
class Choice(Plain):
    """One thing the player can do in a scene."""

    ALIASES: ClassVar[dict[str, str]] = {"condition": "if", "effects": "set"}

    id: str
    text: str
    goto: str
    condition: Optional[str] = None
    effects: Union[str, list[str], None] = None
    record: Optional[Literal["actual", "considered", "invented"]] = None
    note: str = ""


@_plain
class Ending(Plain):
    """What makes a scene an ending: what follows, and how it differs from history."""

    kind: Literal["historical", "alternative"]
    title: str
    outcome: str
    differs: str


@_plain
class Position(Plain):
    """A place on the flight map."""

    lon: float
    lat: float


@_plain
class Scene(Plain):
    """A moment in a role: text, choices, history, and optional documents."""

    when: str
    where: str
    title: str = ""
    text: str
    choices: list[Choice] = field(default_factory=list)
    ending: Optional[Ending] = None
    history: Optional[History] = None
    dossier: list[Dossier] = field(default_factory=list)
    image: Optional[str] = None
    at: Optional[Position] = None

    @property
    def is_ending(self) -> bool:
        """True for an ending scene."""
        return self.ending is not None

    @property
    def is_decision(self) -> bool:
        """True when any choice carries a record marker: a decision the real person faced."""
        return any(c.record is not None for c in self.choices)

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with this id, or None."""
        return next((c for c in self.choices if c.id == choice_id), None)


@_plain
class Source(Plain):
    """A document the story cites."""

    title: str
    author: str = ""
    publisher: str = ""
    date: str = ""
    language: str = "en"
    kind: Literal["seed", "secondary", "primary"] = "secondary"
    file: Optional[str] = None
    url: Optional[str] = None
    reliability: str


@_plain
class Premise(Plain):
    """What a role's scenes take for granted of the other seats, for ensemble play."""

    ALIASES: ClassVar[dict[str, str]] = {"condition": "if"}

    condition: str
    text: str


@_plain
class Role(Plain):
    """One playable person and the scenes of their story."""

    id: str
    name: str
    title: str
    summary: str
    start: str
    variables: dict[str, Variable] = field(default_factory=dict)
    epilogue: str = ""
    question: str = ""
    premise: Optional[Premise] = None
    scenes: dict[str, Scene] = field(default_factory=dict)

    def initial_variables(self) -> dict[str, int | bool]:
        """Every variable at its starting value."""
        return {name: var.initial for name, var in self.variables.items()}


@_plain
class Story(Plain):
    """A whole story: roles, scenes and the sources they cite (its rules and places: loaded.LoadedStory)."""

    id: str
    title: str
    version: str = "1"
    language: str = "en"
    roles: dict[str, Role]
    sources: dict[str, Source] = field(default_factory=dict)
