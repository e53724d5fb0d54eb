"""What kiosk screens share: the screen protocol, big buttons with wrapped labels, and text blocks."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

import pygame
from pygame_gui.elements import UIButton

from game.engine import break_lines
from game.frontends.shell.screen import Screen

CJK = ("ja", "zh", "ko")
TEXT = (236, 232, 214)
DIM = (168, 176, 160)
AMBER = (255, 176, 0)
PHOSPHOR = (80, 255, 130)
OTHERS = (150, 214, 255)  # the 'other visitors' figure: its own colour, as bright as the text around it


def face_for(language: str) -> str:
    """The font face for a language: Noto Sans JP also covers Latin, Vietnamese and Cyrillic."""
    return "noto_jp" if language in CJK else "noto"


class TextBlock:
    """Text wrapped to a width (kinsoku-aware for Japanese), rendered once, drawn every frame."""

    def __init__(self, fonts, text: str, width: int, size: int, colour=TEXT, bold: bool = False,
                 face: str = "noto", align: str = "left", spacing: float = 1.15, lines: list[str] | None = None):
        font = fonts.get(size, bold, face)
        if lines is None:
            lines = break_lines(text, width, lambda s: font.size(s)[0]) if text else []
        self.lines = lines
        self.surfaces = [font.render(line, True, colour) for line in self.lines]
        self.line_height = round(font.get_linesize() * spacing)
        self.width = width
        self.align = align
        self.size = size

    @property
    def height(self) -> int:
        """Pixels the block takes."""
        return len(self.surfaces) * self.line_height

    def draw(self, surface: pygame.Surface, x: int, y: int) -> int:
        """Draw with the top-left at (x, y); returns the y below the block."""
        for line in self.surfaces:
            if self.align == "center":
                surface.blit(line, (x + (self.width - line.get_width()) // 2, y))
            else:
                surface.blit(line, (x, y))
            y += self.line_height
        return y


class BlockCache:
    """Recently used text blocks, and a much longer memory of where lines break.

    Visitors see the same scenes again and again. Measuring where lines break is the slow part
    (hundreds of Font.size calls a paragraph) and its result is a few strings, so thousands are
    kept; rendered blocks hold pixels, so only the most recent few hundred are.
    """

    def __init__(self, fonts, limit: int = 100, breaks: int = 6000):
        self.fonts = fonts
        self.limit = limit
        self.breaks_limit = breaks
        self._blocks: OrderedDict = OrderedDict()
        self._breaks: OrderedDict = OrderedDict()

    def get(self, text: str, width: int, size: int, colour=TEXT, bold: bool = False, face: str = "noto",
            align: str = "left") -> TextBlock:
        """The block for these arguments, made on first use."""
        key = (text, width, size, colour, bold, face, align)
        block = self._blocks.get(key)
        if block is not None:
            self._blocks.move_to_end(key)
            return block
        where = (text, width, size, bold, face)
        lines = self._breaks.get(where)
        block = TextBlock(self.fonts, text, width, size, colour, bold, face, align, lines=lines)
        if lines is None:
            self._breaks[where] = block.lines
            if len(self._breaks) > self.breaks_limit:
                self._breaks.popitem(last=False)
        self._blocks[key] = block
        if len(self._blocks) > self.limit:
            self._blocks.popitem(last=False)
        return block

    def clear(self) -> None:
        """Forget every block (after a story reload)."""
        self._blocks.clear()
        self._breaks.clear()


def shade(size) -> pygame.Surface:
    """A translucent black sheet that quietens the art behind text."""
    sheet = pygame.Surface(size, pygame.SRCALPHA)
    sheet.fill((0, 0, 0, 150))
    return sheet


class KioskScreen(Screen):
    """A kiosk screen: big buttons with wrapped labels drawn over them, in the visitor's language.

    self.app is the kiosk host (kiosk.app.KioskApp): the visit, the library and the sizing it shows.
    """

    name = "screen"
    #: "visitor": the idle timer runs; "off": it does not (attract, debrief, staff).
    idle = "visitor"

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.labels: list[tuple[UIButton, TextBlock]] = []

    # --- the protocol the App calls ------------------------------------------------------------

    def on_exit(self) -> None:
        """Kill the widgets."""
        super().on_exit()
        self.labels.clear()

    def draw_over(self, surface: pygame.Surface) -> None:
        """Button labels, drawn over the button frames."""
        for button, block in self.labels:
            if not button.alive():
                continue
            rect = button.rect
            block.draw(surface, rect.x + (rect.width - block.width) // 2, rect.centery - block.height // 2)

    def autoplay(self, rng) -> bool:
        """Act as a visitor would (soak benchmark); False when there is nothing to do."""
        buttons = [b for b, _ in self.labels if b.alive() and b.is_enabled]
        if not buttons:
            return False
        self.app.tap(rng.choice(buttons).rect.center)
        return True

    # --- helpers -------------------------------------------------------------------------------

    def button(self, rect: pygame.Rect, text: str, action: Callable[[], None], object_id: str = "#kiosk_button",
               size: int | None = None, face: str | None = None, bold: bool = True, colour=TEXT,
               align: str = "center") -> UIButton:
        """A button of at least 15 mm each way whose label wraps inside it; acts on release."""
        sizing = self.app.sizing
        rect = pygame.Rect(rect)
        rect.width = max(rect.width, sizing.target)
        pad = sizing.mm(3)
        block = self.app.blocks.get(text, rect.width - 2 * pad, size or sizing.body, colour, bold,
                                    face or self.app.face, align)
        rect.height = max(rect.height, sizing.target, block.height + 2 * pad)
        later = self.app.later
        element = UIButton(rect, "", self.app.manager, object_id=object_id, command=lambda: later(action))
        self.widgets.append(element)
        self.labels.append((element, block))
        return element

    def text(self, text: str, width: int, size: int | None = None, colour=TEXT, bold: bool = False,
             face: str | None = None, align: str = "left") -> TextBlock:
        """A text block in the visitor's language; left-aligned text wraps at a readable measure."""
        size = size or self.app.sizing.body
        if align == "left":
            width = self.app.sizing.measure(width, size)
        return self.app.blocks.get(text, width, size, colour, bold, face or self.app.face, align)
