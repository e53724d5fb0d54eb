"""One kiosk's statistics in a SQLite file (WAL): locked is not corrupt, damage is salvaged, backups daily."""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import time
from pathlib import Path
from typing import Callable

from game.engine import Notice

from .stats_records import StatsUnavailable, Totals, Visit
from .stats_salvage import salvage, set_aside

log = logging.getLogger("foxbat.kiosk.stats")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,            -- local date only: enough for 'sessions today', not enough to identify anyone
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    seconds REAL NOT NULL,
    timed_out INTEGER NOT NULL,
    ending TEXT,                  -- NULL when the visitor left before an ending
    visit_id TEXT                 -- random; the same visit written twice is kept once
);
CREATE TABLE IF NOT EXISTS choices (
    role TEXT NOT NULL, scene TEXT NOT NULL, choice TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (role, scene, choice)
);
CREATE TABLE IF NOT EXISTS kiosks (kiosk_id TEXT PRIMARY KEY, last_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
MIGRATIONS = ("ALTER TABLE sessions ADD COLUMN visit_id TEXT",)  # files written before visit ids
INDEXES = "CREATE UNIQUE INDEX IF NOT EXISTS sessions_visit ON sessions (visit_id)"

LOCK_WAIT = 5.0  # seconds to wait for another program's lock at start-up before retrying in the background


def _connect(path: Path, read_only: bool = False, timeout: float = LOCK_WAIT) -> sqlite3.Connection:
    """A connection to the file (read-only through a URI); tests replace this to imitate a read-only disk."""
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                               check_same_thread=False)
    return sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)


def is_locked(exc: BaseException) -> bool:
    """True when SQLite failed because another connection holds a lock (not because the file is bad)."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def is_read_only(exc: BaseException) -> bool:
    """True when the file or its folder cannot be written (read-only filesystem, permissions)."""
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text


def is_full(exc: BaseException) -> bool:
    """True when the disk (or the database's page limit) is full."""
    return "full" in str(exc).lower()


class SqliteBackend:
    """Visits in one SQLite file: WAL, synchronous=FULL, one transaction per batch, read back at start."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time, backups: int = 7,
                 kiosk_id: str | None = None):
        self.path = Path(path)
        self.clock = clock
        self.backups = backups
        self.kiosk_id = kiosk_id or socket.gethostname()
        self.warnings: list[Notice] = []
        self.state = "waiting"
        self.reason = ""
        self._db: sqlite3.Connection | None = None
        self._backed_up = ""

    @property
    def where(self) -> str:
        """The file, for the staff screen."""
        return str(self.path)

    def _warn(self, text: str, key: str, **values) -> None:
        self.warnings.append(Notice(text, key, values))
        log.warning("%s", text)

    # --- opening -------------------------------------------------------------------------------

    def open(self) -> tuple[Totals, list[Visit]]:
        """Read the counts; a locked file is waited for, a damaged one salvaged, a read-only one read."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if not self.path.exists():
                return self._off(f"the folder of {self.path} cannot be made ({exc.strerror or exc})")
        if self.path.is_dir():
            return self._off(f"{self.path} is a folder, not a file")
        existed = self.path.exists()
        try:
            totals = self._open_writable()
        except sqlite3.Error as exc:
            if is_locked(exc):
                if self.state != "waiting" or not self.reason:
                    self._warn(f"The statistics database is locked by another program; waiting for it ({exc}).",
                               "kiosk.staff.database_locked", error=exc)
                self.state, self.reason = "waiting", f"locked by another program ({exc})"
                raise StatsUnavailable(f"{self.path} is locked by another program") from None
            if is_read_only(exc) or is_full(exc):
                return self._read_only(exc, existed)
            try:
                return self._salvage(exc)
            except (OSError, sqlite3.Error) as failed:
                return self._off(f"{self.path} is damaged and could not be salvaged ({failed})")
        self.warnings[:] = [w for w in self.warnings if w.key != "kiosk.staff.database_locked"]
        if not existed:
            self._warn(f"No statistics database was found; a new one was started at {self.path}.",
                       "kiosk.staff.new_database", path=self.path)
        self.state, self.reason = "ok", ""
        return totals, []

    def _open_writable(self) -> Totals:
        db = _connect(self.path)
        try:
            # quick_check first: it reads every page without writing, so damage shows before any change.
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {result}")
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives the power cord; the writer thread pays the cost, never a frame.
            db.execute("PRAGMA synchronous=FULL")
            with db:
                db.executescript(SCHEMA)
                migrate(db)
                # A real write: a read-only disk lets every statement above through when the tables exist.
                db.execute("INSERT OR REPLACE INTO meta VALUES ('opened_by', ?)", (self.kiosk_id,))
            totals = load_totals(db)
        except BaseException:
            db.close()
            raise
        self._db = db
        return totals

    def _off(self, reason: str) -> tuple[Totals, list[Visit]]:
        self.state, self.reason = "off", reason
        self._warn(f"Statistics are off: {reason}.", "kiosk.staff.stats_off", reason=reason)
        raise StatsUnavailable(reason)

    def _read_only(self, exc: sqlite3.Error, existed: bool) -> tuple[Totals, list[Visit]]:
        """Counts from a file that cannot be written: shown, and new visits kept in memory only."""
        reason = "the disk is full" if is_full(exc) else "the disk or the file is read-only"
        totals = Totals()
        if existed:
            try:
                db = _connect(self.path, read_only=True)
                try:
                    totals = load_totals(db)
                finally:
                    db.close()
            except sqlite3.Error as second:
                return self._off(f"{self.path} cannot be read ({second})")
        self.state, self.reason = "read_only", reason
        self._warn(f"Statistics are read-only: {reason} ({exc}); new visits are counted but not saved.",
                   "kiosk.staff.stats_read_only", reason=reason, error=exc)
        return totals, []

    def _salvage(self, exc: sqlite3.Error) -> tuple[Totals, list[Visit]]:
        """A damaged file: copy what it still holds into a fresh one, keep the damaged one aside."""
        fresh = self.path.with_name(self.path.name + ".salvage")
        for part in (fresh, Path(str(fresh) + "-wal"), Path(str(fresh) + "-shm")):
            part.unlink(missing_ok=True)
        db = _connect(fresh)
        with db:
            db.executescript(SCHEMA)
            migrate(db)
        saved = salvage(self.path, db)
        db.close()
        kept = set_aside(self.path, self.clock)
        os.replace(fresh, self.path)
        self._warn(f"The statistics database was damaged ({exc}); it was kept as {kept.name} and "
                   f"{saved} sessions were saved into a new one.", "kiosk.staff.damaged_database",
                   error=exc, kept=kept.name, saved=saved)
        totals = self._open_writable()
        self.state, self.reason = "ok", ""
        return totals, []

    # --- writing -------------------------------------------------------------------------------

    def write(self, visits: list[Visit]) -> bool:
        """One transaction for the batch: a crash keeps all of it or none."""
        if self.state == "read_only":
            raise StatsUnavailable(self.reason)
        db = self._require()
        try:
            with db:
                for visit in visits:
                    write_visit(db, visit)
                db.execute("INSERT INTO kiosks VALUES (?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = "
                           "excluded.last_seen", (self.kiosk_id, _utc(self.clock())))
        except sqlite3.Error as exc:
            self._drop()
            if is_full(exc) and self.state != "read_only":
                self._warn(f"The disk is full; new visits are counted but not saved ({exc}).",
                           "kiosk.staff.stats_read_only", reason="the disk is full", error=exc)
            raise StatsUnavailable(f"statistics write failed: {exc}") from None
        return True

    def refresh(self) -> None:
        """Daily backup; the counts in memory are already right (this kiosk is the file's only writer)."""
        if self.state == "ok" and self.backups > 0:
            self.backup()
        return None

    def backup(self) -> Path | None:
        """Today's copy in backups/ beside the file (SQLite's backup API), keeping the newest N days."""
        day = time.strftime("%Y-%m-%d", time.localtime(self.clock()))
        if self._backed_up == day:
            return None
        folder = self.path.parent / "backups"
        target = folder / f"{self.path.stem}-{day}.sqlite3"
        try:
            folder.mkdir(exist_ok=True)
            if not target.exists():
                partial = target.with_name(target.name + ".partial")
                copy = sqlite3.connect(str(partial))
                try:
                    self._require().backup(copy)
                finally:
                    copy.close()
                os.replace(partial, target)
            old = sorted(folder.glob(f"{self.path.stem}-????-??-??.sqlite3"))
            for stale in old[:-self.backups]:
                stale.unlink()
        except (OSError, sqlite3.Error) as exc:
            log.error("statistics backup failed: %s", exc)
            return None
        self._backed_up = day
        return target

    def reset(self) -> None:
        """Delete every session and count."""
        db = self._require()
        try:
            with db:
                db.execute("DELETE FROM sessions")
                db.execute("DELETE FROM choices")
        except sqlite3.Error as exc:
            self._drop()
            raise StatsUnavailable(f"statistics reset failed: {exc}") from None

    def kiosks(self) -> dict[str, str]:
        """This file's kiosk and when it last wrote."""
        try:
            db = _connect(self.path, read_only=True, timeout=1)
            try:
                return dict(db.execute("SELECT kiosk_id, last_seen FROM kiosks ORDER BY kiosk_id"))
            finally:
                db.close()
        except sqlite3.Error:
            return {}

    def _require(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = _connect(self.path)
                self._db.execute("PRAGMA synchronous=FULL")
            except sqlite3.Error as exc:
                self._db = None
                raise StatsUnavailable(f"{self.path} cannot be opened: {exc}") from None
        return self._db

    def _drop(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def close(self) -> None:
        """Close the file."""
        self._drop()


def migrate(db: sqlite3.Connection) -> None:
    """Bring a file from an earlier version up to this schema."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(sessions)")}
    if "visit_id" not in columns:
        for statement in MIGRATIONS:
            db.execute(statement)
    db.execute(INDEXES)


def write_visit(db: sqlite3.Connection, visit: Visit) -> bool:
    """Insert one visit and bump its choices; nothing when this visit id is already there."""
    record = visit.record
    inserted = db.execute(
        "INSERT INTO sessions (day, role, language, seconds, timed_out, ending, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (visit_id) DO NOTHING",
        (visit.day, record.role, record.language, round(record.seconds, 1), int(record.timed_out), record.ending,
         record.visit_id)).rowcount
    if inserted:
        db.executemany(
            "INSERT INTO choices (role, scene, choice, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (role, scene, choice) DO UPDATE SET count = count + 1",
            [(record.role, scene, choice) for scene, choice in record.choices])
    return bool(inserted)


def load_totals(db: sqlite3.Connection) -> Totals:
    """Every count in the file."""
    totals = Totals()
    for day, role, count, timed_out, seconds in db.execute(
            "SELECT day, role, COUNT(*), SUM(timed_out), SUM(seconds) FROM sessions GROUP BY day, role"):
        totals.sessions += count
        totals.timed_out += timed_out or 0
        totals.seconds += seconds or 0.0
        totals.by_day[day] = totals.by_day.get(day, 0) + count
        totals.roles[role] = totals.roles.get(role, 0) + count
    for role, ending, count in db.execute(
            "SELECT role, ending, COUNT(*) FROM sessions WHERE ending IS NOT NULL GROUP BY role, ending"):
        totals.endings[(role, ending)] = count
    for role, scene, choice, count in db.execute("SELECT role, scene, choice, count FROM choices"):
        totals.choices[(role, scene, choice)] = count
        totals.reached[(role, scene)] = totals.reached.get((role, scene), 0) + count
    return totals


def _utc(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
