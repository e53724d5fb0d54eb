"""An edition: one story in one language, ready to play, and moving a running session onto it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .ensemble import Ensemble, replay_ensemble
from .errors import Problem
from .i18n import UiText, load_language
from .loaded import LoadedStory
from .loader import load_story
from .machine import StoryMachine
from .model import Role, Story
from .parsecache import ParseCache
from .session import Notice, Session, replay
from .state import SessionState, StateError, Step


class CannotMove(StateError):
    """A session cannot be moved onto an edition (its role is gone); `notice` says so to the player."""

    def __init__(self, notice: Notice):
        super().__init__(str(notice))
        self.notice = notice


@dataclass(frozen=True)
class Edition:
    """A story, its interface strings and its machine in one language, built once and shared by its sessions.

    Every way a running session changes story goes through move(): a writer's edit (F5,
    --watch, the terminal) and the player's language switch, so all of them keep the player
    in the same place.
    """

    loaded: LoadedStory      # as read, in the story's own language
    language: str
    story: Story             # in this edition's language
    ui: UiText
    machine: StoryMachine    # shared by every edition of the same load: it holds ids and rules only
    ui_root: Path | None = None
    problems: tuple[Problem, ...] = ()  # of the translation files (never stop play)

    @classmethod
    def build(cls, loaded: LoadedStory, language: str | None = None, *, ui_root: Path | str | None = None,
              machine: StoryMachine | None = None, cache: ParseCache | None = None) -> "Edition":
        """The edition of a loaded story in a language (the story's own by default).

        Translations come from the folder the story was read from; interface strings from
        `ui_root` (the shipped story folder) when given, so a museum's story need not carry them.
        With a parse cache, translation files unchanged since they were last read are not parsed.
        """
        language = language or loaded.language
        machine = machine or StoryMachine(loaded.story, loaded.rules)
        ui_folder = Path(ui_root) if ui_root is not None else None
        if loaded.root is None:  # built in memory: no translation files to read
            return cls(loaded, language, loaded.story, UiText({}), machine, ui_folder)
        story, ui, problems = load_language(loaded.root, loaded.story, language, ui_root=ui_folder, cache=cache)
        return cls(loaded, language, story, ui, machine, ui_folder, tuple(problems))

    def in_language(self, language: str) -> "Edition":
        """The same story in another language, sharing this edition's machine."""
        if language == self.language:
            return self
        return Edition.build(self.loaded, language, ui_root=self.ui_root, machine=self.machine)

    def reloaded(self, cache: ParseCache | None = None) -> "Edition":
        """The story folder read again, in this edition's language; StoryError when it no longer loads."""
        if self.loaded.root is None:
            raise ValueError("this edition was not read from a folder")
        return Edition.build(load_story(self.loaded.root, cache), self.language, ui_root=self.ui_root, cache=cache)

    # --- sessions ---------------------------------------------------------------------------

    def start(self, role: str) -> Session:
        """A new session at the start of a role."""
        return Session.start(self.story, role, machine=self.machine, language=self.language)

    def restore(self, data: Any) -> tuple[Session, list[Notice]]:
        """A saved session on this edition, with notices when the story changed since it was saved."""
        session, notices = Session.restore(self.story, data, self.machine)
        session.state.language = self.language
        return session, notices

    def move(self, session: Session) -> tuple[Session, list[Notice]]:
        """The running session on this edition (an edited story, or another language), and what changed.

        The player stays in their scene when it still exists, with the same variables: new ones
        start at their initial value, removed ones are dropped, values are fitted into changed
        ranges, and undo steps whose scene or choice is gone are taken out. When the scene is
        gone, their choices are replayed from the start of the role for as long as they still
        work. CannotMove when the role itself is gone: the caller keeps the session it has.
        """
        state = session.state
        role = self.story.roles.get(state.role)
        if role is None:
            raise CannotMove(Notice(f"The changed story has no role '{state.role}'; still playing the last good "
                                    "version.", "notice.role_gone", {"role": state.role}))
        if state.scene not in role.scenes:
            return self._replayed(state)
        variables, notices = carry_variables(state.variables, role)
        path = [Step(step.scene, step.choice, carry_variables(step.variables, role)[0]) for step in state.path
                if step.scene in role.scenes and role.scenes[step.scene].choice(step.choice) is not None]
        dropped = len(state.path) - len(path)
        if dropped:
            notices.append(Notice(f"{dropped} earlier choice(s) no longer exist and were taken out of the undo "
                                  "history.", "notice.undo_trimmed", {"count": dropped}))
        moved = SessionState(story_id=self.story.id, role=state.role, scene=state.scene, variables=variables,
                             path=path, story_version=self.story.version, language=self.language)
        return Session(self.story, moved, self.machine), notices

    # --- ensemble play ------------------------------------------------------------------------

    def start_ensemble(self, roles: list[str] | None = None) -> Ensemble:
        """A new ensemble game of every role (or of the roles given), seats in time order."""
        return Ensemble.start(self.story, machine=self.machine, language=self.language, roles=roles)

    def restore_ensemble(self, data: Any) -> tuple[Ensemble, list[Notice]]:
        """A saved ensemble game on this edition, with notices when the story changed since it was saved."""
        ensemble, notices = Ensemble.restore(self.story, data, self.machine)
        ensemble.language = self.language
        for session in ensemble.sessions.values():
            session.state.language = self.language
        return ensemble, notices

    def move_ensemble(self, ensemble: Ensemble) -> tuple[Ensemble, list[Notice]]:
        """A running ensemble on this edition, seat by seat as move() does; replayed when a seat's scene is gone.

        CannotMove when one of its roles is gone.
        """
        for role in ensemble.sessions:
            if role not in self.story.roles:
                raise CannotMove(Notice(f"The changed story has no role '{role}'; still playing the last good "
                                        "version.", "notice.role_gone", {"role": role}))
        if any(s.scene_id not in self.story.roles[r].scenes for r, s in ensemble.sessions.items()):
            return replay_ensemble(self.story, ensemble.moves, list(ensemble.sessions), self.machine, self.language,
                                   len(ensemble.order))
        sessions, notices = {}, []
        for role, session in ensemble.sessions.items():
            sessions[role], moved_notices = self.move(session)
            notices += [n for n in moved_notices if n not in notices]
        # Undo history a move took out of a seat leaves fewer steps: keep that seat's first ones in the order.
        left = {role: len(s.state.path) for role, s in sessions.items()}
        order = []
        for role in ensemble.order:
            if left.get(role, 0) > 0:
                order.append(role)
                left[role] -= 1
        return Ensemble(self.story, sessions, order, self.machine, self.language), notices

    def _replayed(self, state: SessionState) -> tuple[Session, list[Notice]]:
        """A session that replays the player's choices, for when their scene is gone."""
        session, kept = replay(self.story, replace(state, language=self.language), self.machine)
        title = session.scene.title or session.scene_id
        values = {"scene": state.scene, "kept": kept, "total": len(state.path), "title": title}
        return session, [Notice(f"Scene '{state.scene}' is gone; replayed {kept} of {len(state.path)} choice(s) "
                                f"and arrived at '{title}'.", "notice.scene_gone", values)]


def carry_variables(old: dict, role: Role) -> tuple[dict, list[Notice]]:
    """The old values for a role's variables, fitted to their declarations, and notices of what changed."""
    values: dict = {}
    notices: list[Notice] = []
    for name, var in role.variables.items():
        if name not in old:
            value = var.initial
            notices.append(Notice(f"New variable '{name}' starts at {value}.", "notice.variable_new",
                                  {"name": name, "value": value}))
        elif isinstance(old[name], bool) != (var.type == "bool"):
            value = var.initial
            notices.append(Notice(f"Variable '{name}' changed type and was reset to {value}.",
                                  "notice.variable_reset", {"name": name, "value": value}))
        else:
            value = old[name]
            if var.type == "int":
                fitted = max(var.min, value) if var.min is not None else value
                fitted = min(var.max, fitted) if var.max is not None else fitted
                if fitted != value:
                    notices.append(Notice(f"Variable '{name}' was {value}, outside its new range; it is now {fitted}.",
                                          "notice.variable_fitted", {"name": name, "old": value, "value": fitted}))
                value = fitted
        values[name] = value
    for name in old:
        if name not in role.variables:
            notices.append(Notice(f"Variable '{name}' is no longer in the story.", "notice.variable_removed",
                                  {"name": name}))
    return values, notices
