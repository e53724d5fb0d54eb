"""A cache of parsed story files keyed by their bytes, so an unchanged file is never parsed twice."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

# Bump when the shape of what yamlfile builds changes: old entries are then simply not found.
FORMAT = b"foxbat-parse-1"


class ParseCache:
    """Parsed YAML (data plus the line and column of every key and value) in a folder of files.

    Entries are written with marshal, which holds only plain data (no code is ever loaded from
    the cache), and anything unreadable counts as a miss: the file is parsed again.
    """

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def _path(self, raw: bytes) -> Path:
        digest = hashlib.sha256(FORMAT + raw).hexdigest()
        return self.folder / digest[:2] / f"{digest}.parsed"

    def get(self, raw: bytes) -> tuple | None:
        """(data, values, keys) of a file with these bytes, or None."""
        try:
            entry = marshal.loads(self._path(raw).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[1], dict)):
            return None
        return entry

    def put(self, raw: bytes, data, values: dict, keys: dict) -> None:
        """Remember a successful parse; a failure to write is ignored (the cache is only an optimisation)."""
        path = self._path(raw)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                marshal.dump((data, values, keys), stream)
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass
