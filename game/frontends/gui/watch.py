"""Hot reload for writers: notice when a story file changes so the App can load it again."""

from __future__ import annotations

from pathlib import Path


class StoryWatcher:
    """Compares the newest modification time under the story folder, at most once a second."""

    INTERVAL = 1.0

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.stamp = self._stamp()
        self.waited = 0.0

    def _stamp(self) -> tuple[int, float]:
        files = list(self.folder.rglob("*.yaml"))
        newest = max((f.stat().st_mtime for f in files if f.exists()), default=0.0)
        return len(files), newest

    def changed(self, dt: float) -> bool:
        """True once after the story's files change."""
        self.waited += dt
        if self.waited < self.INTERVAL:
            return False
        self.waited = 0.0
        try:
            stamp = self._stamp()
        except OSError:
            return False  # a file vanished while being saved: look again next time
        if stamp != self.stamp:
            self.stamp = stamp
            return True
        return False
