"""The desktop game's second pass (issue 14): what a newcomer met in the first hour."""

from __future__ import annotations

import json

import pygame

from .conftest import SHIPPED_STORY


def idle_frames(driver, seconds: float, dt: float = 1 / 60) -> None:
    """Frames with no input at all, as the real loop runs them while the player waits."""
    for _ in range(int(seconds / dt)):
        driver.app.step([], dt)


def differs(surface, other, rect) -> float:
    """The share of pixels in rect that differ between two surfaces."""
    points = [(x, y) for x in range(rect.left, rect.right, 3) for y in range(rect.top, rect.bottom, 3)]
    changed = 0
    for point in points:
        a, b = surface.get_at(point), other.get_at(point)
        changed += abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b) > 24
    return changed / max(1, len(points))


def test_choices_appear_on_the_display_when_the_text_finishes_typing_with_no_input(make_driver):
    driver = make_driver(role="pilot")
    screen = driver.screen
    assert not screen.settled()
    idle_frames(driver, 8.0)
    assert screen.settled()
    background = screen._frame[1]
    for button in driver.choice_buttons():
        # The button's frame and its text are on the display, not the scene's background.
        assert differs(driver.app.surface, background, button.rect) > 0.05, button.rect
