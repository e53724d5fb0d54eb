"""The story in every configured language, and reloading it without ever losing the last good one."""

from __future__ import annotations

import logging
from pathlib import Path

from game.engine import (Problem, Story, StoryError, StoryMachine, UiText, error, languages_in, load_language,
                         load_story, SourceLocation)

log = logging.getLogger("foxbat.kiosk.story")


class StoryLibrary:
    """The loaded story per language, with one shared machine each; reload() keeps the old one on failure."""

    def __init__(self, root: Path, languages: list[str], ui_root: Path | None = None):
        self.root = Path(root)
        self.ui_root = Path(ui_root) if ui_root else self.root
        self.languages = list(languages)
        self.problems: list[Problem] = []   # of the last reload that failed, shown on the staff screen
        self._by_language: dict[str, tuple[Story, UiText, StoryMachine]] = {}
        self.base = load_story(self.root)  # StoryError at start-up: the kiosk refuses to start
        self._build(self.base)

    @property
    def version(self) -> str:
        """The version of the story running now."""
        return self.base.version

    def available_languages(self) -> list[str]:
        """Languages this story folder has translations for, plus its own."""
        return sorted(set(languages_in(self.root)) | {self.base.language})

    def _build(self, story: Story) -> None:
        """Localise the story into every configured language (once: sessions then start instantly)."""
        built = {}
        for language in self.languages:
            localized, ui, problems = load_language(self.root, story, language, ui_root=self.ui_root)
            for problem in problems:
                log.warning("%s", problem.format())
            built[language] = (localized, ui, StoryMachine(localized))
        self._by_language = built

    def story(self, language: str) -> Story:
        """The story in a language (the default story for an unconfigured one)."""
        return self._entry(language)[0]

    def ui(self, language: str) -> UiText:
        """The interface strings in a language (English per string where untranslated)."""
        return self._entry(language)[1]

    def machine(self, language: str) -> StoryMachine:
        """The shared machine of the story in a language."""
        return self._entry(language)[2]

    def _entry(self, language: str):
        return self._by_language.get(language) or next(iter(self._by_language.values()))

    def reload(self) -> bool:
        """Load the story folder again; on failure keep running the last good story and keep the problems."""
        try:
            story = load_story(self.root)
            self._build(story)
        except StoryError as exc:
            self.problems = list(exc.problems)
            return False
        except (OSError, ValueError) as exc:
            self.problems = [error("K020", SourceLocation(str(self.root)), f"the story could not be read: {exc}")]
            return False
        self.base = story
        self.problems = []
        return True
