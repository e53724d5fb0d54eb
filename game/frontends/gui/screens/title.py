"""The title: the radar finds a contact over the sea; Continue, New game, All three at once, Settings, Quit."""

from __future__ import annotations

import pygame

from game.engine import AUTOSAVE, SaveError, StateError

from .base import Screen


class TitleScreen(Screen):
    """The first screen."""

    name = "title"
    #: The sweep turns smoothly enough at 20 frames a second, for a fraction of the CPU of 60.
    frame_rate = 20

    def build(self) -> None:
        """The menu buttons, down the left under the title."""
        layout = self.app.layout
        items = []
        if self._autosave_info() is not None:
            items.append((self.ui("gui.title.continue"), self.continue_game))
        items += [(self.ui("gui.title.new_game"), self.new_game), (self.ui("gui.title.ensemble"), self.ensemble),
                  (self.ui("gui.title.settings"), self.settings),
                  (self.ui("gui.title.quit"), self.quit)]
        height, gap = layout.px(54), layout.px(14)
        top = layout.px(300)
        # Six buttons (with Continue and its line) must still end above the window's bottom edge.
        room = layout.height - layout.margin - top - (layout.px(24) if len(items) > 4 else 0)
        while len(items) * (height + gap) - gap > room and height > layout.px(40):
            height, gap = height - layout.px(2), min(gap, layout.px(8))
        width = max(layout.px(300), self.needed_width([t for t, _ in items], "#menu_button"))
        x = layout.content.x + layout.px(68)
        for i, (text, action) in enumerate(items):
            self.button(pygame.Rect(x, top + i * (height + gap), width, height), text, action, "#menu_button")
        info = self._autosave_info()
        if info is not None:
            role = self.app.story.roles.get(info.role)
            where = f"{role.name if role else info.role}: {info.scene_title or info.scene}"
            self.label(pygame.Rect(x, top + height + layout.px(2), width + layout.px(200), layout.px(22)), where, "#small")
            # Keep the label clear of the next button by moving the buttons below it down a little.
            for button in self.widgets[1:len(items)]:
                button.set_relative_position((button.rect.x, button.rect.y + layout.px(24)))
        self.focus.set(0)

    def spoken(self):
        """The game's name (the menu is read as the keyboard moves)."""
        return ("title",), "Foxbat. Hakodate, 6 September 1976."

    def _autosave_info(self):
        if self.app.saves is None:
            return None
        return next((info for info in self.app.saves.list() if info.slot == AUTOSAVE and info.role != "?"), None)

    def continue_game(self) -> None:
        """Carry on from the autosave."""
        try:
            session, messages = self.app.restore_saved(self.app.saves.read(AUTOSAVE))  # a role, or an ensemble
        except (SaveError, StateError) as exc:
            self.app.notify(self.ui("gui.title.autosave_unreadable", reason=exc))
            return
        self.app.continue_session(session, messages)

    def new_game(self) -> None:
        """Choose a role."""
        self.app.go("roles")

    def ensemble(self) -> None:
        """Every role at once, on one timeline."""
        self.app.start_ensemble()

    def settings(self) -> None:
        """The settings screen."""
        self.app.open("settings")

    def quit(self) -> None:
        """Close the game."""
        self.app.running = False

    def update(self, dt: float) -> bool:
        """The sweep turns."""
        return self.app.title_art.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """The animated scene under the buttons."""
        self.app.title_art.draw(surface)

    def draw_partial(self, surface: pygame.Surface) -> list | None:
        """Only the scope and the MiG move: redraw those (a full frame if a widget lies there)."""
        size = surface.get_size()
        moving = [self.app.title_art.scope_rect(size), self.app.title_art.mig_rect(size)]
        if any(w.rect.colliderect(r) for w in self.widgets for r in moving):
            return None
        return self.app.title_art.draw_partial(surface)

    def autoplay(self, auto) -> bool:
        """Start a new game."""
        self.new_game()
        return True
