"""The statistics as staff read them: CSV and JSON of the counts, written whole or not at all."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .stats_records import Totals


def totals_csv(t: Totals, kiosks: dict[str, str] | None = None) -> str:
    """Every count as CSV: kind, role, scene, choice or ending, count, out of, percent (and each kiosk's last_seen)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "role", "scene", "choice_or_ending", "count", "out_of", "percent"])
    writer.writerow(["sessions", "", "", "", t.sessions, "", ""])
    writer.writerow(["timed_out", "", "", "", t.timed_out, t.sessions,
                     round(100 * t.timed_out / t.sessions) if t.sessions else ""])
    writer.writerow(["average_seconds", "", "", "", round(t.seconds / t.sessions) if t.sessions else 0, "", ""])
    for role, count in sorted(t.roles.items()):
        writer.writerow(["role", role, "", "", count, t.sessions, round(100 * count / t.sessions)])
    for (role, scene, choice), count in sorted(t.choices.items()):
        reached = t.reached[(role, scene)]
        writer.writerow(["choice", role, scene, choice, count, reached, round(100 * count / reached)])
    for (role, ending), count in sorted(t.endings.items()):
        played = sum(n for (r, _), n in t.endings.items() if r == role)
        writer.writerow(["ending", role, "", ending, count, played, round(100 * count / played)])
    for kiosk, last_seen in sorted((kiosks or {}).items()):
        # The kiosk's id in the role column, when it last wrote in the choice_or_ending column.
        writer.writerow(["kiosk", kiosk, "", last_seen, "", "", ""])
    return out.getvalue()


def totals_json(t: Totals, kiosks: dict[str, str] | None = None) -> dict:
    """The counts as one JSON object: sessions, kiosks, last_seen, roles, choices, endings."""
    kiosks = kiosks or {}
    ending_played = {}
    for (role, _), n in t.endings.items():
        ending_played[role] = ending_played.get(role, 0) + n
    return {
        "sessions": t.sessions,
        "timed_out": t.timed_out,
        "average_seconds": round(t.seconds / t.sessions) if t.sessions else 0,
        "kiosks": sorted(kiosks),
        "last_seen": dict(sorted(kiosks.items())),
        "by_day": dict(sorted(t.by_day.items())),
        "roles": dict(sorted(t.roles.items())),
        "choices": [{"role": role, "scene": scene, "choice": choice, "count": n, "out_of": t.reached[(role, scene)],
                     "percent": round(100 * n / t.reached[(role, scene)])}
                    for (role, scene, choice), n in sorted(t.choices.items())],
        "endings": [{"role": role, "ending": ending, "count": n, "out_of": ending_played[role],
                     "percent": round(100 * n / ending_played[role])}
                    for (role, ending), n in sorted(t.endings.items())],
    }


def write_atomically(path: Path, text: str) -> Path:
    """Write a file through a temporary name, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
    return path
