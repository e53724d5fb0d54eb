"""Per-frame CPU of the desktop game at 1920x1080 (dummy video driver, so no display cost is counted).

- typing: App.step() CPU time of the main thread (time.thread_time, so other jobs on a shared
  machine do not count) while a scene's text types out (target p99 <= 4 ms)
- static: once the text is all there, App.step() must not redraw (0 redraws) and idle CPU stays low;
  the idle CPU is measured over the real main loop, App.run(), for a few seconds (target < 3 % of a core).
Run: .venv/bin/python bench/frames.py [--no-record]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from _headless import ROOT  # first: it picks the dummy drivers before pygame loads

import pygame  # noqa: E402

from _results import record, show  # noqa: E402
from game.frontends.gui.app import App  # noqa: E402


def percentile(values, p: float) -> float:
    """The p-th percentile (0..100) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def main() -> None:
    """Measure, print, record."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    app = App(ROOT / "story", Path(tempfile.mkdtemp()), size=(1920, 1080), role="pilot")
    dt = 1 / 60
    typing = []
    fading = []
    scenes = 0
    # Type out several scenes at the normal speed; every frame while letters appear is measured.
    while scenes < 6 and not app.session.is_finished:
        while app.fading:  # the fade between scenes comes first; the text types out after it
            start = time.thread_time()
            app.step([], dt)
            fading.append(time.thread_time() - start)
        while not app.screen.settled():
            start = time.thread_time()
            app.step([], dt)
            typing.append(time.thread_time() - start)
        for _ in range(5):
            app.step([], dt)
        app.screen.choose(app.session.choices[0].id)
        scenes += 1
    while not app.screen.settled():
        app.step([], dt)
    for _ in range(30):
        app.step([], dt)
    static = []
    drawn = 0
    for _ in range(600):
        start = time.thread_time()
        drawn += app.step([], dt)
        static.append(time.thread_time() - start)
    # Idle CPU over the real loop: it sleeps in pygame.event.wait while nothing changes.
    app.screen.typewriter.complete()
    pygame.time.set_timer(pygame.QUIT, 3000, loops=1)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    app.run()
    idle = (time.process_time() - cpu0) / (time.perf_counter() - wall0) * 100
    p99 = percentile(typing, 99) * 1000
    rows = [
        (f"typing: frames measured over {scenes} scenes", str(len(typing)), "-", True),
        ("typing: median frame", f"{statistics.median(typing) * 1000:.2f} ms", "-", True),
        ("typing: p99 frame", f"{p99:.2f} ms", "<= 4 ms", p99 <= 4.0),
        (f"fade between scenes: p99 of {len(fading)} frames", f"{percentile(fading, 99) * 1000:.2f} ms", "(info)", True),
        ("static screen: redraws in 600 frames", str(drawn), "0", drawn == 0),
        ("static screen: median step (no draw)", f"{statistics.median(static) * 1000:.3f} ms", "-", True),
        ("idle CPU in App.run() over 3 s", f"{idle:.1f} %", "< 3 %", idle < 3.0),
    ]
    show(rows)
    if not args.no_record:
        record("Frame CPU at 1920x1080, dummy video driver", rows)


if __name__ == "__main__":
    main()
