"""Whether lint's play search would find anything in a role, asked scene by scene over sets of values.

The play search (explore.py) records every reachable (scene, variables) state with the choices
between them and the shortest way in, so that a problem can be shown with the playthrough that
meets it. A role with no problem needs none of that. When a role's scenes never loop, the same
states can be found scene by scene, in an order where every scene comes after the scenes that
lead to it: the set of values reaching a scene is then complete before its choices are tried. Each
scene's choices run as one small Python function, written from the conditions and effects, over
that set.

The sweep answers only "clean or not". Clean means exactly what the search would report: every
linked scene and every ending is reached, no reached state is stuck, every choice is open
somewhere (or would be were another seat to depart, as the search allows), no effect drives a
number past its range, and the states are within the search's limit. Anything else, or anything
the sweep is not sure how to write, sends lint to the full search, so its findings never change.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter

from game.engine import LoadedStory, foreign_reads, record_values

from .explore import MAX_STATES, departures
from .liveness import _assignments, choices_in_range, live_variables


class _Unsure(Exception):
    """Something the sweep cannot write as plain Python: the full search decides instead."""


def finds_nothing(story: LoadedStory, role_id: str) -> bool:
    """True only when the full play search of the role (explore_projected) would report no problem."""
    role = story.roles.get(role_id)
    if role is None or role.start not in role.scenes:
        return False
    if any(c.goto not in role.scenes for scene in role.scenes.values() for c in scene.choices):
        return False  # a choice to an unknown scene (E103): the search reports around it
    order = scene_order(role)
    if order is None:
        return False  # choices go round in a loop, which may trap a player (E305): only the search can tell
    if any(scene.is_ending and scene_id not in order for scene_id, scene in role.scenes.items()):
        return False  # an ending no choice leads to (W303)
    try:
        return _sweep(story, role_id, order)
    except _Unsure:
        return False


def scene_order(role) -> list[str] | None:
    """The scenes the start leads to, each after every scene with a choice into it; None when choices loop."""
    graph: dict[str, set[str]] = {}
    stack = [role.start]
    while stack:
        scene_id = stack.pop()
        if scene_id not in graph:
            graph[scene_id] = {c.goto for c in role.scenes[scene_id].choices}
            stack.extend(graph[scene_id])
    predecessors: dict[str, set[str]] = {scene_id: set() for scene_id in graph}
    for scene_id, targets in graph.items():
        for target in targets:
            predecessors[target].add(scene_id)
    try:
        return list(TopologicalSorter(predecessors).static_order())
    except CycleError:
        return None


def _sweep(story: LoadedStory, role_id: str, order: list[str]) -> bool:
    """Carry the set of values reaching each scene through its choices, in order; False at the first problem."""
    role = story.roles[role_id]
    live = live_variables(story, role_id)
    foreign = foreign_reads(story.rules, role_id)
    record = {scene_id: record_values(story.story, story.rules, role_id, scene_id, foreign) if foreign else {}
              for scene_id in order}
    writer = _Writer(story, role_id, live, record, choices_in_range(story, role_id))
    scenes = writer.module(order)
    initial = role.initial_variables()
    reaching: dict[str, set] = {scene_id: set() for scene_id in order}
    reaching[role.start].add(tuple(initial[n] for n in live[role.start]))
    total = 0
    for scene_id in order:
        states = reaching[scene_id]
        total += len(states)
        if not states or total > MAX_STATES:
            return False  # a scene no playthrough reaches (W302, W303), or past the search's limit (W323)
        choices = role.scenes[scene_id].choices
        if not choices:
            continue
        opened = scenes[scene_id](states, *(reaching[c.goto].add for c in choices))
        if opened is None:
            return False  # a dead end (E304) or a number past its range (W310)
        for choice, was_open in zip(choices, opened):
            if not was_open and not _opened_by_departure(story, role_id, scene_id, choice, states, live, record):
                return False  # never open (W306)
        reaching[scene_id] = set()  # every choice out of it is done: free the memory
    return True


def _opened_by_departure(story, role_id, scene_id, choice, states, live, record) -> bool:
    """Whether a choice closed in every state would open were another seat to depart (explore.py's rule)."""
    test = story.rules.of(role_id, scene_id, choice.id).condition
    if test is None or not any("." in n for n in test.reads):
        return False
    alternatives = departures(record[scene_id])
    names = live[scene_id]
    return any(test({**dict(zip(names, values)), **extra}) for values in states for extra in alternatives)


class _Writer:
    """Python source for each scene's choices: conditions, effects, clamping and range checks, over sets."""

    def __init__(self, story: LoadedStory, role_id: str, live: dict, record: dict, in_range: frozenset):
        self.story = story
        self.role = story.roles[role_id]
        self.role_id = role_id
        self.live = live
        self.record = record
        self.in_range = in_range
        self.bounds = {n: v.bounds for n, v in self.role.variables.items() if v.type == "int"}

    def module(self, order: list[str]) -> dict:
        """Each scene's function, compiled together in one module."""
        lines: list[str] = []
        names = {}
        for number, scene_id in enumerate(order):
            if self.role.scenes[scene_id].choices:
                names[scene_id] = f"scene_{number}"
                lines.extend(self._scene(names[scene_id], scene_id))
        space: dict = {}
        exec(compile("\n".join(lines), f"<sweep of {self.role_id}>", "exec"), space)  # noqa: S102 - our own text
        return {scene_id: space[name] for scene_id, name in names.items()}

    def _scene(self, function: str, scene_id: str) -> list[str]:
        """def scene_N(states, add_0, ...): each state through each choice; None at a dead end or overflow."""
        scene = self.role.scenes[scene_id]
        kept = self.live[scene_id]
        local = {name: f"v{number}" for number, name in enumerate(kept)}
        adds = [f"add_{number}" for number in range(len(scene.choices))]
        flags = [f"o{number}" for number in range(len(scene.choices))]
        unpack = ", ".join(local.values()) + ("," if len(kept) == 1 else "")
        lines = [f"def {function}(states, {', '.join(adds)}):",
                 f"    {' = '.join(flags)} = False",
                 f"    for {unpack or '_'} in states:",
                 "        k = False"]
        for number, choice in enumerate(scene.choices):
            compiled = self.story.rules.of(self.role_id, scene_id, choice.id)
            body, after = self._effects(scene_id, choice, compiled.effects, local)
            body = [f"k = {flags[number]} = True", *body, f"{adds[number]}({self._key(choice.goto, after)})"]
            if compiled.condition is None:
                lines.extend("        " + line for line in body)
            else:
                lines.append(f"        if {self._expression(compiled.condition.source, local, scene_id)}:")
                lines.extend("            " + line for line in body)
        if not scene.is_ending:
            lines.append("        if not k: return None")
        lines.append(f"    return ({', '.join(flags)},)")
        return lines

    def _effects(self, scene_id: str, choice, effects, local: dict) -> tuple[list[str], dict]:
        """Statements for the assignments that matter (each int clamped, None returned past a watched
        range), and where each variable's value is found after them."""
        if not effects.assignments:
            return [], local
        local = dict(local)
        watched = set() if (scene_id, choice.id) in self.in_range else set(effects.writes) & set(self.bounds)
        steps = _assignments(effects.source)
        if len(steps) != len(effects.assignments):
            raise _Unsure("the effect's text and its compiled assignments differ")
        # Only assignments something later reads: the next scene's live variables or a range check.
        needed = set(self.live[choice.goto]) | watched
        wanted = []
        for target, _, reads in reversed(steps):
            wanted.append(target in needed)
            if target in needed:
                needed.discard(target)
                needed |= reads
        wanted.reverse()
        last = {target: number for number, (target, _, _) in enumerate(steps)}
        lines = []
        for number, (target, value, _) in enumerate(steps):
            if not wanted[number]:
                continue
            name = f"t{number}"
            lines.append(f"{name} = {self._emit(value, local, scene_id)}")
            low, high = effects.bounds.get(target, (None, None))
            if self.role.variables[target].type == "int":
                if target in watched and last[target] == number:
                    if (low, high) != self.bounds[target]:
                        raise _Unsure("the effect clamps to other bounds than the variable declares")
                    for bound, test in ((low, "<"), (high, ">")):
                        if bound is not None:
                            lines.append(f"if {name} {test} {bound!r}: return None")
                else:
                    if low is not None:
                        lines.append(f"if {name} < {low!r}: {name} = {low!r}")
                    if high is not None:
                        lines.append(f"if {name} > {high!r}: {name} = {high!r}")
            local[target] = name
        return lines, local

    def _key(self, goto: str, after: dict) -> str:
        """The tuple of the next scene's live variables, after the effects."""
        parts = []
        for name in self.live[goto]:
            if name not in after:
                raise _Unsure(f"'{name}' matters at '{goto}' but is not known here")
            parts.append(after[name])
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"

    def _expression(self, source: str, local: dict, scene_id: str) -> str:
        flat = source.replace("\r", " ").replace("\n", " ").replace("\t", " ").strip()
        return self._emit(ast.parse(flat, mode="eval").body, local, scene_id)

    def _emit(self, node: ast.AST, local: dict, scene_id: str) -> str:
        """Python text for a compiled (so checked) expression, with other roles' values as constants."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int)):
            return repr(node.value)
        if isinstance(node, ast.Name):
            if node.id in local:
                return local[node.id]
            if node.id in ("true", "True", "false", "False") and node.id not in self.role.variables:
                return repr(node.id in ("true", "True"))
            raise _Unsure(f"'{node.id}' is read where it does not matter")
        if isinstance(node, ast.Attribute):
            dotted = ast.unparse(node)
            if dotted not in self.record[scene_id]:
                raise _Unsure(f"no recorded value for '{dotted}'")
            value = self.record[scene_id][dotted]
            if value.__class__ not in (bool, int):
                raise _Unsure(f"'{dotted}' is neither a number nor true/false")
            return repr(value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)):
            sign = {ast.Not: "not ", ast.USub: "-", ast.UAdd: "+"}[type(node.op)]
            return f"({sign}{self._emit(node.operand, local, scene_id)})"
        if isinstance(node, ast.BoolOp):
            word = " and " if isinstance(node.op, ast.And) else " or "
            return "(" + word.join(self._emit(value, local, scene_id) for value in node.values) + ")"
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            left, right = self._emit(node.left, local, scene_id), self._emit(node.right, local, scene_id)
            return f"({left} {_ARITHMETIC[type(node.op)]} {right})"
        if isinstance(node, ast.Compare) and all(type(op) in _COMPARE for op in node.ops):
            parts = [self._emit(node.left, local, scene_id)]
            for op, right in zip(node.ops, node.comparators):
                parts.extend([_COMPARE[type(op)], self._emit(right, local, scene_id)])
            return "(" + " ".join(parts) + ")"
        raise _Unsure(f"'{type(node).__name__}' is not part of the condition language")


_ARITHMETIC = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
