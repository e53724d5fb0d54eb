"""A museum's statistics on a PostgreSQL server (psycopg 3): idempotent inserts, museum-wide totals."""

from __future__ import annotations

from typing import Iterable

from .stats_records import Totals, Visit

SCHEMA = """
CREATE TABLE IF NOT EXISTS foxbat_visits (
    visit_id TEXT PRIMARY KEY,        -- random per visit: a visit sent twice is kept once
    kiosk_id TEXT NOT NULL,
    day TEXT NOT NULL,                -- local date only, as on the kiosk
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    seconds REAL NOT NULL,
    timed_out BOOLEAN NOT NULL,
    ending TEXT
);
CREATE TABLE IF NOT EXISTS foxbat_visit_choices (
    visit_id TEXT NOT NULL REFERENCES foxbat_visits ON DELETE CASCADE,
    scene TEXT NOT NULL,
    choice TEXT NOT NULL,
    PRIMARY KEY (visit_id, scene)
);
CREATE TABLE IF NOT EXISTS foxbat_kiosks (kiosk_id TEXT PRIMARY KEY, last_seen TIMESTAMPTZ NOT NULL);
"""
SCHEMA_LOCK = 19760906  # an advisory lock: two kiosks starting at once do not both create the tables

CONNECT_TIMEOUT = 3       # seconds: the sender never waits long on an unreachable server
STATEMENT_TIMEOUT_MS = 5000


def connect(url: str):
    """A connection with bounded waits everywhere (connecting, statements, a silent network)."""
    import psycopg

    return psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, keepalives=1, keepalives_idle=5,
                           keepalives_interval=2, keepalives_count=2, tcp_user_timeout=CONNECT_TIMEOUT * 1000,
                           options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}", application_name="foxbat-kiosk")


def create_schema(db) -> None:
    """The tables, created once however many kiosks start together."""
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        for statement in filter(str.strip, SCHEMA.split(";")):
            db.execute(statement)


def send(db, kiosk_id: str, visits: Iterable[Visit]) -> None:
    """Insert visits in one transaction; a visit the server already has is skipped, not counted again."""
    visits = list(visits)
    with db.transaction(), db.cursor() as cur:
        cur.executemany(
            "INSERT INTO foxbat_visits (visit_id, kiosk_id, day, role, language, seconds, timed_out, ending) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (visit_id) DO NOTHING",
            [(v.record.visit_id, kiosk_id, v.day, v.record.role, v.record.language, round(v.record.seconds, 1),
              v.record.timed_out, v.record.ending) for v in visits])
        cur.executemany(
            "INSERT INTO foxbat_visit_choices (visit_id, scene, choice) VALUES (%s, %s, %s) "
            "ON CONFLICT (visit_id, scene) DO NOTHING",
            [(v.record.visit_id, scene, choice) for v in visits for scene, choice in v.record.choices])
        seen(cur, kiosk_id)


def seen(cur, kiosk_id: str) -> None:
    """This kiosk is alive now (staff tell a dead kiosk by its last_seen)."""
    cur.execute("INSERT INTO foxbat_kiosks VALUES (%s, now()) ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = now()",
                (kiosk_id,))


def heartbeat(db, kiosk_id: str) -> None:
    """Update last_seen without sending anything."""
    with db.transaction(), db.cursor() as cur:
        seen(cur, kiosk_id)


def load_totals(db) -> Totals:
    """The whole museum's counts (one consistent snapshot)."""
    totals = Totals()
    with db.transaction():
        db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for day, role, count, timed_out, seconds in db.execute(
                "SELECT day, role, COUNT(*), SUM(timed_out::int), SUM(seconds) FROM foxbat_visits GROUP BY day, role"):
            totals.sessions += count
            totals.timed_out += timed_out or 0
            totals.seconds += seconds or 0.0
            totals.by_day[day] = totals.by_day.get(day, 0) + count
            totals.roles[role] = totals.roles.get(role, 0) + count
        for role, ending, count in db.execute(
                "SELECT role, ending, COUNT(*) FROM foxbat_visits WHERE ending IS NOT NULL GROUP BY role, ending"):
            totals.endings[(role, ending)] = count
        for role, scene, choice, count in db.execute(
                "SELECT v.role, c.scene, c.choice, COUNT(*) FROM foxbat_visit_choices c "
                "JOIN foxbat_visits v USING (visit_id) GROUP BY v.role, c.scene, c.choice"):
            totals.choices[(role, scene, choice)] = count
            totals.reached[(role, scene)] = totals.reached.get((role, scene), 0) + count
    return totals


def kiosks(db) -> dict[str, str]:
    """Every kiosk that ever wrote, and when it was last seen (ISO 8601, UTC)."""
    with db.transaction():
        rows = db.execute("SELECT kiosk_id, to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                          "FROM foxbat_kiosks ORDER BY kiosk_id").fetchall()
    return dict(rows)


def reset(db) -> None:
    """Delete every visit of every kiosk (staff reset on a shared store resets the museum)."""
    with db.transaction():
        db.execute("DELETE FROM foxbat_visit_choices")
        db.execute("DELETE FROM foxbat_visits")

