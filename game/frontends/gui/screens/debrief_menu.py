"""Esc on the debrief: a way out that never leads back into the ending scene."""

from __future__ import annotations

from .menu import MenuScreen


class DebriefMenuScreen(MenuScreen):
    """Back to the debrief, another role, or the title; Esc returns to the debrief."""

    name = "debrief_menu"
    title = "Debrief"

    def heading(self) -> str:
        """The menu's title."""
        return self.ui("gui.debrief_menu.title")

    def items(self):
        """Stay, play again or leave for the title."""
        return [
            (self.ui("gui.debrief_menu.stay"), self.close, True),
            (self.ui("gui.debrief.again"), lambda: self.app.go("roles"), True),
            (self.ui("gui.debrief_menu.to_title"), self.app.to_title, True),
        ]
