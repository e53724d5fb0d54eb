"""Random playthroughs per second on the shipped story, plus lint and exhaustive-playtest times.

Target (issue 6): at least 2,000 random playthroughs per second; the whole story lints in
under 1 s; `foxbat playtest --exhaustive` finishes in under 10 s. A benchmark, not a test.
Usage: python bench/playtest_throughput.py [RUNS_PER_ROLE] [--append]
  --append  add the figures to bench/RESULTS.md under the "Writer tooling" heading
"""

from __future__ import annotations

import datetime
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import load_story  # noqa: E402  (after the path set-up above)
from game.tools.lint import lint_story  # noqa: E402
from game.tools.playtest import exhaustive, random_playthroughs  # noqa: E402

TARGET_RUNS_PER_SECOND = 2_000
HEADING = "## Writer tooling"


def best_of(times: int, work) -> float:
    """The fastest of several timings: the least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def session_playthroughs_per_second(story, runs: int) -> float:
    """Random playthroughs through Session.start / .choices / .choose, as a front end would play."""
    import random

    from game.engine import Session, StoryMachine

    machine = StoryMachine(story.story, story.rules)
    rng = random.Random(1)
    start = time.perf_counter()
    for role in story.roles:
        for _ in range(runs):
            session = Session.start(story.story, role, machine=machine)
            while not session.is_finished:
                session.choose(rng.choice(session.choices).id)
    return runs * len(story.roles) / (time.perf_counter() - start)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv and argv[0].isdigit() else 5_000
    story = load_story(ROOT / "story")
    lines = []
    total_runs, total_time, total_steps = 0, 0.0, 0
    for role in story.roles:
        start = time.perf_counter()
        report = random_playthroughs(story, role, runs, seed=1)
        elapsed = time.perf_counter() - start
        total_runs, total_time, total_steps = total_runs + runs, total_time + elapsed, total_steps + report.steps
        lines.append(f"- random, {role}: {runs / elapsed:,.0f} playthroughs/s "
                     f"({report.steps / runs:.1f} choices each)")
    rate = total_runs / total_time
    session_rate = session_playthroughs_per_second(story, max(runs // 5, 200))
    lint_in_process = best_of(3, lambda: lint_story(ROOT / "story"))
    cli_start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "game", "lint", str(ROOT / "story")], capture_output=True, check=False)
    lint_cli = time.perf_counter() - cli_start
    states = {}
    exhaustive_time = best_of(1, lambda: states.update({r: exhaustive(story, r).states for r in story.roles}))
    summary = [
        f"- random playthroughs, all roles: **{rate:,.0f} per second** (target {TARGET_RUNS_PER_SECOND:,}; "
        f"{total_steps / total_runs:.1f} choices per playthrough) "
        f"{'PASS' if rate >= TARGET_RUNS_PER_SECOND else 'FAIL'}",
        *lines,
        f"- for comparison, the same random play through `Session` (the front ends' API, one Session per "
        f"playthrough, the shared transitions machine): {session_rate:,.0f} per second",
        f"- lint of the whole story: {lint_in_process:.2f} s in process (best of 3), "
        f"{lint_cli:.2f} s as `foxbat lint` with interpreter start-up (target 1 s)",
        f"- exhaustive playtest: {exhaustive_time:.2f} s for "
        f"{', '.join(f'{r} {n:,}' for r, n in states.items())} (scene, variables) states (target 10 s)",
    ]
    stamp = f"{datetime.date.today()} · Python {platform.python_version()} · {platform.machine()}"
    text = "\n".join([f"### {stamp}", *summary]) + "\n"
    print(text)
    if "--append" in argv:
        append(text)
    return 0 if rate >= TARGET_RUNS_PER_SECOND else 1


def append(text: str) -> None:
    """Add a run to bench/RESULTS.md, under the Writer tooling heading (created when missing)."""
    results = ROOT / "bench" / "RESULTS.md"
    existing = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    if HEADING not in existing:
        existing = existing.rstrip("\n") + f"\n\n{HEADING}\n\n`python bench/playtest_throughput.py --append`\n"
    head, _, tail = existing.partition(HEADING)
    section, marker, rest = tail.partition("\n## ")
    section = section.rstrip("\n") + "\n\n" + text
    results.write_text(head + HEADING + section + (marker + rest if marker else ""), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
