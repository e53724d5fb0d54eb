"""The colours of 1976: radar phosphor, amber lamps, telex and notebook paper."""

from __future__ import annotations

from dataclasses import dataclass

PHOSPHOR = (80, 255, 130)
PHOSPHOR_DIM = (24, 90, 50)
AMBER = (255, 176, 0)
AMBER_DIM = (120, 80, 10)
PAPER = (236, 227, 200)
PAPER_DARK = (205, 192, 158)
INK = (40, 34, 26)
STAMP_RED = (176, 48, 42)
NIGHT = (6, 12, 16)
SEA = (6, 22, 30)
WHITE = (245, 245, 240)


@dataclass(frozen=True)
class RoleLook:
    """How one role's screens are coloured: the document its text sits on and its accent."""

    paper: tuple[int, int, int]   # the panel under the scene text
    ink: tuple[int, int, int]     # the scene text on that panel
    accent: tuple[int, int, int]  # highlights, gauges, the header rule
    document: str                 # the kind of panel: "crt", "notebook" or "telex"


LOOKS = {
    "pilot": RoleLook((8, 24, 16), PHOSPHOR, PHOSPHOR, "crt"),
    "police": RoleLook((232, 224, 196), INK, AMBER, "notebook"),
    "diplomat": RoleLook((240, 234, 214), INK, (120, 200, 230), "telex"),
}
HIGH_CONTRAST = RoleLook((0, 0, 0), WHITE, (255, 235, 0), "plain")


def look_of(role: str, high_contrast: bool = False) -> RoleLook:
    """The look of a role (unknown roles look like the pilot's radar screen)."""
    if high_contrast:
        return HIGH_CONTRAST
    return LOOKS.get(role, LOOKS["pilot"])
