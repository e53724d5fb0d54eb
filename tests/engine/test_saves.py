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
