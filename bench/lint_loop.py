"""The writer's save-to-feedback loop (issue 19): `foxbat lint story` as whole-process CPU, three ways.

- no caches: an empty cache folder every run (the first lint ever, or `--no-cache`);
- unchanged: the same story again with the caches of the last lint;
- one scene's text edited: a word of one scene's text changed before each run (a writer's save);
- one choice's effect edited: a police choice's `set:` rewritten before each run (same values,
  new text), so lint works that role's play findings out again.

Each figure is the median of fresh processes run in turn (cold, warm, edit, then again), on a
copy of the shipped story beside the shared documents, so the quotes are checked as in the repo.
With --before DIR (a checkout of older code, such as /work/main) the same runs of that code go
in the same rounds, and the ratios are medians of the pair-by-pair ratios. A benchmark, not a test.

Usage: python bench/lint_loop.py [--runs 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from speed import run_once  # noqa: E402

TARGET = 0.5  # s whole-process CPU


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    args = parser.parse_args()
    codes = {"after": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    shared = (ROOT.parent / "shared").resolve()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        os.chdir(work)  # `python -m` puts the working folder first on the path: not a checkout's
        os.symlink(shared, work / "shared")  # lint finds the documents beside the story, as in the repo
        story = work / "story"
        shutil.copytree(ROOT / "story", story)
        scene_file = sorted((story / "roles" / "pilot").glob("0*.yaml"))[0]
        original = scene_file.read_text(encoding="utf-8")
        marker = "    text: >-\n      "
        assert marker in original, scene_file
        choice_file = story / "roles" / "police" / "01_airport.yaml"
        choices = choice_file.read_text(encoding="utf-8")
        effect = "set: control += 10; tokyo_pressure += 5\n"
        assert effect in choices, choice_file
        figures: dict[tuple[str, str], list[float]] = {}
        edits = 0

        def lint(label: str, cache: Path) -> float:
            env = dict(os.environ, FOXBAT_CACHE_DIR=str(cache), PYTHONPATH=str(codes[label]))
            cpu, _, out = run_once([sys.executable, "-m", "game", "lint", str(story)], env)
            if "0 errors" not in out:  # an edited English text makes its translations stale (W331)
                raise SystemExit(f"{label}: lint did not pass:\n{out}")
            return cpu

        for label in codes:  # warm-up, and the caches the unchanged runs start from
            lint(label, work / f"cache-{label}")
        for _ in range(args.runs):
            for label in codes:
                empty = Path(tempfile.mkdtemp(dir=work))
                figures.setdefault((label, "cold"), []).append(lint(label, empty))
                shutil.rmtree(empty)
                figures.setdefault((label, "warm"), []).append(lint(label, work / f"cache-{label}"))
                edits += 1  # a different word each time, so every edit is a new text
                scene_file.write_text(original.replace(marker, f"{marker}Edit {edits} ", 1), encoding="utf-8")
                figures.setdefault((label, "edit"), []).append(lint(label, work / f"cache-{label}"))
                scene_file.write_text(original, encoding="utf-8")
                same = f"set: control += 10; tokyo_pressure += 5 + {edits} - {edits}\n"
                choice_file.write_text(choices.replace(effect, same, 1), encoding="utf-8")
                figures.setdefault((label, "choice"), []).append(lint(label, work / f"cache-{label}"))
                choice_file.write_text(choices, encoding="utf-8")
                lint(label, work / f"cache-{label}")  # back to the unchanged story's caches
    names = {"cold": "no caches at all", "warm": "unchanged re-run", "edit": "after editing one scene's text",
             "choice": "after editing one police choice's `set:`"}
    print(f"| `foxbat lint story`, whole-process CPU | {' | '.join(codes)} | target |")
    print(f"| --- | {' | '.join('---:' for _ in codes)} | --- |")
    missed = False
    for kind, name in names.items():
        cells = []
        for label in codes:
            values = figures[(label, kind)]
            cells.append(f"{statistics.median(values):.3f} s ({min(values):.2f}-{max(values):.2f})")
        ratio = ""
        if "before" in codes:
            ratio = f" (after/before {statistics.median(a / b for a, b in zip(figures[('after', kind)], figures[('before', kind)])):.2f})"
        after = statistics.median(figures[("after", kind)])
        missed |= after > TARGET
        print(f"| {name} | {' | '.join(cells)}{ratio} | <= {TARGET} s: {'yes' if after <= TARGET else 'NO'} |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
