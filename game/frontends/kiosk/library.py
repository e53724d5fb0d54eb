"""The story in every configured language, and reloading it without ever losing the last good one."""

from __future__ import annotations

import logging
from pathlib import Path

from game.engine import (Edition, LoadedStory, Problem, SourceLocation, Story, StoryError, StoryMachine, UiText, error,
                         languages_in, load_story)

log = logging.getLogger("foxbat.kiosk.story")


class StoryLibrary:
    """The story's Edition per configured language, sharing one machine; reload() keeps the old ones on failure."""

    def __init__(self, root: Path, languages: list[str], ui_root: Path | None = None):
        self.root = Path(root)
        self.ui_root = Path(ui_root) if ui_root else self.root
        self.languages = list(languages)
        self.problems: list[Problem] = []   # of the last reload that failed, shown on the staff screen
        self._editions: dict[str, Edition] = {}
        self.base: LoadedStory = load_story(self.root)  # StoryError at start-up: the kiosk refuses to start
        self._build(self.base)

    @property
    def version(self) -> str:
        """The version of the story running now."""
        return self.base.story.version

    def available_languages(self) -> list[str]:
        """Languages this story folder has translations for, plus its own."""
        return sorted(set(languages_in(self.root)) | {self.base.language})

    def _build(self, loaded: LoadedStory) -> None:
        """An edition in every configured language (once: sessions then start instantly)."""
        built: dict[str, Edition] = {}
        machine = None
        for language in self.languages:
            edition = Edition.build(loaded, language, ui_root=self.ui_root, machine=machine)
            machine = edition.machine  # one machine serves every language of the same story
            for problem in edition.problems:
                log.warning("%s", problem.format())
            built[language] = edition
        self._editions = built

    def edition(self, language: str) -> Edition:
        """The story in a language (the first configured one for an unconfigured language)."""
        return self._editions.get(language) or next(iter(self._editions.values()))

    def story(self, language: str) -> Story:
        """The story in a language."""
        return self.edition(language).story

    def ui(self, language: str) -> UiText:
        """The interface strings in a language (English per string where untranslated)."""
        return self.edition(language).ui

    def machine(self, language: str) -> StoryMachine:
        """The shared machine of the story."""
        return self.edition(language).machine

    def reload(self) -> bool:
        """Load the story folder again; on failure keep running the last good story and keep the problems.

        Only staff reload, between visits: no running session is moved.
        """
        try:
            loaded = load_story(self.root)
            self._build(loaded)
        except StoryError as exc:
            self.problems = list(exc.problems)
            return False
        except (OSError, ValueError) as exc:
            self.problems = [error("K020", SourceLocation(str(self.root)), f"the story could not be read: {exc}")]
            return False
        self.base = loaded
        self.problems = []
        return True
