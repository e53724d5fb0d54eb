"""A story that cannot be loaded, or a screen that failed twice: the problems, readable, and a way out."""

from __future__ import annotations

import pygame

from game.engine import StoryError, summarize

from game.frontends.shell.widgets import escape
from .base import Screen


class ErrorScreen(Screen):
    """The lint problems of a story that failed to load (never a traceback)."""

    name = "error"

    def __init__(self, app, error):
        super().__init__(app)
        self.error = error

    def describe(self) -> str:
        """The problems as HTML for the text box."""
        error = self.error
        if isinstance(error, StoryError):
            lines = [escape(problem.format()) for problem in error.problems]
            head = f"<b>{escape(self.ui('gui.error.not_loaded', summary=summarize(error.problems)))}</b>"
            return head + "<br><br>" + "<br><br>".join(lines)
        return f"<b>{escape(self.ui('gui.error.no_start'))}</b><br><br>{escape(str(error))}"

    def build(self) -> None:
        """Title, the problems in a scrolling box, Try again and Quit."""
        layout = self.app.layout
        content = layout.content
        m = layout.margin
        self.label(pygame.Rect(content.x + m, m, content.width - 2 * m, layout.px(48)), self.ui("gui.error.title"), "#screen_title")
        bottom = layout.height - m - layout.px(50)
        self.text(pygame.Rect(content.x + m, m + layout.px(56), content.width - 2 * m, bottom - m - layout.px(56) - m),
                  self.describe(), "#error_text")
        retry, quit_ = self.ui("gui.error.retry"), self.ui("gui.title.quit")
        retry_w = max(layout.px(220), self.needed_width([retry]))
        self.button(pygame.Rect(content.x + m, bottom, retry_w, layout.px(50)), retry, self.retry)
        self.button(pygame.Rect(content.x + m + retry_w + layout.px(20), bottom, max(layout.px(160), self.needed_width([quit_])),
                                layout.px(50)), quit_, self.quit)
        self.focus.set(0)

    def retry(self) -> None:
        """Load the story again (a writer may have fixed it)."""
        error = self.app.retry_loading()
        if error is not None:
            self.error = error
            self.rebuild()
            self.app.notify(self.ui("gui.error.still"))

    def quit(self) -> None:
        """Close the game."""
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        """A dark, plain background."""
        surface.fill((14, 8, 6))

    def autoplay(self, auto) -> bool:
        """Nothing to play: stop."""
        self.app.running = False
        return True
