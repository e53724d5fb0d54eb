"""Player settings, kept as JSON between runs; a damaged file gives defaults and a message."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game.safefiles import read_json, remove_leftovers, set_aside

TEXT_SPEEDS = ("slow", "normal", "fast", "instant")
#: Characters per second of the typewriter at each speed (instant shows the whole text at once).
CHARS_PER_SECOND = {"slow": 30.0, "normal": 60.0, "fast": 140.0, "instant": float("inf")}
TEXT_SIZES = ("small", "medium", "large")
#: How much each text size scales every font.
TEXT_SCALE = {"small": 0.85, "medium": 1.0, "large": 1.2}
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    """Everything the settings screen changes."""

    text_speed: str = "normal"
    text_size: str = "medium"
    high_contrast: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    music_volume: int = 60
    sound_volume: int = 80
    language: str = "en"
    self_voicing: bool = False  # read the screen aloud (V)

    def with_(self, **changes) -> "Settings":
        """A copy with some values changed."""
        return replace(self, **changes)


def _checked(data: dict) -> Settings:
    """Settings from a dict, keeping defaults for missing or invalid values."""
    default = Settings()
    values = {}
    for field in fields(Settings):
        value = data.get(field.name, getattr(default, field.name))
        expected = type(getattr(default, field.name))
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            value = getattr(default, field.name)
        elif not isinstance(value, expected):
            value = getattr(default, field.name)
        values[field.name] = value
    if values["text_speed"] not in TEXT_SPEEDS:
        values["text_speed"] = default.text_speed
    if values["text_size"] not in TEXT_SIZES:
        values["text_size"] = default.text_size
    for name in ("music_volume", "sound_volume"):
        values[name] = max(0, min(100, values[name]))
    return Settings(**values)


#: The interface string shown once strings are loaded (settings are read before them).
DAMAGED = "gui.settings.damaged"


#: Settings are a few hundred bytes; a bigger file is damaged, and is not read.
MAX_BYTES = 64 * 1024


def load_settings(data_dir: Path) -> tuple[Settings, str | None]:
    """The saved settings and None, or defaults and the key of a message for the player when the file is damaged.

    A damaged file (unreadable, too big, nested too deep, not a mapping) is renamed aside to
    'settings.json.damaged-N', so the next start is clean and the file is there to look at.
    """
    path = Path(data_dir) / FILE_NAME
    remove_leftovers(Path(data_dir), FILE_NAME)
    try:
        data = read_json(path, MAX_BYTES)
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        set_aside(path)
        return Settings(), DAMAGED
    return _checked(data), None


def save_settings(data_dir: Path, settings: Settings) -> str | None:
    """Write the settings atomically; the reason when that failed (play goes on either way)."""
    # Imported here: the engine loads after the first frame, and settings are read before it.
    from game.engine import write_atomically

    try:
        write_atomically(Path(data_dir) / FILE_NAME, json.dumps(asdict(settings), indent=1))
    except OSError as exc:
        return str(exc.strerror or exc)
    return None
