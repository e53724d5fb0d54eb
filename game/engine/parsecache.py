"""A cache of parsed story files keyed by their bytes, so an unchanged file is never parsed twice."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import time
from pathlib import Path

# Bump when the shape of what yamlfile builds changes: old entries are then simply not found.
FORMAT = b"foxbat-parse-2"


class ParseCache:
    """Parsed YAML data in a folder of files, one per distinct file content.

    Only the data is kept: the places of keys and values are worked out from the file's own
    bytes when a problem needs them (see yamlfile.YamlDocument).

    Entries are written with marshal, which holds only plain data (no code is ever loaded from
    the cache), and anything unreadable counts as a miss: the file is parsed again.
    """

    #: Entries not written for this long are removed when the cache is next written to, so the
    #: folder does not grow with every edit ever made. A file that never changes simply gets
    #: parsed again once a month.
    MAX_AGE_S = 30 * 24 * 3600

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self._pruned = False

    def _path(self, raw: bytes) -> Path:
        digest = hashlib.sha256(FORMAT + raw).hexdigest()
        return self.folder / digest[:2] / f"{digest}.parsed"

    def get(self, raw: bytes):
        """The data of a file with these bytes, or None."""
        try:
            entry = marshal.loads(self._path(raw).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == FORMAT):
            return None
        return entry[1]

    def put(self, raw: bytes, data) -> None:
        """Remember a successful parse; a failure to write is ignored (the cache is only an optimisation)."""
        if not self._pruned:
            self._pruned = True
            self.prune()
        path = self._path(raw)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                marshal.dump((FORMAT, data), stream)
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass

    def prune(self, now: float | None = None) -> int:
        """Remove entries (and leftover temporary files) older than MAX_AGE_S; returns how many."""
        limit = (time.time() if now is None else now) - self.MAX_AGE_S
        removed = 0
        for pattern in ("*/*.parsed", "*/.tmp-*"):
            for entry in self.folder.glob(pattern):
                try:
                    if entry.stat().st_mtime < limit:
                        entry.unlink()
                        removed += 1
                except OSError:
                    pass  # another process got there first, or it is not ours to remove
        return removed
