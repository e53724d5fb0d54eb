"""Go back to any earlier choice: the choices made so far, newest first, a page at a time."""

from __future__ import annotations

from .overlay import OverlayScreen


class UndoScreen(OverlayScreen):
    """Pick the choice to take back; the scene where it was made comes back."""

    name = "undo"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0

    def build(self) -> None:
        """A page of earlier choices, newest first, then Later / Earlier / Back."""
        steps = list(enumerate(self.app.session.path))[::-1]
        self.paged_list(self.ui("gui.pause.undo"), steps, self.app.layout.px(50), self._entry,
                        [self.ui("gui.later"), self.ui("gui.earlier"), self.ui("gui.back_esc")])

    def _entry(self, numbered) -> tuple:
        """An earlier choice: its number, its scene and what was chosen; it goes back to before it."""
        index, step = numbered
        scene = self.app.session.role.scenes.get(step.scene)
        choice = scene.choice(step.choice) if scene else None
        text = self.ui("gui.undo.entry", number=index + 1, scene=scene.title if scene and scene.title else step.scene,
                       choice=choice.text if choice else step.choice)
        return text, lambda: self.go_back(index)

    def go_back(self, index: int) -> None:
        """Undo to the moment before choice index, and play on from there."""
        session = self.app.session
        session.undo_to(index)
        self.app.autosave()
        self.app.continue_session(session)
        self.app.notify(self.ui("gui.undo.done"))
