"""Everything that changes during play, in one versioned, JSON-serialisable object."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATE_VERSION = 1


class StateError(ValueError):
    """A saved state that cannot be read; the message is meant for the player."""


@dataclass(slots=True)  # not frozen: a frozen one is built through object.__setattr__, 3x slower, on every choice
class Step:
    """One choice made: where the player was, what they chose, and the variables before it."""

    scene: str
    choice: str
    variables: dict[str, int | bool]


@dataclass
class SessionState:
    """The role being played, the current scene, the variables and the path so far."""

    story_id: str
    role: str
    scene: str
    variables: dict[str, int | bool]
    path: list[Step] = field(default_factory=list)
    story_version: str = "1"
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, tagged with the state format version."""
        data = asdict(self)
        data["format"] = STATE_VERSION
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "SessionState":
        """Rebuild a state from to_dict() output; StateError with a clear message when it is malformed."""
        if not isinstance(data, dict):
            raise StateError("the save is not a saved game")
        version = data.get("format")
        if version != STATE_VERSION:
            raise StateError(f"the save has format {version!r}; this version of Foxbat reads format {STATE_VERSION}")
        try:
            path = [Step(str(s["scene"]), str(s["choice"]), _variables(s["variables"])) for s in data["path"]]
            return cls(
                story_id=str(data["story_id"]), role=str(data["role"]), scene=str(data["scene"]),
                variables=_variables(data["variables"]), path=path,
                story_version=str(data.get("story_version", "1")), language=str(data.get("language", "en")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise StateError(f"the save is damaged ({type(exc).__name__}: {exc})") from None


def _variables(raw: Any) -> dict[str, int | bool]:
    """Variables from JSON: only names mapped to whole numbers or true/false."""
    if not isinstance(raw, dict):
        raise TypeError("variables are not a mapping")
    result: dict[str, int | bool] = {}
    for name, value in raw.items():
        if not isinstance(value, (bool, int)):
            raise TypeError(f"variable {name!r} is not a number or true/false")
        result[str(name)] = value
    return result
