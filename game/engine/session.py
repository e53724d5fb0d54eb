"""Session: the pull API every front end uses to play one role of a story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .links import foreign_reads, record_values
from .machine import ChoiceUnavailable, StoryMachine
from .model import Choice, Role, Scene, Story, Variable
from .state import SessionState, StateError, Step

__all__ = ["Session", "Gauge", "ChoiceUnavailable", "Notice"]


class Notice(str):
    """A message for the player: English as a string, plus a UI string key and values to translate it."""

    key: str
    values: dict

    def __new__(cls, english: str, key: str, values: dict | None = None) -> "Notice":
        notice = super().__new__(cls, english)
        notice.key = key
        notice.values = dict(values or {})
        return notice


@dataclass(frozen=True)
class Gauge:
    """A variable the player can see, with its current value."""

    name: str
    variable: Variable
    value: int | bool

    @property
    def fraction(self) -> float | None:
        """Where the value sits between min and max (0..1), or None without a range."""
        var = self.variable
        if var.type != "int" or var.min is None or var.max is None or var.max == var.min:
            return None
        return max(0.0, min(1.0, (int(self.value) - var.min) / (var.max - var.min)))


class Session:
    """One player's run through one role: read the scene, list the choices, choose, undo, save."""

    def __init__(self, story: Story, state: SessionState, machine: StoryMachine):
        if state.role not in story.roles:
            raise StateError(f"this story has no role '{state.role}'")
        self.story = story
        self.state = state
        self.machine = machine  # built from the same load as story; it holds the compiled rules
        # Where the other roles' values come from (links.py): None, the record (a role played alone);
        # an ensemble sets a function (session, names) -> {name: value} over its live seats.
        self.others = None
        self._reads: dict[str, frozenset] = {}  # role -> the other roles' names its rules read (asked every step)

    @classmethod
    def start(cls, story: Story, role: str, *, machine: StoryMachine, language: str = "en") -> "Session":
        """A new session at the start of a role."""
        if role not in story.roles:
            raise KeyError(f"unknown role '{role}'; the story has {', '.join(story.roles)}")
        chosen = story.roles[role]
        state = SessionState(
            story_id=story.id, role=role, scene=chosen.start, variables=chosen.initial_variables(),
            story_version=story.version, language=language,
        )
        return cls(story, state, machine)

    # --- what the front ends read ---------------------------------------------------------

    @property
    def role(self) -> Role:
        """The role being played."""
        return self.story.roles[self.state.role]

    @property
    def scene_id(self) -> str:
        """The id of the current scene."""
        return self.state.scene

    @property
    def scene(self) -> Scene:
        """The current scene."""
        return self.role.scenes[self.state.scene]

    @property
    def text(self) -> str:
        """The current scene's text."""
        return self.scene.text

    @property
    def variables(self) -> dict[str, int | bool]:
        """A copy of the current variables."""
        return dict(self.state.variables)

    @property
    def choices(self) -> list[Choice]:
        """The choices open now, in the order the writer gave them."""
        state = self.state
        choices = self.story.roles[state.role].scenes[state.scene].choices
        values = self.values_for_rules()
        return [choice for choice, test in zip(choices, self.machine.scene_tests(state.role, state.scene, choices))
                if test is None or test(values)]

    def values_for_rules(self) -> dict:
        """The variables as conditions and effects read them: this role's own, plus any other role's they name."""
        role = self.state.role
        names = self._reads.get(role)
        if names is None:
            names = self._reads[role] = foreign_reads(self.machine.rules, role)
        if not names:
            return self.state.variables
        if self.others is not None:
            foreign = self.others(self, names)
        else:
            foreign = record_values(self.story, self.machine.rules, role, self.state.scene, names)
        return {**self.state.variables, **foreign}

    @property
    def closed_choices(self) -> list[Choice]:
        """The choices of this scene whose conditions are false now (a front end may show them greyed)."""
        open_ids = {c.id for c in self.choices}
        return [c for c in self.scene.choices if c.id not in open_ids]

    @property
    def gauges(self) -> list[Gauge]:
        """The visible variables with their values, in declaration order."""
        return [Gauge(name, var, self.state.variables.get(name, var.initial))
                for name, var in self.role.variables.items() if var.visible]

    @property
    def is_finished(self) -> bool:
        """True at an ending."""
        return self.scene.is_ending

    @property
    def path(self) -> list[Step]:
        """Every choice made so far, oldest first."""
        return list(self.state.path)

    # --- what the front ends do -----------------------------------------------------------

    def choose(self, choice_id: str) -> Scene:
        """Take an open choice and move to the scene it leads to; ChoiceUnavailable otherwise."""
        state = self.state
        scenes = self.story.roles[state.role].scenes
        if scenes[state.scene].ending is not None:
            raise ChoiceUnavailable("the role has ended")
        # The step keeps the variables' dict as it was: state.variables is replaced, never changed in place.
        before = state.variables
        values = self.values_for_rules()
        next_scene, after = self.machine.advance(state.role, state.scene, choice_id, values)  # a new dict
        if values is not before:  # the other roles' values were read, never kept
            after = {name: after[name] for name in before}
        state.path.append(Step(state.scene, choice_id, before))
        state.scene = next_scene
        state.variables = after
        return scenes[next_scene]

    def undo(self, steps: int = 1) -> Scene:
        """Go back `steps` choices (to the scene where the earlier choice was made)."""
        if steps < 1 or steps > len(self.state.path):
            raise IndexError(f"cannot undo {steps} step(s) of {len(self.state.path)}")
        return self.undo_to(len(self.state.path) - steps)

    def undo_to(self, index: int) -> Scene:
        """Go back to the moment before the choice at `index` in the path was made."""
        if not 0 <= index < len(self.state.path):
            raise IndexError(f"no choice {index} in a path of {len(self.state.path)}")
        step = self.state.path[index]
        self.state.scene = step.scene
        self.state.variables = dict(step.variables)
        del self.state.path[index:]
        return self.scene

    def save(self) -> dict[str, Any]:
        """The session as JSON-ready data."""
        return self.state.to_dict()

    @classmethod
    def restore(cls, story: Story, data: Any, machine: StoryMachine) -> tuple["Session", list[Notice]]:
        """A session from saved data, and notices for the player when the story changed since.

        A save whose scenes or choices no longer exist is replayed from the start of its role up
        to the last choice that still works. StateError when the data is not a save at all.
        """
        if isinstance(data, dict) and data.get("kind") == "ensemble":
            raise StateError("this save is of an ensemble game (every role at once): continue it with "
                             "'foxbat play --ensemble'")
        state = SessionState.from_dict(data)
        if state.role not in story.roles:
            raise StateError(f"the save is for role '{state.role}', which this story no longer has")
        _clamp_saved_numbers(story.roles[state.role], state)
        if _still_valid(story, state):
            return cls(story, state, machine), []
        session, kept = replay(story, state, machine)
        title = session.scene.title or session.scene_id
        values = {"title": title, "kept": kept, "total": len(state.path)}
        english = (f"The story has changed since this game was saved. You are back at '{title}' "
                   f"({kept} of {len(state.path)} choices kept).")
        return session, [Notice(english, "notice.story_changed", values)]


def _clamp_saved_numbers(role: Role, state: SessionState) -> None:
    """Bring a save's numbers into their variables' ranges, as play would have kept them."""
    def fit(values: dict) -> dict:
        fitted = dict(values)
        for name, value in values.items():
            variable = role.variables.get(name)
            if variable is not None and variable.type == "int" and not isinstance(value, bool):
                low, high = variable.bounds
                fitted[name] = min(max(value, low), high)
        return fitted

    state.variables = fit(state.variables)
    state.path = [Step(step.scene, step.choice, fit(step.variables)) for step in state.path]


def replay(story: Story, state: SessionState, machine: StoryMachine) -> tuple[Session, int]:
    """A new session of state's role that takes its choices again for as long as they still work.

    Returns the session and how many choices it took again.
    """
    session = Session.start(story, state.role, machine=machine, language=state.language)
    kept = 0
    for step in state.path:
        if session.is_finished or session.scene_id != step.scene or step.choice not in {
                c.id for c in session.choices}:
            break
        session.choose(step.choice)
        kept += 1
    return session, kept


def _still_valid(story: Story, state: SessionState) -> bool:
    """True when every scene and choice of the saved path still exists and joins up."""
    role = story.roles[state.role]
    if state.scene not in role.scenes or set(state.variables) != set(role.variables):
        return False
    expected = role.start
    for step in state.path:
        scene = role.scenes.get(step.scene)
        if step.scene != expected or scene is None:
            return False
        choice = scene.choice(step.choice)
        if choice is None:
            return False
        expected = choice.goto
    return expected == state.scene
