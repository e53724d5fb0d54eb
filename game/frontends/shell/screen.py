"""The base of every screen: what a host calls on it, and the narrow part of the host it may use."""

from __future__ import annotations

from typing import Callable, Protocol

import pygame


class HostView(Protocol):
    """What a screen may ask of its host, whichever front end it belongs to."""

    surface: pygame.Surface
    manager: object           # the pygame_gui UIManager its widgets belong to
    fonts: object             # shell.fonts.FontCache
    art: object               # shell.art.ArtCache

    def later(self, action: Callable[[], None]) -> None:
        """Run an action after this frame's events."""

    def go(self, route: str, **data) -> None:
        """Replace every screen with the screen of this route."""

    def open(self, route: str, **data) -> None:
        """Show the screen of this route over the current one."""

    def back(self) -> None:
        """Close the top screen."""


class Screen:
    """A screen: builds its widgets on enter, kills them on exit, keeps its own state in between.

    A screen reaches other screens only by route name (host.go / host.open / host.back), never by
    importing them, so screens do not depend on each other.
    """

    name = "screen"
    #: True for menus and documents drawn over the screen underneath (the host keeps that frame).
    is_overlay = False

    def __init__(self, host: HostView):
        self.host = host
        self.widgets: list = []    # pygame_gui elements this screen created and must kill

    # --- what the host calls -------------------------------------------------------------------

    def on_enter(self) -> None:
        """Build the widgets for the window size."""
        self.build()

    def on_exit(self) -> None:
        """Kill the widgets (the screen's own state stays, to come back to)."""
        for element in self.widgets:
            element.kill()
        self.widgets.clear()

    def build(self) -> None:
        """Create the widgets (override)."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        """An event after the widgets saw it; True when handled."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves (the host then redraws)."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw what lies under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw what lies over the widgets."""

    def draw_partial(self, surface: pygame.Surface) -> list | None:
        """Redraw only what the screen's own animation changed; the rectangles, or None for a full draw."""
        return None

    def settled(self) -> bool:
        """True when nothing is still appearing (screenshots wait for this)."""
        return True

    def shot_name(self) -> str:
        """The name of this screen's screenshot."""
        return self.name
