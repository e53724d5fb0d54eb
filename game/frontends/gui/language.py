"""The story and interface strings in the player's language (the engine's Edition), and the languages offered."""

from __future__ import annotations

from pathlib import Path

from game.shipped import story_folder

#: The story folder that ships with the game: the interface strings live there.
SHIPPED_STORY = story_folder()


def edition_of(loaded, language: str, cache_folder: Path | None = None):
    """The engine Edition of a loaded story in a language, with the shipped interface strings.

    With a cache folder, translation files unchanged since the last start are not parsed again.
    """
    from game.engine import Edition, ParseCache

    cache = ParseCache(cache_folder) if cache_folder is not None else None
    return Edition.build(loaded, language, ui_root=SHIPPED_STORY, cache=cache)


def english_ui():
    """The English interface strings alone (before or without a story)."""
    from game.engine import UiText, load_ui_strings

    return UiText(load_ui_strings(SHIPPED_STORY))


def offered(story_path: Path) -> list[str]:
    """The languages the story folder has, English first."""
    from game.engine import languages_in

    return languages_in(Path(story_path))


def own_name(language: str) -> str:
    """A language's name in its own script (its `language.name` string), else its code."""
    from game.engine import load_catalog, load_ui_strings

    english = load_ui_strings(SHIPPED_STORY).get("language.name", "English")
    if language == "en":
        return english
    catalog, _ = load_catalog(SHIPPED_STORY, language)
    name = catalog.text("ui.language.name", "")
    return name if name and name != english else (catalog.name or language)
