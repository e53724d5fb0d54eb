"""The kiosk's own words, read from the story's translation files (keys `kiosk.*` in ui.yaml)."""

from __future__ import annotations

from game.engine import UiText

#: Shown by the last-resort screen, which must work even when nothing else loads.
FALLBACK_TOUCH = "Touch to begin"


def text(ui: UiText, key: str, **values) -> str:
    """A kiosk string in the language of `ui`, falling back to English per string."""
    return ui(f"kiosk.{key}", **values)


def native_name(ui: UiText) -> str:
    """The language's name in its own script, as its ui.yaml gives it ('日本語', 'Tiếng Việt')."""
    return ui("language.name")
