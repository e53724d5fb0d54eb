"""Build a malformed story from _base plus one case's files, and format what lint reports."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine import check_story

CORPUS = Path(__file__).parent
BASE = CORPUS / "_base"


def cases() -> list[str]:
    """Every case folder (each holds the files that differ from _base, and expected.txt)."""
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def build(case: str, workspace: Path) -> Path:
    """The story folder for a case, assembled under workspace/story."""
    story = workspace / "story"
    shutil.copytree(BASE, story)
    for file in (CORPUS / case).rglob("*"):
        if file.is_file() and file.name != "expected.txt":
            target = story / file.relative_to(CORPUS / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    return story


def report(story: Path) -> str:
    """What the loader says about a story, one problem per block, as a writer sees it."""
    _, problems = check_story(story)
    return "\n".join(p.format() for p in problems if p.is_error) + "\n"
