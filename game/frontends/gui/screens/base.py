"""What every desktop screen shares: keyboard focus, themed widgets, and the player's language."""

from __future__ import annotations

from typing import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.frontends.shell.richtext import Rich
from game.frontends.shell.screen import Screen as ShellScreen
from game.frontends.shell.script import face_for, has_japanese
from game.frontends.shell.theme import jp_twin
from game.frontends.shell.widgets import FocusRing, PassThroughTextBox, wrapped_button

from ..voice import plain


class Screen(ShellScreen):
    """A desktop screen: builds its widgets from the layout on enter, kills them on exit, keeps its own state.

    self.app is the desktop host (gui.app.App): the session, settings and saves it shows.
    """

    name = "screen"
    #: Keys that move the keyboard focus back and forward.
    BACK_KEYS = (pygame.K_UP, pygame.K_LEFT)
    NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB)

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        # self.widgets: laid-out elements; none may overlap another or leave the window
        self.children: list = []   # text drawn on top of a widget, inside its rectangle
        self.focus = FocusRing()
        self.riches: list[Rich] = []  # the HTML builders of the widgets now shown (tests read their line breaks)

    # --- hooks the App calls ---------------------------------------------------------------

    def on_exit(self) -> None:
        """Kill the widgets (the screen's own state stays, to come back to)."""
        for element in self.children:
            element.kill()
        super().on_exit()
        self.children.clear()
        self.riches.clear()
        self.focus.clear()

    def rebuild(self) -> None:
        """Lay out again after a resize or a change of text size or theme."""
        focus = self.focus.index
        self.on_exit()
        self.build()
        if focus is not None and focus < len(self.focus.items):
            self.focus.set(focus)

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

    def autoplay(self, auto) -> bool:
        """Take one step of autoplay; False when there is nothing to do here."""
        return False

    # --- self-voicing ------------------------------------------------------------------------

    def spoken(self) -> tuple[object, str] | None:
        """What self-voicing reads when this screen (or what it shows) is new: (which moment, text)."""
        return None

    def spoken_label(self, button) -> str:
        """What self-voicing reads when the keyboard moves onto a button."""
        return getattr(button, "spoken", None) or plain(getattr(button, "text", "") or "")

    # --- language ----------------------------------------------------------------------------

    @property
    def ui(self):
        """The interface strings in the player's language, called with a key and its placeholders."""
        return self.app.ui

    @property
    def language(self) -> str:
        """The player's language code."""
        return self.app.settings.language

    def themed_id(self, object_id: str | None, element: str, text: str) -> str | None:
        """The theme id for a one-line widget: its JP-face twin when the text holds Japanese (Noto Sans has none)."""
        if self.language != "ja" and has_japanese(text):
            return jp_twin(object_id or element)
        return object_id

    def font_of(self, object_id: str | None, element: str, text: str = ""):
        """The pygame font a themed widget draws this text with."""
        theme = self.app.theme
        spec = (theme.get(object_id) or {}).get("font") or (theme.get(element) or {}).get("font") or theme["defaults"]["font"]
        return self.app.fonts.get(int(spec["size"]), spec.get("bold") == "1", face_for(self.language, text))

    def needed_width(self, texts, object_id: str | None = None, element: str = "button") -> int:
        """The width a button needs so that the longest of these texts fits on one line."""
        pad = 2 * self.app.layout.px(16)
        return max(self.font_of(object_id, element, t).size(t)[0] for t in texts) + pad

    def rich(self, object_id: str | None, width: int) -> Rich:
        """An HTML builder for a text box of this width (it breaks Japanese lines itself)."""
        theme = self.app.theme
        entry = theme.get(object_id) or {}
        spec = entry.get("font") or theme["text_box"]["font"]
        misc = {**theme["text_box"].get("misc", {}), **entry.get("misc", {})}
        pad_x = int(str(misc.get("padding", "4,4")).split(",")[0])
        border = int(misc.get("border_width", "0"))
        scroll = self.app.layout.px(24) if object_id not in ("#choice_text", "#header_box") else 0
        builder = Rich(self.app.fonts, self.language, int(spec["size"]), width - 2 * (pad_x + border) - scroll)
        self.riches.append(builder)
        return builder

    # --- helpers -----------------------------------------------------------------------------

    def button(self, rect: pygame.Rect, text: str, action: Callable[[], None], object_id: str | None = None,
               focusable: bool = True, enabled: bool = True) -> UIButton:
        """A button that runs action after this frame's events (so it may change screens safely)."""
        later = self.app.later
        button = UIButton(rect, text, self.app.manager, object_id=self.themed_id(object_id, "button", text),
                          command=lambda: later(action))
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
        button.spoken = (f"{number}. " if number else "") + plain(text_html)  # what self-voicing reads for it
        button.bind(pygame_gui.UI_BUTTON_PRESSED, lambda: later(action))
        if not enabled:
            button.disable()
        self.widgets.append(button)
        self.children.extend(children)
        self.focus.add(button, lambda: later(action))
        return button, children

    def choice_rich(self, width: int, numbered: bool) -> Rich:
        """An HTML builder for the text of a wrapped button this wide (see widgets.wrapped_button)."""
        layout = self.app.layout
        return self.rich("#choice_text", width - 2 * layout.px(10) - (layout.px(40) if numbered else 0))

    def paged_list(self, title: str, items: list, row_h: int, entry, labels: list[str], empty: str = "") -> None:
        """A titled page of items as one-line buttons, then previous / next page and close.

        entry(item) gives an item's (text, action); only the items of the page shown are asked.
        labels: the previous-page, next-page and close buttons' words. self.page is kept in range.
        """
        layout = self.app.layout
        content, m = layout.content, layout.margin
        width = min(content.width - 4 * m, layout.px(900))
        x = content.centerx - width // 2
        self.panel = pygame.Rect(x, m, width, layout.height - 2 * m)
        self.label(pygame.Rect(x, m, width, layout.px(48)), title, "#screen_title")
        gap = layout.px(8)
        top = m + layout.px(56)
        nav_top = layout.height - m - layout.px(48)
        per_page = max(1, (nav_top - m - top) // (row_h + gap))
        pages = max(1, -(-len(items) // per_page))
        self.page = min(self.page, pages - 1)
        for i, item in enumerate(items[self.page * per_page:(self.page + 1) * per_page]):
            text, action = entry(item)
            self.button(pygame.Rect(x, top + i * (row_h + gap), width, row_h), self.fit(text, width), action)
        if not items and empty:
            self.label(pygame.Rect(x, top, width, row_h), empty)
        nav_w = max(layout.px(150), self.needed_width(labels))
        if self.page > 0:
            self.button(pygame.Rect(x, nav_top, nav_w, layout.px(48)), labels[0], lambda: self.turn(-1))
        if self.page < pages - 1:
            self.button(pygame.Rect(x + nav_w + gap, nav_top, nav_w, layout.px(48)), labels[1], lambda: self.turn(1))
        self.button(pygame.Rect(x + width - nav_w, nav_top, nav_w, layout.px(48)), labels[2], self.close)
        self.focus.set(0)

    def turn(self, step: int) -> None:
        """Another page of a paged list."""
        self.page += step
        self.rebuild()

    def label(self, rect: pygame.Rect, text: str, object_id: str | None = None) -> UILabel:
        """A one-line label, at least as tall as its font needs."""
        rect = pygame.Rect(rect)
        rect.height = max(rect.height, self.line_height(object_id or "label", text))
        label = UILabel(rect, text, self.app.manager, object_id=self.themed_id(object_id, "label", text))
        self.widgets.append(label)
        return label

    def fit(self, text: str, width: int, object_id: str = "button") -> str:
        """Text shortened with an ellipsis so it fits on a one-line button of this width."""
        font = self.font_of(object_id, "button", text)
        room = width - 2 * self.app.layout.px(16)
        if font.size(text)[0] <= room:
            return text
        while text and font.size(text + "…")[0] > room:
            text = text[:-1]
        return text.rstrip() + "…"

    def line_height(self, object_id: str, text: str = "") -> int:
        """The height one line of a themed label needs."""
        return self.font_of(object_id, "label", text).get_linesize() + self.app.layout.px(4)

    @staticmethod
    def page(box: UITextBox, key: int) -> bool:
        """Page Down / Page Up scroll a text box by what it shows at once; True when the key was a page key."""
        bar = box.scroll_bar
        if key not in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) or bar is None:
            return False
        step = bar.visible_percentage * (1 if key == pygame.K_PAGEDOWN else -1)
        bar.set_scroll_from_start_percentage(min(1 - bar.visible_percentage, max(0.0, bar.start_percentage + step)))
        return True

    def text(self, rect: pygame.Rect, html_text: str, object_id: str | None = None, passive: bool = False) -> UITextBox:
        """A rich text box (scrolls by itself when the text is longer than the box)."""
        kind = PassThroughTextBox if passive else UITextBox
        box = kind(html_text, rect, self.app.manager, object_id=object_id)
        self.widgets.append(box)
        return box

