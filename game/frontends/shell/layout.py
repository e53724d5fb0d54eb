"""Where things go: every rectangle is computed from the window size, designed at 1280x720."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

BASE_W, BASE_H = 1280, 720
#: Wider than this and the content stays centred, with the background filling the sides.
MAX_ASPECT = 2.0
#: Taller than this times the width is a portrait screen (a 9:16 one is 1.78): the layout is fitted
#: to its width, which leaves text smaller than the design, so text is enlarged up to this much
#: (never beyond the design's own size), using the height to hold the extra lines.
PORTRAIT_ASPECT = 1.6
PORTRAIT_TEXT_BOOST = 1.2
#: Taller than this times the width, and screens lay out in one column rather than side by side.
TALL_ASPECT = 1.2


@dataclass(frozen=True)
class Layout:
    """Scale and content area of one window size and text size."""

    width: int
    height: int
    text_scale: float = 1.0

    @property
    def scale(self) -> float:
        """How much bigger than the 1280x720 design the window is (never below 0.6)."""
        return max(0.6, min(self.width / BASE_W, self.height / BASE_H))

    def px(self, value: float) -> int:
        """A design length in pixels at this size."""
        return max(1, round(value * self.scale))

    @property
    def tall(self) -> bool:
        """A window taller than wide enough that panels go one above another rather than side by side."""
        return self.height > self.width * TALL_ASPECT

    @property
    def portrait(self) -> bool:
        """A screen much taller than wide, such as 1080x1920."""
        return self.height >= self.width * PORTRAIT_ASPECT

    @property
    def font_scale(self) -> float:
        """How much bigger than the design text is drawn (before the player's text size)."""
        if self.portrait:
            return max(self.scale, min(1.0, self.scale * PORTRAIT_TEXT_BOOST))
        return self.scale

    def font(self, size: float) -> int:
        """A design font size in pixels at this size and text size."""
        return max(8, round(size * self.font_scale * self.text_scale))

    @property
    def content(self) -> pygame.Rect:
        """The area the screens lay out in: the window, narrowed and centred on ultrawide screens."""
        width = min(self.width, round(self.height * MAX_ASPECT))
        return pygame.Rect((self.width - width) // 2, 0, width, self.height)

    @property
    def margin(self) -> int:
        """The gap at the edges and between panels."""
        return self.px(20)

    def column(self, rect: pygame.Rect, items: int, item_height: int, gap: int) -> list[pygame.Rect]:
        """Rectangles stacked down from the top of rect."""
        return [pygame.Rect(rect.x, rect.y + i * (item_height + gap), rect.width, item_height) for i in range(items)]

    def centred_column(self, width: int, items: int, item_height: int, gap: int, centre_y: int | None = None) -> list[pygame.Rect]:
        """A column of equal rectangles centred in the content area."""
        content = self.content
        total = items * item_height + (items - 1) * gap
        top = (centre_y if centre_y is not None else content.centery) - total // 2
        x = content.centerx - width // 2
        return [pygame.Rect(x, top + i * (item_height + gap), width, item_height) for i in range(items)]
