"""Esc during play: resume, save, load, settings, history, go back, quit to title."""

from __future__ import annotations

from .menu import MenuScreen


class PauseScreen(MenuScreen):
    """The pause menu."""

    name = "pause"
    title = "Paused"

    def heading(self) -> str:
        """Paused."""
        return self.ui("gui.pause.title")

    def items(self):
        """Every pause action; Go back only when there is a choice to undo."""
        has_path = bool(self.app.session and self.app.session.path)
        return [
            (self.ui("gui.pause.resume"), self.close, True),
            (self.ui("gui.pause.save"), lambda: self.open("save"), True),
            (self.ui("gui.pause.load"), lambda: self.open("load"), True),
            (self.ui("gui.title.settings"), self.settings, True),
            (self.ui("gui.pause.history"), self.history, True),
            (self.ui("gui.pause.undo"), self.undo, has_path),
            (self.ui("gui.pause.quit"), self.quit, True),
        ]

    def autoplay(self, auto) -> bool:
        """Visit the menus the autoplay's tour asks for, then resume."""
        if not auto.next_queued(self.app):
            self.close()
        return True

    def open(self, mode: str) -> None:
        """The save or load slots."""
        self.app.open("saves", mode=mode)

    def settings(self) -> None:
        """The settings."""
        self.app.open("settings")

    def history(self) -> None:
        """Everything read so far."""
        self.app.open("history")

    def undo(self) -> None:
        """Pick an earlier choice to go back to."""
        self.app.open("undo")

    def quit(self) -> None:
        """To the title; the autosave keeps the game."""
        self.app.autosave()
        self.app.to_title()
