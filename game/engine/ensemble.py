"""Ensemble play: every role at once, one seat at a time in the order of their `when` on one timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .links import live_values, next_seat
from .machine import ChoiceUnavailable, StoryMachine
from .model import Scene, Story
from .session import Notice, Session, _still_valid
from .state import SessionState, StateError, Step

#: The format of an ensemble save; solo saves keep state.STATE_VERSION.
ENSEMBLE_FORMAT = 1


@dataclass(frozen=True)
class Move:
    """One choice in ensemble play: whose seat, the scene, the choice, and the seat's variables before it."""

    role: str
    step: Step


def is_ensemble_save(data: Any) -> bool:
    """True for the saved data of an ensemble game (not of one role)."""
    return isinstance(data, dict) and data.get("kind") == "ensemble"


class Ensemble:
    """Pilot, police and diplomat played together: read the seat to play, choose, undo, save.

    Each seat is a Session of its role; the seats read each other's live values through their
    links. The seat to play is the one whose scene comes first on the shared timeline
    (links.scene_key), so the roles interleave as the day did.
    """

    def __init__(self, story: Story, sessions: dict[str, Session], order: list[str], machine: StoryMachine,
                 language: str = "en"):
        self.story = story
        self.sessions = sessions
        self.order = order  # the role of every choice made, oldest first: undo takes back the last
        self.machine = machine
        self.language = language
        for session in sessions.values():
            session.others = self._others

    @classmethod
    def start(cls, story: Story, *, machine: StoryMachine, language: str = "en",
              roles: list[str] | None = None) -> "Ensemble":
        """A new ensemble at the start of every role (or of the roles given)."""
        chosen = list(roles or story.roles)
        sessions = {role: Session.start(story, role, machine=machine, language=language) for role in chosen}
        return cls(story, sessions, [], machine, language)

    def _others(self, session: Session, names) -> dict:
        """The other seats' live values a seat's conditions read (a role not in the ensemble reads its record).

        A seat whose premise another seat has broken reads the record for every name: its scenes
        go on as they happened, not half-changed by a day that is no longer theirs.
        """
        from .links import record_values

        role, scene = session.state.role, session.state.scene
        premise = self.machine.rules.premises.get(role)
        wanted = set(names) | premise.reads if premise is not None else names
        live = self._live(role, scene, wanted)  # the premise's names read in the same pass
        if premise is None:
            return live
        if not premise(live):
            return record_values(self.story, self.machine.rules, role, scene, names)
        return {name: live[name] for name in names}

    def _live(self, role: str, scene: str, names) -> dict:
        """Names of other roles valued from the seats now (a role not in the ensemble from its record)."""
        from .links import record_values

        seats = {r: (s.state.variables, s.state.path) for r, s in self.sessions.items()}
        here = [n for n in names if n.partition(".")[0] in seats]
        values = live_values(here, seats)
        missing = [n for n in names if n.partition(".")[0] not in seats]
        if missing:
            values.update(record_values(self.story, self.machine.rules, role, scene, missing))
        return values

    def premise_holds(self, role: str) -> bool:
        """False while the other seats leave this role's premise untrue; ask when the seat plays.

        The premise is read from the seats as they stand, so before the move it depends on (the
        pilot's landing, for the police) it is not yet true, and undoing that move restores it.
        """
        condition = self.machine.rules.premises.get(role)
        if condition is None or role not in self.sessions:
            return True
        session = self.sessions[role]
        return bool(condition(self._live(role, session.state.scene, condition.reads)))

    def premise_text(self, role: str) -> str:
        """What the player reads at this seat once its premise is broken ('' while it holds)."""
        if self.premise_holds(role):
            return ""
        return self.sessions[role].role.premise.text

    # --- what the front ends read -----------------------------------------------------------

    @property
    def seat(self) -> str | None:
        """The role to play now, or None when every seat has reached an ending."""
        positions = {role: (None if s.is_finished else s.scene_id) for role, s in self.sessions.items()}
        return next_seat(self.story, self.machine.rules, positions)

    @property
    def session(self) -> Session:
        """The session of the seat to play now (the last seat to move once every seat has ended)."""
        seat = self.seat
        if seat is None:
            seat = self.order[-1] if self.order else next(iter(self.sessions))
        return self.sessions[seat]

    @property
    def scene(self) -> Scene:
        """The current seat's scene."""
        return self.session.scene

    @property
    def is_finished(self) -> bool:
        """True when every seat has reached an ending."""
        return self.seat is None

    @property
    def moves(self) -> list[Move]:
        """Every choice made so far in the order played."""
        taken = {role: 0 for role in self.sessions}
        moves = []
        for role in self.order:
            path = self.sessions[role].state.path
            if taken[role] < len(path):
                moves.append(Move(role, path[taken[role]]))
            taken[role] += 1
        return moves

    def last_moves(self, exclude: str | None = None) -> dict[str, Step]:
        """Each other seat's latest choice ({role: step}), for the card at a change of seat."""
        return {role: s.state.path[-1] for role, s in self.sessions.items()
                if role != exclude and s.state.path}

    # --- what the front ends do -------------------------------------------------------------

    def choose(self, choice_id: str) -> Move:
        """Take an open choice in the current seat; ChoiceUnavailable otherwise."""
        seat = self.seat
        if seat is None:
            raise ChoiceUnavailable("every role has ended")
        self.sessions[seat].choose(choice_id)
        self.order.append(seat)
        return Move(seat, self.sessions[seat].state.path[-1])

    def undo(self, steps: int = 1) -> None:
        """Take back the last `steps` choices, whichever seats made them."""
        if steps < 1 or steps > len(self.order):
            raise IndexError(f"cannot undo {steps} step(s) of {len(self.order)}")
        for _ in range(steps):
            role = self.order.pop()
            self.sessions[role].undo()

    def save(self) -> dict[str, Any]:
        """The ensemble as JSON-ready data, tagged with its format."""
        seat = self.seat or (self.order[-1] if self.order else next(iter(self.sessions)))
        # role and scene as save lists show them: the seat to play and its scene
        return {"format": ENSEMBLE_FORMAT, "kind": "ensemble", "role": "ensemble",
                "scene": f"{seat}:{self.sessions[seat].scene_id}", "story_id": self.story.id,
                "story_version": self.story.version, "language": self.language,
                "seats": {role: s.save() for role, s in self.sessions.items()}, "order": list(self.order)}

    @classmethod
    def restore(cls, story: Story, data: Any, machine: StoryMachine) -> tuple["Ensemble", list[Notice]]:
        """An ensemble from saved data; replayed in the order played when the story changed since."""
        if not is_ensemble_save(data):
            raise StateError("the save is not of an ensemble game")
        if data.get("format") != ENSEMBLE_FORMAT:
            raise StateError(f"the save has ensemble format {data.get('format')!r}; this version of Foxbat reads "
                             f"format {ENSEMBLE_FORMAT}")
        try:
            states = {str(role): SessionState.from_dict(seat) for role, seat in data["seats"].items()}
            order = [str(role) for role in data["order"]]
            language = str(data.get("language", "en"))
        except (KeyError, TypeError, AttributeError) as exc:
            raise StateError(f"the save is damaged ({type(exc).__name__}: {exc})") from None
        if not states or any(role not in story.roles for role in states):
            raise StateError("the save names a role this story no longer has")
        counts = {role: order.count(role) for role in states}
        if all(_still_valid(story, state) and counts[role] == len(state.path) for role, state in states.items()) \
                and set(order) <= set(states):
            sessions = {role: Session(story, state, machine) for role, state in states.items()}
            return cls(story, sessions, order, machine, language), []
        saved = cls(story, {role: Session(story, state, machine) for role, state in states.items()}, order, machine,
                    language)
        return replay_ensemble(story, saved.moves, list(states), machine, language, len(order))


def replay_ensemble(story: Story, moves: list[Move], roles: list[str], machine: StoryMachine, language: str,
                    total: int) -> tuple[Ensemble, list[Notice]]:
    """A new ensemble that takes the saved choices again, in the order played, for as long as they still work."""
    ensemble = Ensemble.start(story, machine=machine, language=language, roles=[r for r in roles if r in story.roles])
    kept = 0
    for move in moves:
        session = ensemble.sessions.get(move.role)
        if ensemble.seat != move.role or session is None or session.scene_id != move.step.scene \
                or move.step.choice not in {c.id for c in session.choices}:
            break
        ensemble.choose(move.step.choice)
        kept += 1
    title = ensemble.scene.title or ensemble.session.scene_id
    values = {"title": title, "kept": kept, "total": total}
    return ensemble, [Notice(f"The story has changed since this game was saved. You are back at '{title}' "
                             f"({kept} of {total} choices kept).", "notice.story_changed", values)]


@dataclass(frozen=True)
class LinkChange:
    """A scene where other seats' choices changed what a seat could do, compared with the record."""

    role: str
    scene: str
    opened: tuple[str, ...]  # choices open only because of what the other seats did
    closed: tuple[str, ...]  # choices the record would have left open
    causes: tuple[str, ...]  # the other roles' names whose values differed from the record ('pilot.cameras.fire')


def link_changes(ensemble: Ensemble) -> list[LinkChange]:
    """Every scene of the ensemble so far where the links made the open choices differ from the record's."""
    from .links import foreign_reads, record_values, scene_reads

    story, rules = ensemble.story, ensemble.machine.rules
    again = Ensemble.start(story, machine=ensemble.machine, language=ensemble.language, roles=list(ensemble.sessions))
    changes = []
    for move in ensemble.moves:
        session = again.sessions[move.role]
        names = scene_reads(rules, move.role, session.scene, session.scene_id) if foreign_reads(rules, move.role) else set()
        if names:
            live = again._others(session, names)
            recorded = record_values(story, rules, move.role, session.scene_id, names)
            with_live = {c.id for c in session.choices}
            session.others = None
            with_record = {c.id for c in session.choices}
            session.others = again._others
            if with_live != with_record:
                order = [c.id for c in session.scene.choices]
                changes.append(LinkChange(
                    move.role, session.scene_id, tuple(c for c in order if c in with_live - with_record),
                    tuple(c for c in order if c in with_record - with_live),
                    tuple(sorted(n for n in names if live[n] != recorded[n]))))
        if again.seat != move.role:
            break
        again.choose(move.step.choice)
    return changes


@dataclass(frozen=True)
class LanePoint:
    """One scene on a lane of the debrief timeline: where it falls in time, and the choice made there."""

    scene: str
    when: str
    key: tuple  # links.scene_key: the same axis for every role
    choice: str | None


@dataclass(frozen=True)
class Lane:
    """One role on the debrief timeline: the record's path and the player's, on the shared time axis."""

    role: str
    record: tuple[LanePoint, ...]
    played: tuple[LanePoint, ...]


def timeline_lanes(ensemble: Ensemble) -> tuple[list[Lane], list[LinkChange]]:
    """The debrief timeline of an ensemble: a lane per role (record and player's path) and the links that acted."""
    from .links import record_of, scene_key

    story, rules = ensemble.story, ensemble.machine.rules
    record = record_of(story, rules)
    lanes = []
    for role, session in ensemble.sessions.items():
        scenes = story.roles[role].scenes
        recorded = [LanePoint(m.scene, scenes[m.scene].when, m.key, m.choice) for m in record.moves if m.role == role]
        played = [LanePoint(step.scene, scenes[step.scene].when, scene_key(story, rules, role, step.scene), step.choice)
                  for step in session.state.path if step.scene in scenes]
        if session.scene_id in scenes:
            played.append(LanePoint(session.scene_id, session.scene.when,
                                    scene_key(story, rules, role, session.scene_id), None))
        lanes.append(Lane(role, tuple(recorded), tuple(played)))
    return lanes, link_changes(ensemble)


def cause_words(story: Story, name: str) -> str:
    """A link's cause as a reader sees it: 'role name: the choice's words', or 'role name: the gauge's label'."""
    role_id, _, rest = name.partition(".")
    role = story.roles[role_id]
    scene_id, dot, choice_id = rest.partition(".")
    if dot:
        choice = role.scenes[scene_id].choice(choice_id) if scene_id in role.scenes else None
        return f"{role.name}: {choice.text if choice else choice_id}"
    variable = role.variables.get(rest)
    return f"{role.name}: {variable.label if variable else rest}"
