"""Automated playtests: exhaustive search, random playthroughs and the historical path of each role."""

from __future__ import annotations

import random
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from game.engine import LoadedStory, Role, Session, StoryMachine, actual_choice, foreign_reads, record_values

from .explore import Exploration, explore_role, gc_paused

#: A random playthrough longer than this is counted as stuck in a loop.
MAX_STEPS = 1_000


@dataclass
class Coverage:
    """What an exhaustive search of one role found: coverage, extremes and dead ends."""

    role: Role
    states: int
    complete: bool
    scenes_reached: list[str]
    scenes_missed: list[str]
    choices_taken: list[str]  # 'scene/choice'
    choices_missed: list[str]
    endings_reached: list[str]
    endings_missed: list[str]
    shortest: list[str]  # scene ids from the start to an ending
    longest: list[str]
    loops: bool  # True when some state can come round again, so the longest is only the longest without repeats
    playthroughs: int | None  # distinct paths from the start to an ending (None when loops make it endless)
    dead_ends: list[str] = field(default_factory=list)  # 'scene when values (path)'
    traps: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True on a dead end, a loop with no way out, or an ending no playthrough reaches."""
        return bool(self.dead_ends or self.traps or self.endings_missed)


def exhaustive(story: LoadedStory, role_id: str) -> Coverage:
    """Explore every reachable (scene, variables) state of a role and report coverage."""
    with gc_paused():
        found = explore_role(story, role_id)
        return _coverage(found)


def _coverage(found: Exploration) -> Coverage:
    role = found.role
    visited = {scene for scene, _ in found.states}
    taken = {f"{scene}/{choice}" for scene, choice in found.taken()}
    every_choice = [f"{s}/{c.id}" for s, scene in role.scenes.items() for c in scene.choices]
    endings = [s for s, scene in role.scenes.items() if scene.is_ending]
    ending_states = found.endings()
    shortest = min(ending_states, key=lambda s: len(found.path_to(s)), default=None)
    longest, loops, count = _longest(found)
    dead = [f"'{found.scene_of(s)}' when {found.describe_values(s)}: {found.describe_path(s)}"
            for s in _first_per_scene(found, found.dead_ends())]
    escape = found.reaching(set(ending_states) | set(found.dead_ends()) | found.broken)
    trapped = [s for s in range(len(found.states)) if s not in escape]
    traps = [f"'{found.scene_of(s)}' when {found.describe_values(s)}: {found.describe_path(s)}"
             for s in _first_per_scene(found, trapped)] if found.complete else []
    return Coverage(
        role=role, states=len(found.states), complete=found.complete,
        scenes_reached=[s for s in role.scenes if s in visited], scenes_missed=[s for s in role.scenes if s not in visited],
        choices_taken=[c for c in every_choice if c in taken], choices_missed=[c for c in every_choice if c not in taken],
        endings_reached=[e for e in endings if e in visited], endings_missed=[e for e in endings if e not in visited],
        shortest=_scenes(found, shortest), longest=longest, loops=loops, playthroughs=count,
        dead_ends=dead, traps=traps,
    )


def _first_per_scene(found: Exploration, states) -> list[int]:
    """The first (shortest-path) state of each scene among these states."""
    seen: dict[str, int] = {}
    for state in sorted(states):
        seen.setdefault(found.scene_of(state), state)
    return list(seen.values())


def _scenes(found: Exploration, state: int | None) -> list[str]:
    if state is None:
        return []
    return [scene for scene, _ in found.path_to(state)] + [found.scene_of(state)]


def _longest(found: Exploration) -> tuple[list[str], bool, int | None]:
    """The longest path to an ending without repeating a state, whether loops exist, and the path count."""
    if not found.states:
        return [], False, 0
    order, back_edges = _depth_first_order(found)
    ending = set(found.endings())
    best: dict[int, int] = {}  # longest number of choices from a state to an ending (-1: none)
    ways: dict[int, int] = {}
    step: dict[int, int] = {}
    for state in reversed(order):  # successors before predecessors, back edges left out
        if state in ending:
            best[state], ways[state] = 0, 1
            continue
        best[state], ways[state] = -1, 0
        for _, target in found.edges[state]:
            if (state, target) in back_edges:
                continue
            ways[state] += ways[target]
            if best[target] >= 0 and best[target] + 1 > best[state]:
                best[state], step[state] = best[target] + 1, target
    path, state = [found.scene_of(0)], 0
    while state in step:
        state = step[state]
        path.append(found.scene_of(state))
    loops = bool(back_edges)
    return (path if best[0] >= 0 else []), loops, (None if loops else ways[0])


def _depth_first_order(found: Exploration) -> tuple[list[int], set[tuple[int, int]]]:
    """States in depth-first preorder of finishing reversed (a topological order) and the back edges."""
    colour = [0] * len(found.states)  # 0 new, 1 on the stack, 2 done
    finished: list[int] = []
    back: set[tuple[int, int]] = set()
    stack = [(0, iter(found.edges[0]))]
    colour[0] = 1
    while stack:
        state, children = stack[-1]
        for _, target in children:
            if colour[target] == 0:
                colour[target] = 1
                stack.append((target, iter(found.edges[target])))
                break
            if colour[target] == 1:
                back.add((state, target))
        else:
            colour[state] = 2
            finished.append(state)
            stack.pop()
    return finished[::-1], back


@dataclass
class RandomReport:
    """What N random playthroughs of one role hit, and how often."""

    role: Role
    runs: int
    choices: Counter = field(default_factory=Counter)  # 'scene/choice' -> times taken
    endings: Counter = field(default_factory=Counter)  # ending scene -> times reached
    dead_ends: list[str] = field(default_factory=list)
    unfinished: int = 0  # runs that hit MAX_STEPS
    steps: int = 0

    @property
    def failed(self) -> bool:
        """True when some run got stuck."""
        return bool(self.dead_ends or self.unfinished)


def random_playthroughs(story: LoadedStory, role_id: str, runs: int, seed: int, prefer_unseen: bool = False,
                        advance: Callable[[int], None] | None = None) -> RandomReport:
    """Play a role `runs` times choosing at random (reproducible by seed), counting what is hit.

    Plays on the story's compiled rules, the same conditions and effects the engine's machine
    applies, without a Session per run: that keeps thousands of runs a second.
    """
    role = story.roles[role_id]
    rng = random.Random(f"{seed}:{role_id}")  # a string seed: the same runs on every Python and platform
    report = RandomReport(role, runs)
    options = {s: [(c.id, c.goto, story.rules.of(role_id, s, c.id)) for c in scene.choices]
               for s, scene in role.scenes.items()}
    endings = {s for s, scene in role.scenes.items() if scene.is_ending}
    seen: Counter = report.choices
    initial = role.initial_variables()
    foreign = foreign_reads(story.rules, role_id)  # other roles' values, as the record has them (links.py)
    recorded = {s: record_values(story.story, story.rules, role_id, s, foreign) for s in role.scenes} if foreign else {}
    for run in range(runs):
        scene_id, values, path = role.start, dict(initial), []
        for _ in range(MAX_STEPS):
            if scene_id in endings:
                report.endings[scene_id] += 1
                break
            if foreign:
                values = {**values, **recorded[scene_id]}
            open_now = [o for o in options[scene_id] if o[2].is_open(values)]
            if not open_now:
                if len(report.dead_ends) < 20:
                    report.dead_ends.append(f"'{scene_id}' when {_values(values)}: {' '.join(path)} {scene_id}")
                break
            if prefer_unseen:
                fewest = min(seen[f"{scene_id}/{o[0]}"] for o in open_now)
                open_now = [o for o in open_now if seen[f"{scene_id}/{o[0]}"] == fewest]
            choice_id, goto, compiled = open_now[rng.randrange(len(open_now))]
            seen[f"{scene_id}/{choice_id}"] += 1
            path.append(f"{scene_id} -{choice_id}->")
            values = compiled.effects.apply(values)
            scene_id = goto
            report.steps += 1
            if scene_id not in role.scenes:
                break  # an unknown scene (lint's E103)
        else:
            report.unfinished += 1
        if advance is not None:
            advance(run)
    return report


def _values(values: dict) -> str:
    return ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in values.items()) or "no variables"


def _scene_text(scene) -> list[str]:
    """A scene's title, place and text as indented transcript lines."""
    heading = " - ".join(part for part in (scene.title, scene.where) if part)
    body = textwrap.wrap(" ".join(scene.text.split()), 92)
    lines = [f"    | {heading}", *(f"    | {line}" for line in body)]
    if scene.is_ending:
        lines.append(f"    | ENDING: {scene.ending.title}")
    return lines


@dataclass
class Transcript:
    """The historical playthrough of one role: its text and anything that stopped it."""

    role: Role
    text: str
    problems: list[str]


def historical(story: LoadedStory, role_id: str, machine: StoryMachine | None = None, with_text: bool = False) -> Transcript:
    """Play the `record: actual` choice at every decision (the first open choice elsewhere) through a Session.

    The plain transcript is the path only, so text edits leave golden files alone; `with_text`
    adds each scene's title and text and each choice's words, for a person to read the run.
    """
    session = Session.start(story.story, role_id, machine=machine or StoryMachine(story.story, story.rules))
    role = session.role
    lines = [f"# Historical playthrough of role '{role_id}' ({role.name})",
             "# With the text of every scene and choice." if with_text else
             "# The path only: scene ids, times, variables and choices; text edits do not change it.",
             "# Regenerate after an intended change: foxbat playtest --historical --update-golden", ""]
    problems: list[str] = []
    for number in range(1, MAX_STEPS + 1):
        scene = session.scene
        lines.append(f"{number:>2}. {session.scene_id} @ {scene.when} [{_values(session.variables)}]")
        if with_text:
            lines += _scene_text(scene)
        if session.is_finished:
            lines.append(f"    ending: {scene.ending.kind}")
            break
        actual = actual_choice(scene)
        open_ids = [c.id for c in session.choices]
        if actual is not None and actual.id not in open_ids:
            problems.append(f"in '{session.scene_id}' the historical choice '{actual.id}' is not open when "
                            f"{_values(session.variables)}")
            break
        if actual is None and not open_ids:
            problems.append(f"dead end in '{session.scene_id}' on the historical path")
            break
        chosen = actual.id if actual is not None else open_ids[0]
        lines.append(f"    -> {chosen}" + (" (actual)" if actual is not None else "")
                     + (f": {' '.join(scene.choice(chosen).text.split())}" if with_text else ""))
        session.choose(chosen)
    else:
        problems.append(f"the historical path did not end after {MAX_STEPS} choices")
    if session.is_finished and session.scene.ending.kind != "historical":
        problems.append(f"the historical path ends at '{session.scene_id}', an alternative ending")
    return Transcript(role, "\n".join(lines) + "\n", problems)
