"""Save slots: atomic writes, listing, and clear messages for missing or damaged saves."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from game.engine import AUTOSAVE, Edition, SaveError, SaveStore, write_atomically


def _clock():
    return datetime(1976, 9, 6, 4, 57, tzinfo=timezone.utc)


def test_a_saved_session_loads_back_to_the_same_place(tmp_path, sample_story):
    store = SaveStore(tmp_path, clock=_clock)
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    store.write("slot1", session.save(), session.scene.title)
    restored, messages = Edition.build(sample_story).restore(store.read("slot1"))
    assert messages == [] and restored.scene_id == "breakaway" and restored.variables == session.variables


def test_the_slot_list_shows_role_scene_and_time(tmp_path, sample_story):
    store = SaveStore(tmp_path, clock=_clock)
    session = Edition.build(sample_story).start("pilot")
    store.write(AUTOSAVE, session.save(), "Full tanks")
    (tmp_path / "broken.json").write_text("{not json")
    listed = {info.slot: info for info in store.list()}
    assert listed[AUTOSAVE].role == "pilot" and listed[AUTOSAVE].scene_title == "Full tanks"
    assert listed[AUTOSAVE].saved_at.startswith("1976-09-06T04:57")
    assert listed["broken"].scene_title == "damaged"


def test_a_missing_slot_says_there_is_no_saved_game(tmp_path):
    with pytest.raises(SaveError, match="no saved game in slot 'slot3'"):
        SaveStore(tmp_path).read("slot3")


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"state": 3}', b"\xff\xfe"])
def test_a_damaged_save_gives_a_clear_message(tmp_path, content):
    (tmp_path / "slot1.json").write_bytes(content)
    with pytest.raises(SaveError, match="damaged"):
        SaveStore(tmp_path).read("slot1")


def test_a_slot_name_cannot_escape_the_save_folder(tmp_path):
    with pytest.raises(SaveError):
        SaveStore(tmp_path).write("../../etc/passwd", {})


def test_an_atomic_write_leaves_no_temporary_files_and_replaces_the_old_contents(tmp_path):
    target = tmp_path / "a" / "settings.json"
    write_atomically(target, "old")
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["settings.json"]


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "save.json"
    write_atomically(target, "old")

    def broken_replace(*_):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = '{"state": {"role": "pilot", "scene": "start", "variables": {"n": ' + "9" * 5000 + "}}}"
WRONG_TYPES = '{"state": {"role": 5, "scene": ["start"]}}'


@pytest.mark.parametrize("content", [DEEP, LONG_NUMBER, WRONG_TYPES, "\udcff", '{"state": {"role": "pilot"'],
                         ids=["nested 100,000 deep", "5,000-digit number", "wrong types", "not UTF-8", "cut short"])
def test_a_damaged_save_costs_only_itself_it_is_set_aside_and_the_others_stay_listed(tmp_path, sample_story, content):
    store = SaveStore(tmp_path, clock=_clock)
    store.write("slot1", Edition.build(sample_story).start("pilot").save(), "Good")
    raw = content.encode("utf-8", "surrogateescape")
    (tmp_path / "slot2.json").write_bytes(raw)
    listed = {info.slot: info for info in store.list()}
    assert listed["slot1"].role == "pilot" and listed["slot2"].scene_title == "damaged"
    assert (tmp_path / "slot2.json.damaged-1").read_bytes() == raw and not (tmp_path / "slot2.json").exists()
    assert store.set_aside == [("slot2", "slot2.json.damaged-1")]
    assert [info.slot for info in store.list()] == ["slot1"]


def test_loading_a_damaged_save_says_where_it_was_kept_and_never_overwrites_an_earlier_one(tmp_path):
    store = SaveStore(tmp_path)
    for attempt in (1, 2):
        (tmp_path / "autosave.json").write_text(DEEP + str(attempt))
        with pytest.raises(SaveError, match=f"damaged.*kept as autosave.json.damaged-{attempt}"):
            store.read(AUTOSAVE)
    assert (tmp_path / "autosave.json.damaged-1").read_text().endswith("1")
    assert (tmp_path / "autosave.json.damaged-2").read_text().endswith("2")
    with pytest.raises(SaveError, match="no saved game"):
        store.read(AUTOSAVE)


def test_a_200_mb_save_is_refused_by_its_size_without_being_read(tmp_path):
    import tracemalloc

    with open(tmp_path / "slot1.json", "wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk space, but 200 MB to anyone who reads it
    tracemalloc.start()
    try:
        with pytest.raises(SaveError, match="damaged"):
            SaveStore(tmp_path).read("slot1")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024
    assert (tmp_path / "slot1.json.damaged-1").stat().st_size == 200 * 1024 * 1024


def test_temporary_files_left_by_an_interrupted_save_are_removed_but_a_fresh_one_is_kept(tmp_path, sample_story):
    import os
    import time

    store = SaveStore(tmp_path)
    store.write("slot1", Edition.build(sample_story).start("pilot").save())
    old = [tmp_path / ".slot1.json.abcd1234.tmp", tmp_path / ".autosave.json.k2j3h4x9"]  # new and older naming
    fresh = tmp_path / ".slot2.json.zzzz9999.tmp"
    for path in old + [fresh]:
        path.write_text("{half a sa")
    long_ago = time.time() - 3600
    for path in old:
        os.utime(path, (long_ago, long_ago))
    store.list()
    assert not any(path.exists() for path in old) and fresh.exists()
    assert (tmp_path / "slot1.json").exists()


def test_a_save_that_grew_past_the_size_limit_is_refused_with_a_message_and_the_old_one_kept(tmp_path, monkeypatch):
    from game.engine import saves

    store = SaveStore(tmp_path)
    store.write("slot1", {"role": "pilot", "scene": "start"})
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 300)
    with pytest.raises(SaveError, match="too long"):
        store.write("slot1", {"role": "pilot", "scene": "start", "notes": "x" * 300})
    assert store.read("slot1") == {"role": "pilot", "scene": "start"}
