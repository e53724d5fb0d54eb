"""Consequences across roles: other roles' names in `if:`/`set:`, the shared timeline, and the record.

A condition or effect may read another role's variable (`pilot.nerve`) or whether that role took
a choice (`police.cordon.police_only`, true once the police commander took `police_only` in
`cordon`). In ensemble play the values are the other seats' own; when a role is played alone they
are those of the record: the other roles' historical paths, played together in time order, as far
as they had got at the moment of the scene.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .model import Scene, Story
from .moments import moment_key
from .rules import Rules

#: Far above any story: the record stops here if a loop never reaches an ending.
MAX_RECORD_STEPS = 10_000


def foreign_types(story: Story, role_id: str) -> dict[str, str]:
    """Every name of another role a condition of `role_id` may read, with its type ('int' or 'bool')."""
    types: dict[str, str] = {}
    for other in story.roles.values():
        if other.id == role_id:
            continue
        for name, var in other.variables.items():
            types[f"{other.id}.{name}"] = var.type
        for scene_id, scene in other.scenes.items():
            for choice in scene.choices:
                types[f"{other.id}.{scene_id}.{choice.id}"] = "bool"
    return types


def foreign_reads(rules: Rules, role_id: str) -> frozenset[str]:
    """The other roles' names that the conditions and effects of a role read."""
    cache = rules.derived.setdefault("reads", {})
    found = cache.get(role_id)
    if found is None:
        names: set[str] = set()
        for (role, _, _), compiled in rules.choices.items():
            if role == role_id:
                if compiled.condition is not None:
                    names |= compiled.condition.reads
                names |= compiled.effects.reads
        found = cache[role_id] = frozenset(n for n in names if "." in n)
    return found


def scene_reads(rules: Rules, role_id: str, scene: Scene, scene_id: str) -> set[str]:
    """The other roles' names read by the choices of one scene."""
    names: set[str] = set()
    for choice in scene.choices:
        compiled = rules.of(role_id, scene_id, choice.id)
        if compiled.condition is not None:
            names |= compiled.condition.reads
        names |= compiled.effects.reads
    return {n for n in names if "." in n}


def value_of(name: str, variables: Mapping, path: Iterable) -> int | bool:
    """A seat's value for a cross-role name without its role: 'nerve', or 'cordon.police_only' (a choice taken)."""
    scene, dot, choice = name.partition(".")
    if not dot:
        return variables[name]
    return any(step.scene == scene and step.choice == choice for step in path)


def live_values(names: Iterable[str], seats: Mapping[str, tuple[Mapping, list]]) -> dict:
    """Cross-role names valued from the seats' current variables and paths ({role: (variables, path)})."""
    values = {}
    for name in names:
        role, _, rest = name.partition(".")
        variables, path = seats[role]
        values[name] = value_of(rest, variables, path)
    return values


# --- the shared timeline ----------------------------------------------------------------------


def scene_key(story: Story, rules: Rules, role_id: str, scene_id: str) -> tuple:
    """Where a scene falls on the shared timeline: its moment, then after the scenes it reads, then role order.

    Two scenes at the same moment (or on the same date when one gives no hour) go in the order of
    their links: a scene that reads another role's choice comes after the scene of that choice.
    """
    keys = rules.derived.setdefault("keys", {})
    key = keys.get((role_id, scene_id))
    if key is None:
        order = list(story.roles)
        scene = story.roles[role_id].scenes[scene_id]
        key = keys[(role_id, scene_id)] = (*moment_key(scene.when), _depth(story, rules, role_id, scene_id, set()),
                                           order.index(role_id))
    return key


def _depth(story: Story, rules: Rules, role_id: str, scene_id: str, visiting: set) -> int:
    """How many links deep a scene reads other roles' choices (0 when it reads none; loops count once)."""
    depths = rules.derived.setdefault("depths", {})
    if (role_id, scene_id) in depths:
        return depths[(role_id, scene_id)]
    if (role_id, scene_id) in visiting:
        return 0
    visiting.add((role_id, scene_id))
    deepest = 0
    for name in scene_reads(rules, role_id, story.roles[role_id].scenes[scene_id], scene_id):
        other, _, rest = name.partition(".")
        target, dot, _ = rest.partition(".")
        if dot and other in story.roles and target in story.roles[other].scenes:
            deepest = max(deepest, 1 + _depth(story, rules, other, target, visiting))
    visiting.discard((role_id, scene_id))
    depths[(role_id, scene_id)] = deepest
    return deepest


def next_seat(story: Story, rules: Rules, positions: Mapping[str, str | None]) -> str | None:
    """The role whose scene comes first on the timeline, among roles still playing ({role: scene or None})."""
    waiting = [(scene_key(story, rules, role, scene), role) for role, scene in positions.items()
               if scene is not None and scene in story.roles[role].scenes]
    return min(waiting)[1] if waiting else None


# --- the record: every role's historical path, played together --------------------------------


@dataclass
class RecordMove:
    """One choice of the record: which role, where, what, and the role's variables after it."""

    role: str
    scene: str
    choice: str
    key: tuple
    variables: dict


@dataclass
class Record:
    """Every role's historical path played together in time order (the `record: actual` choices)."""

    moves: list[RecordMove] = field(default_factory=list)
    initial: dict = field(default_factory=dict)  # role -> variables at the start
    _index: dict = field(default_factory=dict, repr=False)  # role -> (keys, snapshots)

    def view(self, role: str, before: tuple) -> tuple[dict, list]:
        """A role's (variables, path of (scene, choice)) in the record before a point of the timeline."""
        index = self._index.get(role)
        if index is None:
            keys, snapshots, path, variables = [], [], [], dict(self.initial[role])
            for move in self.moves:
                if move.role == role:
                    path = [*path, _Taken(move.scene, move.choice)]
                    variables = move.variables
                    keys.append(move.key)
                    snapshots.append((variables, path))
            index = self._index[role] = (keys, snapshots)
        keys, snapshots = index
        at = bisect_left(keys, before)
        return snapshots[at - 1] if at else (dict(self.initial[role]), [])


@dataclass(frozen=True)
class _Taken:
    scene: str
    choice: str


def record_of(story: Story, rules: Rules) -> Record:
    """The record of a story, played once per load and kept with its rules."""
    record = rules.derived.get("record")
    if record is None:
        record = rules.derived["record"] = _play_record(story, rules)
    return record


def _play_record(story: Story, rules: Rules) -> Record:
    """Play every role's `record: actual` choice (the first open choice elsewhere), seats in time order."""
    record = Record(initial={r.id: r.initial_variables() for r in story.roles.values()})
    seats = {r.id: (r.start, r.initial_variables(), []) for r in story.roles.values()}
    for _ in range(MAX_RECORD_STEPS):
        positions = {role: (scene if scene in story.roles[role].scenes and not story.roles[role].scenes[scene].is_ending
                            else None) for role, (scene, _, _) in seats.items()}
        role_id = next_seat(story, rules, positions)
        if role_id is None:
            break
        scene_id, own, path = seats[role_id]
        scene = story.roles[role_id].scenes[scene_id]
        names = foreign_reads(rules, role_id)
        values = {**own, **live_values(names, {r: (s[1], s[2]) for r, s in seats.items()})} if names else own
        open_now = [c for c in scene.choices if rules.of(role_id, scene_id, c.id).is_open(values)]
        actual = next((c for c in scene.choices if c.record == "actual"), None)
        chosen = actual if actual is not None and actual in open_now else (open_now[0] if open_now else None)
        if chosen is None:
            seats[role_id] = (None, own, path)  # stuck: lint reports the dead end; the record stops this role
            continue
        after = rules.of(role_id, scene_id, chosen.id).effects.apply(values)
        after = {name: after[name] for name in own}
        record.moves.append(RecordMove(role_id, scene_id, chosen.id, scene_key(story, rules, role_id, scene_id), after))
        seats[role_id] = (chosen.goto, after, [*path, _Taken(scene_id, chosen.id)])
    return record


def record_values(story: Story, rules: Rules, role_id: str, scene_id: str, names: Iterable[str]) -> dict:
    """The other roles' values a scene reads when its role is played alone: the record's at that moment."""
    record = record_of(story, rules)
    before = scene_key(story, rules, role_id, scene_id)
    values = {}
    for name in names:
        role, _, rest = name.partition(".")
        variables, path = record.view(role, before)
        values[name] = value_of(rest, variables, path)
    return values
