"""Save slots on disk: atomic writes, clear messages for damaged files."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

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


def write_atomically(path: Path, text: str) -> None:
    """Write a file so a crash leaves either the old or the new contents, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


class SaveStore:
    """Save slots as JSON files in one folder (the front end passes the platform's data folder)."""

    def __init__(self, folder: Path | str, clock: Callable[[], datetime] | None = None):
        self.folder = Path(folder)
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    def path_of(self, slot: str) -> Path:
        """The file of a slot."""
        if not _SLOT.match(slot):
            raise SaveError(f"'{slot}' is not a valid save slot name")
        return self.folder / f"{slot}.json"

    def write(self, slot: str, state: dict[str, Any], scene_title: str = "") -> None:
        """Store a session's saved data in a slot, atomically."""
        record = {"saved_at": self._clock().isoformat(timespec="seconds"), "scene_title": scene_title, "state": state}
        try:
            write_atomically(self.path_of(slot), json.dumps(record, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise SaveError(f"could not save the game: {exc.strerror or exc}") from None

    def read(self, slot: str) -> dict[str, Any]:
        """The saved session data of a slot; SaveError with a clear message when missing or damaged."""
        path = self.path_of(slot)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SaveError(f"there is no saved game in slot '{slot}'") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise SaveError(f"the saved game in slot '{slot}' is damaged and cannot be loaded") from None
        if not isinstance(record, dict) or not isinstance(record.get("state"), dict):
            raise SaveError(f"the saved game in slot '{slot}' is damaged and cannot be loaded")
        return record["state"]

    def delete(self, slot: str) -> None:
        """Remove a slot if it exists."""
        try:
            self.path_of(slot).unlink()
        except FileNotFoundError:
            pass

    def list(self) -> list[SaveInfo]:
        """Every readable slot, newest first; damaged ones are listed with role '?'."""
        found = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob("*.json"):
            slot = path.stem
            if not _SLOT.match(slot):
                continue
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                state = record["state"]
                found.append(SaveInfo(slot, str(record.get("saved_at", "")), str(state["role"]), str(state["scene"]),
                                      str(record.get("scene_title", ""))))
            except (OSError, ValueError, KeyError, TypeError):
                found.append(SaveInfo(slot, "", "?", "?", "damaged"))
        return sorted(found, key=lambda info: info.saved_at, reverse=True)


__all__ = ["SaveStore", "SaveInfo", "SaveError", "StateError", "AUTOSAVE", "write_atomically"]
