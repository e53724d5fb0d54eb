"""Anonymous visitor statistics in SQLite (WAL): written by a background thread, read from memory."""

from __future__ import annotations

import csv
import io
import logging
import os
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from game.engine import Notice

log = logging.getLogger("foxbat.kiosk.stats")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,            -- local date only: enough for 'sessions today', not enough to identify anyone
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    seconds REAL NOT NULL,
    timed_out INTEGER NOT NULL,
    ending TEXT                   -- NULL when the visitor left before an ending
);
CREATE TABLE IF NOT EXISTS choices (
    role TEXT NOT NULL, scene TEXT NOT NULL, choice TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (role, scene, choice)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class SessionRecord:
    """One finished or abandoned visit: nothing typed, nothing that identifies a person."""

    role: str
    language: str
    seconds: float
    timed_out: bool
    ending: str | None
    choices: tuple[tuple[str, str], ...]  # (scene, choice), one per decision scene


@dataclass(frozen=True)
class Share:
    """How many visitors reached a decision, how many chose one option, and the percentage when shown."""

    chosen: int
    reached: int
    percent: int | None  # None until at least min_sessions visitors reached the decision


@dataclass
class Totals:
    """The counts kept in memory so a frame never waits for the disk."""

    sessions: int = 0
    timed_out: int = 0
    seconds: float = 0.0
    by_day: dict[str, int] = field(default_factory=dict)
    choices: dict[tuple[str, str, str], int] = field(default_factory=dict)
    reached: dict[tuple[str, str], int] = field(default_factory=dict)
    endings: dict[tuple[str, str], int] = field(default_factory=dict)
    roles: dict[str, int] = field(default_factory=dict)

    def add(self, record: SessionRecord, day: str) -> None:
        """Count one session."""
        self.sessions += 1
        self.timed_out += int(record.timed_out)
        self.seconds += record.seconds
        self.by_day[day] = self.by_day.get(day, 0) + 1
        self.roles[record.role] = self.roles.get(record.role, 0) + 1
        if record.ending:
            key = (record.role, record.ending)
            self.endings[key] = self.endings.get(key, 0) + 1
        for scene, choice in record.choices:
            key3 = (record.role, scene, choice)
            self.choices[key3] = self.choices.get(key3, 0) + 1
            self.reached[(record.role, scene)] = self.reached.get((record.role, scene), 0) + 1


_STOP = object()
_RESET = object()


class StatsStore:
    """The statistics of one kiosk: in memory for reading, persisted by a writer thread."""

    def __init__(self, path: Path, min_sessions: int = 30, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self.min_sessions = min_sessions
        self.clock = clock
        self.warnings: list[Notice] = []  # English as text, with a key for the staff language
        self.write_errors = 0
        self.totals = Totals()
        self._queue: queue.Queue = queue.Queue()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._open_or_recreate()
        self._thread = threading.Thread(target=self._write_loop, name="kiosk-stats", daemon=True)
        self._thread.start()

    # --- opening -----------------------------------------------------------------------------

    def _open_or_recreate(self) -> None:
        """Load the counts; a missing or unreadable file is replaced, keeping a corrupt one aside."""
        if not self.path.exists():
            self.warnings.append(Notice(f"No statistics database was found; a new one was started at {self.path}.",
                                        "kiosk.staff.new_database", {"path": self.path}))
        try:
            self.totals = self._load()
            return
        except sqlite3.DatabaseError as exc:
            kept = self._set_aside()
            self.warnings.append(Notice(f"The statistics database was damaged ({exc}); it was kept as {kept.name} "
                                        f"and a new one was started.", "kiosk.staff.damaged_database",
                                        {"error": exc, "kept": kept.name}))
        self.totals = self._load()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit survives the power cord; the writer thread pays the cost, never a frame.
        db.execute("PRAGMA synchronous=FULL")
        return db

    def _load(self) -> Totals:
        db = self._connect()
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            db.executescript(SCHEMA)
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
        finally:
            db.close()

    def _set_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.clock()))
        kept = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                os.replace(part, Path(str(kept) + suffix))
        return kept

    # --- writing -----------------------------------------------------------------------------

    def record(self, record: SessionRecord) -> None:
        """Count a session now (in memory) and queue it for the disk; never blocks."""
        day = self.today()
        self.totals.add(record, day)
        self._queue.put((record, day))

    def reset(self) -> None:
        """Forget every count (staff action, confirmed on screen)."""
        self.totals = Totals()
        self._queue.put(_RESET)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued is on disk; False on timeout."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def close(self) -> None:
        """Write what is queued and stop the writer."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(10)

    def _write_loop(self) -> None:
        db = None
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                if db is None:
                    db = self._connect()
                with db:  # one transaction per session: a crash keeps all of it or none
                    if item is _RESET:
                        db.execute("DELETE FROM sessions")
                        db.execute("DELETE FROM choices")
                    else:
                        self._write(db, *item)
            except sqlite3.Error as exc:
                self.write_errors += 1
                log.error("statistics write failed: %s", exc)
                if db is not None:
                    db.close()
                    db = None
        if db is not None:
            db.close()

    @staticmethod
    def _write(db: sqlite3.Connection, record: SessionRecord, day: str) -> None:
        db.execute("INSERT INTO sessions (day, role, language, seconds, timed_out, ending) VALUES (?, ?, ?, ?, ?, ?)",
                   (day, record.role, record.language, round(record.seconds, 1), int(record.timed_out), record.ending))
        db.executemany(
            "INSERT INTO choices (role, scene, choice, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (role, scene, choice) DO UPDATE SET count = count + 1",
            [(record.role, scene, choice) for scene, choice in record.choices])

    # --- reading -----------------------------------------------------------------------------

    def today(self) -> str:
        """The local date, as the sessions table keeps it."""
        return time.strftime("%Y-%m-%d", time.localtime(self.clock()))

    @property
    def sessions_today(self) -> int:
        """Sessions recorded on today's date."""
        return self.totals.by_day.get(self.today(), 0)

    def share(self, role: str, scene: str, choice: str) -> Share:
        """The visitors who reached a decision and chose this; a percentage only past min_sessions."""
        reached = self.totals.reached.get((role, scene), 0)
        chosen = self.totals.choices.get((role, scene, choice), 0)
        percent = round(100 * chosen / reached) if reached >= self.min_sessions and reached else None
        return Share(chosen, reached, percent)

    def ending_share(self, role: str, ending: str) -> Share:
        """The visitors of a role who reached an ending; a percentage only past min_sessions."""
        played = sum(n for (r, _), n in self.totals.endings.items() if r == role)
        chosen = self.totals.endings.get((role, ending), 0)
        percent = round(100 * chosen / played) if played >= self.min_sessions and played else None
        return Share(chosen, played, percent)

    def to_csv(self) -> str:
        """Every count as CSV: kind, role, scene, choice or ending, count, out of, percent."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["kind", "role", "scene", "choice_or_ending", "count", "out_of", "percent"])
        t = self.totals
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
        return out.getvalue()

    def export_csv(self, path: Path) -> Path:
        """Write to_csv() to a file (atomically) and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(self.to_csv(), encoding="utf-8")
        os.replace(partial, path)
        return path
