"""Per-frame and idle CPU of the desktop game at 1920x1080.

- typing: App.step() CPU time of the main thread (time.thread_time, so other jobs on a shared
  machine do not count) while a scene's text types out (target p99 <= 4 ms)
- static: once the text is all there, App.step() must not redraw (0 redraws) and idle CPU stays low;
  the idle CPU is measured over the real main loop, App.run(), for a few seconds (target < 3 % of a core).
- title: the process's CPU over App.run() on the title screen, whose radar sweep keeps turning
  (target < 10 % of a core).
Each run is a fresh process; the figures are the medians of --runs runs (default 5).
The dummy video driver counts no display cost. To measure through a real X server:
  Xvfb :99 -screen 0 1920x1080x24 &  DISPLAY=:99 BENCH_VIDEODRIVER=x11 .venv/bin/python bench/frames.py
Run: .venv/bin/python bench/frames.py [--runs K] [--no-record]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _headless import ROOT  # first: it picks the video and audio drivers before pygame loads

import pygame  # noqa: E402

from _results import record, show  # noqa: E402


def percentile(values, p: float) -> float:
    """The p-th percentile (0..100) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def idle_cpu(app, seconds: float, settle: float = 1.0) -> float:
    """The process's CPU over the real main loop for some seconds, in % of one core, after settling.

    The first second after a change (the last full frames, giving memory back) is not idling.
    """
    pygame.time.set_timer(pygame.QUIT, int(settle * 1000), loops=1)
    app.run()
    app.running = True
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    app.run()
    return (time.process_time() - cpu0) / (time.perf_counter() - wall0) * 100


def measure() -> dict:
    """One run's figures."""
    from game.frontends.gui.app import App

    app = App(ROOT / "story", Path(tempfile.mkdtemp()), size=(1920, 1080), role="pilot")
    dt = 1 / 60
    typing, fading = [], []
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
    static, drawn = [], 0
    for _ in range(600):
        start = time.thread_time()
        drawn += app.step([], dt)
        static.append(time.thread_time() - start)
    app.screen.typewriter.complete()
    driver = pygame.display.get_driver()
    still = idle_cpu(app, 3.0)
    app.close()
    title_app = App(ROOT / "story", Path(tempfile.mkdtemp()), size=(1920, 1080))
    for _ in range(5):
        title_app.step([], dt)
    title = idle_cpu(title_app, 4.0)
    title_app.close()
    return {"frames": len(typing), "scenes": scenes, "typing_median": statistics.median(typing) * 1000,
            "typing_p99": percentile(typing, 99) * 1000, "fade_p99": percentile(fading, 99) * 1000,
            "fade_frames": len(fading), "static_redraws": drawn, "static_median": statistics.median(static) * 1000,
            "still_cpu": still, "title_cpu": title, "driver": driver}


def main() -> None:
    """Measure in fresh processes, print the medians, record them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--one", action="store_true", help="measure once in this process and print JSON")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure()))
        return
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--one"], capture_output=True, text=True, check=True,
                             env=dict(os.environ))
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {key: statistics.median(r[key] for r in runs) for key in runs[0] if key != "driver"}
    spread = {key: (min(r[key] for r in runs), max(r[key] for r in runs)) for key in med}
    driver = runs[0]["driver"]

    def ranged(key: str, fmt: str) -> str:
        low, high = spread[key]
        return f"{fmt.format(med[key])} ({fmt.format(low)}-{fmt.format(high)})"

    rows = [
        (f"typing: frames measured over {int(med['scenes'])} scenes", str(int(med["frames"])), "-", True),
        ("typing: median frame", ranged("typing_median", "{:.2f} ms"), "-", True),
        ("typing: p99 frame", ranged("typing_p99", "{:.2f} ms"), "<= 4 ms", med["typing_p99"] <= 4.0),
        (f"fade between scenes: p99 of {int(med['fade_frames'])} frames", ranged("fade_p99", "{:.2f} ms"), "(info)", True),
        ("static screen: redraws in 600 frames", str(int(med["static_redraws"])), "0", med["static_redraws"] == 0),
        ("static screen: median step (no draw)", ranged("static_median", "{:.3f} ms"), "-", True),
        ("idle CPU on a still scene, App.run() over 3 s", ranged("still_cpu", "{:.1f} %"), "< 3 %", med["still_cpu"] < 3.0),
        ("CPU on the title (radar sweep), App.run() over 4 s", ranged("title_cpu", "{:.1f} %"), "< 10 %",
         med["title_cpu"] < 10.0),
    ]
    show(rows)
    if not args.no_record:
        record(f"Frame CPU at 1920x1080, {driver} video driver, median of {len(runs)} fresh processes", rows)


if __name__ == "__main__":
    main()
