"""A cache of parsed story files keyed by their bytes, so an unchanged file is never parsed twice."""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from game.safefiles import ReadRefused, read_bounded

# Bump when the shape of what yamlfile builds changes: old packs are then simply not found.
FORMAT = b"foxbat-parse-3"
_MISSING = object()
#: A pack holds the parsed files of one story: tens of MB for 50,000 scenes. Past this it is not read.
MAX_PACK_BYTES = 512 * 1024 * 1024


class ParseCache:
    """Parsed YAML data in a folder: one pack per story, holding each of its files by content.

    A pack is read once and written once per load (a file per story file cost a directory and
    a file creation each, a quarter of a cold load of 5,000 scenes). It holds exactly the files
    the last load read, so it never fills up with old versions. Only the data is kept: the
    places of keys and values are worked out from the file's own bytes when a problem needs
    them (see yamlfile.YamlDocument). Packs are written with marshal, which holds only plain
    data (no code is ever loaded from the cache), and anything unreadable counts as a miss.
    """

    #: Packs not written for this long (a story no longer loaded) are removed when the cache is
    #: next written to. A story that never changes simply gets parsed again once a month.
    MAX_AGE_S = 30 * 24 * 3600

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self._pack: Path | None = None
        self._stored: dict[bytes, object] = {}  # what the pack held when the load began
        self._read: dict[bytes, object] = {}  # every file read since, hit or parsed
        self._pruned = False

    @contextmanager
    def story(self, root: Path | str):
        """Use the pack of the files in this folder for the reads inside the block, then save it.

        A story folder has one pack, and each translation folder (i18n/<language>) one of its own.
        """
        key = str(Path(root).absolute()).encode("utf-8", "surrogatepass")
        outer = self._pack, self._stored, self._read  # a block inside another's (a catalog read mid-load)
        self._pack = self.folder / f"{hashlib.sha256(FORMAT + key).hexdigest()[:32]}.pack"
        self._stored, self._read = self._load_pack(self._pack), {}
        try:
            yield self
        finally:
            self._save()
            self._pack, self._stored, self._read = outer

    def get(self, raw: bytes):
        """The data of a file with these bytes, or None (also outside a `story` block)."""
        digest = hashlib.sha256(raw).digest()
        data = self._stored.get(digest, _MISSING)
        if data is _MISSING:
            return None
        self._read[digest] = data
        return data

    def put(self, raw: bytes, data) -> None:
        """Remember a successful parse for the pack (kept only inside a `story` block)."""
        if self._pack is not None:
            self._read[hashlib.sha256(raw).digest()] = data

    def _load_pack(self, path: Path) -> dict:
        try:
            entry = marshal.loads(read_bounded(path, MAX_PACK_BYTES))
        except (ReadRefused, EOFError, ValueError, TypeError):  # no pack, a damaged one, or not a file at all
            return {}
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == FORMAT and isinstance(entry[1], dict)):
            return {}
        return entry[1]

    def _save(self) -> None:
        """Write the pack when the load read anything other than what it held; errors are ignored."""
        if self._pack is None or self._read.keys() == self._stored.keys():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self._pruned:
                self._pruned = True
                self.prune()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                marshal.dump((FORMAT, self._read), stream)
            os.replace(temporary, self._pack)
        except (OSError, ValueError):
            pass  # the cache is only an optimisation

    def prune(self, now: float | None = None) -> int:
        """Remove packs and leftover temporary files older than MAX_AGE_S, and old-layout entries; returns how many."""
        limit = (time.time() if now is None else now) - self.MAX_AGE_S
        removed = 0
        # *.flow: lint's findings packs (game/tools/flowcache.py) share this folder and this age limit
        for pattern in ("*.pack", "*.flow", ".tmp-*"):
            for entry in self.folder.glob(pattern):
                try:
                    if entry.stat().st_mtime < limit:
                        entry.unlink()
                        removed += 1
                except OSError:
                    pass  # another process got there first, or it is not ours to remove
        # Earlier versions kept a file per story file in two-letter folders: never read now.
        for entry in self.folder.glob("??/*.parsed"):
            try:
                entry.unlink()
                removed += 1
                entry.parent.rmdir()  # fails, harmlessly, until the folder is empty
            except OSError:
                pass
        return removed
