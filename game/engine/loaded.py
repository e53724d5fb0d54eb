"""A story as loaded: the frozen model, beside its compiled rules and where each part was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SourceLocation
from .locations import Locations
from .model import Role, Source, Story
from .rules import Rules


@dataclass(frozen=True)
class LoadedStory:
    """What loading a story folder gives: the Story (never changed after), its Rules and its Locations.

    The checks of the writer tools read `roles` and `sources` straight through, so they take a
    LoadedStory where they need places or rules too.
    """

    story: Story
    rules: Rules = field(default_factory=Rules)
    locations: Locations = field(default_factory=Locations)
    root: Path | None = None  # the folder it was read from (its translations live under it)

    @property
    def roles(self) -> dict[str, Role]:
        """The story's roles."""
        return self.story.roles

    @property
    def sources(self) -> dict[str, Source]:
        """The documents the story cites."""
        return self.story.sources

    @property
    def language(self) -> str:
        """The language the story is written in."""
        return self.story.language

    def locate(self, *key: Any) -> SourceLocation:
        """The file:line:col of a part of the story (see Locations.locate)."""
        return self.locations.locate(*key)

    def has_location(self, *key: Any) -> bool:
        """True when this exact part of the story has a recorded place."""
        return self.locations.has_location(*key)
