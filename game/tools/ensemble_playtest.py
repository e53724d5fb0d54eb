"""Playtests of ensemble play: the record of every role together, random ensembles, and the exhaustive search."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import dataclass, field

from game.engine import (
    ChoiceUnavailable, Ensemble, LoadedStory, Role, StoryMachine, actual_choice, foreign_reads, scene_reads,
)

from .explore import MAX_STATES, Exploration, explore_projected, gc_paused
from .playtest import MAX_STEPS, Coverage, _coverage

#: Rounds of the exhaustive search: each widens the other roles' possible values until nothing changes.
MAX_ROUNDS = 4


@dataclass
class EnsembleStep:
    """One scene of an ensemble run: whose seat, the scene, its `when` as written, and the choice taken."""

    role: str
    scene: str
    when: str
    choice: str | None  # None at an ending
    record: str | None = None  # the choice's record marker (actual, considered, invented) or None
    ending: str | None = None  # historical or alternative, at an ending

    def as_json(self) -> dict:
        """The step as JSON-ready data."""
        data = {"role": self.role, "scene": self.scene, "when": self.when, "choice": self.choice}
        if self.record is not None:
            data["record"] = self.record
        if self.ending is not None:
            data["ending"] = self.ending
        return data


@dataclass
class EnsembleTranscript:
    """The historical ensemble: every role's record, in the order played, and anything that stopped it."""

    steps: list[EnsembleStep]
    problems: list[str]

    @property
    def text(self) -> str:
        """One line per scene: the seat, the scene, its time, the choice."""
        lines = ["# Historical ensemble: every role's record played together, in time order", ""]
        for number, step in enumerate(self.steps, start=1):
            after = f"-> {step.choice}" + (f" ({step.record})" if step.record else "") if step.choice else \
                f"ending: {step.ending}"
            lines.append(f"{number:>3}. {step.role:<9} {step.scene} @ {step.when}  {after}")
        return "\n".join(lines) + "\n"


def historical_ensemble(story: LoadedStory, machine: StoryMachine | None = None) -> EnsembleTranscript:
    """Play every role's `record: actual` choice (the first open one elsewhere), seats in time order."""
    machine = machine or StoryMachine(story.story, story.rules)
    ensemble = Ensemble.start(story.story, machine=machine)
    steps: list[EnsembleStep] = []
    problems: list[str] = []
    for _ in range(MAX_STEPS * max(1, len(story.roles))):
        seat = ensemble.seat
        if seat is None:
            break
        session = ensemble.session
        actual = actual_choice(session.scene)
        open_ids = [c.id for c in session.choices]
        if actual is not None and actual.id not in open_ids:
            problems.append(f"{seat}: in '{session.scene_id}' the historical choice '{actual.id}' is not open")
            break
        if not open_ids:
            problems.append(f"{seat}: dead end in '{session.scene_id}' on the historical path")
            break
        chosen = actual.id if actual is not None else open_ids[0]
        steps.append(EnsembleStep(seat, session.scene_id, session.scene.when, chosen, session.scene.choice(chosen).record))
        ensemble.choose(chosen)
        if session.is_finished:  # the seat's ending, where it falls in the order played
            steps.append(EnsembleStep(seat, session.scene_id, session.scene.when, None, ending=session.scene.ending.kind))
    for role, session in ensemble.sessions.items():
        if not session.is_finished:
            problems.append(f"{role}: the historical ensemble did not reach an ending")
        elif session.scene.ending.kind != "historical":
            problems.append(f"{role}: the historical ensemble ends at '{session.scene_id}', an alternative ending")
    return EnsembleTranscript(steps, problems)


@dataclass
class EnsembleRandomReport:
    """What N random ensembles hit: endings per role, links that changed a seat's choices, stuck runs."""

    runs: int
    endings: Counter = field(default_factory=Counter)  # (role, ending scene) -> runs
    linked: Counter = field(default_factory=Counter)  # 'role/scene' -> runs where another seat changed its choices
    dead_ends: list[str] = field(default_factory=list)
    unfinished: int = 0
    steps: int = 0

    @property
    def failed(self) -> bool:
        """True when some run got stuck."""
        return bool(self.dead_ends or self.unfinished)


def random_ensembles(story: LoadedStory, runs: int, seed: int, machine: StoryMachine | None = None) -> EnsembleRandomReport:
    """Play `runs` ensembles choosing at random in every seat (reproducible by seed)."""
    machine = machine or StoryMachine(story.story, story.rules)
    rng = random.Random(f"{seed}:ensemble")
    report = EnsembleRandomReport(runs)
    for _ in range(runs):
        ensemble = Ensemble.start(story.story, machine=machine)
        for _ in range(MAX_STEPS * max(1, len(story.roles))):
            seat = ensemble.seat
            if seat is None:
                break
            session = ensemble.session
            open_now = session.choices
            if foreign_reads(story.rules, seat) and scene_reads(story.rules, seat, session.scene, session.scene_id):
                solo = ensemble.sessions[seat].others
                ensemble.sessions[seat].others = None  # the record's values, to see whether the links changed anything
                alone = [c.id for c in session.choices]
                ensemble.sessions[seat].others = solo
                if alone != [c.id for c in open_now]:
                    report.linked[f"{seat}/{session.scene_id}"] += 1
            if not open_now:
                if len(report.dead_ends) < 20:
                    report.dead_ends.append(f"{seat}: '{session.scene_id}' after "
                                            + " ".join(f"{m.role}:{m.step.scene}/{m.step.choice}" for m in ensemble.moves))
                break
            try:
                ensemble.choose(open_now[rng.randrange(len(open_now))].id)
            except ChoiceUnavailable:
                break
            report.steps += 1
        else:
            report.unfinished += 1
        for role, session in ensemble.sessions.items():
            if session.is_finished:
                report.endings[(role, session.scene_id)] += 1
    return report


@dataclass
class EnsembleCoverage:
    """The exhaustive ensemble search: per role, every state any ensemble can reach, and how it was bounded."""

    roles: list[Coverage]
    rounds: int
    inputs: dict[str, int]  # role -> most alternatives of other roles' values at one scene

    @property
    def failed(self) -> bool:
        """True on a dead end, a loop with no way out or an unreachable ending in some role."""
        return any(c.failed for c in self.roles)


def exhaustive_ensemble(story: LoadedStory, max_states: int = MAX_STATES) -> EnsembleCoverage:
    """Every (scene, variables) state of each role that some ensemble can reach, with dead ends and loops.

    The seats only meet through the names their links read, so instead of the product of three
    state spaces (some 10^15 states here) each role is searched alone while, at every scene, the
    other roles' values it reads range over every value those roles can hold. That contains every
    real ensemble (a dead end in no combination is a dead end in no ensemble) and stays the size
    of the solo searches. The possible values widen from the solo searches until they stop changing.
    """
    # States that differ only in variables that can no longer matter are one (explore_projected);
    # a variable another role's link reads matters everywhere, as every value it takes is offered.
    read = set().union(*(foreign_reads(story.rules, r) for r in story.roles)) if story.roles else set()
    keep = {r: frozenset(n.partition(".")[2] for n in read if n.partition(".")[0] == r) for r in story.roles}
    with gc_paused():
        explored = {r: explore_projected(story, r, max_states, keep=keep[r]) for r in story.roles}
        rounds = 0
        widest: dict[str, int] = {}
        for rounds in range(1, MAX_ROUNDS + 1):
            possible = _possible_values(story, explored)
            again = {}
            for role_id in story.roles:
                inputs = _inputs_for(story, role_id, possible)
                widest[role_id] = max((len(v) for v in inputs.values()), default=1)
                again[role_id] = explore_projected(story, role_id, max_states, inputs=lambda s, i=inputs: i.get(s, [{}]),
                                                   keep=keep[role_id])
            settled = all(len(again[r].states) == len(explored[r].states) for r in story.roles) and rounds > 1
            explored = again
            if settled:
                break
        return EnsembleCoverage([_coverage(explored[r]) for r in story.roles], rounds, widest)


def _possible_values(story: LoadedStory, explored: dict[str, Exploration]) -> dict[str, list]:
    """Every value each name read by a link can take in some reachable state of its role."""
    names = set().union(*(foreign_reads(story.rules, r) for r in story.roles)) if story.roles else set()
    possible: dict[str, list] = {}
    for name in names:
        role, _, rest = name.partition(".")
        found = explored[role]
        scene, dot, choice = rest.partition(".")
        if dot:
            taken = any(found.scene_of(s) == scene and any(c == choice for c, _ in out) for s, out in enumerate(found.edges))
            possible[name] = [False, True] if taken else [False]
        else:
            column = found.names.index(rest)
            possible[name] = sorted({values[column] for _, values in found.states})
    return possible


def _inputs_for(story: LoadedStory, role_id: str, possible: dict[str, list]) -> dict[str, list[dict]]:
    """Per scene of a role, every combination of the other roles' values its choices read."""
    role: Role = story.roles[role_id]
    inputs: dict[str, list[dict]] = {}
    for scene_id, scene in role.scenes.items():
        names = sorted(scene_reads(story.rules, role_id, scene, scene_id))
        if names:
            inputs[scene_id] = [dict(zip(names, combo)) for combo in itertools.product(*(possible[n] for n in names))]
    return inputs
