"""The fade (and slight slide) between screens; none at all in reduced motion."""

from __future__ import annotations

import pygame


class Fade:
    """The last frame of the old screen, fading out over the new one."""

    def __init__(self, snapshot: pygame.Surface, duration: float = 0.28, slide: int = 0):
        self.snapshot = snapshot
        self.duration = duration
        self.slide = slide
        self.time = 0.0

    @property
    def done(self) -> bool:
        """True once the old frame is gone."""
        return self.time >= self.duration

    def update(self, dt: float) -> None:
        """Advance the fade."""
        self.time += dt

    def draw(self, surface: pygame.Surface) -> None:
        """Blend the old frame over the new one."""
        t = min(1.0, self.time / self.duration)
        self.snapshot.set_alpha(int(255 * (1 - t) ** 1.5))
        surface.blit(self.snapshot, (-int(self.slide * t), 0))
