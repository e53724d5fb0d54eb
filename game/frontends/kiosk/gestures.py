"""Touch policy: one finger at a time, no synthesised mouse copies, and the hidden staff exit gesture."""

from __future__ import annotations

from typing import Callable

import pygame

_MOUSE = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)
_FINGERS = (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION)


class OneFinger:
    """Lets through the first finger down and drops the others until it lifts, so two fingers never act twice.

    Mouse events that SDL synthesises from touches (event.touch true) are dropped too: each touch
    would otherwise arrive twice. Buttons act on release, and a touch that slides off a button
    before lifting does not press it (pygame_gui's UIButton behaves so on the MOUSEBUTTONUP we pass).
    """

    def __init__(self):
        self.owner: tuple | None = None  # (touch_id, finger_id) of the finger in charge
        self.mouse_down = False

    def filter(self, events) -> list[pygame.event.Event]:
        """The events a screen should see."""
        out = []
        for event in events:
            if event.type in _MOUSE:
                if getattr(event, "touch", False):
                    continue
                if event.type == pygame.MOUSEBUTTONDOWN:
                    if self.owner is not None or self.mouse_down:
                        continue
                    self.mouse_down = True
                elif event.type == pygame.MOUSEBUTTONUP:
                    if not self.mouse_down:
                        continue
                    self.mouse_down = False
                out.append(event)
            elif event.type in _FINGERS:
                finger = (getattr(event, "touch_id", 0), getattr(event, "finger_id", 0))
                if event.type == pygame.FINGERDOWN:
                    if self.owner is not None or self.mouse_down:
                        continue
                    self.owner = finger
                    out.append(event)
                elif finger == self.owner:
                    if event.type == pygame.FINGERUP:
                        self.owner = None
                    out.append(event)
            else:
                out.append(event)
        return out

    def reset(self) -> None:
        """Forget held fingers (after a screen change that may have swallowed a release)."""
        self.owner = None
        self.mouse_down = False


class StaffGesture:
    """Five taps in the top-left corner within a few seconds, the fifth held for a second."""

    TAPS = 5
    HOLD = 1.0      # seconds the last tap is held
    GAP = 1.5       # most seconds between one tap and the next

    def __init__(self, corner: int, clock: Callable[[], float]):
        self.corner = corner  # side of the square corner zone, in pixels
        self.clock = clock
        self.taps = 0
        self._last_up = -1e9
        self._down_at: float | None = None

    def in_corner(self, pos) -> bool:
        """True for a point in the top-left corner zone."""
        return pos[0] < self.corner and pos[1] < self.corner

    def down(self, pos) -> None:
        """A press anywhere; presses outside the corner, or too late, start over."""
        now = self.clock()
        if not self.in_corner(pos) or now - self._last_up > self.GAP:
            self.taps = 0
        self._down_at = now if self.in_corner(pos) else None

    def up(self, pos) -> bool:
        """A release; True when it completes the gesture (the fifth tap held long enough)."""
        now = self.clock()
        held = self._down_at is not None and self.in_corner(pos)
        done = held and self.taps == self.TAPS - 1 and now - self._down_at >= self.HOLD
        if held and now - self._down_at < self.HOLD:
            self.taps += 1
        else:
            self.taps = 0
        self._down_at = None
        self._last_up = now
        if done:
            self.taps = 0
        return done

    def poll(self) -> bool:
        """True once the fifth press has been held long enough, before it is even released."""
        if self._down_at is not None and self.taps == self.TAPS - 1 and self.clock() - self._down_at >= self.HOLD:
            self.taps = 0
            self._down_at = None
            self._last_up = -1e9
            return True
        return False

    def reset(self) -> None:
        """Start counting afresh."""
        self.taps = 0
        self._down_at = None
