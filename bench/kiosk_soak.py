"""Soak test of the museum kiosk: simulated visitors through the real kiosk loop, under the dummy video driver.

Each simulated visitor touches the attract loop, picks a language and a role and then either plays
to the debrief, walks away mid-role (the idle warning, then the timeout), dismisses the warning and
plays on, or taps at random (several fingers, touches off the buttons). Now and then staff make the
corner gesture and type a PIN (sometimes wrong). A fake clock makes minutes pass instantly.

The statistics go to whatever store the config names: without --config a SQLite file in a
temporary folder; with a kiosk.yaml that has `stats_url: postgresql://...` the museum's server,
through the local queue and the sender thread, exactly as a kiosk does. At the end the store is
flushed (and, for a server, synced) and the visits it holds are compared with those recorded.

Reports: exceptions (recovered inside the kiosk, plus any that escaped; target 0), resident memory
growth from session 100 to the last (target < 10 MB), sessions per second, visits lost (target 0).
Run: .venv/bin/python bench/kiosk_soak.py [--config FILE] [--sessions 10000] [--no-record]
SIGTERM or Ctrl+C ends the run early after the current visitor and records the sessions reached.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from _headless import ROOT  # first: it picks the dummy drivers before pygame loads

import pygame  # noqa: E402

from game.frontends.kiosk.app import KioskApp  # noqa: E402
from game.frontends.kiosk.config import load_config, parse_config  # noqa: E402
from game.frontends.kiosk.library import StoryLibrary  # noqa: E402
from game.frontends.kiosk.stats_export import read_store  # noqa: E402
from game.frontends.kiosk.stats_open import open_stats  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Kiosk"
CONFIG = "languages: [en, ja, vi]\nidle_timeout: 90\nwarning_seconds: 20\nmin_sessions: 30\npin: '2468'\n"


class FakeClock:
    """Time the benchmark moves by hand."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def finger(app, kind, pos, fid=0):
    w, h = app.surface.get_size()
    return pygame.event.Event(kind, x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0, touch_id=1, finger_id=fid,
                              pressure=1.0)


def advance(app, clock, seconds, dt=1 / 30):
    clock.now += seconds
    step(app, dt)


def step(app, dt=1 / 30):
    """One frame of the real loop: whatever SDL and pygame_gui queued, then KioskApp.step()."""
    app.step(pygame.event.get(), dt)


def staff_visit(app, clock, rng):
    """The corner gesture, the PIN pad, a look at the staff screen."""
    for _ in range(4):
        app.tap((4, 4))
        advance(app, clock, 0.2)
        step(app)
    app.inject([finger(app, pygame.FINGERDOWN, (4, 4))])
    advance(app, clock, 1.1)
    app.inject([finger(app, pygame.FINGERUP, (4, 4))])
    step(app)
    for _ in range(6):
        if app.screen.name == "attract":
            break
        app.screen.autoplay(rng)
        advance(app, clock, 2)
    if app.screen.name != "attract":
        advance(app, clock, 400)  # the pad and the staff screen time out by themselves
        step(app)


def visitor(app, clock, rng):
    """One visitor from the first touch until the attract loop is back."""
    kind = rng.choices(["finish", "walk_away", "dismiss", "random"], [70, 15, 5, 10])[0]
    app.screen.autoplay(rng)  # touch the attract loop
    step(app)
    leave_after = rng.randint(1, 12)
    steps = 0
    while app.screen.name != "attract" and steps < 400:
        steps += 1
        if app.screen.name in ("pin", "staff"):
            advance(app, clock, 400)
            continue
        if kind == "walk_away" and steps > leave_after:
            advance(app, clock, 91)
            advance(app, clock, 21)
            continue
        if kind == "dismiss" and steps == leave_after:
            advance(app, clock, 95)
            app.tap((app.surface.get_width() // 2, app.surface.get_height() // 2))
            step(app)
            continue
        if kind == "random" and rng.random() < 0.5:
            w, h = app.surface.get_size()
            a = (rng.randrange(w), rng.randrange(h))
            b = (rng.randrange(w), rng.randrange(h))
            app.inject([finger(app, pygame.FINGERDOWN, a, 0), finger(app, pygame.FINGERDOWN, b, 1),
                        finger(app, pygame.FINGERMOTION, b, 1), finger(app, pygame.FINGERUP, b, 1),
                        finger(app, pygame.FINGERUP, a, 0)])
            advance(app, clock, rng.uniform(0.5, 4))
            continue
        if app.screen.name == "debrief" and rng.random() < 0.3:
            advance(app, clock, app.config.attract.debrief_seconds + 1)
            continue
        app.screen.autoplay(rng)
        advance(app, clock, rng.uniform(2, 20))
        step(app)
    if app.screen.name != "attract":
        app.end_visit()
        step(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="kiosk.yaml naming the statistics store (default: SQLite in a temporary folder)")
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--seed", type=int, default=1976)
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # recovered screen failures are counted, not printed
    size = tuple(int(v) for v in args.size.split("x"))
    loaded = load_config(args.config) if args.config else parse_config(CONFIG)
    library = StoryLibrary(ROOT / "story", loaded.config.languages)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    stats = open_stats(loaded.config, folder)
    store = "PostgreSQL" if loaded.config.stats_url else "SQLite"
    before = read_store(loaded.config, folder)[0].sessions if loaded.config.stats_url else 0
    clock = FakeClock()
    app = KioskApp(loaded, library, stats, clock=clock, size=size)
    rng = random.Random(args.seed)
    stopped = []
    for number in (signal.SIGTERM, signal.SIGINT):  # after pygame.init, which installs SDL's own handlers
        signal.signal(number, lambda *_: stopped.append(True))
    escaped = 0
    staff = 0
    memory_at_100 = None
    started = time.perf_counter()
    sessions = 0
    for n in range(1, args.sessions + 1):
        if stopped:
            print(f"stopped early after {sessions} sessions", flush=True)
            break
        sessions = n
        try:
            if rng.random() < 0.02:
                staff += 1
                staff_visit(app, clock, rng)
            visitor(app, clock, rng)
            advance(app, clock, rng.uniform(0, 120))  # the attract loop runs between visitors
        except Exception as exc:  # noqa: BLE001 - counted: the target is none
            escaped += 1
            print(f"session {n}: {type(exc).__name__}: {exc}", file=sys.stderr)
            app.end_visit(record=False)
        if n == 100:
            gc.collect()
            memory_at_100 = rss_mb()
        if n % 500 == 0:
            print(f"{n} sessions, {n / (time.perf_counter() - started):.1f}/s, {rss_mb():.1f} MB, "
                  f"{app.errors} recovered, {escaped} escaped", flush=True)
    elapsed = time.perf_counter() - started
    stats.flush(60)
    if loaded.config.stats_url:
        stats.backend.sync(60)
        stats.flush(60)
    gc.collect()
    memory_end = rss_mb()
    growth = memory_end - (memory_at_100 or memory_end)
    recorded = app.sessions_run
    stats.close()
    held = read_store(loaded.config, folder)[0].sessions - before
    lost = recorded - held
    exceptions = app.errors + escaped
    rows = [
        ("simulated visitor sessions", f"{sessions:,}", "10,000" if store == "SQLite" else "2,000",
         sessions >= (10_000 if store == "SQLite" else 2_000)),
        ("exceptions (recovered in screens + escaped the loop)", f"{app.errors} + {escaped}", "0", exceptions == 0),
        ("resident memory growth, session 100 to last", f"{growth:+.1f} MB", "< 10 MB", growth < 10),
        ("sessions per second (fake clock, drawing every frame)", f"{sessions / elapsed:.1f}", "-", True),
        ("sessions counted in the statistics (timed out)",
         f"{recorded:,} ({stats.totals.timed_out:,})", "-", True),
        (f"visits the {store} store holds afterwards, minus those recorded", f"{held - recorded:+,}", "0", lost == 0),
        ("staff gestures made", f"{staff}", "-", True),
    ]
    for name, value, target, ok in rows:
        print(f"{name:56} {value:>16}   target {target:8} {'ok' if ok else 'MISSED'}")
    if not args.no_record:
        append_results(rows, size, elapsed, store)
    return 0 if exceptions == 0 and growth < 10 and lost == 0 else 1


def append_results(rows, size, elapsed, store) -> None:
    """Add a table under the Kiosk heading, leaving every other heading as it is."""
    from _results import record

    record(f"Soak {size[0]}x{size[1]}, statistics in {store}, {elapsed:.0f} s", rows, heading=HEADING, intro=(
        "`python bench/kiosk_soak.py` (10,000 simulated visitors through KioskApp.step() under SDL's dummy "
        "driver, fake clock)"))


if __name__ == "__main__":
    sys.exit(main())
