"""The SQLite store on a bad day: locked is not corrupt, damage is salvaged, backups daily, read-only and full disks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from game.frontends.kiosk import stats_sqlite
from game.frontends.kiosk.stats import SessionRecord, StatsStore
from game.frontends.kiosk.stats_salvage import set_aside
from game.frontends.kiosk.stats_sqlite import SqliteBackend


def visit(choice: str = "go") -> SessionRecord:
    return SessionRecord("pilot", "en", 60.0, False, "landed", (("resolve", choice),))


def filled(path, sessions: int) -> None:
    store = StatsStore(path, min_sessions=1)
    for i in range(sessions):
        store.record(visit("go" if i % 2 else "stay"))
    assert store.flush()
    store.close()


LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


def test_a_database_locked_by_another_program_is_waited_for_never_moved_aside(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    filled(path, 12)
    inode = path.stat().st_ino
    monkeypatch.setattr(stats_sqlite, "LOCK_WAIT", 0.2)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        store = StatsStore(path, min_sessions=1, retry_seconds=0.1)
        assert store.state == "waiting"
        assert any(w.key == "kiosk.staff.database_locked" for w in store.warnings)
        store.record(visit())  # a visitor while the file is locked: counted, kept in memory
        assert store.totals.sessions == 1
    finally:
        locker.stdin.write("\n")
        locker.stdin.close()
        locker.wait(10)
    assert store.flush(20)
    assert store.flush(20)
    assert store.state == "ok" and store.totals.sessions == 13
    assert not store.warnings or all(w.key != "kiosk.staff.database_locked" for w in store.warnings)
    store.close()
    assert path.stat().st_ino == inode
    assert not [p for p in tmp_path.iterdir() if "corrupt" in p.name]
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 13
    db.close()


def _damage_a_page(path, page: int) -> None:
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as f:
        f.seek(size * (page - 1))
        f.write(b"\xff" * 64)


def test_a_damaged_database_is_salvaged_into_a_new_one_and_the_damaged_one_kept(tmp_path):
    path = tmp_path / "s.db"
    filled(path, 2000)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    leaves = [n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'sessions' AND pagetype = 'leaf' "
                                       "ORDER BY pageno")]
    db.close()
    _damage_a_page(path, leaves[len(leaves) // 2])  # one leaf page in the middle of the sessions
    store = StatsStore(path, min_sessions=1)
    (warning,) = [w for w in store.warnings if w.key == "kiosk.staff.damaged_database"]
    saved = warning.values["saved"]
    assert 1500 < saved < 2000  # what the damaged page held is gone; the rest came across
    assert store.totals.sessions == saved
    kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    store.record(visit())
    assert store.flush()
    store.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == saved + 1
    check.close()


def test_a_set_aside_file_is_never_overwritten_by_the_next(tmp_path):
    path = tmp_path / "s.db"
    names = []
    for content in (b"first damaged file", b"second damaged file", b"third"):
        path.write_bytes(content)
        names.append(set_aside(path, clock=lambda: 1_000_000.0))  # all three in the same second
    assert len(set(names)) == 3
    assert [n.read_bytes() for n in names] == [b"first damaged file", b"second damaged file", b"third"]


def test_a_backup_is_made_each_day_and_only_the_newest_are_kept(tmp_path):
    day = [1_000_000.0]
    backend = SqliteBackend(tmp_path / "s.db", clock=lambda: day[0], backups=3)
    store = StatsStore(min_sessions=1, backend=backend, clock=lambda: day[0])
    for n in range(5):
        store.record(visit())
        assert store.flush()
        day[0] += 86400
    store.close()
    kept = sorted((tmp_path / "backups").iterdir())
    assert len(kept) == 3 and all(p.name.startswith("s-") for p in kept)
    copy = sqlite3.connect(kept[-1])
    assert copy.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 5
    copy.close()


def test_a_read_only_disk_keeps_the_counts_readable_and_says_why(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    filled(path, 4)
    real = stats_sqlite._connect

    def read_only_disk(p, read_only=False, timeout=5.0):
        return real(p, read_only=True, timeout=timeout)  # every write fails as on a read-only filesystem

    monkeypatch.setattr(stats_sqlite, "_connect", read_only_disk)
    store = StatsStore(path, min_sessions=1)
    assert store.state == "read_only" and store.totals.sessions == 4
    assert any(w.key == "kiosk.staff.stats_read_only" for w in store.warnings)
    store.record(visit())
    assert store.flush()
    assert store.totals.sessions == 5 and store.write_errors >= 1
    store.close()


def test_a_full_disk_does_not_stop_the_kiosk_starting_and_visits_are_kept_in_memory(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    filled(path, 3)
    real = stats_sqlite._connect

    def full_disk(p, read_only=False, timeout=5.0):
        db = real(p, read_only=read_only, timeout=timeout)
        if not read_only:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages}")  # not one page more: SQLITE_FULL on growth
        return db

    monkeypatch.setattr(stats_sqlite, "_connect", full_disk)
    store = StatsStore(path, min_sessions=1)
    assert store.totals.sessions == 3
    for _ in range(300):
        store.record(visit())
    assert store.flush()
    assert store.totals.sessions == 303 and store.write_errors >= 1
    assert any(w.key == "kiosk.staff.stats_read_only" for w in store.warnings)
    store.close()


def test_an_unusable_stats_path_turns_statistics_off_with_a_reason_instead_of_a_traceback(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    store = StatsStore(blocker / "s.db", min_sessions=1)
    assert store.state == "off" and "cannot be made" in store.backend.reason
    store.record(visit())  # the kiosk keeps counting in memory
    assert store.flush() and store.totals.sessions == 1
    store.close()


def test_a_file_from_before_visit_ids_is_migrated_and_keeps_its_counts(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE sessions (id INTEGER PRIMARY KEY, day TEXT NOT NULL, role TEXT NOT NULL, language TEXT NOT NULL,
                               seconds REAL NOT NULL, timed_out INTEGER NOT NULL, ending TEXT);
        CREATE TABLE choices (role TEXT NOT NULL, scene TEXT NOT NULL, choice TEXT NOT NULL, count INTEGER NOT NULL,
                              PRIMARY KEY (role, scene, choice));
        INSERT INTO sessions (day, role, language, seconds, timed_out, ending) VALUES ('2026-05-01', 'pilot', 'en', 9, 0, NULL);
        INSERT INTO choices VALUES ('pilot', 'resolve', 'go', 1);
    """)
    db.close()
    store = StatsStore(path, min_sessions=1)
    assert store.totals.sessions == 1 and store.warnings == []
    record = visit()
    store.record(record)
    store.record(record)  # the same visit twice (a retried batch): kept once
    assert store.flush()
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 2
    assert db.execute("SELECT count FROM choices WHERE choice = 'go'").fetchone()[0] == 2
    db.close()
