"""The local queue of a kiosk with shared statistics: visits not yet on the server, and the last totals seen."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from .stats_records import SessionRecord, Totals, Visit

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    visit_id TEXT PRIMARY KEY, day TEXT NOT NULL, role TEXT NOT NULL, language TEXT NOT NULL,
    seconds REAL NOT NULL, timed_out INTEGER NOT NULL, ending TEXT, choices TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class Outbox:
    """Visits waiting for the server, in a SQLite file (WAL): a restart sends them, each exactly once."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # the writer and the sender thread share one connection
        self._db = sqlite3.connect(str(self.path), timeout=5, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        with self._db:
            self._db.executescript(SCHEMA)

    def add(self, visits: list[Visit]) -> None:
        """Keep visits until they are sent (one transaction)."""
        rows = [(v.record.visit_id, v.day, v.record.role, v.record.language, v.record.seconds,
                 int(v.record.timed_out), v.record.ending, json.dumps(v.record.choices)) for v in visits]
        with self._lock, self._db:
            self._db.executemany("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    def waiting(self, limit: int = 500) -> list[Visit]:
        """The oldest visits not yet sent."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM outbox ORDER BY rowid LIMIT ?", (limit,)).fetchall()
        return [Visit(SessionRecord(role, language, seconds, bool(timed_out), ending,
                                    tuple(tuple(pair) for pair in json.loads(choices)), visit_id), day)
                for visit_id, day, role, language, seconds, timed_out, ending, choices in rows]

    def remove(self, visit_ids: list[str]) -> None:
        """Forget visits the server has committed."""
        with self._lock, self._db:
            self._db.executemany("DELETE FROM outbox WHERE visit_id = ?", [(v,) for v in visit_ids])

    def clear(self) -> None:
        """Forget every waiting visit (a staff reset)."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM outbox")

    def count(self) -> int:
        """How many visits wait."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def save_totals(self, totals: Totals) -> None:
        """The server's totals as last seen, for a restart while the server is away."""
        value = json.dumps({"sessions": totals.sessions, "timed_out": totals.timed_out, "seconds": totals.seconds,
                            "by_day": totals.by_day, "choices": [[*k, n] for k, n in totals.choices.items()],
                            "endings": [[*k, n] for k, n in totals.endings.items()], "roles": totals.roles})
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('last_totals', ?)", (value,))

    def last_totals(self) -> Totals:
        """The server's totals as last seen (empty before the first contact)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'last_totals'").fetchone()
        totals = Totals()
        if row is None:
            return totals
        data = json.loads(row[0])
        totals.sessions, totals.timed_out, totals.seconds = data["sessions"], data["timed_out"], data["seconds"]
        totals.by_day = dict(data["by_day"])
        totals.roles = dict(data["roles"])
        for role, scene, choice, n in data["choices"]:
            totals.choices[(role, scene, choice)] = n
            totals.reached[(role, scene)] = totals.reached.get((role, scene), 0) + n
        for role, ending, n in data["endings"]:
            totals.endings[(role, ending)] = n
        return totals

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()
