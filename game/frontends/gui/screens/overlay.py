"""What the screens shown over a scene share: the frame underneath, dimmed, and Esc to close."""

from __future__ import annotations

import pygame

from .base import Screen


class OverlayScreen(Screen):
    """A screen pushed over another; it draws the last frame of that one, darkened, and its own panel."""

    is_overlay = True
    #: The area the screen's widgets sit in, given a solid backing so the game underneath stays quiet.
    panel: pygame.Rect | None = None

    def draw(self, surface: pygame.Surface) -> None:
        """The screen underneath, dimmed (a plain dark fill when there is none or the size changed)."""
        backdrop = getattr(self.app, "backdrop", None)
        if backdrop is None or backdrop.get_size() != surface.get_size():
            surface.fill((4, 10, 8))
        else:
            surface.blit(backdrop, (0, 0))
            shade = self.app.art.get(("shade", surface.get_size()), lambda: _shade(surface.get_size()))
            surface.blit(shade, (0, 0))
        if self.panel is not None:
            layout = self.app.layout
            rect = self.panel.inflate(2 * layout.px(18), 2 * layout.px(14))
            hc = self.app.settings.high_contrast
            backing = self.app.art.get(("panel", rect.size, hc), lambda: _backing(rect.size, hc))
            surface.blit(backing, rect)
            pygame.draw.rect(surface, (255, 255, 255) if hc else (46, 110, 70), rect, max(1, layout.px(2)),
                             border_radius=layout.px(6))

    def close(self) -> None:
        """Back to the screen underneath."""
        self.app.back()

    def on_escape(self) -> bool:
        """Esc closes."""
        self.app.later(self.close)
        return True

    def autoplay(self, auto) -> bool:
        """Close again."""
        self.close()
        return True


def _shade(size) -> pygame.Surface:
    shade = pygame.Surface(size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, 170))
    return shade


def _backing(size, high_contrast: bool) -> pygame.Surface:
    from game.frontends.shell import art

    if high_contrast:
        backing = pygame.Surface(size)
        backing.fill((0, 0, 0))
        return backing
    backing = art.gradient(size, (10, 26, 18), (4, 12, 8))
    art.overlay_texture(backing, scanline_gap=3, grain=False)
    return backing  # opaque: the scene underneath must not show through a menu
