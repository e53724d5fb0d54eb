"""Without WeasyPrint (or its Pango): HTML still works, PDF says what it needs in one line, nothing crashes."""

from __future__ import annotations

import builtins
from datetime import datetime

from game.classroom.documents import save_for_class
from game.classroom.playthrough import play_historical
from game.cli import main


def hide_weasyprint(monkeypatch) -> None:
    """Make `import weasyprint` fail as it does where the package or its Pango libraries are missing."""
    real_import = builtins.__import__

    def without(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)


def test_a_pdf_without_weasyprint_is_one_line_saying_what_to_install(tmp_path, capsys, monkeypatch):
    hide_weasyprint(monkeypatch)
    assert main(["debrief", "--role", "pilot", "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pip install 'foxbat[print]'" in err and "libpango-1.0-0" in err
    assert not (tmp_path / "out.pdf").exists()
    assert main(["debrief", "--role", "pilot", "-o", str(tmp_path / "out.html")]) == 0


def test_save_for_class_without_weasyprint_keeps_the_html_and_says_why(tmp_path, monkeypatch, edition_in):
    edition = edition_in("en")
    state = play_historical(edition, "diplomat")
    hide_weasyprint(monkeypatch)
    saved = save_for_class(edition, state, tmp_path / "documents", now=datetime(1976, 9, 6, 13, 50))
    assert [p.name for p in saved.files] == ["foxbat-diplomat-1976-09-06-135000.html"]
    assert saved.files[0].is_file() and "WeasyPrint" in saved.problem
    assert sorted(p.name for p in (tmp_path / "documents").iterdir()) == ["foxbat-diplomat-1976-09-06-135000.html"]
