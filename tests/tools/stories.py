"""Helpers for the writer-tool tests: load a fixture story, copy one to change it, list problem codes."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine import LoadedStory, Problem, check_story

STORIES = Path(__file__).resolve().parent.parent / "stories"


def fixture(name: str) -> Path:
    """The folder of a fixture story under tests/stories/."""
    return STORIES / name


def load(name_or_path: str | Path) -> LoadedStory:
    """A fixture story (or any story folder), loaded and validated; fails the test on load errors."""
    path = fixture(name_or_path) if isinstance(name_or_path, str) else name_or_path
    story, problems = check_story(path)
    errors = [p.format() for p in problems if p.is_error]
    assert story is not None and not errors, errors
    return story


def copy(name: str, tmp_path: Path) -> Path:
    """A private copy of a fixture story that a test may edit."""
    target = tmp_path / name
    shutil.copytree(fixture(name), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a story file, failing loudly when the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def codes(problems: list[Problem]) -> list[str]:
    """The codes of the problems, sorted."""
    return sorted(p.code for p in problems)


def with_code(problems: list[Problem], code: str) -> list[Problem]:
    """Only the problems with this code."""
    return [p for p in problems if p.code == code]
