"""Save and load: three slots and the autosave, each with its date, role and scene."""

from __future__ import annotations

from game.engine import AUTOSAVE, SaveError, Session, StateError

from ..text import short_time
from .menu import MenuScreen

SLOTS = ("slot1", "slot2", "slot3")


class SavesScreen(MenuScreen):
    """The slots, for saving (mode 'save') or loading (mode 'load')."""

    name = "saves"
    width = 820

    def __init__(self, app, mode: str):
        super().__init__(app)
        self.mode = mode
        self.title = "Save game" if mode == "save" else "Load game"

    def shot_name(self) -> str:
        """save or load."""
        return self.mode

    def items(self):
        """One button per slot, with what is in it."""
        infos = {info.slot: info for info in self.app.saves.list()}
        slots = SLOTS if self.mode == "save" else (AUTOSAVE,) + SLOTS
        items = []
        for slot in slots:
            info = infos.get(slot)
            name = "Autosave" if slot == AUTOSAVE else f"Slot {slot[-1]}"
            if info is None:
                text, usable = f"{name}: empty", self.mode == "save"
            elif info.role == "?":
                text, usable = f"{name}: damaged", self.mode == "save"
            else:
                role = self.app.story.roles.get(info.role)
                text = f"{name}: {short_time(info.saved_at)} · {role.name if role else info.role} · {info.scene_title or info.scene}"
                usable = True
            items.append((text, lambda s=slot: self.act(s), usable))
        items.append(("Back  (Esc)", self.close, True))
        return items

    def act(self, slot: str) -> None:
        """Save into the slot, or load from it."""
        app = self.app
        if self.mode == "save":
            try:
                app.saves.write(slot, app.session.save(), app.session.scene.title or app.session.scene_id)
            except SaveError as exc:
                app.notify(str(exc))
                return
            app.notify(f"Saved to slot {slot[-1]}.")
            self.rebuild()
            return
        try:
            session, messages = Session.restore(app.story, app.saves.read(slot), app.machine)
        except (SaveError, StateError) as exc:
            app.notify(f"Could not load: {exc}")
            return
        app.continue_session(session, messages)
        app.notify("Game loaded." if not messages else messages[0])
