"""A test pilot for the App: presses keys, clicks and taps real widget rectangles, waits for screens."""

from __future__ import annotations

import pygame

from game.frontends.shell.input import finger


class Driver:
    """Drives an App through App.step() with synthetic events."""

    def __init__(self, app):
        self.app = app

    @property
    def screen(self):
        """The screen on top."""
        return self.app.screen

    def frames(self, count: int = 1, dt: float = 1 / 60, events=()) -> None:
        """Run frames; the first gets the events."""
        events = list(events)
        for _ in range(count):
            self.app.step(events, dt)
            events = []

    def settle(self, limit: int = 2000) -> None:
        """Run frames until the screen has settled (text typed out, fades done)."""
        for _ in range(limit):
            if self.app.screen is not None and self.app.screen.settled() and self.app._fade is None:
                self.frames(2)
                return
            self.frames(1, dt=0.05)
        raise AssertionError("the screen never settled")

    def key(self, key: int, mod: int = 0) -> None:
        """Press and release a key."""
        down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
        self.frames(1, events=[down, up])
        self.frames(1)

    def click(self, element) -> None:
        """Click the middle of a widget with the left mouse button."""
        pos = element.rect.center
        self.frames(1, events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)])
        self.frames(1, events=[pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)])
        self.frames(1, events=[pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)])
        self.frames(1)

    def tap(self, element, with_synthetic_mouse: bool = True) -> None:
        """Touch a widget: FINGERDOWN/UP plus, as SDL does, the mouse events it synthesises (touch=True)."""
        pos = element.rect.center
        size = self.app.surface.get_size()
        down = [finger("down", pos, size)]
        up = [finger("up", pos, size)]
        if with_synthetic_mouse:
            down.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True))
            up.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True))
        self.frames(1, events=down)
        self.frames(1, events=up)
        self.frames(1)

    def tap_anywhere(self, pos=(5, 700)) -> None:
        """A tap on an empty spot (completes the typewriter)."""
        size = self.app.surface.get_size()
        self.frames(1, events=[finger("down", pos, size)])
        self.frames(1, events=[finger("up", pos, size)])

    def button(self, text: str):
        """The visible button of the current screen whose text starts with text."""
        from pygame_gui.elements import UIButton

        for element in self.screen.widgets:
            if isinstance(element, UIButton) and element.visible and element.text.startswith(text):
                return element
        raise AssertionError(f"no button '{text}' on {self.screen.name}: "
                             f"{[e.text for e in self.screen.widgets if isinstance(e, UIButton)]}")

    def choice_buttons(self):
        """The scene's open choice buttons, in order."""
        return [b for b in self.screen.choice_buttons if b.is_enabled]
