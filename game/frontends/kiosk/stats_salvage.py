"""A damaged statistics file: read every row that still reads into a fresh file; keep the damaged one aside."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable

log = logging.getLogger("foxbat.kiosk.stats")

CHUNK = 64  # rows read per query: a damaged page loses its own chunk, not the whole table

SESSION_COLUMNS = ("day", "role", "language", "seconds", "timed_out", "ending")


def salvage(damaged: Path, fresh: sqlite3.Connection) -> int:
    """Copy the sessions and choice counts that can still be read; returns how many sessions were saved."""
    try:
        source = sqlite3.connect(f"{Path(damaged).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.error("the damaged statistics file cannot be opened at all: %s", exc)
        return 0
    saved = 0
    try:
        has_visit_id = "visit_id" in _columns(source, "sessions")
        columns = ", ".join(SESSION_COLUMNS + (("visit_id",) if has_visit_id else ()))
        with fresh:
            for row in _rows(source, "sessions", columns):
                values = row if has_visit_id else row + (None,)
                if _plausible_session(values):
                    fresh.execute("INSERT INTO sessions (day, role, language, seconds, timed_out, ending, visit_id) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", values)
                    saved += 1
            for role, scene, choice, count in _rows(source, "choices", "role, scene, choice, count"):
                if all(isinstance(v, str) for v in (role, scene, choice)) and isinstance(count, int) and count > 0:
                    fresh.execute("INSERT INTO choices VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                  (role, scene, choice, count))
            for row in _rows(source, "kiosks", "kiosk_id, last_seen"):
                fresh.execute("INSERT INTO kiosks VALUES (?, ?) ON CONFLICT DO NOTHING", row)
    finally:
        source.close()
    return saved


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    try:
        return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    except sqlite3.Error:
        return set()


def _rows(db: sqlite3.Connection, table: str, columns: str):
    """Rows of a table read in rowid chunks, skipping the chunks that no longer read."""
    try:
        last = db.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        last = None
    if last is None:  # the table's root is damaged too: try a plain scan and keep what comes before the error
        yield from _scan(db, table, columns)
        return
    for start in range(0, last + 1, CHUNK):
        try:
            rows = db.execute(f"SELECT {columns} FROM {table} WHERE rowid >= ? AND rowid < ?",
                              (start, start + CHUNK)).fetchall()
        except sqlite3.Error:
            rows = [row for rowid in range(start, start + CHUNK) for row in _one(db, table, columns, rowid)]
        yield from rows


def _one(db: sqlite3.Connection, table: str, columns: str, rowid: int) -> list:
    try:
        return db.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchall()
    except sqlite3.Error:
        return []


def _scan(db: sqlite3.Connection, table: str, columns: str):
    try:
        for row in db.execute(f"SELECT {columns} FROM {table}"):
            yield row
    except sqlite3.Error:
        return


def _plausible_session(values: tuple) -> bool:
    day, role, language, seconds, timed_out, _ending, _visit = values
    return (isinstance(day, str) and isinstance(role, str) and isinstance(language, str)
            and isinstance(seconds, (int, float)) and timed_out in (0, 1))


def set_aside(path: Path, clock: Callable[[], float] = time.time) -> Path:
    """Rename the file (and its -wal, -shm) to a name no earlier set-aside file has; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    base = path.with_name(f"{path.name}.corrupt-{stamp}")
    kept, n = base, 1
    while any(Path(str(kept) + suffix).exists() for suffix in ("", "-wal", "-shm")):
        n += 1
        kept = base.with_name(f"{base.name}-{n}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            # link() fails if the name was taken since the check above: never overwrites a kept file.
            os.link(part, Path(str(kept) + suffix))
            part.unlink()
    return kept
