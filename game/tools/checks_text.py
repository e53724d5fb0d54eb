"""Checks on the words players read: no project working words, and only characters the game can draw."""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from game.engine import LoadedStory, Problem, SourceLocation, languages_in, translatables, warning
from game.shipped import assets_folder

from .catalogs import catalog_of

#: Our working words for the documents behind the story: players must see the real reference instead.
WORKING_WORDS = re.compile(r"\bseeds?\b|\bresearch notes?\b|\bproject notes?\b", re.IGNORECASE)

#: Bidirectional classes of right-to-left letters: the window lays every line out left to right.
RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI"}


def check_working_words(story: LoadedStory) -> list[Problem]:
    """W326: player-visible English that calls a document a 'seed' or our 'research notes'."""
    problems = []
    for item in translatables(story.story):
        found = WORKING_WORDS.search(item.english)
        if found:
            problems.append(warning(
                "W326", locate_text(story, item.path),
                f"players would read the project's working words '{found.group(0)}' here",
                "name the real reference instead (the article, Barron's book, the Hakodate city history...)"))
    return problems


def check_drawable_characters(story: LoadedStory) -> list[Problem]:
    """W327: an emoji, a right-to-left letter, or a character no shipped font draws, in any language."""
    families = font_coverage()
    if families is None:
        return []  # an install without the fonts' coverage file: nothing to check against
    everything = _everything()
    problems = []
    for item in translatables(story.story):
        problem = _undrawable(item.english, everything, story.language)
        if problem:
            problems.append(warning("W327", locate_text(story, item.path), problem, _HINT))
    root = story.root
    if root is None:
        return problems
    for language in languages_in(root):
        if language == story.language:
            continue
        catalog, _ = catalog_of(root, language)
        drawn = families.get("jp") if language == "ja" else everything  # Japanese is set in Noto Sans JP alone
        where_folder = SourceLocation(str(Path(root) / "i18n" / language))
        for key, entry in catalog.entries.items():
            problem = _undrawable(entry.text, drawn, language)
            if problem:
                problems.append(warning("W327", catalog.defined_at.get(key, where_folder), f"{key}: {problem}", _HINT))
    return problems


_HINT = "the window draws it as an empty box (or out of order): write it in words, or leave it out"


#: Per set of runs (by id, kept alive beside it), the characters already found drawable, so that
#: nearly every string is one set difference rather than a look-up per character.
_DRAWABLE: dict[int, tuple[object, set[str]]] = {}


def _undrawable(text: str, drawn: tuple[list[int], list[int]] | None, language: str) -> str | None:
    """What is wrong with the first character of the text the game cannot show, or None."""
    if drawn is None:
        return None
    kept = _DRAWABLE.get(id(drawn))
    if kept is None or kept[0] is not drawn:
        kept = _DRAWABLE[id(drawn)] = (drawn, set())
    good = kept[1]
    text = unicodedata.normalize("NFC", text)
    unknown = set(text).difference(good)
    if not unknown:
        return None
    for character in unknown:
        if _first_problem(character, drawn, language) is None:
            good.add(character)
    if unknown.issubset(good):
        return None
    for character in text:  # the first wrong character in reading order, as a writer looks for it
        if character not in good:
            problem = _first_problem(character, drawn, language)
            if problem is not None:
                return problem
    return None


def _first_problem(character: str, drawn: tuple[list[int], list[int]], language: str) -> str | None:
    """What is wrong with showing one character, or None when the game draws it (or it is layout)."""
    if character.isspace() or unicodedata.category(character)[0] == "C":
        return None  # layout and control characters: E110 reports the controls
    label = f"'{character}' (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})"
    if _is_emoji(character):
        return f"{label} is an emoji, which no font of the game draws"
    if unicodedata.bidirectional(character) in RIGHT_TO_LEFT:
        return f"{label} is a right-to-left letter; the game lays text out left to right only"
    if not _covered(ord(character), drawn):
        return f"{label} is not drawn by the {'Japanese ' if language == 'ja' else ''}fonts the game ships"
    return None


def _is_emoji(character: str) -> bool:
    """True for pictographs and emoji symbols (So in the emoji blocks), which Noto Sans does not carry."""
    point = ord(character)
    return unicodedata.category(character) == "So" and (0x1F000 <= point <= 0x1FAFF or 0x2600 <= point <= 0x27BF)


def locate_text(story: LoadedStory, path: tuple) -> SourceLocation:
    """The place of a translatable string, from its path in the Story (as i18n.translatables gives it)."""
    if path[0] == "roles":
        return story.locate(*path[1:])
    if path[0] == "sources":
        return story.locate("sources", *path)
    return story.locate("story", *path)


@lru_cache(maxsize=1)
def font_coverage() -> dict[str, tuple[list[int], list[int]]] | None:
    """Each font family's drawn characters as (range starts, range ends), from assets/fonts/coverage.json."""
    path = assets_folder() / "fonts" / "coverage.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {family: ([a for a, _ in runs], [b for _, b in runs]) for family, runs in data["families"].items()}


@lru_cache(maxsize=1)
def _everything() -> tuple[list[int], list[int]] | None:
    """Every shipped family's runs merged (built once: its identity keys the drawable characters)."""
    families = font_coverage()
    return None if families is None else _union(families.values())


def _union(families) -> tuple[list[int], list[int]]:
    """The ranges of several families merged into one sorted set of runs."""
    runs = sorted(run for starts, ends in families for run in zip(starts, ends))
    merged: list[list[int]] = []
    for start, end in runs:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [a for a, _ in merged], [b for _, b in merged]


def _covered(point: int, drawn: tuple[list[int], list[int]]) -> bool:
    """True when the code point falls inside one of the runs."""
    starts, ends = drawn
    index = bisect.bisect_right(starts, point) - 1
    return index >= 0 and point <= ends[index]


def _all_texts(story: LoadedStory) -> Iterator[str]:
    """Every translatable English string (for tests and tools)."""
    return (item.english for item in translatables(story.story))
