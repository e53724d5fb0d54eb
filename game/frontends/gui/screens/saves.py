"""Save and load: three slots and the autosave, each with its date, role and scene."""

from __future__ import annotations

from datetime import datetime

from game.engine import AUTOSAVE, SaveError, StateError

from .menu import MenuScreen

SLOTS = ("slot1", "slot2", "slot3")


def short_time(iso: str) -> str:
    """A save's UTC timestamp as 'YYYY-MM-DD HH:MM' in local time."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso or "?"


class SavesScreen(MenuScreen):
    """The slots, for saving (mode 'save') or loading (mode 'load')."""

    name = "saves"
    width = 820

    def __init__(self, app, mode: str):
        super().__init__(app)
        self.mode = mode

    def heading(self) -> str:
        """Save game or Load game."""
        return self.ui("gui.pause.save" if self.mode == "save" else "gui.pause.load")

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
            name = self.ui("gui.saves.autosave") if slot == AUTOSAVE else self.ui("gui.saves.slot", number=slot[-1])
            if info is None:
                text, usable = self.ui("gui.saves.empty", name=name), self.mode == "save"
            elif info.role == "?":
                text, usable = self.ui("gui.saves.damaged", name=name), self.mode == "save"
            else:
                role = self.app.story.roles.get(info.role)
                scene = role.scenes.get(info.scene) if role else None
                text = self.ui("gui.saves.entry", name=name, time=short_time(info.saved_at),
                               role=role.name if role else info.role,
                               scene=(scene.title if scene and scene.title else info.scene_title or info.scene))
                usable = True
            items.append((text, lambda s=slot: self.act(s), usable))
        items.append((self.ui("gui.back_esc"), self.close, True))
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
            app.notify(self.ui("gui.saves.saved", number=slot[-1]))
            self.rebuild()
            return
        try:
            session, messages = app.restore_saved(app.saves.read(slot))  # a role, or every role at once
        except (SaveError, StateError) as exc:
            app.notify(self.ui("gui.saves.load_failed", reason=exc))
            return
        app.continue_session(session, messages)
        app.notify(self.ui("gui.saves.loaded") if not messages else app.translated(messages[0]))
