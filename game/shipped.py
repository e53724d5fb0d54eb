"""Where the story and the assets that ship with the game are: beside the package, or inside it."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

#: Inside the package of a built wheel, setup.py copies story/ and assets/ here.
PACKED = _PACKAGE / "_shipped"


def shipped_root() -> Path:
    """The folder that holds story/ and assets/: the package's _shipped/ in a wheel, else the repository."""
    return PACKED if (PACKED / "story").is_dir() else _PACKAGE.parent


def story_folder() -> Path:
    """The story that ships with the game."""
    return shipped_root() / "story"


def assets_folder() -> Path:
    """Fonts and the flight map."""
    return shipped_root() / "assets"
