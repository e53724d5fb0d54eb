"""Turn raw SDL events into what screens handle: touches become clicks, and are never counted twice."""

from __future__ import annotations

import pygame

_MOUSE = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)
_FINGER = {pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN, pygame.FINGERUP: pygame.MOUSEBUTTONUP,
           pygame.FINGERMOTION: pygame.MOUSEMOTION}


def normalise(events, size: tuple[int, int]) -> list[pygame.event.Event]:
    """Drop the mouse events SDL synthesises from touches, and turn each touch into a left click."""
    out = []
    width, height = size
    for event in events:
        if event.type in _MOUSE and getattr(event, "touch", False):
            continue  # SDL's copy of a touch we also receive as a FINGER event
        if event.type in _FINGER:
            pos = (min(width - 1, max(0, int(event.x * width))), min(height - 1, max(0, int(event.y * height))))
            if event.type == pygame.FINGERMOTION:
                rel = (int(event.dx * width), int(event.dy * height))
                out.append(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=(1, 0, 0), touch=False,
                                              finger=True))
            else:
                out.append(pygame.event.Event(_FINGER[event.type], pos=pos, button=1, touch=False, finger=True))
            continue
        out.append(event)
    return out


def finger(kind: str, pos: tuple[int, int], size: tuple[int, int]) -> pygame.event.Event:
    """A FINGERDOWN or FINGERUP event at a pixel position (for tests and autoplay)."""
    etype = pygame.FINGERDOWN if kind == "down" else pygame.FINGERUP
    return pygame.event.Event(etype, x=pos[0] / size[0], y=pos[1] / size[1], dx=0.0, dy=0.0, touch_id=1, finger_id=0,
                              pressure=1.0)
