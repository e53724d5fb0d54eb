"""Statistics shared by a museum's kiosks on a real PostgreSQL server: nothing lost, nothing counted twice."""

from __future__ import annotations

import json
import socket
import threading

import psycopg

from game.frontends.kiosk.config import parse_config
from game.frontends.kiosk.stats import SessionRecord, StatsStore
from game.frontends.kiosk.stats_open import open_stats
from game.frontends.kiosk.stats_shared import SharedBackend


def visit(choice: str = "go", ending: str | None = "landed") -> SessionRecord:
    return SessionRecord("pilot", "en", 120.0, False, ending, (("resolve", choice), ("landing", "hakodate")))


def kiosk(url: str, name: str, folder, min_sessions: int = 1) -> StatsStore:
    backend = SharedBackend(url, name, folder / f"{name}-queue.sqlite3", interval=0.2)
    return StatsStore(min_sessions=min_sessions, backend=backend, retry_seconds=0.2)


def on_server(url: str) -> tuple[int, int]:
    """(visits, choice rows) as the server holds them."""
    with psycopg.connect(url) as db:
        visits = db.execute("SELECT COUNT(*) FROM foxbat_visits").fetchone()[0]
        choices = db.execute("SELECT COUNT(*) FROM foxbat_visit_choices").fetchone()[0]
    return visits, choices


def settle(*stores: StatsStore) -> None:
    """Everything queued written, sent, and the museum's totals fetched back (twice: both kiosks see both)."""
    for _ in range(2):
        for store in stores:
            assert store.flush()
            assert store.backend.sync(20), store.backend.reason
            assert store.flush()


def test_two_kiosks_writing_at_once_each_count_the_whole_museum(museum_db, tmp_path):
    a, b = kiosk(museum_db, "hall-1", tmp_path), kiosk(museum_db, "hall-2", tmp_path)

    def visitors(store, choice, n):
        for _ in range(n):
            store.record(visit(choice))

    threads = [threading.Thread(target=visitors, args=(a, "go", 150)),
               threading.Thread(target=visitors, args=(b, "stay", 50))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    settle(a, b)
    assert on_server(museum_db) == (200, 400)
    for store in (a, b):
        assert store.totals.sessions == 200
        assert store.share("pilot", "resolve", "go").percent == 75  # 150 of the museum's 200, on either kiosk
        assert store.pending == 0
    assert sorted(a.kiosks()) == ["hall-1", "hall-2"]
    a.close()
    b.close()


def test_the_server_going_away_mid_visit_and_coming_back_loses_nothing_and_counts_nothing_twice(
        pg_server, museum_db, tmp_path):
    store = kiosk(museum_db, "hall-1", tmp_path)
    for _ in range(10):
        store.record(visit())
    settle(store)
    pg_server.stop()
    try:
        for _ in range(7):
            store.record(visit("stay"))  # visitors keep playing; their visits wait in the local queue
        assert store.flush()
        assert not store.backend.sync(10)
        assert store.backend.state == "waiting"
        assert store.totals.sessions == 17  # the last totals seen plus this kiosk's own visits
        assert store.pending == 7 and store.backend.outbox.count() == 7
    finally:
        pg_server.start()
    settle(store)
    assert on_server(museum_db) == (17, 34)
    assert store.totals.sessions == 17 and store.pending == 0
    assert store.backend.outbox.count() == 0
    store.close()


def test_a_restart_with_a_non_empty_queue_sends_it_once(pg_server, museum_db, tmp_path):
    store = kiosk(museum_db, "hall-1", tmp_path)
    settle(store)
    pg_server.stop()
    try:
        records = [visit() for _ in range(5)]
        for record in records:
            store.record(record)
        assert store.flush()
        store.close()  # the kiosk restarts while the server is still away
        again = kiosk(museum_db, "hall-1", tmp_path)
        assert again.totals.sessions == 5 and again.pending == 5  # the queue counts at once, before any send
    finally:
        pg_server.start()
    # One visit reached the server before the restart without its acknowledgement: sent twice, kept once.
    with psycopg.connect(museum_db) as db:
        db.execute("INSERT INTO foxbat_visits VALUES (%s, 'hall-1', '2026-01-01', 'pilot', 'en', 120, false, "
                   "'landed')", (records[0].visit_id,))
        db.execute("INSERT INTO foxbat_visit_choices VALUES (%s, 'resolve', 'go'), (%s, 'landing', 'hakodate')",
                   (records[0].visit_id, records[0].visit_id))
    settle(again)
    assert on_server(museum_db) == (5, 10)
    assert again.totals.sessions == 5 and again.pending == 0
    again.close()
    third = kiosk(museum_db, "hall-1", tmp_path)
    settle(third)
    assert on_server(museum_db) == (5, 10) and third.totals.sessions == 5
    third.close()


def test_a_visitor_never_waits_for_a_server_that_does_not_answer(tmp_path):
    silent = socket.socket()  # accepts connections into its backlog and never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    url = f"postgresql://foxbat@127.0.0.1:{silent.getsockname()[1]}/museum"
    store = kiosk(url, "hall-1", tmp_path)
    try:
        for _ in range(3):
            store.record(visit())
        # The sender is stuck connecting; the counts a debrief reads are already there.
        assert store.totals.sessions == 3 and store.share("pilot", "resolve", "go").percent == 100
        assert store.backend.state == "waiting"
        assert store.flush()  # the local queue took them
        assert store.backend.outbox.count() == 3
    finally:
        store.close(timeout=1)
        silent.close()


def test_the_config_names_the_server_and_the_kiosk_and_export_reads_the_museum(museum_db, tmp_path, capsys):
    from game.cli import main

    config = tmp_path / "kiosk.yaml"
    config.write_text(f"stats_url: '{museum_db}'\nkiosk_id: hall-3\nstats_path: {tmp_path / 'stats.sqlite3'}\n",
                      encoding="utf-8")
    loaded = parse_config(config.read_text(encoding="utf-8"))
    store = open_stats(loaded.config, tmp_path, retry_seconds=0.2)
    store.record(visit("go"))
    store.record(visit("stay", ending=None))
    settle(store)
    store.close()
    assert main(["stats", "export", "--config", str(config), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["sessions"] == 2 and exported["kiosks"] == ["hall-3"]
    assert exported["last_seen"]["hall-3"].endswith("Z")
    assert {"role": "pilot", "scene": "resolve", "choice": "go", "count": 1, "out_of": 2, "percent": 50} \
        in exported["choices"]
    assert main(["stats", "export", "--config", str(config), "--format", "csv"]) == 0
    csv = capsys.readouterr().out
    assert "choice,pilot,resolve,stay,1,2,50" in csv and "kiosk,hall-3," in csv


def test_a_stats_url_that_is_not_postgresql_and_a_bad_kiosk_id_are_refused_at_their_lines():
    import pytest

    from game.frontends.kiosk.config import ConfigError

    with pytest.raises(ConfigError) as caught:
        parse_config("languages: [en]\nstats_url: mysql://db/foxbat\nkiosk_id: 'hall 2'\n")
    problems = caught.value.problems
    assert [(p.code, p.location.line) for p in problems] == [("K003", 2), ("K003", 3)]
    assert "postgresql://" in problems[0].message


def test_staff_see_that_the_server_is_away_and_how_many_visits_wait(make_kiosk, clock, tmp_path):
    from .conftest import press
    from .test_staff import staff_gesture, type_pin

    app = make_kiosk("pin: '2468'\n")
    gone = kiosk(f"postgresql://foxbat@/museum?host={tmp_path}/no-server", "hall-1", tmp_path)
    app.stats.close()
    app.stats = gone
    try:
        gone.record(visit())
        gone.record(visit())
        assert gone.flush()
        assert not gone.backend.sync(10)
        staff_gesture(app, clock)
        type_pin(app, "2468")
        texts = " ".join(" ".join(b.lines) for b in app.screen.blocks)
        assert "Statistics server not reachable: 2 visits wait in the local queue" in texts
        press(app, "Back to visitors")
    finally:
        gone.close(timeout=1)
