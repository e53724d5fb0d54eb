"""What every screen shares: its widgets, keyboard focus, and the hooks the App calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from ..widgets import FocusRing, PassThroughTextBox, wrapped_button

if TYPE_CHECKING:
    from ..app import App


class Screen:
    """A screen: builds its widgets from the layout on enter, kills them on exit, keeps its own state."""

    name = "screen"
    #: Keys that move the keyboard focus back and forward.
    BACK_KEYS = (pygame.K_UP, pygame.K_LEFT)
    NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB)

    def __init__(self, app: "App"):
        self.app = app
        self.widgets: list = []    # laid-out elements: none may overlap another or leave the window
        self.children: list = []   # text drawn on top of a widget, inside its rectangle
        self.focus = FocusRing()

    # --- hooks the App calls ---------------------------------------------------------------

    def on_enter(self) -> None:
        """Build the widgets for the current layout."""
        self.build()

    def on_exit(self) -> None:
        """Kill the widgets (the screen's own state stays, to come back to)."""
        for element in self.widgets + self.children:
            element.kill()
        self.widgets.clear()
        self.children.clear()
        self.focus.clear()

    def rebuild(self) -> None:
        """Lay out again after a resize or a change of text size or theme."""
        focus = self.focus.index
        self.on_exit()
        self.build()
        if focus is not None and focus < len(self.focus.items):
            self.focus.set(focus)

    def build(self) -> None:
        """Create the widgets (override)."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keyboard focus: arrows and Tab move it, Enter and Space press; Esc goes back."""
        if event.type != pygame.KEYDOWN:
            return False
        if event.key in self.NEXT_KEYS:
            self.focus.move(-1 if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key in self.BACK_KEYS:
            self.focus.move(-1)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.focus.press()
        if event.key == pygame.K_ESCAPE:
            return self.on_escape()
        return False

    def on_escape(self) -> bool:
        """What Esc does here (override); True when handled."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves (the App then redraws)."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw what lies under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw what lies over the widgets (rarely needed)."""

    def draw_partial(self, surface: pygame.Surface) -> list | None:
        """Redraw only what the screen's own animation changed; the rectangles, or None for a full draw."""
        return None

    def settled(self) -> bool:
        """True when nothing is still appearing (autoplay waits for this before a screenshot)."""
        return True

    def autoplay(self, auto) -> bool:
        """Take one step of autoplay; False when there is nothing to do here."""
        return False

    def shot_name(self) -> str:
        """The name of this screen's screenshot."""
        return self.name

    # --- helpers -----------------------------------------------------------------------------

    def button(self, rect: pygame.Rect, text: str, action: Callable[[], None], object_id: str | None = None,
               focusable: bool = True, enabled: bool = True) -> UIButton:
        """A button that runs action after this frame's events (so it may change screens safely)."""
        later = self.app.later
        button = UIButton(rect, text, self.app.manager, object_id=object_id, command=lambda: later(action))
        if not enabled:
            button.disable()
        self.widgets.append(button)
        if focusable:
            self.focus.add(button, lambda: later(action))
        return button

    def wrapped(self, rect: pygame.Rect, text_html: str, action: Callable[[], None], number: str | None = None,
                enabled: bool = True, object_id: str = "#choice"):
        """A button whose text wraps (it grows downwards to fit); returns it and its text elements."""
        later = self.app.later
        button, children = wrapped_button(self.app.manager, rect, text_html, number, self.app.layout, object_id)
        button.bind(pygame_gui.UI_BUTTON_PRESSED, lambda: later(action))
        if not enabled:
            button.disable()
        self.widgets.append(button)
        self.children.extend(children)
        self.focus.add(button, lambda: later(action))
        return button, children

    def label(self, rect: pygame.Rect, text: str, object_id: str | None = None) -> UILabel:
        """A one-line label, at least as tall as its font needs."""
        rect = pygame.Rect(rect)
        rect.height = max(rect.height, self.line_height(object_id or "label"))
        label = UILabel(rect, text, self.app.manager, object_id=object_id)
        self.widgets.append(label)
        return label

    def fit(self, text: str, width: int, object_id: str = "button") -> str:
        """Text shortened with an ellipsis so it fits on a one-line button of this width."""
        theme = self.app.theme
        font_spec = (theme.get(object_id) or {}).get("font") or theme["button"]["font"]
        font = self.app.fonts.get(int(font_spec["size"]), font_spec.get("bold") == "1")
        room = width - 2 * self.app.layout.px(16)
        if font.size(text)[0] <= room:
            return text
        while text and font.size(text + "…")[0] > room:
            text = text[:-1]
        return text.rstrip() + "…"

    def line_height(self, object_id: str) -> int:
        """The height one line of a themed label needs."""
        theme = self.app.theme
        font = (theme.get(object_id) or {}).get("font") or theme["label"]["font"]
        return self.app.fonts.get(int(font["size"]), font.get("bold") == "1").get_linesize() + self.app.layout.px(4)

    def text(self, rect: pygame.Rect, html_text: str, object_id: str | None = None, passive: bool = False) -> UITextBox:
        """A rich text box (scrolls by itself when the text is longer than the box)."""
        kind = PassThroughTextBox if passive else UITextBox
        box = kind(html_text, rect, self.app.manager, object_id=object_id)
        self.widgets.append(box)
        return box

