"""Which statistics store a kiosk.yaml names (a SQLite file, or PostgreSQL with a local queue), opened or checked."""

from __future__ import annotations

import socket
import sqlite3
import time
from pathlib import Path
from typing import Callable

from .stats import StatsStore

STATS_FILE = "kiosk-stats.sqlite3"
QUEUE_FILE = "kiosk-stats-queue.sqlite3"


def stats_file(config, data_dir: Path) -> Path:
    """The SQLite file: stats_path, or the data folder's kiosk-stats.sqlite3."""
    return Path(config.stats_path) if config.stats_path else Path(data_dir) / STATS_FILE


def queue_file(config, data_dir: Path) -> Path:
    """The local queue of a shared store: beside stats_path when given, else in the data folder."""
    folder = Path(config.stats_path).parent if config.stats_path else Path(data_dir)
    return folder / QUEUE_FILE


def kiosk_name(config) -> str:
    """This kiosk's id: kiosk_id, or the machine's name."""
    return config.kiosk_id or socket.gethostname()


def open_stats(config, data_dir: Path, clock: Callable[[], float] = time.time, retry_seconds: float = 5.0) -> StatsStore:
    """The store the config names; it never raises: an unusable one reports state 'off' and a reason."""
    if config.stats_url:
        from .stats_shared import SharedBackend

        backend = SharedBackend(config.stats_url, kiosk_name(config), queue_file(config, data_dir),
                                interval=retry_seconds)
    else:
        from .stats_sqlite import SqliteBackend

        backend = SqliteBackend(stats_file(config, data_dir), clock=clock, backups=config.stats_backups,
                                kiosk_id=kiosk_name(config))
    return StatsStore(min_sessions=config.min_sessions, clock=clock, backend=backend, retry_seconds=retry_seconds)


def check_stats(config, data_dir: Path) -> list[str]:
    """Problems with the statistics store, one line each (empty when it can be used), changing nothing."""
    if config.stats_url:
        return _check_server(config) + _check_folder(queue_file(config, data_dir))
    path = stats_file(config, data_dir)
    problems = _check_folder(path)
    if problems or not path.exists():
        return problems
    if path.is_dir():
        return [f"statistics: {path} is a folder, not a file"]
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as exc:
        from .stats_sqlite import is_locked

        if is_locked(exc):
            return [f"statistics: {path} is locked by another program ({exc})"]
        return [f"statistics: {path} cannot be read ({exc}); the kiosk would salvage it and keep it aside"]
    if result != "ok":
        return [f"statistics: {path} is damaged ({result}); the kiosk would salvage it and keep it aside"]
    return []


def _check_folder(path: Path) -> list[str]:
    """The file's folder exists (or can be made) and can be written."""
    import os

    folder = path.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return [f"statistics: {existing} is not a folder, so {path} cannot be kept there"]
    if not os.access(existing, os.W_OK):
        return [f"statistics: the folder {existing} cannot be written (read-only or no permission)"]
    return []


def _check_server(config) -> list[str]:
    from .stats_shared import shown_url

    try:
        from . import stats_postgres as pg

        with pg.connect(config.stats_url) as db:
            pg.create_schema(db)
            db.execute("SELECT COUNT(*) FROM foxbat_visits").fetchone()
    except Exception as exc:  # noqa: BLE001 - psycopg.Error, ImportError: one line for staff
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [f"statistics: the server {shown_url(config.stats_url)} cannot be used ({first})"]
    return []
