"""The ensemble playtests on the shipped story: how big the exhaustive search gets, and how fast it runs.

The exhaustive ensemble search (game/tools/ensemble_playtest.py) searches each role alone with
every value the other roles' links can read, instead of the product of the three state spaces.
This prints the solo and ensemble state counts, the product it avoids, the time and peak memory,
and random ensembles per second. A benchmark, not a test.
Usage: python bench/ensemble_search.py [RANDOM_RUNS]
"""

from __future__ import annotations

import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import load_story  # noqa: E402  (after the path set-up above)
from game.tools.ensemble_playtest import exhaustive_ensemble, historical_ensemble, random_ensembles  # noqa: E402
from game.tools.explore import explore_story  # noqa: E402


def main() -> None:
    """Measure and print the figures as a Markdown table."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    story = load_story(ROOT / "story")
    started = time.perf_counter()
    solo = explore_story(story)
    solo_seconds = time.perf_counter() - started
    started = time.perf_counter()
    merged = explore_story(story, project=True)  # as lint searches: states differing in dead variables merged
    merged_seconds = time.perf_counter() - started
    started = time.perf_counter()
    coverage = exhaustive_ensemble(story)
    ensemble_seconds = time.perf_counter() - started
    started = time.perf_counter()
    historical_ensemble(story)
    historical_seconds = time.perf_counter() - started
    started = time.perf_counter()
    random_ensembles(story, runs, seed=1)
    random_seconds = time.perf_counter() - started
    product = 1
    for found in solo.values():
        product *= len(found.states)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Python {platform.python_version()}, {platform.machine()}")
    print("| figure | measured |\n| --- | --- |")
    for c in coverage.roles:
        print(f"| {c.role.id}: states alone (every variable / merged) / in the ensemble search (merged) | "
              f"{len(solo[c.role.id].states):,} / {len(merged[c.role.id].states):,} / {c.states:,} |")
    print(f"| product of the solo state spaces (not searched) | {product:.2e} |")
    print(f"| ensemble search: rounds, most value combinations at one scene | {coverage.rounds}, "
          f"{max(coverage.inputs.values())} |")
    print(f"| solo exhaustive search, every role (every variable / merged, as lint) | {solo_seconds:.1f} s / "
          f"{merged_seconds:.1f} s |")
    print(f"| ensemble exhaustive search | {ensemble_seconds:.1f} s |")
    print(f"| historical ensemble | {historical_seconds * 1000:.0f} ms |")
    print(f"| random ensembles per second | {runs / random_seconds:,.0f} |")
    print(f"| peak resident memory | {peak:,.0f} MB |")


if __name__ == "__main__":
    main()
