"""Whole-process time from start to the first drawn title frame, against a bare pygame window.

Both are fresh processes of the same interpreter, measured alternately in the same run:
  bare:  import pygame; pygame.init(); set_mode((1280, 720)); flip()
  game:  the desktop game's App, exiting right after its first frame (the title scene)
The ratio game/bare is the figure (target <= 1.5). Also shown: the same through `game.cli`,
whose module imports the whole engine before the window opens, and the time until the menu works.
Run: .venv/bin/python bench/startup.py [--runs N] [--no-record]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import record, show  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

BARE = "import pygame; pygame.init(); pygame.display.set_mode((1280, 720)); pygame.display.flip()"
GAME = """
import os, sys, tempfile
from pathlib import Path
{extra}
from game.frontends.gui.app import App
app = App(Path('story'), Path(tempfile.mkdtemp()), background_load=True)
app.step([], 0.0)
assert app.frames_drawn == 1
{interactive}
os._exit(0)
"""
INTERACTIVE = """
import time
while not app.loaded:
    app.step([], 0.016)
    time.sleep(1 / 60)  # as the real loop's clock.tick(60) does, which lets the loading thread run
os._exit(0)
"""


def run(code: str) -> float:
    """Wall time of a fresh interpreter running code."""
    env = dict(os.environ, SDL_VIDEODRIVER=os.environ.get("BENCH_VIDEODRIVER", "dummy"), SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    """Measure, print, record."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    cases = {
        "bare": BARE,
        "game": GAME.format(extra="", interactive=""),
        "cli": GAME.format(extra="import game.cli", interactive=""),
        "menu": GAME.format(extra="", interactive=INTERACTIVE),
    }
    times = {name: [] for name in cases}
    for name, code in cases.items():
        run(code)  # warm the file cache
    for _ in range(args.runs):
        for name, code in cases.items():
            times[name].append(run(code))
    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = med["game"] / med["bare"]
    rows = [
        ("bare pygame init + set_mode + flip (median)", f"{med['bare'] * 1000:.0f} ms", "-", True),
        ("game: start to first title frame (median)", f"{med['game'] * 1000:.0f} ms", "-", True),
        ("ratio game / bare", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
        ("via game.cli (imports the engine first), ratio", f"{med['cli'] / med['bare']:.2f}x", "(info)", True),
        ("start to working menu (engine, widgets, story loaded)", f"{med['menu'] * 1000:.0f} ms", "(info)", True),
    ]
    show(rows)
    if not args.no_record:
        record(f"Start-up, {args.runs} runs, SDL video driver {os.environ.get('BENCH_VIDEODRIVER', 'dummy')}", rows)


if __name__ == "__main__":
    main()
