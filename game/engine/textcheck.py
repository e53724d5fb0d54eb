"""Every text of a parsed file checked for control characters, each reported at its place (E110)."""

from __future__ import annotations

from typing import Any, Iterator

from .controlchars import CONTROL, escape_controls, first_control, name_of
from .errors import Problem, error


def control_character_problems(document) -> list[Problem]:
    """E110 for each key or text value of a YamlDocument that holds a control character.

    YAML refuses raw control characters in a file, so they only arrive through escapes in
    double-quoted text ("\\e[2J", "\\0", "\\x1b"): a file with no backslash is skipped unread.
    """
    if not document.may_hold_escapes:
        return []
    problems = []
    for path, text, is_key in _texts(document.data, ()):
        at = first_control(text)
        if at < 0:
            continue
        where = document.locate(path, key=is_key)
        shown = escape_controls(text[max(0, at - 10):at + 10])
        problems.append(error(
            "E110", where, f"text holds the control character {name_of(text[at])} near '{shown}'",
            "remove it: terminals act on control characters (\\e[2J clears the screen); write plain text"))
    return sorted(problems, key=lambda p: (p.location.line, p.location.column))


def _texts(node: Any, path: tuple) -> Iterator[tuple[tuple, str, bool]]:
    """(data path, text, is it a key) for every string in the data, iteratively (the data may be deep)."""
    stack = [(node, path)]
    while stack:
        value, here = stack.pop()
        if isinstance(value, str):
            if CONTROL.search(value):
                yield here, value, False
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and CONTROL.search(key):
                    yield here + (key,), key, True
                stack.append((item, here + (key,)))
        elif isinstance(value, list):
            stack.extend((item, here + (index,)) for index, item in enumerate(value))
