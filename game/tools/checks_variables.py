"""Checks on how variables are used: set but never read, read but never set, declared but unused."""

from __future__ import annotations

import ast

from game.engine import ExpressionError, LoadedStory, Problem, Role, compile_effects, foreign_reads, warning


def check_variable_use(story: LoadedStory) -> list[Problem]:
    """W307 set but never read, W308 read but never set, W309 declared but never used."""
    problems = []
    # A variable another role's links read ('pilot.nerve') matters to play even if its own role never reads it.
    linked = {name for other in story.roles for name in foreign_reads(story.rules, other)}
    for role in story.roles.values():
        reads, writes = variable_use(story, role)
        reads |= {name.split(".", 1)[1] for name in linked if name.startswith(role.id + ".") and name.count(".") == 1}
        for name, var in role.variables.items():
            where = story.locate(role.id, "variables", name)
            if name in writes and name not in reads:
                shown = " It is shown as a gauge, but" if var.visible else " It is hidden, and"
                problems.append(warning(
                    "W307", where, f"variable '{name}' is set but never read.{shown} no condition or other "
                    "variable depends on it, so it never changes what the player can do",
                    f"use it in an 'if:' (such as '{name} > 20'), or remove it"))
            elif name in reads and name not in writes:
                problems.append(warning(
                    "W308", where, f"variable '{name}' is read but never set: it always holds its starting value "
                    f"{_show(var.initial)}", f"change it with 'set:' on some choice, or replace it with that value"))
            elif name not in reads and name not in writes:
                problems.append(warning("W309", where, f"variable '{name}' is declared but never used",
                                        "remove it from role.yaml, or use it in 'if:' and 'set:'"))
    return problems


def variable_use(story: LoadedStory, role: Role) -> tuple[set[str], set[str]]:
    """The variables a role's conditions and effects read, and those its effects write.

    A variable's own `fuel -= 10` does not count as reading fuel: only a condition, or an
    effect on another variable, makes a value matter to play.
    """
    types = {name: var.type for name, var in role.variables.items()}
    reads: set[str] = set()
    writes: set[str] = set()
    by_text: dict = {}  # writers repeat effects across choices: each text is taken apart once
    for scene_id, scene in role.scenes.items():
        for choice in scene.choices:
            compiled = story.rules.of(role.id, scene_id, choice.id)
            if compiled.condition is not None:
                reads |= compiled.condition.reads
            if choice.effects is None:
                continue
            key = choice.effects if isinstance(choice.effects, str) else tuple(choice.effects)
            use = by_text.get(key)
            if use is None:
                use = by_text[key] = _effect_use(choice.effects, types)
            reads |= use[0]
            writes |= use[1]
    return reads, writes


def _effect_use(effects: str | list[str], types: dict) -> tuple[frozenset[str], frozenset[str]]:
    """What one `set:` block reads (beyond each assignment's own target) and writes."""
    reads: set[str] = set()
    writes: set[str] = set()
    for statement in _statements(effects):
        try:
            effect = compile_effects(statement, types)
        except ExpressionError:
            continue  # already reported by the loader (E20x)
        writes |= effect.writes
        reads |= effect.reads - effect.writes
    return frozenset(reads), frozenset(writes)


def _statements(effects: str | list[str] | None) -> list[str]:
    """Each assignment of a `set:` block as its own text."""
    if effects is None:
        return []
    parts = [effects] if isinstance(effects, str) else list(effects)
    statements = []
    for part in parts:
        try:
            tree = ast.parse(part.replace("\n", " ").strip())
        except SyntaxError:
            continue
        statements.extend(ast.unparse(node) for node in tree.body)
    return statements


def _show(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
