"""`foxbat debrief` on bad input: one clear line, exit 2, no traceback; a save file's path is the one printed."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.engine import Edition, SaveStore


def run(argv, capsys) -> tuple[int, str]:
    """Exit code and standard error of one command."""
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("argv, says", [
    (["--role", "pilott", "--path", "historical"], "unknown role 'pilott'; choose one of: pilot, police, diplomat"),
    (["--role", "pilot", "--path", "random:x"], "random:SEED needs a whole number"),
    (["--role", "pilot", "--path", "no-such-save.json"], "no such save file"),
    (["--role", "pilot", "--lang", "xx"], "no language 'xx'"),
])
def test_bad_input_gets_one_line_and_exit_2(argv, says, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, err = run(["debrief", *argv, "-o", str(tmp_path / "out.pdf")], capsys)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out.pdf").exists()


def test_a_damaged_save_file_is_refused_in_one_line(tmp_path, capsys):
    for content in ("{not json", json.dumps({"state": {"format": 99}}), json.dumps([1, 2])):
        save = tmp_path / "damaged.json"
        save.write_text(content, encoding="utf-8")
        code, err = run(["debrief", "--path", str(save), "-o", str(tmp_path / "out.html")], capsys)
        assert code == 2 and err.startswith("foxbat debrief: cannot read the save file") and len(err.splitlines()) == 1


@pytest.mark.parametrize("name, says", [
    ("missing-folder/out.pdf", "does not exist"),
    ("out.docx", "must end in .pdf or .html"),
    (".", "is a folder"),
])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(name, says, tmp_path, capsys):
    code, err = run(["debrief", "--role", "pilot", "-o", str(tmp_path / name)], capsys)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_write_that_fails_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    from pathlib import Path

    def refuse(self, data):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)  # a read-only disk, even for root
    code, err = run(["debrief", "--role", "pilot", "-o", str(tmp_path / "out.html")], capsys)
    assert code == 2 and err.strip() == f"foxbat debrief: cannot write {tmp_path / 'out.html'}: Permission denied"


def test_a_file_where_the_folder_should_be_is_refused(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, err = run(["debrief", "--role", "pilot", "-o", str(blocker / "out.pdf")], capsys)
    assert code == 2 and "does not exist" in err and "Traceback" not in err


def test_a_save_file_prints_the_saved_path_and_its_role(tmp_path, shipped_story, capsys):
    session = Edition.build(shipped_story).start("police")
    picked = []
    while not session.is_finished and len(picked) < 3:
        choice = session.choices[-1]
        picked.append(choice.text)
        session.choose(choice.id)
    SaveStore(tmp_path).write("slot1", session.save(), session.scene.title)
    out = tmp_path / "saved.html"
    code, err = run(["debrief", "--path", str(tmp_path / "slot1.json"), "-o", str(out)], capsys)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert shipped_story.story.roles["police"].name in page and "slot1.json" in page
    for text in picked:
        assert " ".join(text.split()).replace("'", "&#39;") in page
    code, err = run(["debrief", "--role", "pilot", "--path", str(tmp_path / "slot1.json"), "-o", str(out)], capsys)
    assert code == 2 and "is a game of role 'police', not 'pilot'" in err


def test_an_ensemble_save_prints_the_seat_named_by_role_and_asks_for_one_without_it(tmp_path, shipped_story, capsys):
    ensemble = Edition.build(shipped_story).start_ensemble()
    for _ in range(4):
        ensemble.choose(ensemble.session.choices[0].id)
    SaveStore(tmp_path).write("slot2", ensemble.save(), "ensemble")
    save = str(tmp_path / "slot2.json")
    code, err = run(["debrief", "--path", save, "-o", str(tmp_path / "all.html")], capsys)
    assert code == 2 and "all three roles at once: add --role" in err
    out = tmp_path / "police.html"
    code, err = run(["debrief", "--role", "police", "--path", save, "-o", str(out)], capsys)
    assert code == 0, err
    assert shipped_story.story.roles["police"].name in out.read_text(encoding="utf-8")
