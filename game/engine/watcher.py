"""Notice when the files of a story folder change (hot reload for writers, in every front end)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

#: Editor droppings that are not story files; changes to them must not trigger a reload.
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


class StoryWatcher:
    """Polls the files of a story folder and says when any was added, removed or changed.

    Polling (not inotify) works the same on every system and on network drives; a story is a
    few dozen files, so one scan costs well under a millisecond.
    """

    def __init__(self, root: Path | str, interval: float = 0.5, clock: Callable[[], float] = time.monotonic):
        self.root = Path(root)
        self.interval = interval
        self.clock = clock
        self.changed_files: list[str] = []
        self._snapshot = self.scan()
        self._last_poll = clock()
        self._waited = 0.0

    def scan(self) -> dict[str, tuple[int, int]]:
        """Each story file's path and (modification time in ns, size)."""
        found: dict[str, tuple[int, int]] = {}
        for folder, folders, files in os.walk(self.root):
            folders[:] = [f for f in folders if not f.startswith(".")]
            for name in files:
                if name.startswith((".", "#")) or name.endswith(_IGNORED_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue  # removed between listing and reading: the next scan sees it gone
                found[path] = (info.st_mtime_ns, info.st_size)
        return found

    def changed(self) -> bool:
        """Scan now: True when anything differs from the last scan (see changed_files for what)."""
        current = self.scan()
        previous, self._snapshot = self._snapshot, current
        self._last_poll = self.clock()
        self.changed_files = sorted(p for p in current.keys() | previous.keys() if current.get(p) != previous.get(p))
        return bool(self.changed_files)

    def poll(self) -> bool:
        """Like changed(), but scans at most once per interval (cheap to call every frame)."""
        if self.clock() - self._last_poll < self.interval:
            return False
        return self.changed()

    def tick(self, dt: float) -> bool:
        """Like poll(), on the caller's frame time: a frame loop passes the seconds since its last frame."""
        self._waited += dt
        if self._waited < self.interval:
            return False
        self._waited = 0.0
        return self.changed()
