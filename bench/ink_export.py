"""Convert one role of a Foxbat story to ink source, so inkjs can play the same story in the speed bench.

A knot per scene (its text, then its choices), each choice's `if:` as an ink condition and its
`set:` as ink variable assignments, with ints clamped to their declared range as the engine does.
The choice's printed text is its id, so a trace of choice ids replays identically in both.
Usage: python bench/ink_export.py STORY_FOLDER ROLE OUT.ink
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_ARITHMETIC = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_AUGMENTED = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_INK_SPECIAL = set("{}[]#|~<>-/\\*+=:")


def ink_expression(node: ast.AST) -> str:
    """One expression of the engine's `if:`/`set:` language (a Python AST) as fully bracketed ink."""
    if isinstance(node, ast.BoolOp):
        joiner = " and " if isinstance(node.op, ast.And) else " or "
        return "(" + joiner.join(ink_expression(v) for v in node.values) + ")"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return f"(not {ink_expression(node.operand)})"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return f"(-{ink_expression(node.operand)})"
    if isinstance(node, ast.Compare):
        parts, left = [], node.left
        for op, right in zip(node.ops, node.comparators):  # a < b < c is (a < b) and (b < c)
            parts.append(f"({ink_expression(left)} {_COMPARE[type(op)]} {ink_expression(right)})")
            left = right
        return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"
    if isinstance(node, ast.BinOp):
        return f"({ink_expression(node.left)} {_ARITHMETIC[type(node.op)]} {ink_expression(node.right)})"
    if isinstance(node, ast.Name):
        return {"true": "true", "True": "true", "false": "false", "False": "false"}.get(node.id, node.id)
    if isinstance(node, ast.Constant):
        return str(node.value).lower() if isinstance(node.value, bool) else str(node.value)
    raise ValueError(f"cannot convert {ast.dump(node)} to ink")


def ink_condition(source: str) -> str:
    """An `if:` as an ink condition."""
    return ink_expression(ast.parse(" ".join(source.split()), mode="eval").body)


def ink_assignments(source: str | list[str], variables: dict) -> list[str]:
    """A `set:` as ink `~` lines, each int clamped into its declared range like the engine's effects."""
    parts = [source] if isinstance(source, str) else list(source)
    lines = []
    for part in parts:
        for statement in ast.parse(" ".join(part.split())).body:
            if isinstance(statement, ast.AugAssign):
                target = statement.target.id
                value = f"({target} {_AUGMENTED[type(statement.op)]} {ink_expression(statement.value)})"
            else:
                target = statement.targets[0].id
                value = ink_expression(statement.value)
            var = variables[target]
            if var.type == "int" and var.min is not None:
                value = f"MAX({value}, {var.min})"
            if var.type == "int" and var.max is not None:
                value = f"MIN({value}, {var.max})"
            lines.append(f"~ {target} = {value}")
    return lines


def ink_text(text: str) -> str:
    """Scene text on one ink line, its markup characters escaped."""
    return "".join("\\" + c if c in _INK_SPECIAL else c for c in " ".join(text.split()))


def export_role(story, role_id: str) -> str:
    """The ink source of one role: variables, a divert to its start, and a knot per scene."""
    role = story.roles[role_id]
    lines = [f"VAR {name} = {str(var.initial).lower()}" for name, var in role.variables.items()]
    lines.append(f"-> {role.start}")
    for scene_id, scene in role.scenes.items():
        lines += ["", f"=== {scene_id} ===", ink_text(scene.text)]
        if scene.is_ending:
            lines.append("-> END")
            continue
        for choice in scene.choices:
            condition = f"{{{ink_condition(choice.condition)}}} " if choice.condition else ""
            lines.append(f"+ {condition}[{choice.id}]")
            if choice.effects:
                lines += ["  " + line for line in ink_assignments(choice.effects, role.variables)]
            lines.append(f"  -> {choice.goto}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from game.engine import load_story

    Path(sys.argv[3]).write_text(export_role(load_story(sys.argv[1]).story, sys.argv[2]), encoding="utf-8")
