"""The story and interface strings in the player's language, and moving a session between languages."""

from __future__ import annotations

from pathlib import Path

from game.shipped import story_folder

#: The story folder that ships with the game: the interface strings live there.
SHIPPED_STORY = story_folder()


def localized(base, story_path: Path, language: str):
    """(story, UiText) of a loaded story in a language; English per string where a translation is missing."""
    from game.engine import load_language

    story, ui, _problems = load_language(Path(story_path), base, language, ui_root=SHIPPED_STORY)
    return story, ui


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


def moved(session, story, machine):
    """The same session (scene, variables, path) on a story in another language."""
    from game.engine import Session, SessionState

    return Session(story, SessionState.from_dict(session.save()), machine)
