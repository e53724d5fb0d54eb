"""Physical sizes: millimetres to pixels for the configured screen, so touch targets and text are big enough."""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
#: Cap height of Noto Sans (714 units of 1000): a font of N pixels draws capitals 0.714 N tall.
CAP_RATIO = 0.714
DEFAULT_DIAGONAL = 32.0  # inches: a common gallery touch screen when staff give no size

MIN_TARGET_MM = 15.0
MIN_CAP_MM = 6.0
#: Characters per line a reader standing 1.5 m away follows without losing the next line (45-75 is the
#: usual range for print; a wall screen read standing wants the shorter end).
MAX_CHARS_PER_LINE = 66
#: The average advance of Noto Sans over running text, spaces included, in ems.
AVERAGE_CHAR_EM = 0.5


@dataclass(frozen=True)
class Sizing:
    """Pixel sizes of one screen at its physical size."""

    width: int
    height: int
    diagonal_inches: float | None = None
    dpi: float | None = None

    @property
    def px_per_mm(self) -> float:
        """Pixels in one millimetre of the screen."""
        if self.dpi:
            return self.dpi / MM_PER_INCH
        diagonal = self.diagonal_inches or DEFAULT_DIAGONAL
        return math.hypot(self.width, self.height) / diagonal / MM_PER_INCH

    def mm(self, millimetres: float) -> int:
        """A length in pixels, rounded up so a minimum is never missed."""
        return math.ceil(millimetres * self.px_per_mm)

    @property
    def target(self) -> int:
        """The smallest side of any button, in pixels (15 mm)."""
        return self.mm(MIN_TARGET_MM)

    def font_for_cap(self, cap_mm: float) -> int:
        """The font pixel size whose capitals are cap_mm tall."""
        return math.ceil(cap_mm * self.px_per_mm / CAP_RATIO)

    @property
    def body(self) -> int:
        """Font size of scene text and buttons: 6 mm capitals."""
        return self.font_for_cap(MIN_CAP_MM)

    @property
    def heading(self) -> int:
        """Font size of headings: 9 mm capitals."""
        return self.font_for_cap(MIN_CAP_MM * 1.5)

    @property
    def huge(self) -> int:
        """Font size of 'Touch to begin' and the countdown: 14 mm capitals."""
        return self.font_for_cap(14.0)

    @property
    def margin(self) -> int:
        """Gap at the screen edge and between elements: 8 mm."""
        return self.mm(8)

    def measure(self, available: int, size: int | None = None) -> int:
        """The width to wrap text of a font size in: the space there is, but no more than MAX_CHARS_PER_LINE."""
        return min(available, math.ceil(MAX_CHARS_PER_LINE * AVERAGE_CHAR_EM * (size or self.body)))

    @property
    def portrait(self) -> bool:
        """True on a screen taller than wide."""
        return self.height > self.width
