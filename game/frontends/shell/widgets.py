"""Small additions to pygame_gui: text that lets clicks through, wrapped choice buttons, keyboard focus."""

from __future__ import annotations

import html
from typing import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox


class PassThroughTextBox(UITextBox):
    """A text box that never takes the hover or the click, so the button under it gets them."""

    def hover_point(self, hover_x: float, hover_y: float) -> bool:  # noqa: D102 - pygame_gui hook
        return False


def text_overflow(box: UITextBox) -> int:
    """How many pixels of a text box's letters lie below its visible area (0: all of it shows)."""
    rows = getattr(getattr(box, "text_box_layout", None), "layout_rows", None)
    room = getattr(box, "text_wrap_rect", None)
    if not rows or room is None:
        return 0
    last = rows[-1]
    bottom = last.y + max(last.text_chunk_height, last.height)
    return max(0, bottom - room.height)


def escape(text: str) -> str:
    """Plain story text made safe for pygame_gui's HTML subset (the story never holds markup)."""
    return html.escape(" ".join(text.split()), quote=False)


def paragraphs(text: str) -> str:
    """Plain text with blank-line paragraphs as pygame_gui HTML."""
    parts = [escape(p) for p in text.strip().split("\n\n")]
    return "<br><br>".join(p for p in parts if p)


def sized(html_text: str, pixels: int, bold: bool = False) -> str:
    """HTML in a pixel size (pygame_gui's size=1..7 steps would not grow with the window)."""
    inner = f"<b>{html_text}</b>" if bold else html_text
    return f"<font pixel_size={pixels}>{inner}</font>"


class FocusRing:
    """Which button the keyboard is on; arrows move it, Enter presses it. Visible as the selected state."""

    def __init__(self):
        self.items: list[tuple[UIButton, Callable[[], None]]] = []
        self.index: int | None = None

    def add(self, button: UIButton, action: Callable[[], None]) -> None:
        """Add a button at the end of the keyboard order."""
        self.items.append((button, action))

    def clear(self) -> None:
        """Forget every button (the screen killed them)."""
        self.items.clear()
        self.index = None

    def _usable(self) -> list[int]:
        return [i for i, (b, _) in enumerate(self.items) if b.alive() and b.visible and b.is_enabled]

    def move(self, step: int) -> None:
        """Move the focus forward or back, wrapping around."""
        usable = self._usable()
        if not usable:
            return
        if self.index not in usable:
            self.index = usable[0] if step > 0 else usable[-1]
        else:
            self.index = usable[(usable.index(self.index) + step) % len(usable)]
        self._show()

    def set(self, index: int | None) -> None:
        """Put the focus on one button (None: no focus)."""
        self.index = index
        self._show()

    def _show(self) -> None:
        for i, (button, _) in enumerate(self.items):
            if button.alive():
                (button.select if i == self.index else button.unselect)()

    def press(self) -> bool:
        """Press the focused button; False when none is focused."""
        if self.index is None or self.index not in self._usable():
            return False
        self.items[self.index][1]()
        return True

    @property
    def focused(self) -> UIButton | None:
        """The focused button, if any."""
        return self.items[self.index][0] if self.index is not None and self.index < len(self.items) else None


def wrapped_button(manager, rect: pygame.Rect, text_html: str, number: str | None, layout,
                   object_id: str = "#choice") -> tuple[UIButton, list]:
    """A button whose label wraps over several lines: a frame button with pass-through text on top.

    pygame_gui buttons draw one line only, and choices are often longer than that. The height grows
    to fit the text; returns the button and its child elements (drawn on top, never hovered).
    """
    pad = layout.px(10)
    number_w = layout.px(40) if number else 0
    text_rect = pygame.Rect(rect.x + pad + number_w, rect.y + pad, rect.width - 2 * pad - number_w, -1)
    text = PassThroughTextBox(text_html, text_rect, manager, object_id="#choice_text", starting_height=3)
    height = max(rect.height, text.rect.height + 2 * pad)
    text.set_relative_position((text_rect.x, rect.y + (height - text.rect.height) // 2))
    button = UIButton(pygame.Rect(rect.x, rect.y, rect.width, height), "", manager, object_id=object_id)
    children = [text]
    if number:
        label = PassThroughTextBox(number, pygame.Rect(rect.x + pad // 2, rect.y, number_w, -1), manager,
                                   object_id="#choice_number", starting_height=3)
        label.set_relative_position((rect.x + pad // 2, rect.y + (height - label.rect.height) // 2))
        children.append(label)
    return button, children


class Typewriter:
    """Reveals a text box letter by letter at a speed in characters per second; complete() shows it all."""

    #: Beyond this many letters in one frame, jump (a slow frame must not cost a redraw per letter).
    MAX_STEPS = 12

    def __init__(self, box: UITextBox, chars_per_second: float):
        self.box = box
        self.total = box.get_text_letter_count()
        self.speed = chars_per_second
        self.position = 0.0
        self.done = chars_per_second == float("inf") or self.total == 0
        if not self.done:
            box.clear_text_surface()
            box.update_text_end_position(0)

    def update(self, dt: float) -> bool:
        """Advance; True while letters are still appearing."""
        if self.done:
            return False
        before = int(self.position)
        self.position = min(self.total, self.position + dt * self.speed)
        after = int(self.position)
        # pygame_gui redraws only the row holding the new end, so step through every letter.
        start = max(before + 1, after - self.MAX_STEPS)
        for end in range(start, after + 1):
            self.box.update_text_end_position(end)
        if after >= self.total:
            self.complete()
        return not self.done

    def complete(self) -> None:
        """Show the whole text at once."""
        if not self.done:
            self.done = True
            self.position = self.total
            self.box.update_text_end_position(self.total)


UI_EVENTS = (pygame_gui.UI_TEXT_BOX_LINK_CLICKED, pygame_gui.UI_TEXT_EFFECT_FINISHED)
