"""A centred column of buttons over the dimmed game: the shape of the pause menu and its kin."""

from __future__ import annotations

import pygame

from .overlay import OverlayScreen


class MenuScreen(OverlayScreen):
    """A titled column of buttons; subclasses list (text, action, enabled)."""

    title = "Menu"
    #: The column's width in design pixels.
    width = 520

    def items(self) -> list[tuple[str, object, bool]]:
        """The buttons (override)."""
        return []

    def heading(self) -> str:
        """The title shown (override to translate)."""
        return self.title

    def spoken(self):
        """The menu's title (its buttons are read as the keyboard reaches them)."""
        return ("menu", self.name), self.heading()

    def build(self) -> None:
        """Title and buttons centred."""
        layout = self.app.layout
        items = self.items()
        width = min(layout.content.width - 2 * layout.margin, layout.px(self.width))
        height, gap = layout.px(50), layout.px(10)
        title_h = layout.px(56)
        total = title_h + len(items) * (height + gap)
        top = max(layout.margin + layout.px(14), (layout.height - total) // 2)
        x = layout.content.centerx - width // 2
        self.label(pygame.Rect(x, top, width, layout.px(48)), self.heading(), "#screen_title")
        for i, (text, action, enabled) in enumerate(items):
            self.button(pygame.Rect(x, top + title_h + i * (height + gap), width, height), self.fit(text, width), action,
                        enabled=enabled)
        self.panel = pygame.Rect(x, top, width, title_h + len(items) * (height + gap) - gap)
        self.focus.set(0)
