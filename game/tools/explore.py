"""Every reachable (scene, variables) state of a role, found breadth first, for lint and playtests."""

from __future__ import annotations

from collections import deque
from operator import itemgetter
from typing import Callable
from dataclasses import dataclass, field

from game.engine import LoadedStory, Role, foreign_reads, gc_paused, record_values

#: Far above any hand-written role; a role with unbounded counters in a loop stops here instead of hanging.
MAX_STATES = 250_000

StateKey = tuple[str, tuple]  # (scene id, variable values in declaration order)


@dataclass(frozen=True)
class Overflow:
    """A choice whose effect, before clamping, put a variable outside its declared range."""

    state: int
    choice: str
    variable: str
    value: int
    bound: int


@dataclass
class Exploration:
    """The reachable state graph of one role: states, the choices between them, and shortest paths."""

    role: Role
    names: tuple[str, ...]
    states: list[StateKey] = field(default_factory=list)
    index: dict[StateKey, int] = field(default_factory=dict)
    parent: list[tuple[int, str] | None] = field(default_factory=list)  # BFS tree: shortest way in
    edges: list[list[tuple[str, int]]] = field(default_factory=list)  # (choice id, next state)
    stuck: list[bool] = field(default_factory=list)  # True when no choice of the state is open
    overflows: list[Overflow] = field(default_factory=list)
    broken: set[int] = field(default_factory=set)  # states with an open choice to an unknown scene (E103)
    complete: bool = True  # False when the state limit cut the search short
    #: (scene, choice) never open with the record's values of other roles, but open when another
    #: seat departs from it (a yes/no name it reads taken the other way): not "never open" (W306)
    opened_by_departure: set[tuple[str, str]] = field(default_factory=set)
    _cache_incoming: list[list[int]] | None = field(default=None, repr=False)
    _cache_taken: set[tuple[str, str]] | None = field(default=None, repr=False)

    def values(self, state: int) -> dict:
        """The variables of a state as a name -> value mapping."""
        return dict(zip(self.names, self.states[state][1]))

    def taken(self) -> set[tuple[str, str]]:
        """Every (scene, choice) some reached state takes."""
        if self._cache_taken is None:
            self._cache_taken = {(self.states[s][0], choice) for s, out in enumerate(self.edges) for choice, _ in out}
        return self._cache_taken

    def scene_of(self, state: int) -> str:
        """The scene id of a state."""
        return self.states[state][0]

    def path_to(self, state: int) -> list[tuple[str, str]]:
        """The shortest list of (scene, choice) that leads from the start to a state."""
        steps: list[tuple[str, str]] = []
        link = self.parent[state]
        while link is not None:
            previous, choice = link
            steps.append((self.scene_of(previous), choice))
            link = self.parent[previous]
        return steps[::-1]

    def describe_path(self, state: int) -> str:
        """The shortest path to a state as 'start -go-> next -low-> here'."""
        parts = [f"{scene} -{choice}->" for scene, choice in self.path_to(state)]
        return " ".join(parts + [self.scene_of(state)])

    def describe_values(self, state: int) -> str:
        """The variables of a state as 'fuel=40, nerve=60'."""
        return ", ".join(f"{n}={_show(v)}" for n, v in zip(self.names, self.states[state][1])) or "no variables"

    def endings(self) -> list[int]:
        """Every state at an ending scene."""
        endings = {s for s, scene in self.role.scenes.items() if scene.is_ending}
        return [s for s, (scene, _) in enumerate(self.states) if scene in endings]

    def dead_ends(self) -> list[int]:
        """States at a non-ending scene where no choice is open, in breadth-first order."""
        endings = {s for s, scene in self.role.scenes.items() if scene.is_ending}
        return [s for s, (scene, _) in enumerate(self.states) if self.stuck[s] and scene not in endings]

    def reaching(self, targets: set[int] | list[int]) -> set[int]:
        """States from which one of the targets can be reached (the targets included)."""
        incoming = self._incoming()
        done = set(targets)
        stack = list(done)
        while stack:
            for source in incoming[stack.pop()]:
                if source not in done:
                    done.add(source)
                    stack.append(source)
        return done

    def _incoming(self) -> list[list[int]]:
        """For each state, the states with a choice into it (built once, after the search)."""
        if self._cache_incoming is None:
            incoming: list[list[int]] = [[] for _ in self.states]
            for source, out in enumerate(self.edges):
                for _, target in out:
                    incoming[target].append(source)
            self._cache_incoming = incoming
        return self._cache_incoming

    def forward(self, start: int) -> set[int]:
        """Every state reachable from `start` (itself included)."""
        seen = {start}
        stack = [start]
        while stack:
            for _, target in self.edges[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen


def explore_role(story: LoadedStory, role_id: str, max_states: int = MAX_STATES,
                 inputs: Callable[[str], list[dict]] | None = None,
                 live: dict[str, tuple[str, ...]] | None = None, in_range: frozenset = frozenset()) -> Exploration:
    """Breadth-first search over (scene, variables) from the role's start, using the compiled rules.

    Other roles' values (links) are the record's, or, with `inputs`, every alternative it gives for
    a scene: a state is then stuck when some alternative leaves it no open choice.

    With `live` (liveness.live_variables), two states at a scene are one when they differ only in
    variables that cannot matter from there on; the state kept is the first found, so paths, values
    and every problem reported are those of the full search, in far fewer states. Choices in
    `in_range` ((scene, choice) pairs proven never to drive a number past its range) skip the
    overflow test.
    """
    role = story.roles[role_id]
    names = tuple(role.variables)
    found = Exploration(role, names)
    if role.start not in role.scenes:
        return found
    options = _options(story, role, in_range)
    project = _projections(names, live)
    bounds = {n: v.bounds for n, v in role.variables.items() if v.type == "int"}
    states, index, parent, edges, stuck = found.states, found.index, found.parent, found.edges, found.stuck
    start = (role.start, tuple(role.initial_variables()[n] for n in names))
    states.append(start)
    index[start if project is None else (role.start, project[role.start][0](start[1]))] = 0
    parent.append(None)
    edges.append([])
    stuck.append(True)
    queue = deque([0])
    foreign = foreign_reads(story.rules, role_id)  # other roles' values, as the record has them (links.py)
    recorded: dict[str, dict] = {}
    while queue:
        state = queue.popleft()
        scene_id, values = states[state]
        if inputs is not None:
            alternatives = inputs(scene_id)
        elif foreign:
            if scene_id not in recorded:
                recorded[scene_id] = [record_values(story.story, story.rules, role_id, scene_id, foreign)]
            alternatives = recorded[scene_id]
        else:
            alternatives = [{}]
        out = edges[state]
        seen_edges: set | None = set() if len(alternatives) > 1 else None  # one alternative: no repeats
        closed_somewhere = False
        for extra in alternatives:
            current = dict(zip(names, values))
            if extra:
                current.update(extra)
            opened = False
            for choice_id, goto, condition, effects, watched in options[scene_id]:
                if condition is not None and not condition(current):
                    continue
                opened = True
                if goto is None:
                    found.broken.add(state)
                    continue  # an unknown scene is the loader's E103; nothing to explore past it
                if effects is None:
                    full = values  # no `set:`: the variables carry over unchanged
                    key = (goto, full) if project is None else (goto, project[goto][0](full))
                else:
                    after = effects.apply(current)
                    if watched and any(after[n] in bounds[n] for n in watched):
                        _record_overflow(found, state, choice_id, effects, current, watched, bounds)
                    if project is None:
                        full = tuple([after[n] for n in names])
                        key = (goto, full)
                    else:
                        full = None  # built only for a new state
                        key = (goto, project[goto][1](after))
                target = index.get(key)
                if target is None:
                    if len(states) >= max_states:
                        found.complete = False
                        continue
                    target = len(states)
                    states.append((goto, full if full is not None else tuple([after[n] for n in names])))
                    index[key] = target
                    parent.append((state, choice_id))
                    edges.append([])
                    stuck.append(True)
                    queue.append(target)
                if seen_edges is None:
                    out.append((choice_id, target))
                elif (choice_id, target) not in seen_edges:
                    seen_edges.add((choice_id, target))
                    out.append((choice_id, target))
            closed_somewhere |= not opened
        stuck[state] = closed_somewhere
    if inputs is None and foreign:
        found.opened_by_departure = _opened_by_departure(story, found, recorded)
    return found


#: Beyond this many yes/no names read at one scene, each is departed from alone, not in every combination.
MAX_COMBINED = 4


def departures(record: dict) -> list[dict]:
    """The record's values of other roles' names with one or more of its yes/no ones taken the other way."""
    flags = sorted(name for name, value in record.items() if type(value) is bool)
    if len(flags) <= MAX_COMBINED:
        flips = [[name for bit, name in enumerate(flags) if mask >> bit & 1] for mask in range(1, 1 << len(flags))]
    else:
        flips = [[name] for name in flags]
    return [{**record, **{name: not record[name] for name in names}} for names in flips]


def _opened_by_departure(story: LoadedStory, found: Exploration, recorded: dict[str, list[dict]]) -> set:
    """Choices never taken in the search that some state at their scene could take were another seat to depart.

    Only a choice whose condition reads another role's yes/no names is tried, against the states
    the search reached at its scene (their values of this role's variables), so no search is added.
    """
    role = found.role
    taken = found.taken()
    wanted: dict[str, list] = {}
    for scene_id, (record,) in recorded.items():
        for choice in role.scenes[scene_id].choices:
            test = story.rules.of(role.id, scene_id, choice.id).condition
            if (scene_id, choice.id) not in taken and test is not None and any("." in n for n in test.reads):
                wanted.setdefault(scene_id, []).append((choice.id, test, departures(record)))
    opened: set[tuple[str, str]] = set()
    if not wanted:
        return opened
    for scene_id, values in found.states:
        for choice_id, test, alternatives in wanted.get(scene_id, ()):
            if (scene_id, choice_id) in opened:
                continue
            current = dict(zip(found.names, values))
            if any(test({**current, **extra}) for extra in alternatives):
                opened.add((scene_id, choice_id))
    return opened


def explore_story(story: LoadedStory, max_states: int = MAX_STATES, project: bool = False) -> dict[str, Exploration]:
    """The exploration of every role, by role id; `project` merges states that differ only in dead variables."""
    with gc_paused():
        return {role_id: explore_projected(story, role_id, max_states) if project
                else explore_role(story, role_id, max_states) for role_id in story.roles}


def explore_projected(story: LoadedStory, role_id: str, max_states: int = MAX_STATES,
                      inputs: Callable[[str], list[dict]] | None = None,
                      keep: frozenset[str] = frozenset()) -> Exploration:
    """explore_role over only the variables that can still matter at each scene (see liveness.py)."""
    from .liveness import choices_in_range, live_variables

    return explore_role(story, role_id, max_states, inputs, live_variables(story, role_id, keep),
                        choices_in_range(story, role_id))


def _projections(names: tuple[str, ...], live: dict[str, tuple[str, ...]] | None) -> dict | None:
    """Per scene, (from a values tuple, from a variables dict) -> the values of its live variables only."""
    if live is None:
        return None
    column = {name: number for number, name in enumerate(names)}
    found = {}
    for scene_id, kept in live.items():
        if not kept:
            found[scene_id] = (_nothing, _nothing)
        else:  # itemgetter of one item gives the item: still a fine key, as each scene has one getter
            found[scene_id] = (itemgetter(*(column[n] for n in kept)), itemgetter(*kept))
    return found


def _nothing(_values) -> tuple:
    return ()


def reachable_scenes(role: Role) -> set[str]:
    """Scenes reachable from the start by following gotos, ignoring conditions."""
    seen: set[str] = set()
    stack = [role.start] if role.start in role.scenes else []
    while stack:
        scene_id = stack.pop()
        if scene_id in seen:
            continue
        seen.add(scene_id)
        stack.extend(c.goto for c in role.scenes[scene_id].choices if c.goto in role.scenes)
    return seen


def _options(story: LoadedStory, role: Role, in_range: frozenset = frozenset()) -> dict[str, list]:
    """Per scene, each choice's id, target (None when unknown), condition test, effects and range-bound writes."""
    bounded = {n for n, v in role.variables.items() if v.type == "int"}  # declared or default bounds
    options = {}
    for scene_id, scene in role.scenes.items():
        options[scene_id] = []
        for choice in scene.choices:
            compiled = story.rules.of(role.id, scene_id, choice.id)
            goto = choice.goto if choice.goto in role.scenes else None
            effects = compiled.effects if compiled.effects.assignments else None
            watched = () if (scene_id, choice.id) in in_range else tuple(sorted(compiled.effects.writes & bounded))
            options[scene_id].append((choice.id, goto, compiled.test, effects, watched))
    return options


def _record_overflow(found: Exploration, state: int, choice_id: str, effects, current: dict, watched, bounds) -> None:
    """A clamped value sits on its bound; the unclamped one tells whether the effect went past it."""
    raw = effects.apply_unclamped(current)
    for name in watched:
        low, high = bounds[name]
        value = raw[name]
        if isinstance(value, bool):
            continue
        if low is not None and value < low:
            found.overflows.append(Overflow(state, choice_id, name, value, low))
        elif high is not None and value > high:
            found.overflows.append(Overflow(state, choice_id, name, value, high))


def _show(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
