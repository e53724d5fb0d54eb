"""The small `if:` / `set:` language: parsed once into closures, names checked up front, never eval()."""

from __future__ import annotations

import ast
import re
import operator
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .errors import did_you_mean

MAX_LENGTH = 400  # long enough for any real condition; keeps the parser far from its recursion limits

Values = Mapping[str, "int | bool"]
Evaluator = Callable[[Values], "int | bool"]

_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**"}
_LITERAL_NAMES = {"true": True, "false": False, "True": True, "False": False}


class ExpressionError(Exception):
    """A condition or effect that cannot be compiled; `column` counts from 0 within the text."""

    def __init__(self, code: str, message: str, column: int = 0, hint: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.column = column
        self.hint = hint
        self.part: int | None = None  # for an effect written as a list: the item at fault

    def within(self, shift: int, part: int | None = None) -> "ExpressionError":
        """The same error with its column moved past stripped leading blanks (and, in a list, its item)."""
        moved = ExpressionError(self.code, self.message, self.column + shift, self.hint)
        moved.part = part
        return moved


#: Operators from other languages, what to write instead, and in which kind of expression they are wrong.
_FOREIGN = [
    (re.compile(r"&&"), "&&", "and", ("condition", "effect")),
    (re.compile(r"\|\|"), "||", "or", ("condition", "effect")),
    (re.compile(r"==="), "===", "==", ("condition", "effect")),
    (re.compile(r"!=="), "!==", "!=", ("condition", "effect")),
    (re.compile(r"=>"), "=>", ">=", ("condition", "effect")),
    (re.compile(r"=<"), "=<", "<=", ("condition", "effect")),
    (re.compile(r"!(?!=)"), "!", "not", ("condition", "effect")),
    (re.compile(r"(?<![<>!=])=(?!=)"), "=", "==", ("condition",)),
]


def _foreign_operator(text: str, what: str) -> ExpressionError | None:
    """The first operator borrowed from another language, as an error saying what to write instead."""
    found = [(m.start(), symbol, instead) for pattern, symbol, instead, kinds in _FOREIGN if what in kinds
             for m in [pattern.search(text)] if m is not None]
    if not found:
        return None
    column, _, symbol, instead = min((c, -len(sym), sym, ins) for c, sym, ins in found)  # the longest at a place
    return ExpressionError("E201", f"use '{instead}' instead of '{symbol}'", column,
                           f"conditions and effects are written with 'and', 'or', 'not', '==', '!=', '<', '<=', "
                           f"'>', '>='{', and effects assign with =' if what == 'effect' else ''}")


@dataclass(frozen=True)
class Condition:
    """A compiled `if:` expression: call it with the variables to get True or False."""

    source: str
    reads: frozenset[str]
    _evaluate: Evaluator = field(repr=False)

    def __call__(self, values: Values) -> bool:
        return bool(self._evaluate(values))


@dataclass(frozen=True)
class Assignment:
    """One `name = expr` (or `+=`, `-=`, `*=`) of an effect."""

    target: str
    evaluate: Evaluator = field(repr=False)


@dataclass(frozen=True)
class Effects:
    """A compiled `set:` block: apply it to the variables to get the new ones."""

    source: str
    assignments: tuple[Assignment, ...]
    reads: frozenset[str]
    writes: frozenset[str]
    bounds: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict, repr=False)

    def apply_unclamped(self, values: Values) -> dict:
        """The variables after the assignments, each assigned one as computed before its range is enforced.

        Later assignments read the clamped values, as play does: a value never feeds on an
        unclamped one, so `x = x * x; x = x * x` stays a small number (for range checks).
        """
        result = dict(values)
        raw = {}
        for assignment in self.assignments:
            value = assignment.evaluate(result)
            raw[assignment.target] = value
            result[assignment.target] = self._clamped(assignment.target, value)
        result.update(raw)
        return result

    def __post_init__(self) -> None:
        # each assignment with its range, looked up once here rather than on every apply
        steps = tuple((a.target, a.evaluate, *self.bounds.get(a.target, (None, None))) for a in self.assignments)
        object.__setattr__(self, "_steps", steps)

    def apply(self, values: Values) -> dict:
        """The variables after the assignments; each int is clamped to its range as it is assigned."""
        result = dict(values)
        for target, evaluate, low, high in self._steps:  # lint's search and play call this a lot
            value = evaluate(result)
            if value.__class__ is int:
                if low is not None and value < low:
                    value = low
                elif high is not None and value > high:
                    value = high
            result[target] = value
        return result

    def _clamped(self, target: str, value):
        """An int value within the target's range (true/false values pass unchanged)."""
        if isinstance(value, bool):
            return value
        low, high = self.bounds.get(target, (None, None))
        if low is not None and value < low:
            return low
        if high is not None and value > high:
            return high
        return value


NO_EFFECTS = Effects("", (), frozenset(), frozenset())


def compile_condition(source: str, types: Mapping[str, str]) -> Condition:
    """Compile an `if:` expression over variables of the given types ('int' or 'bool')."""
    lead = _leading_blanks(source)
    try:
        tree = _parse(source, "eval")
        reads: set[str] = set()
        evaluate, kind = _compile(tree.body, types, reads)
        if kind != "bool":
            raise ExpressionError(
                "E203",
                f"'{source.strip()}' is a number, not true or false",
                tree.body.col_offset,
                "compare it with something, such as 'fuel > 20'",
            )
    except ExpressionError as exc:
        raise exc.within(lead) from None
    return Condition(source, frozenset(reads), evaluate)


def _leading_blanks(source) -> int:
    """How many characters _parse strips from the front, so columns can point into the text as written."""
    return len(source) - len(source.lstrip()) if isinstance(source, str) else 0


def compile_effects(
    source: str | list[str], types: Mapping[str, str], bounds: Mapping[str, tuple[int | None, int | None]] | None = None
) -> Effects:
    """Compile a `set:` block (one string with ';' between assignments, or a list of them)."""
    parts = [source] if isinstance(source, str) else list(source)
    assignments: list[Assignment] = []
    reads: set[str] = set()
    writes: set[str] = set()
    for index, part in enumerate(parts):
        try:
            tree = _parse(part, "exec")
            if not tree.body:
                raise ExpressionError("E201", "the effect is empty", 0, "write an assignment such as 'fuel = fuel - 10'")
            for statement in tree.body:
                assignments.append(_compile_assignment(statement, types, reads, writes))
        except ExpressionError as exc:
            raise exc.within(_leading_blanks(part), None if isinstance(source, str) else index) from None
    text = "; ".join(parts)
    return Effects(text, tuple(assignments), frozenset(reads), frozenset(writes), dict(bounds or {}))


def _parse(source: str, mode: str) -> ast.AST:
    """Parse with Python's own parser, turning all of its failures into ExpressionError."""
    if not isinstance(source, str):
        raise ExpressionError("E201", "an expression must be text", 0)
    if len(source) > MAX_LENGTH:
        raise ExpressionError("E201", f"the expression is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    flat = source.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if mode == "eval" and not flat.strip():
        raise ExpressionError("E201", "the condition is empty", 0, "write a test such as 'fuel > 20', or remove 'if:'")
    try:
        return ast.parse(flat.strip() if mode == "eval" else flat.strip(), mode=mode)
    except SyntaxError as exc:
        borrowed = _foreign_operator(flat.strip(), "condition" if mode == "eval" else "effect")
        if borrowed is not None:
            raise borrowed from None
        column = max((exc.offset or 1) - 1, 0)
        reason = (exc.msg or "invalid syntax").replace("Perhaps you forgot a comma?", "").strip()
        raise ExpressionError(
            "E201", f"'{source.strip()}' is not a valid expression ({reason})", column,
            "use names, numbers, true/false, + - *, comparisons and 'and', 'or', 'not'",
        ) from None
    except (ValueError, RecursionError, MemoryError, OverflowError):
        raise ExpressionError("E201", f"'{source.strip()[:40]}' is not a valid expression", 0) from None


def _compile_assignment(statement: ast.stmt, types, reads: set, writes: set) -> Assignment:
    """One statement of an effect: only plain or augmented assignment to a declared variable."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        target = _check_target(statement.targets[0], types)
        value, kind = _compile(statement.value, types, reads)
        _check_same_type(target, types[target], kind, statement.value)
        writes.add(target)
        return Assignment(target, value)
    if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
        target = _check_target(statement.target, types)
        op = _ARITHMETIC.get(type(statement.op))
        if op is None or types[target] != "int":
            raise ExpressionError(
                "E203", f"'{target} {_SYMBOL.get(type(statement.op), '?')}=' needs a number variable and +, - or *",
                statement.col_offset,
            )
        value, kind = _compile(statement.value, types, reads)
        _check_same_type(target, "int", kind, statement.value)
        reads.add(target)
        writes.add(target)
        if hasattr(value, "constant"):  # fuel -= 15: the number is read once, here
            return Assignment(target, lambda v, t=target, o=op, c=value.constant: o(v[t], c))
        return Assignment(target, lambda v, t=target, o=op, f=value: o(v[t], f(v)))
    if isinstance(statement, (ast.Assign, ast.AugAssign)) and isinstance(
            getattr(statement, "target", None) or statement.targets[0], ast.Attribute):
        raise ExpressionError("E204", "an effect can only change this role's own variables",
                              getattr(statement, "col_offset", 0),
                              "another role's values may be read ('pilot.nerve'), never set")
    raise ExpressionError(
        "E204", "an effect can only assign to a variable", getattr(statement, "col_offset", 0),
        "write 'name = expression', 'name += number' or 'name -= number', separated by ';'",
    )


def _dotted(node: ast.AST) -> str | None:
    """'police.cordon.police_only' for a chain of names joined by dots, or None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def _unknown_reference(dotted: str, types: Mapping[str, str], column: int) -> ExpressionError:
    """The error for a cross-role name that names no role, or nothing in that role (with 'Did you mean')."""
    role, _, rest = dotted.partition(".")
    roles = {name.split(".", 1)[0] for name in types if "." in name}
    if role in types:
        return ExpressionError("E201", f"'{dotted}' is not allowed: '{role}' is a variable, and only another role's "
                               "values are named with dots", column, "write the variable's name alone")
    if role not in roles:
        return ExpressionError("E205", f"unknown role '{role}' in '{dotted}'", column,
                               did_you_mean(role, roles) or (f"another role is named by its id: {', '.join(sorted(roles))}"
                                                             if roles else "this story has no other role to name"))
    own = [name.split(".", 1)[1] for name in types if name.startswith(role + ".")]
    kind = "choice" if "." in rest else "variable"
    return ExpressionError("E202", f"role '{role}' has no {kind} '{rest}' (in '{dotted}')", column,
                           did_you_mean(rest, own) or f"name one of {role}'s variables ('{role}.NAME') or a "
                           f"scene and choice ('{role}.SCENE.CHOICE')")


def _check_target(node: ast.Name, types) -> str:
    """The assigned name, which must be a declared variable."""
    if node.id not in types:
        raise ExpressionError("E202", f"effect sets undefined variable '{node.id}'", node.col_offset,
                              did_you_mean(node.id, types) or "declare it under 'variables:' in the role's role.yaml")
    return node.id


def _check_same_type(target: str, expected: str, actual: str, node: ast.AST) -> None:
    """Refuse to assign a number to a true/false variable or the other way round."""
    if expected != actual:
        raise ExpressionError("E203", f"'{target}' is {_describe(expected)} but is given {_describe(actual)}",
                              getattr(node, "col_offset", 0))


def _describe(kind: str) -> str:
    return "a number" if kind == "int" else "true/false"


def _compile(node: ast.AST, types: Mapping[str, str], reads: set) -> tuple[Evaluator, str]:
    """Turn one syntax-tree node into a closure and its type ('int' or 'bool')."""
    column = getattr(node, "col_offset", 0)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            return _constant(node.value), "bool"
        if isinstance(node.value, int):
            return _constant(node.value), "int"
        raise ExpressionError("E201", f"{node.value!r} is not allowed here: only whole numbers and true/false", column)
    if isinstance(node, ast.Name):
        if node.id in _LITERAL_NAMES and node.id not in types:
            return _constant(_LITERAL_NAMES[node.id]), "bool"
        if node.id not in types:
            raise ExpressionError("E202", f"undefined variable '{node.id}'", column,
                                  did_you_mean(node.id, types) or "declare it under 'variables:' in the role's role.yaml")
        reads.add(node.id)
        return operator.itemgetter(node.id), types[node.id]  # v[name], without a Python frame
    if isinstance(node, ast.Attribute):
        dotted = _dotted(node)
        if dotted is None:
            raise ExpressionError("E201", "only another role's variable ('pilot.nerve') or choice "
                                  "('police.cordon.police_only') can be named with dots", column)
        if dotted not in types:
            raise _unknown_reference(dotted, types, column)
        reads.add(dotted)
        return operator.itemgetter(dotted), types[dotted]
    if isinstance(node, ast.UnaryOp):
        operand, kind = _compile(node.operand, types, reads)
        if isinstance(node.op, ast.Not):
            _expect(kind, "bool", "'not'", column)
            return (lambda v, f=operand: not f(v)), "bool"
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            _expect(kind, "int", "'-'", column)
            sign = -1 if isinstance(node.op, ast.USub) else 1
            return (lambda v, f=operand, s=sign: s * f(v)), "int"
    if isinstance(node, ast.BoolOp):
        parts = [_compile(value, types, reads) for value in node.values]
        word = "and" if isinstance(node.op, ast.And) else "or"
        for (_, kind), value in zip(parts, node.values):
            _expect(kind, "bool", f"'{word}'", getattr(value, "col_offset", column))
        # folded pairwise, left to right: short-circuits like the expression, one frame per operand
        combined = parts[0][0]
        for following, _ in parts[1:]:
            if word == "and":
                combined = lambda v, a=combined, b=following: a(v) and b(v)  # noqa: E731
            else:
                combined = lambda v, a=combined, b=following: a(v) or b(v)  # noqa: E731
        return combined, "bool"
    if isinstance(node, ast.BinOp):
        op = _ARITHMETIC.get(type(node.op))
        if op is None:
            raise ExpressionError("E201", f"'{_SYMBOL.get(type(node.op), '?')}' is not allowed: use +, - or *", column)
        left, left_kind = _compile(node.left, types, reads)
        right, right_kind = _compile(node.right, types, reads)
        _expect(left_kind, "int", "arithmetic", column)
        _expect(right_kind, "int", "arithmetic", column)
        if hasattr(right, "constant"):
            return (lambda v, o=op, a=left, c=right.constant: o(a(v), c)), "int"
        return (lambda v, o=op, a=left, b=right: o(a(v), b(v))), "int"
    if isinstance(node, ast.Compare):
        return _compile_compare(node, types, reads), "bool"
    raise ExpressionError(
        "E201", f"'{ast.unparse(node) if _unparsable(node) else type(node).__name__}' is not allowed here",
        column, "use names, numbers, true/false, + - *, comparisons and 'and', 'or', 'not'",
    )


def _constant(value: int | bool) -> Evaluator:
    """A literal's evaluator, marked with its value so a comparison with it can skip the call."""
    def evaluate(v, c=value):
        return c
    evaluate.constant = value
    return evaluate


def _compile_compare(node: ast.Compare, types, reads) -> Evaluator:
    """A comparison, possibly chained (0 < fuel <= 100)."""
    operands = [_compile(node.left, types, reads)] + [_compile(c, types, reads) for c in node.comparators]
    steps = []
    for index, op_node in enumerate(node.ops):
        op = _COMPARE.get(type(op_node))
        if op is None:
            raise ExpressionError("E201", "only ==, !=, <, <=, > and >= compare values", node.col_offset)
        (left, left_kind), (right, right_kind) = operands[index], operands[index + 1]
        if op in (operator.eq, operator.ne):
            if left_kind != right_kind:
                raise ExpressionError("E203", "cannot compare a number with true/false", node.col_offset)
        else:
            _expect(left_kind, "int", "'<' and '>'", node.col_offset)
            _expect(right_kind, "int", "'<' and '>'", node.col_offset)
        steps.append((op, left, right))
    if len(steps) == 1:  # the usual case: one comparison, with a constant side read once at compile time
        op, left, right = steps[0]
        if hasattr(right, "constant"):
            return lambda v, o=op, a=left, c=right.constant: o(a(v), c)
        return lambda v, o=op, a=left, b=right: o(a(v), b(v))
    chain = tuple(steps)
    return lambda v, c=chain: all(op(a(v), b(v)) for op, a, b in c)


def _expect(actual: str, expected: str, what: str, column: int) -> None:
    if actual != expected:
        raise ExpressionError("E203", f"{what} needs {_describe(expected)}, not {_describe(actual)}", column)


def _unparsable(node: ast.AST) -> bool:
    try:
        ast.unparse(node)
        return True
    except Exception:  # unparse of odd nodes can fail; the type name is enough then
        return False
