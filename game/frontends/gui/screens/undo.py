"""Go back to any earlier choice: the choices made so far, newest first, a page at a time."""

from __future__ import annotations

import pygame

from .overlay import OverlayScreen


class UndoScreen(OverlayScreen):
    """Pick the choice to take back; the scene where it was made comes back."""

    name = "undo"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0

    def build(self) -> None:
        """A page of earlier choices, then Earlier / Later / Back."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        session = self.app.session
        width = min(content.width - 4 * m, layout.px(900))
        x = content.centerx - width // 2
        self.panel = pygame.Rect(x, m, width, layout.height - 2 * m)
        self.label(pygame.Rect(x, m, width, layout.px(48)), self.ui("gui.pause.undo"), "#screen_title")
        row_h, gap = layout.px(50), layout.px(8)
        top = m + layout.px(56)
        nav_top = layout.height - m - layout.px(48)
        per_page = max(1, (nav_top - m - top) // (row_h + gap))
        steps = list(enumerate(session.path))[::-1]
        pages = max(1, -(-len(steps) // per_page))
        self.page = min(self.page, pages - 1)
        for i, (index, step) in enumerate(steps[self.page * per_page:(self.page + 1) * per_page]):
            scene = session.role.scenes.get(step.scene)
            choice = scene.choice(step.choice) if scene else None
            text = self.ui("gui.undo.entry", number=index + 1, scene=scene.title if scene and scene.title else step.scene,
                           choice=choice.text if choice else step.choice)
            text = self.fit(text, width)
            self.button(pygame.Rect(x, top + i * (row_h + gap), width, row_h), text, lambda n=index: self.go_back(n))
        self.pager(x, width, nav_top, self.page, pages, [self.ui("gui.later"), self.ui("gui.earlier"), self.ui("gui.back_esc")])
        self.focus.set(0)

    def go_back(self, index: int) -> None:
        """Undo to the moment before choice index, and play on from there."""
        session = self.app.session
        session.undo_to(index)
        self.app.autosave()
        self.app.continue_session(session)
        self.app.notify(self.ui("gui.undo.done"))
