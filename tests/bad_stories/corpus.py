"""Build a malformed story from _base plus one case's files, and format what lint reports.

A case may also hold `special.txt`, one instruction a line, for files that cannot live in git:
    fifo PATH                  a named pipe
    symlink PATH TARGET        a symbolic link (TARGET as written, absolute or relative)
    sparse PATH BYTES          a file of that size that takes no disk space
    repeat PATH COUNT TEXT     TEXT (a Python string literal) appended COUNT times
    guarded                    nothing to make, but read the case only in a bounded child process
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.engine import check_story

CORPUS = Path(__file__).parent
BASE = CORPUS / "_base"
SPECIAL = "special.txt"
OWN_FILES = ("expected.txt", SPECIAL)
#: A guard only, far above the second or so a case takes: a regression must fail, not hang the suite.
GUARD_SECONDS = 120
GUARD_MEMORY = 2 * 1024 ** 3


def cases() -> list[str]:
    """Every case folder (each holds the files that differ from _base, and expected.txt)."""
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def build(case: str, workspace: Path) -> Path:
    """The story folder for a case, assembled under workspace/story."""
    story = workspace / "story"
    shutil.copytree(BASE, story)
    for file in (CORPUS / case).rglob("*"):
        if file.is_file() and file.name not in OWN_FILES:
            target = story / file.relative_to(CORPUS / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    for line in special(case):
        _make(story, line)
    return story


def special(case: str) -> list[str]:
    """The special-file instructions of a case (empty for most)."""
    path = CORPUS / case / SPECIAL
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _make(story: Path, line: str) -> None:
    if line.strip() == "guarded":
        return
    kind, name, *rest = line.split(maxsplit=3 if line.startswith("repeat") else 2)
    target = story / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        target.symlink_to(rest[0])
    elif kind == "sparse":
        with open(target, "wb") as stream:
            stream.truncate(int(rest[0]))
    elif kind == "repeat":
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(ast.literal_eval(rest[1]) * int(rest[0]))
    else:
        raise ValueError(f"unknown instruction in {SPECIAL}: {line}")


def load_summary(story: Path) -> str:
    """What load_story says: 'N errors|<last line of the StoryError>', or 'loaded'."""
    from game.engine import StoryError, load_story

    try:
        load_story(story)
    except StoryError as exc:
        return f"{len(exc.errors)} errors|{str(exc).splitlines()[-1]}"
    return "loaded"


def guarded(function: str, story: Path) -> str:
    """A function of this module run on a story in a child process with a time and memory bound.

    For the cases a regression could hang on (a pipe) or fill memory with (a device): the
    child is stopped rather than the test suite.
    """
    limit = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({GUARD_MEMORY}, {GUARD_MEMORY}))\n"
             if sys.platform.startswith("linux") else "")
    code = limit + (f"from tests.bad_stories import corpus; import sys, pathlib; "
                    f"sys.stdout.write(corpus.{function}(pathlib.Path({str(story)!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=GUARD_SECONDS,
                          cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": str(CORPUS.parent.parent)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def report(story: Path) -> str:
    """What the loader says about a story, one problem per block, as a writer sees it."""
    _, problems = check_story(story)
    return "\n".join(p.format() for p in problems if p.is_error) + "\n"
