"""Open the desktop game on its title screen, leave it for some seconds, quit: a whole process to time from outside.

Timed with and without the wait, the difference in CPU seconds over the wait is the title's cost
to a player's machine (all threads, start-up excluded). Under a real X server:
  DISPLAY=:99 BENCH_VIDEODRIVER=x11 .venv/bin/python bench/title_idle.py --seconds 10
Add --scene to wait on a still scene (its text typed out) instead of the title.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _headless import ROOT  # first: it picks the video and audio drivers before pygame loads

import pygame  # noqa: E402


def main() -> None:
    """Start, wait in the real main loop, quit."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--scene", action="store_true", help="wait on a still scene, not the title")
    args = parser.parse_args()
    from game.frontends.gui.app import App

    app = App(ROOT / "story", Path(tempfile.mkdtemp()), size=(1920, 1080), role="pilot" if args.scene else None)
    for _ in range(3):
        app.step([], 1 / 60)
    if args.scene:
        app.screen.typewriter.complete()
        app.screen.reveal()
    if args.seconds > 0:
        pygame.time.set_timer(pygame.QUIT, int(args.seconds * 1000), loops=1)
        app.run()
    app.close()


if __name__ == "__main__":
    main()
