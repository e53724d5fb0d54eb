"""A dossier document, shown only when kiosk.yaml has show_dossier: true."""

from __future__ import annotations

import pygame

from ..strings import text
from ..ui import AMBER, KioskScreen


class DocumentScreen(KioskScreen):
    """One document's title and text, and a button back to the scene."""

    name = "document"

    def __init__(self, app, document):
        super().__init__(app)
        self.document = document

    def build(self) -> None:
        """Title, text, and Continue at the bottom."""
        sizing = self.app.sizing
        w, h = self.app.surface.get_size()
        width = w - 2 * sizing.margin
        self.title = self.text(self.document.title, width, sizing.heading, AMBER, True)
        self.body = self.text(self.document.text, width)
        self.button(pygame.Rect(sizing.margin, h - sizing.margin - sizing.target, width, sizing.target),
                    text(self.app.library.ui(self.app.language), "continue"), self.back)

    def back(self) -> None:
        """Back to the scene."""
        self.app.go("scene")

    def draw(self, surface: pygame.Surface) -> None:
        """Paper-dark background and the text."""
        surface.fill((14, 20, 24))
        margin = self.app.sizing.margin
        y = self.title.draw(surface, margin, margin + self.app.sizing.mm(6)) + margin // 2
        self.body.draw(surface, margin, y)
