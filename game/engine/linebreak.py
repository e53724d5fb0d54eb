"""Line breaking for English, Vietnamese and Japanese, with the Japanese kinsoku rules.

Japanese has no spaces: a line may break between any two characters, except that some
characters may not start a line (closing brackets, 。、, small kana, the long-vowel mark) and
some may not end one (opening brackets). Latin runs such as "MiG-25" never split. The width is
measured by a callable, so the GUI passes its font's size() and the terminal counts columns.
"""

from __future__ import annotations

import unicodedata
from typing import Callable

NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!ー―‐゠–〜～…‥」』）］｝〕〉》】〙〗〟’”)]}>%"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ"
)
NO_LINE_END = frozenset("「『（［｛〔〈《【〘〖〝‘“([{<")


def columns(text: str) -> int:
    """Terminal columns a text takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _units(paragraph: str) -> list[str]:
    """Pieces between which a line may break: words, single spaces, single wide characters."""
    units: list[str] = []
    word = ""
    for ch in paragraph:
        if ch == " " or _is_wide(ch):
            if word:
                units.append(word)
                word = ""
            units.append(ch)
        else:
            word += ch
    if word:
        units.append(word)
    return units


def break_lines(text: str, width: float, measure: Callable[[str], float] = columns) -> list[str]:
    """Lines of at most `width` (as `measure` counts), honouring kinsoku; paragraphs split on newlines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, width, measure))
    return lines


def _break_paragraph(paragraph: str, width: float, measure: Callable[[str], float]) -> list[str]:
    units = _units(paragraph)
    lines: list[str] = []
    line: list[str] = []  # units, so a word such as "MiG-25" is never cut when units move down
    index = 0
    while index < len(units):
        unit = units[index]
        text = "".join(line)
        if not line and unit == " ":
            index += 1
            continue
        if not line or measure(text + unit) <= width:
            line.append(unit)
            index += 1
            continue
        # The unit does not fit. Kinsoku: one character that may not start a line may hang at
        # the end of this one (burasage); otherwise units move down (oidashi) until the next
        # line starts with an allowed character and this one ends with one.
        if len(unit) == 1 and unit in NO_LINE_START and measure(text) <= width:
            line.append(unit)
            index += 1
            continue
        carried: list[str] = []
        while len(line) > 1 and (unit[0] in NO_LINE_START if not carried else carried[0][0] in NO_LINE_START):
            carried.insert(0, line.pop())
        while len(line) > 1 and line[-1][-1] in NO_LINE_END:
            carried.insert(0, line.pop())
        lines.append("".join(line).rstrip())
        while carried and carried[0] == " ":
            carried.pop(0)
        line = carried
    if line or not lines:
        lines.append("".join(line).rstrip())
    return [entry for entry in lines if entry.strip()] or [""]
