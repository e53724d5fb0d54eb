"""Where each part of a loaded story was written, as file:line:col."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import SourceLocation


@dataclass(frozen=True)
class Locations:
    """The documents a story was read from, asked for the place of any part of it.

    Keys of `documents`: (namespace,) -> the document of story.yaml, sources.yaml or a role's
    role.yaml; (role, scene) -> the document of the scene's file. A document works out line and
    column only when first asked (yamlfile.YamlDocument).
    """

    root: str = "story"
    documents: Mapping[tuple, Any] = field(default_factory=dict)

    def locate(self, *key: Any) -> SourceLocation:
        """The file:line:col of a part of the story, such as ('pilot', 'scenes', 'breakaway')."""
        document = self._document_of(key)
        if document is not None:
            rest = tuple(key[1:])
            for end in range(len(rest), -1, -1):
                line_column = document.find(rest[:end])
                if line_column is not None:
                    return SourceLocation(document.path, *line_column)
        return SourceLocation(self.root)

    def has_location(self, *key: Any) -> bool:
        """True when this exact part of the story has a recorded place (not just an enclosing one)."""
        document = self._document_of(key)
        return document is not None and document.find(tuple(key[1:])) is not None

    def _document_of(self, key: tuple) -> Any:
        """The document a part of the story was read from, or None."""
        if not key:
            return None
        if len(key) >= 3 and key[1] == "scenes":
            found = self.documents.get((key[0], key[2]))
            if found is not None:
                return found
        return self.documents.get((key[0],))
