"""How lint grows with the story: whole `foxbat lint` processes on 2,000, 10,000 and 50,000 scenes.

Target (issue 12): a 50,000-scene story lints in under 30 s, and time grows linearly (or as
n log n), not with the square of the scenes. Stories come from bench/synthetic.py: one role,
~3 choices per scene with conditions and effects, every scene a minute after the last, so the
story lints clean (--hourly repeats the hour instead: time goes backwards at nearly every scene,
an error per scene). Each size is linted by K fresh processes (default 3); the median wall
time is judged, and the CPU time of the same processes is shown beside it, because on this
shared machine other work can stretch wall time far beyond the work done. Exits 1 on a miss.
Usage: python bench/lint_scale.py [N ...] [--runs K] [--hourly] [--record]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.synthetic import write_story  # noqa: E402

SIZES = (2_000, 10_000, 50_000)
TARGET_SECONDS = {50_000: 30.0}
#: Every lint run is bounded: a regression to quadratic time must end as a miss, not run for hours.
RUN_LIMIT_SECONDS = 600


def lint_once(root: Path) -> tuple[float, float, int]:
    """One `foxbat lint` process over the story: (wall seconds, CPU seconds, exit status)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "game", "lint", "--no-sources", str(root)], cwd=PROJECT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=RUN_LIMIT_SECONDS)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if b"Traceback" in done.stderr:
        raise SystemExit(done.stderr.decode(errors="replace"))
    return wall, cpu, done.returncode


def measure(scenes: int, runs: int, hourly: bool) -> dict:
    """Median wall and CPU seconds of `runs` lint processes over a fresh synthetic story."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_story(Path(folder) / "story", scenes, ordered=not hourly)
        results = []
        for _ in range(runs):
            try:
                results.append(lint_once(root))
            except subprocess.TimeoutExpired:
                results.append((float(RUN_LIMIT_SECONDS), float("nan"), -1))
    walls = sorted(r[0] for r in results)
    return {"scenes": scenes, "wall": statistics.median(walls), "low": walls[0], "high": walls[-1],
            "cpu": statistics.median(r[1] for r in results), "status": results[0][2]}


def main(argv: list[str] | None = None) -> int:
    """Measure, print a table, optionally record it in bench/RESULTS.md; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hourly", action="store_true", help="times that go backwards every hour (an error per scene)")
    parser.add_argument("--record", action="store_true", help="add the figures to bench/RESULTS.md")
    args = parser.parse_args(argv)
    rows = [measure(n, args.runs, args.hourly) for n in args.sizes]
    missed = False
    print(f"{'scenes':>8} {'wall median':>12} {'(min-max)':>16} {'CPU median':>11} {'per 1,000':>10}  target")
    for row in rows:
        target = TARGET_SECONDS.get(row["scenes"])
        met = target is None or row["wall"] < target
        missed |= not met
        row["target"] = f"< {target:.0f} s" if target else ""
        row["met"] = "" if target is None else ("yes" if met else "NO")
        print(f"{row['scenes']:>8,} {row['wall']:>10.2f} s ({row['low']:.2f}-{row['high']:.2f} s) "
              f"{row['cpu']:>9.2f} s {row['wall'] / row['scenes'] * 1000:>8.3f} s  {row['target']} {row['met']}")
    for smaller, larger in zip(rows, rows[1:]):
        print(f"{smaller['scenes']:,} -> {larger['scenes']:,} scenes (x{larger['scenes'] / smaller['scenes']:.0f}): "
              f"wall x{larger['wall'] / smaller['wall']:.1f}, CPU x{larger['cpu'] / smaller['cpu']:.1f}")
    if args.record:
        _record(rows, args)
    return 1 if missed else 0


def _record(rows: list[dict], args) -> None:
    from bench._results import record

    record(f"lint at scale ({'hourly times, an error per scene' if args.hourly else 'clean story'}, "
           f"median of {args.runs} fresh processes)",
           [(f"lint, {r['scenes']:,} scenes (wall, min-max; CPU)",
             f"{r['wall']:.2f} s ({r['low']:.2f}-{r['high']:.2f}); CPU {r['cpu']:.2f} s", r["target"] or "linear",
             r["met"] != "NO") for r in rows],
           heading="## Lint at scale")


if __name__ == "__main__":
    sys.exit(main())
