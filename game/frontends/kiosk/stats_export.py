"""The statistics for staff: CSV and JSON from the counts, and `foxbat stats export` reading any store."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from .stats import Totals

EXIT_OK, EXIT_PROBLEMS = 0, 1


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


def read_store(config, data_dir: Path) -> tuple[Totals, dict[str, str]]:
    """The counts and kiosks of the store a config names, read without starting a kiosk; OSError-like on failure."""
    from .stats_open import stats_file

    if config.stats_url:
        from . import stats_postgres as pg

        with pg.connect(config.stats_url) as db:
            pg.create_schema(db)
            return pg.load_totals(db), pg.kiosks(db)
    import sqlite3

    from .stats_sqlite import load_totals

    path = stats_file(config, data_dir)
    if not path.is_file():
        raise FileNotFoundError(f"no statistics database at {path}")
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        kiosks = dict(db.execute("SELECT kiosk_id, last_seen FROM kiosks")) if _has_table(db, "kiosks") else {}
        return load_totals(db), kiosks
    finally:
        db.close()


def _has_table(db, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def export_command(config_path: Path | None, fmt: str, data_dir: Path, out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    """`foxbat stats export --config FILE --format csv|json`: the totals on standard output."""
    out, err = out or sys.stdout, err or sys.stderr
    from .config import ConfigError, load_config
    from .stats_shared import shown_url

    try:
        config = load_config(config_path).config
    except ConfigError as exc:
        print(str(exc), file=err)
        return EXIT_PROBLEMS
    try:
        totals, kiosks = read_store(config, data_dir)
    except Exception as exc:  # noqa: BLE001 - sqlite3/psycopg/OS errors: one line, no traceback
        where = shown_url(config.stats_url) if config.stats_url else "the statistics database"
        print(f"foxbat stats export: cannot read {where}: {str(exc).strip().splitlines()[0]}", file=err)
        return EXIT_PROBLEMS
    if fmt == "json":
        out.write(json.dumps(totals_json(totals, kiosks), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(totals_csv(totals, kiosks))
    return EXIT_OK
