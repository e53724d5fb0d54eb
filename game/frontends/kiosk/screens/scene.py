"""A scene in kiosk form: short text in the upper half, big choice buttons in the lower half, nothing else."""

from __future__ import annotations

import pygame

from game.engine import format_moment
from game.frontends.shell import art

from ..strings import text
from ..ui import AMBER, DIM, KioskScreen


class SceneScreen(KioskScreen):
    """The current scene of the visit; no menus, no saving, no way out but playing or walking away."""

    name = "scene"

    @property
    def session(self):
        """The visitor's session."""
        return self.app.visit.session

    def build(self) -> None:
        """Lay out the text top-down and the choices bottom-up; the choices never go above the middle unless they must."""
        app = self.app
        sizing = app.sizing
        session = self.session
        scene = session.scene
        w, h = app.surface.get_size()
        margin = sizing.margin
        width = w - 2 * margin
        language = app.language
        self.where = self.text(f"{format_moment(scene.when, app.library.ui(language))} · {scene.where}", width, colour=DIM)
        if scene.is_ending:
            self.title = self.text(scene.ending.title, width, sizing.heading, AMBER, True)
            self.body = self.text(scene.ending.outcome, width)
            actions = [(text(app.library.ui(language), "continue"), app.finish, "#kiosk_button")]
        else:
            self.title = self.text(scene.title, width, sizing.heading, AMBER, True) if scene.title else None
            self.body = self.text(scene.text, width)
            actions = [(c.text, lambda c=c.id: self.choose(c), "#kiosk_choice") for c in session.choices]
        if app.config.show_dossier and not scene.is_ending:
            actions += [(f"{document.title}", lambda d=document: self.open_document(d), "#kiosk_quiet")
                        for document in scene.dossier]
        gap = sizing.mm(5)
        # Choice labels wrap at the reading measure too, so a wide landscape screen gets narrower buttons.
        width = sizing.measure(width) + 2 * sizing.mm(3)
        # Build bottom-up: the last choice sits a margin above the bottom edge.
        buttons = [self.button(pygame.Rect(margin, 0, width, sizing.mm(18)), label, action, object_id,
                               align="left" if object_id == "#kiosk_choice" else "center")
                   for label, action, object_id in actions]
        y = h - margin
        for button in reversed(buttons):
            y -= button.rect.height
            button.set_relative_position((margin, y))
            y -= gap
        self.choices_top = y + gap

    def choose(self, choice_id: str) -> None:
        """Take a choice and show the next scene."""
        self.app.visit.session.choose(choice_id)
        self.app.go("scene")

    def open_document(self, document) -> None:
        """A dossier document (only when the museum enabled them)."""
        self.app.go("document", document=document)

    def draw(self, surface: pygame.Surface) -> None:
        """The role's background, a dark panel, the moment and the text."""
        app = self.app
        size = surface.get_size()
        role = self.session.state.role
        backdrop = app.art.get(("role", role, size), lambda: art.dimmed(art.role_background(role, size).copy(), 165))
        surface.blit(backdrop, (0, 0))
        margin = app.sizing.margin
        # Leave the staff corner clear of text a visitor might try to touch.
        y = margin + app.sizing.mm(6)
        y = self.where.draw(surface, margin, y) + margin // 2
        if self.title is not None:
            y = self.title.draw(surface, margin, y) + margin // 3
        self.body.draw(surface, margin, y)

    @property
    def text_bottom(self) -> int:
        """Where the text ends (tests check that it never runs under the choices)."""
        margin = self.app.sizing.margin
        y = margin + self.app.sizing.mm(6) + self.where.height + margin // 2
        if self.title is not None:
            y += self.title.height + margin // 3
        return y + self.body.height
