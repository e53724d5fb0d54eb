"""The statistics for staff: CSV and JSON from the counts, and `foxbat stats export` reading any store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from .stats_format import totals_csv, totals_json, write_atomically  # noqa: F401 - re-exported
from .stats_records import Totals

EXIT_OK, EXIT_PROBLEMS = 0, 1


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
