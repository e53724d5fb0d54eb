"""Which of a role's variables can still matter at each scene, so the state search can forget the rest.

A variable matters at a scene (is *live*) when some condition or effect from there on may read it
before an effect overwrites it. Two states at one scene that differ only in variables that do not
matter there open the same choices, lead to scenes where the same variables matter, and so have the
same future: lint's search keeps one of them. A variable also matters where an effect may drive a
number past its range (W310 reports the value before clamping), unless an interval of every value
the number can hold there shows that the effect stays in range.
"""

from __future__ import annotations

import ast
import math

from game.engine import LoadedStory

INF = math.inf
#: Updates of one scene's intervals before they are widened to the variables' whole ranges (loops).
WIDEN_AFTER = 4
_LITERALS = {"true", "false", "True", "False"}


def live_variables(story: LoadedStory, role_id: str, keep: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """Per scene, the variables (in declaration order) that may still change what happens from there.

    `keep` names variables that matter everywhere (the ensemble search reports every value of the
    ones other roles read).
    """
    role = story.roles[role_id]
    names = tuple(role.variables)
    steps = _choices(story, role_id)
    risky = _may_leave_range(story, role_id, steps)
    live: dict[str, set[str]] = {scene_id: set(keep) for scene_id in role.scenes}
    changed = True
    while changed:  # backwards to a fixed point; sets only grow, so this ends
        changed = False
        for scene_id, choices in steps.items():
            needed = set(keep)
            for number, (reads, assignments, effect_reads, goto) in enumerate(choices):
                needed |= reads
                if (scene_id, number) in risky:
                    needed |= effect_reads
                after = set(live[goto]) if goto is not None else set()
                for target, _, used in reversed(assignments):
                    if target in after:
                        after.discard(target)
                        after |= used
                needed |= after
            needed &= set(names)  # other roles' names are not part of this role's state
            if needed != live[scene_id]:
                live[scene_id] = needed
                changed = True
    return {scene_id: tuple(n for n in names if n in found) for scene_id, found in live.items()}


def choices_in_range(story: LoadedStory, role_id: str) -> frozenset[tuple[str, str]]:
    """(scene, choice) pairs whose effects can never drive a number past its range (nothing for W310 to see)."""
    role = story.roles[role_id]
    risky = _may_leave_range(story, role_id, _choices(story, role_id))
    return frozenset((scene_id, choice.id) for scene_id, scene in role.scenes.items()
                     for number, choice in enumerate(scene.choices) if (scene_id, number) not in risky)


def _choices(story: LoadedStory, role_id: str) -> dict[str, list]:
    """Per scene, each choice's condition reads, assignments (target, expression, reads), effect reads, goto."""
    role = story.roles[role_id]
    found = {}
    for scene_id, scene in role.scenes.items():
        found[scene_id] = []
        for choice in scene.choices:
            compiled = story.rules.of(role_id, scene_id, choice.id)
            reads = set(compiled.condition.reads) if compiled.condition is not None else set()
            effects = compiled.effects
            assignments = _assignments(effects.source) if effects.assignments else []
            goto = choice.goto if choice.goto in role.scenes else None
            found[scene_id].append((reads, assignments, set(effects.reads), goto))
    return found


def _assignments(source: str) -> list[tuple[str, ast.expr, set[str]]]:
    """Each assignment of a compiled (so valid) effect: target, value expression, names the value reads."""
    flat = source.replace("\r", " ").replace("\n", " ").replace("\t", " ").strip()
    found = []
    for statement in ast.parse(flat, mode="exec").body:
        if isinstance(statement, ast.AugAssign):
            target = statement.target.id
            value: ast.expr = ast.BinOp(ast.Name(target, ast.Load()), statement.op, statement.value)
        else:
            target, value = statement.targets[0].id, statement.value
        found.append((target, value, _names(value)))
    return found


def _names(node: ast.AST) -> set[str]:
    """Every variable name an expression reads (dotted names of other roles included)."""
    names = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute):
            names.add(ast.unparse(part))
        elif isinstance(part, ast.Name) and part.id not in _LITERALS:
            names.add(part.id)
    return names


def _may_leave_range(story: LoadedStory, role_id: str, steps: dict[str, list]) -> set[tuple[str, int]]:
    """(scene, choice number) of effects that might drive a number past its range in some playthrough.

    Intervals of each number at each scene, from the start along every choice whatever its
    condition (so a superset of what play reaches), widened to the whole range in loops.
    """
    role = story.roles[role_id]
    bounds = {n: v.bounds for n, v in role.variables.items() if v.type == "int"}
    initial = role.initial_variables()
    entry: dict[str, dict | None] = {scene_id: None for scene_id in role.scenes}
    if role.start not in entry:
        return set()
    entry[role.start] = {n: (initial[n], initial[n]) for n in bounds}
    updates: dict[str, int] = {}
    risky: set[tuple[str, int]] = set()
    work = [role.start]
    while work:
        scene_id = work.pop()
        for number, (_, assignments, _, goto) in enumerate(steps[scene_id]):
            current = dict(entry[scene_id])
            for target, value, _ in assignments:
                if target not in bounds:
                    continue  # true/false values have no range
                low, high = _interval(value, current)
                floor, ceiling = bounds[target]
                if low < floor or high > ceiling:
                    risky.add((scene_id, number))
                current[target] = (min(max(low, floor), ceiling), max(min(high, ceiling), floor))
            if goto is None:
                continue
            before = entry[goto]
            joined = current if before is None else {
                n: (min(before[n][0], current[n][0]), max(before[n][1], current[n][1])) for n in bounds}
            if joined != before:
                updates[goto] = updates.get(goto, 0) + 1
                if before is not None and updates[goto] > WIDEN_AFTER:
                    joined = {n: (joined[n][0] if joined[n][0] >= before[n][0] else bounds[n][0],
                                  joined[n][1] if joined[n][1] <= before[n][1] else bounds[n][1]) for n in bounds}
                entry[goto] = joined
                work.append(goto)
    return risky


def _interval(node: ast.expr, values: dict) -> tuple[float, float]:
    """The lowest and highest value a number expression can take (unbounded when unsure)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return int(node.value), int(node.value)
    if isinstance(node, ast.Name):
        return values.get(node.id, (-INF, INF))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        low, high = _interval(node.operand, values)
        return (-high, -low) if isinstance(node.op, ast.USub) else (low, high)
    if isinstance(node, ast.BinOp):
        (a, b), (c, d) = _interval(node.left, values), _interval(node.right, values)
        if isinstance(node.op, ast.Add):
            return a + c, b + d
        if isinstance(node.op, ast.Sub):
            return a - d, b - c
        if isinstance(node.op, ast.Mult) and not any(math.isinf(x) for x in (a, b, c, d)):
            products = [a * c, a * d, b * c, b * d]
            return min(products), max(products)
    return -INF, INF
