"""Control characters (ANSI escapes, NUL, other C0/C1 codes): found in text, and shown harmlessly."""

from __future__ import annotations

import re

#: Every C0 and C1 control character but tab and newline, and DEL: a terminal acts on these.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def first_control(text: str) -> int:
    """The index of the first control character in text, or -1."""
    found = CONTROL.search(text)
    return found.start() if found else -1


def name_of(character: str) -> str:
    """A control character as a writer can look it up: 'U+001B (escape)'."""
    names = {"\x00": "NUL", "\x1b": "escape", "\x07": "bell", "\x08": "backspace", "\r": "carriage return",
             "\x7f": "delete", "\x9b": "control sequence introducer"}
    code = f"U+{ord(character):04X}"
    return f"{code} ({names[character]})" if character in names else code


def escape_controls(text: str) -> str:
    """Text with each control character written as a visible escape (\\x1b), safe to print on a terminal."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def strip_controls(text: str) -> str:
    """Text with control characters removed (for players: nothing of them reaches the screen)."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text
