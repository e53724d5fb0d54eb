"""Append a benchmark's figures to bench/RESULTS.md under its heading ('Desktop game' unless told)."""

from __future__ import annotations

import platform
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## Desktop game"


def record(title: str, rows: list[tuple[str, str, str, bool]], heading: str = HEADING, intro: str = "") -> None:
    """Add one table (figure, measured, target, met) below a heading, creating the file or heading if needed."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if heading not in text:
        text = text.rstrip("\n") + f"\n\n{heading}\n" + (f"\n{intro}\n" if intro else "")
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    table = [f"\n### {title} ({when}, Python {platform.python_version()}, {platform.machine()})\n",
             "| figure | measured | target | met |", "| --- | --- | --- | --- |"]
    table += [f"| {name} | {value} | {target} | {'yes' if ok else 'NO'} |" for name, value, target, ok in rows]
    start = text.index(heading) + len(heading)
    following = text.find("\n## ", start)
    end = len(text) if following == -1 else following
    text = text[:end].rstrip("\n") + "\n" + "\n".join(table) + "\n" + text[end:]
    RESULTS.write_text(text, encoding="utf-8")


def show(rows) -> None:
    """Print the figures."""
    for name, value, target, ok in rows:
        print(f"{name:58} {value:>14}   target {target:12} {'ok' if ok else 'MISSED'}")
