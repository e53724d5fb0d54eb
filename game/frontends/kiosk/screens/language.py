"""The language picker: each language named in its own script, no flags."""

from __future__ import annotations

import pygame

from ..strings import native_name, text
from ..ui import DIM, KioskScreen, shade


class LanguageScreen(KioskScreen):
    """One big button per configured language."""

    name = "language"

    def build(self) -> None:
        """A centred column of buttons under the heading (given in every language, default first)."""
        app = self.app
        sizing = app.sizing
        w, h = app.surface.get_size()
        width = min(w - 2 * sizing.margin, sizing.mm(220))
        languages = app.config.languages
        self.heading = self.text(" · ".join(dict.fromkeys(text(app.library.ui(lang), "pick_language") for lang in languages)),
                                 w - 2 * sizing.margin, colour=DIM, face="noto_jp", align="center")
        gap = sizing.mm(6)
        height = sizing.mm(24)
        total = len(languages) * height + (len(languages) - 1) * gap
        top = max(sizing.margin * 2 + self.heading.height, (h - total) // 2)
        for i, language in enumerate(languages):
            rect = pygame.Rect((w - width) // 2, top + i * (height + gap), width, height)
            self.button(rect, native_name(app.library.ui(language)), lambda lang=language: app.choose_language(lang),
                        size=sizing.heading, face="noto_jp")

    def draw(self, surface: pygame.Surface) -> None:
        """The night background and the heading."""
        self.app.title_art.draw(surface, with_title=False)
        sheet = self.app.art.get(("kiosk_shade", surface.get_size()), lambda: shade(surface.get_size()))
        surface.blit(sheet, (0, 0))
        top = self.widgets[0].rect.top if self.widgets else surface.get_height() // 3
        self.heading.draw(surface, self.app.sizing.margin, top - self.app.sizing.margin - self.heading.height)


