"""Plain pygame fonts for what the code draws itself (titles, map labels, art captions), cached by size."""

from __future__ import annotations

import pygame

from .theme import font_path


class FontCache:
    """pygame.font.Font objects of the shipped Noto faces, loaded once per (size, bold)."""

    def __init__(self):
        self._fonts: dict[tuple[int, bool, str], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False, face: str = "noto") -> pygame.font.Font:
        """The font of a pixel size (never pygame's default font)."""
        key = (max(6, int(size)), bold, face)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(str(font_path(face, bold)), key[0])
        return font

    def render(self, text: str, size: int, colour, bold: bool = False) -> pygame.Surface:
        """Text rendered antialiased."""
        return self.get(size, bold).render(text, True, colour)
