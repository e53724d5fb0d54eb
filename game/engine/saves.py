"""Save slots on disk: atomic writes, clear messages for damaged files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from game.safefiles import read_json, remove_leftovers, set_aside, write_atomically

from .state import StateError

AUTOSAVE = "autosave"
_SLOT = re.compile(r"^[a-z0-9_-]{1,40}$")


class SaveError(Exception):
    """A save that cannot be written or read; the message is meant for the player."""


@dataclass(frozen=True)
class SaveInfo:
    """What a load menu shows about one slot."""

    slot: str
    saved_at: str
    role: str
    scene: str
    scene_title: str


#: Far above any real save (a long game is tens of kilobytes); a bigger file is refused before it is read.
MAX_SAVE_BYTES = 16 * 1024 * 1024


class SaveStore:
    """Save slots as JSON files in one folder (the front end passes the platform's data folder).

    A damaged slot costs only itself: it is renamed aside ('<slot>.json.damaged-N'), the player
    is told, and every other slot stays usable.
    """

    def __init__(self, folder: Path | str, clock: Callable[[], datetime] | None = None):
        self.folder = Path(folder)
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.set_aside: list[tuple[str, str]] = []  # (slot, new file name) of each damaged save moved aside

    def path_of(self, slot: str) -> Path:
        """The file of a slot."""
        if not _SLOT.match(slot):
            raise SaveError(f"'{slot}' is not a valid save slot name")
        return self.folder / f"{slot}.json"

    def write(self, slot: str, state: dict[str, Any], scene_title: str = "") -> None:
        """Store a session's saved data in a slot, atomically."""
        record = {"saved_at": self._clock().isoformat(timespec="seconds"), "scene_title": scene_title, "state": state}
        try:
            text = json.dumps(record, ensure_ascii=False, indent=1)
        except (ValueError, TypeError, RecursionError):
            raise SaveError("could not save the game: it holds something a save cannot") from None
        if len(text.encode("utf-8")) > MAX_SAVE_BYTES:
            raise SaveError("could not save the game: it has grown too long to save") from None
        try:
            write_atomically(self.path_of(slot), text)
        except OSError as exc:
            raise SaveError(f"could not save the game: {exc.strerror or exc}") from None

    def read(self, slot: str) -> dict[str, Any]:
        """The saved session data of a slot; SaveError with a clear message when missing or damaged.

        A damaged file is moved aside, so the slot is free again and the message says where it went.
        """
        path = self.path_of(slot)
        try:
            record = read_json(path, MAX_SAVE_BYTES)
        except FileNotFoundError:
            raise SaveError(f"there is no saved game in slot '{slot}'") from None
        except (OSError, ValueError):
            record = None
        if not _is_save(record):
            raise SaveError(self._damaged(slot, path)) from None
        return record["state"]

    def delete(self, slot: str) -> None:
        """Remove a slot if it exists."""
        try:
            self.path_of(slot).unlink()
        except FileNotFoundError:
            pass

    def list(self) -> list[SaveInfo]:
        """Every readable slot, newest first; damaged ones are moved aside and listed once with role '?'.

        Temporary files that an interrupted save left behind are removed on the way.
        """
        found = []
        if not self.folder.is_dir():
            return found
        remove_leftovers(self.folder)
        for path in self.folder.glob("*.json"):
            slot = path.stem
            if not _SLOT.match(slot):
                continue
            try:
                record = read_json(path, MAX_SAVE_BYTES)
            except FileNotFoundError:
                continue  # removed while listing
            except (OSError, ValueError):
                record = None
            if not _is_save(record):
                self._damaged(slot, path)
                found.append(SaveInfo(slot, "", "?", "?", "damaged"))
                continue
            state = record["state"]
            found.append(SaveInfo(slot, str(record.get("saved_at", "")), str(state["role"]), str(state["scene"]),
                                  str(record.get("scene_title", ""))))
        return sorted(found, key=lambda info: info.saved_at, reverse=True)

    def _damaged(self, slot: str, path: Path) -> str:
        """Move a damaged slot's file aside; the message for the player."""
        moved = set_aside(path)
        if moved is None:
            return f"the saved game in slot '{slot}' is damaged and cannot be loaded"
        self.set_aside.append((slot, moved.name))
        return f"the saved game in slot '{slot}' is damaged and cannot be loaded; it was kept as {moved.name}"


def _is_save(record: Any) -> bool:
    """True for a record with a state that names its role and scene as text."""
    if not isinstance(record, dict) or not isinstance(record.get("state"), dict):
        return False
    state = record["state"]
    return isinstance(state.get("role"), str) and isinstance(state.get("scene"), str)


__all__ = ["SaveStore", "SaveInfo", "SaveError", "StateError", "AUTOSAVE", "write_atomically", "MAX_SAVE_BYTES"]
