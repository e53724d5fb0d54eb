"""Memory after 1,000 scene changes against memory after 10 (target: within 10 MB).

Plays the shipped story's roles in turn through the real SceneScreen (each choice rebuilds the
scene's widgets and fades), starting a new role at each ending, and lets the game go still after
each change as it does while a player reads. Resident set size from /proc.
Run: .venv/bin/python bench/memory.py [--no-record]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
from pathlib import Path

from _headless import ROOT  # first: it picks the dummy drivers before pygame loads

from _results import record, show  # noqa: E402
from game.frontends.gui.app import App  # noqa: E402


def rss_mb() -> float:
    """The process's resident memory in MB."""
    with open("/proc/self/statm") as stream:
        pages = int(stream.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    """Measure, print, record."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    app = App(ROOT / "story", Path(tempfile.mkdtemp()), size=(1920, 1080))
    app.change_settings(text_speed="instant")
    rng = random.Random(1976)
    roles = list(app.story.roles)
    changes = 0
    marks = {}
    while changes < args.changes:
        if app.session is None or app.session.is_finished:
            app.start_role(roles[changes % len(roles)], fade=False)
        else:
            app.screen.choose(rng.choice(app.session.choices).id)
        for _ in range(200):  # until the game is still, as when a player reads the scene
            if not app.step([], 0.1):
                break
        changes += 1
        if changes in (10, args.changes):
            gc.collect()
            marks[changes] = rss_mb()
    growth = marks[args.changes] - marks[10]
    rows = [
        ("resident memory after 10 scene changes", f"{marks[10]:.1f} MB", "-", True),
        (f"resident memory after {args.changes} scene changes", f"{marks[args.changes]:.1f} MB", "-", True),
        ("growth", f"{growth:+.1f} MB", "<= 10 MB", growth <= 10),
    ]
    show(rows)
    if not args.no_record:
        record("Memory over scene changes, 1920x1080", rows)


if __name__ == "__main__":
    main()
