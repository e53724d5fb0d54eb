"""Load + validate + machine build time and peak memory for N scenes; choices applied per second.

Targets (issue 2): 5,000 scenes in under 1 s and under 100 MB; 20,000 in under 5 s; time and
memory growing linearly with N. Each run is a fresh process, so memory figures don't mix and
nothing is warm in memory; each size runs several times (--runs K) and the median is judged,
because the machine is shared and single runs swing by a third.
Cold: every file parsed (and the parse cache filled), as the first start after an edit does.
Warm: the same story loaded again with the parse cache (no file parsed), as later starts do.
Usage: python bench/engine_load.py [N ...] [--history] [--runs K]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGETS = {5000: (1.0, 100.0), 20000: (5.0, None)}


def _rss_mb() -> float:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * resource.getpagesize() / 2**20


def measure(scenes: int, history: bool = False) -> dict:
    """Run in a child process: build the story, time each stage, play random choices."""
    from bench.synthetic import write_story
    from game.engine import ParseCache, Session, StoryMachine, load_story

    with tempfile.TemporaryDirectory() as folder:
        root = write_story(Path(folder) / "story", scenes, history=history)
        cache = ParseCache(Path(folder) / "cache")
        baseline = _rss_mb()
        start = time.perf_counter()
        story = load_story(root, cache)  # cold: parses every file and fills the cache
        loaded = time.perf_counter()
        machine = StoryMachine(story.story, story.rules)
        built = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - baseline
        del story, machine
        warm_start = time.perf_counter()
        story = load_story(root, cache)  # warm: every file unchanged, so none is parsed
        machine = StoryMachine(story.story, story.rules)
        warm = time.perf_counter() - warm_start
        rng = random.Random(1)
        applied, play_start = 0, time.perf_counter()
        while time.perf_counter() - play_start < 1.0:
            session = Session.start(story.story, "bench", machine=machine)
            while not session.is_finished:
                session.choose(rng.choice(session.choices).id)
                applied += 1
        rate = applied / (time.perf_counter() - play_start)
    return {"scenes": scenes, "load_validate_s": loaded - start, "machine_s": built - loaded,
            "total_s": built - start, "warm_s": warm, "peak_mb": peak, "choices_per_s": rate}


def _median_row(runs: list[dict]) -> dict:
    """The median of every figure over several runs of one size, with the spread of the total."""
    row = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    row["total_range"] = (min(run["total_s"] for run in runs), max(run["total_s"] for run in runs))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 5000, 20000], help="scene counts")
    parser.add_argument("--history", action="store_true", help="a history block and a quote in every scene")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per size; the median is judged")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes, history, runs = args.sizes, args.history, args.runs
    if args.child:
        print(json.dumps(measure(sizes[0], history)))
        return 0
    print("scenes with a history block and a quote each (like the shipped story)" if history
          else "scenes as the issue specifies: ~3 choices each with conditions and effects (--history adds sources)")
    print(f"median of {runs} runs, each a fresh process")
    rows, failed = [], False
    print(f"{'scenes':>7} {'load+validate':>14} {'machine':>9} {'total':>8} {'(min-max)':>13} {'warm':>8} {'peak MB':>8}"
          f" {'choices/s':>10}  target (cold / warm)")
    for size in sizes:
        results = []
        for _ in range(runs):
            child = subprocess.run([sys.executable, __file__, str(size), "--child"] + (["--history"] if history else []),
                                   capture_output=True, text=True, check=True)
            results.append(json.loads(child.stdout))
        row = _median_row(results)
        rows.append(row)
        limit_s, limit_mb = TARGETS.get(size, (None, None))
        verdict = ""
        if limit_s is not None:
            memory_ok = limit_mb is None or row["peak_mb"] < limit_mb
            cold_ok = row["total_s"] < limit_s and memory_ok
            warm_ok = row["warm_s"] < limit_s and memory_ok
            failed |= not (cold_ok and warm_ok)
            verdict = (f"{'OK' if cold_ok else 'MISSED'} / {'OK' if warm_ok else 'MISSED'} (< {limit_s} s"
                       + (f", < {limit_mb:.0f} MB)" if limit_mb else ")"))
        low, high = row["total_range"]
        print(f"{size:>7} {row['load_validate_s']:>13.3f}s {row['machine_s']:>8.3f}s {row['total_s']:>7.3f}s "
              f"{f'({low:.2f}-{high:.2f})':>13} {row['warm_s']:>7.3f}s {row['peak_mb']:>8.1f} "
              f"{row['choices_per_s']:>10.0f}  {verdict}")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        scale = last["scenes"] / first["scenes"]
        print(f"growth {first['scenes']} -> {last['scenes']} scenes (x{scale:.0f}): time x{last['total_s'] / first['total_s']:.1f}, "
              f"memory x{last['peak_mb'] / max(first['peak_mb'], 0.1):.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
