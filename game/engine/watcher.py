"""Notice when the files of a story folder change (hot reload for writers, in every front end)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

#: Editor droppings that are not story files; changes to them must not trigger a reload.
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


def _is_story_file(path: str) -> bool:
    """False for hidden files and folders, editor swap and backup files."""
    parts = Path(path).parts
    name = parts[-1] if parts else ""
    if any(part.startswith(".") for part in parts[:-1] if part not in (".", "..")):
        return False
    return not (name.startswith((".", "#")) or name.endswith(_IGNORED_SUFFIXES))


class _FileEvents:
    """The operating system's file-change notices for a folder (inotify, FSEvents, ReadDirectoryChanges) via watchdog.

    A thread of watchdog's records that something changed; nothing is scanned until it does.
    """

    def __init__(self, root: Path, clock: Callable[[], float]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.clock = clock
        self.pending = threading.Event()
        self.last_event = 0.0
        outer = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):  # called on watchdog's thread
                if event.event_type in ("opened", "closed_no_write"):
                    return  # reading a file is not changing it (the reload itself reads every file)
                paths = [event.src_path, getattr(event, "dest_path", "") or ""]
                if any(p and _is_story_file(os.path.relpath(os.fsdecode(p), root)) for p in paths):
                    outer.last_event = outer.clock()
                    outer.pending.set()

        self._observer = Observer()
        self._observer.daemon = True
        # schedule + start register the watches before returning, so no change after this is missed
        self._observer.schedule(Handler(), str(root), recursive=True)
        self._observer.start()

    def close(self) -> None:
        """Stop watching."""
        self._observer.stop()
        self._observer.join(timeout=2)


class StoryWatcher:
    """Says when any file of a story folder was added, removed or changed.

    With events (the default) it wakes on the operating system's own notice of a change,
    through watchdog, and scans at once. It also scans once per interval of the caller's time,
    which is all it does without events (watchdog missing, or the system refusing a watch) and
    catches what a network drive never reports. A story is a few dozen files, so one scan costs
    well under a millisecond.
    """

    #: After a change notice, wait this long for the rest of an editor's save (write, rename,
    #: chmod arrive as several notices) so a reload never reads a half-written file.
    SETTLE_S = 0.03

    def __init__(self, root: Path | str, interval: float = 0.5, clock: Callable[[], float] = time.monotonic,
                 events: bool = True):
        self.root = Path(root)
        self.interval = interval
        self.clock = clock
        self.changed_files: list[str] = []
        self._snapshot = self.scan()
        self._last_poll = clock()
        self._waited = 0.0
        self._events: _FileEvents | None = None
        if events:
            try:
                self._events = _FileEvents(self.root, time.monotonic)
            except (ImportError, OSError, RuntimeError):
                self._events = None  # polling works everywhere

    @property
    def uses_events(self) -> bool:
        """True when the watcher wakes on the system's change notices rather than polling."""
        return self._events is not None

    def close(self) -> None:
        """Stop the notices thread (polling watchers have nothing to stop)."""
        if self._events is not None:
            self._events.close()
            self._events = None

    def __enter__(self) -> "StoryWatcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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
        if self._events is not None:
            self._events.pending.clear()  # this scan sees everything noticed so far
        current = self.scan()
        previous, self._snapshot = self._snapshot, current
        self._last_poll = self.clock()
        self.changed_files = sorted(p for p in current.keys() | previous.keys() if current.get(p) != previous.get(p))
        return bool(self.changed_files)

    def _noticed(self) -> bool:
        """True when the system reported a change and the editor has finished saving it."""
        events = self._events
        return events.pending.is_set() and time.monotonic() - events.last_event >= self.SETTLE_S

    def poll(self) -> bool:
        """Like changed(), but cheap to call every frame: scans on a change notice, else once per interval."""
        if self._events is not None and self._noticed():
            return self.changed()
        if self.clock() - self._last_poll < self.interval:
            return False
        return self.changed()

    def tick(self, dt: float) -> bool:
        """Like poll(), on the caller's frame time: a frame loop passes the seconds since its last frame."""
        if self._events is not None and self._noticed():
            self._waited = 0.0
            return self.changed()
        self._waited += dt
        if self._waited < self.interval:
            return False
        self._waited = 0.0
        return self.changed()

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds for a change (for loops with no frames); True when one came."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if self._events is not None:
                if self._events.pending.wait(max(0.0, remaining)):
                    time.sleep(self.SETTLE_S)
                    if self.changed():
                        return True
            elif self.changed():
                return True
            else:
                time.sleep(min(self.interval, max(0.0, remaining)))
            if time.monotonic() >= deadline:
                return False
