"""Statistics: anonymous counts, thresholds, CSV, reset, and surviving corruption and kill -9."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading

from game.frontends.kiosk.stats import SessionRecord, StatsStore

from .conftest import PROJECT


def visit(choice: str = "go", ending: str | None = "landed", timed_out: bool = False) -> SessionRecord:
    return SessionRecord("pilot", "en", 300.0, timed_out, ending, (("resolve", choice), ("landing", "hakodate")))


def test_a_percentage_shows_only_once_min_sessions_visitors_reached_the_decision(tmp_path):
    stats = StatsStore(tmp_path / "s.db", min_sessions=3)
    stats.record(visit("go"))
    stats.record(visit("stay"))
    assert stats.share("pilot", "resolve", "go").percent is None
    assert stats.share("pilot", "resolve", "go").reached == 2
    stats.record(visit("go"))
    assert stats.share("pilot", "resolve", "go").percent == 67
    assert stats.share("pilot", "unvisited", "go").percent is None
    stats.close()


def test_counts_are_on_disk_after_a_flush_and_come_back_on_reopening(tmp_path):
    stats = StatsStore(tmp_path / "s.db", min_sessions=1)
    for _ in range(4):
        stats.record(visit(timed_out=True))
    assert stats.flush()
    stats.close()
    again = StatsStore(tmp_path / "s.db", min_sessions=1)
    assert again.totals.sessions == 4 and again.totals.timed_out == 4
    assert again.share("pilot", "landing", "hakodate").percent == 100
    assert again.warnings == []
    again.close()


def test_the_database_is_in_wal_mode_and_holds_nothing_that_identifies_a_visitor(tmp_path):
    stats = StatsStore(tmp_path / "s.db")
    stats.record(visit())
    stats.flush()
    db = sqlite3.connect(tmp_path / "s.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    # visit_id is random per visit (so a visit sent twice counts once): it names no one.
    assert columns == ["id", "day", "role", "language", "seconds", "timed_out", "ending", "visit_id"]
    db.close()
    stats.close()


def test_recording_never_waits_for_the_disk(tmp_path):
    stats = StatsStore(tmp_path / "s.db", min_sessions=1)
    disk_free = threading.Event()
    write = stats.backend.write

    def stuck_disk(visits):  # the writer thread waits here, as it would on a slow card
        disk_free.wait(10)
        return write(visits)

    stats.backend.write = stuck_disk
    for _ in range(200):
        stats.record(visit())  # returns although not one session has reached the disk
    assert stats.totals.sessions == 200 and stats.share("pilot", "resolve", "go").percent == 100
    assert not stats.flush(timeout=0.01)
    disk_free.set()
    assert stats.flush()
    stats.close()
    db = sqlite3.connect(tmp_path / "s.db")
    assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 200
    db.close()


def test_a_corrupt_database_is_kept_aside_and_a_new_one_started_with_a_warning(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not a database" * 100)
    stats = StatsStore(path)
    assert stats.totals.sessions == 0
    assert any("damaged" in w for w in stats.warnings)
    kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not")
    stats.record(visit())
    assert stats.flush()
    stats.close()


def test_a_missing_database_is_created_with_a_warning(tmp_path):
    stats = StatsStore(tmp_path / "deeper" / "s.db")
    assert any("new one" in w for w in stats.warnings)
    stats.close()


def test_csv_export_and_reset(tmp_path):
    stats = StatsStore(tmp_path / "s.db", min_sessions=1)
    stats.record(visit("go"))
    stats.record(visit("stay", ending=None, timed_out=True))
    text = stats.export_csv(tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "kind,role,scene,choice_or_ending,count,out_of,percent"
    assert "choice,pilot,resolve,go,1,2,50" in text
    assert "timed_out,,,,1,2,50" in text
    stats.reset()
    assert stats.totals.sessions == 0
    stats.flush()
    stats.close()
    assert StatsStore(tmp_path / "s.db").totals.sessions == 0


WRITER = """
import sys
sys.path.insert(0, {root!r})
from game.frontends.kiosk.stats import SessionRecord, StatsStore
stats = StatsStore({path!r}, min_sessions=1)
n = 0
while True:
    stats.record(SessionRecord("pilot", "en", 1.0, False, "landed", (("a", "x"), ("b", "y"), ("c", "z"))))
    n += 1
    if n % 25 == 0:
        stats.flush()
        print(n, flush=True)
"""


def test_kill_9_in_the_middle_of_writing_leaves_a_database_that_opens_with_whole_sessions(tmp_path):
    path = tmp_path / "s.db"
    child = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(PROJECT), path=str(path))],
                             stdout=subprocess.PIPE, text=True)
    try:
        for line in child.stdout:
            if int(line) >= 100:
                break
        child.send_signal(signal.SIGKILL)  # the power cord, as near as a test gets
    finally:
        child.wait(10)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    sessions = db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    counts = dict(db.execute("SELECT scene, count FROM choices"))
    db.close()
    assert sessions >= 100
    # Each session and its three choices are one transaction: all are there, or none.
    assert counts == {"a": sessions, "b": sessions, "c": sessions}
    reopened = StatsStore(path, min_sessions=1)
    assert reopened.totals.sessions == sessions and reopened.warnings == []
    reopened.close()
