"""Generate a synthetic story of N scenes (~3 choices each, conditions and effects) for benchmarks."""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

SCENES_PER_FILE = 50


def write_story(root: Path, scenes: int, seed: int = 1, history: bool = False, ordered: bool = False) -> Path:
    """Write a valid story with one role of `scenes` scenes under root; returns root.

    As the issue specifies: N scenes of ~3 choices with conditions and effects. With history=True
    every scene also carries a documented history block with a quote, like the shipped story.
    Scene times repeat every hour (so lint finds time going backwards all over); with
    ordered=True every scene is a minute after the one before, as in a story that lints clean.
    """
    rng = random.Random(seed)
    (root / "roles" / "bench").mkdir(parents=True, exist_ok=True)
    (root / "story.yaml").write_text("id: bench\ntitle: Benchmark story\nroles: [bench]\n")
    (root / "sources.yaml").write_text("sources:\n  src:\n    title: A source\n    reliability: synthetic\n")
    (root / "roles" / "bench" / "role.yaml").write_text(
        "name: Bench\ntitle: Synthetic role\nsummary: Generated.\nstart: s0\nvariables:\n"
        "  fuel: {type: int, initial: 50, min: 0, max: 100, label: Fuel}\n"
        "  nerve: {type: int, initial: 50, min: 0, max: 100, label: Nerve}\n"
        "  seen: {type: bool, initial: false, label: Seen}\n"
    )
    ending = scenes - 1
    for first in range(0, scenes, SCENES_PER_FILE):
        lines = ["scenes:"]
        for index in range(first, min(first + SCENES_PER_FILE, scenes)):
            lines += [f"  s{index}:", f"    when: \"{_when(index, ordered)}\"",
                      "    where: Somewhere over the sea", f"    title: Scene {index}",
                      "    text: >-", "      The fuel needle sinks and the cloud closes in. You do the sums on a pad",
                      "      on your knee and decide."]
            if history:
                lines += ["    history:", "      status: documented", "      what_happened: Something happened.",
                          "      sources:", "        - source: src", "          quote: something"]
            if index == ending:
                lines += ["    ending:", "      kind: historical", "      title: The end", "      outcome: It ends.",
                          "      differs: It does not."]
                continue
            lines.append("    choices:")
            targets = [index + 1] + [rng.randrange(index + 1, scenes) for _ in range(2)]
            for number, target in enumerate(targets):
                lines += [f"      - id: c{number}", f"        text: Choice {number} of scene {index}",
                          f"        goto: s{target}"]
                if number == 0:
                    lines += ["        record: actual", "        set: fuel -= 1; seen = true"]
                elif number == 1:
                    lines += ["        record: considered", "        if: fuel > 10 and not seen or nerve >= 40",
                              "        set: nerve = nerve + 2"]
                else:
                    lines += ["        record: invented", "        if: nerve * 2 - fuel < 120"]
        (root / "roles" / "bench" / f"{first // SCENES_PER_FILE:04d}.yaml").write_text("\n".join(lines) + "\n")
    return root


def _when(index: int, ordered: bool) -> str:
    """A scene's local time: minutes of one hour over and over, or one minute per scene from 6 September 1976."""
    if not ordered:
        return f"1976-09-06T13:{index % 60:02d}+09:00"
    moment = datetime(1976, 9, 6, 13, 0) + timedelta(minutes=index)
    return moment.strftime("%Y-%m-%dT%H:%M+09:00")


if __name__ == "__main__":
    write_story(Path(sys.argv[1]), int(sys.argv[2]), history="--history" in sys.argv, ordered="--ordered" in sys.argv)
