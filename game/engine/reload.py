"""Hot reload: move a running session onto a changed story, and notice when story files change."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from .machine import StoryMachine
from .model import Role, Story
from .session import Session
from .state import SessionState, StateError, Step

#: Editor droppings that are not story files; changes to them must not trigger a reload.
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


def rebase(session: Session, new_story: Story, machine: StoryMachine | None = None) -> tuple[Session, list[str]]:
    """A session on new_story that keeps the player where they were, and messages saying what changed.

    When the current scene still exists the player stays there with the same variables (new
    variables start at their initial value; removed ones are dropped; values are kept inside
    changed ranges). Otherwise their choices are replayed from the start of the role up to the
    first one the new story no longer offers. StateError when the role itself is gone.
    """
    state = session.state
    if state.role not in new_story.roles:
        raise StateError(f"the story no longer has role '{state.role}'")
    role = new_story.roles[state.role]
    if state.scene in role.scenes:
        variables, notes = _carry_variables(state.variables, role)
        path = [Step(s.scene, s.choice, _carry_variables(s.variables, role)[0]) for s in state.path
                if s.scene in role.scenes and role.scenes[s.scene].choice(s.choice) is not None]
        dropped = len(state.path) - len(path)
        if dropped:
            notes.append(f"{dropped} earlier choice(s) no longer exist and were taken out of the undo history")
        new_state = SessionState(
            story_id=new_story.id, role=state.role, scene=state.scene, variables=variables, path=path,
            seed=state.seed, story_version=new_story.version, language=state.language,
        )
        return Session(new_story, new_state, machine), notes
    return _replay(session, new_story, machine)


def _replay(session: Session, new_story: Story, machine: StoryMachine | None) -> tuple[Session, list[str]]:
    """Replay the player's choices on the new story for as long as they still work."""
    state = session.state
    replayed = Session.start(new_story, state.role, seed=state.seed, machine=machine, language=state.language)
    kept = 0
    for step in state.path:
        if replayed.is_finished or replayed.scene_id != step.scene or step.choice not in {
                c.id for c in replayed.choices}:
            break
        replayed.choose(step.choice)
        kept += 1
    title = replayed.scene.title or replayed.scene_id
    return replayed, [f"scene '{state.scene}' is gone; replayed {kept} of {len(state.path)} choice(s) "
                      f"and arrived at '{title}'"]


def _carry_variables(old: dict, role: Role) -> tuple[dict, list[str]]:
    """The old values for the new role's variables, fitted to their new declarations."""
    values: dict = {}
    notes: list[str] = []
    for name, var in role.variables.items():
        value = old.get(name, var.initial)
        if name not in old:
            notes.append(f"new variable '{name}' starts at {var.initial}")
        elif isinstance(value, bool) != (var.type == "bool"):
            value = var.initial
            notes.append(f"variable '{name}' changed type and was reset to {var.initial}")
        elif var.type == "int":
            fitted = max(var.min, value) if var.min is not None else value
            fitted = min(var.max, fitted) if var.max is not None else fitted
            value = fitted
        values[name] = value
    return values, notes


class StoryWatcher:
    """Polls the files of a story folder and says when any was added, removed or changed.

    Polling (not inotify) works the same on every system and on network drives; a story is a
    few dozen files, so one scan costs well under a millisecond.
    """

    def __init__(self, root: Path | str, interval: float = 0.5, clock: Callable[[], float] = time.monotonic):
        self.root = Path(root)
        self.interval = interval
        self.clock = clock
        self.changed_files: list[str] = []
        self._snapshot = self.scan()
        self._last_poll = clock()

    def scan(self) -> dict[str, tuple[int, int]]:
        """Each story file's path and (modification time in ns, size)."""
        found: dict[str, tuple[int, int]] = {}
        for folder, folders, files in os.walk(self.root):
            folders[:] = [f for f in folders if not f.startswith(".")]
            for name in files:
                if name.startswith((".", "#")) or name.endswith(_IGNORED_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue  # removed between listing and reading: the next scan sees it gone
                found[path] = (info.st_mtime_ns, info.st_size)
        return found

    def changed(self) -> bool:
        """Scan now: True when anything differs from the last scan (see changed_files for what)."""
        current = self.scan()
        previous, self._snapshot = self._snapshot, current
        self._last_poll = self.clock()
        self.changed_files = sorted(p for p in current.keys() | previous.keys() if current.get(p) != previous.get(p))
        return bool(self.changed_files)

    def poll(self) -> bool:
        """Like changed(), but scans at most once per interval (cheap to call every frame)."""
        if self.clock() - self._last_poll < self.interval:
            return False
        return self.changed()
