"""Lint never skips quotes in silence: W123 when no documents are found, and --sources DIR to name them."""

from __future__ import annotations

from game.cli import main
from game.tools.lint import lint_story

from .stories import copy, edit, with_code


def documents(tmp_path, notes: str):
    """A folder laid out like shared/: seeds/ (empty here) and sources/ with one file of notes."""
    folder = tmp_path / "docs"
    (folder / "seeds").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "sources" / "notes.md").write_text(notes, encoding="utf-8")
    return folder


def test_a_story_with_no_documents_beside_it_gets_a_warning_that_quotes_were_not_checked(tmp_path):
    story = copy("clean", tmp_path)
    [problem] = with_code(lint_story(story), "W123")
    assert problem.location.path.endswith("story.yaml") and "quotes were not checked" in problem.message
    assert "--sources" in problem.hint


def test_an_invented_quote_is_an_error_when_the_documents_are_named(tmp_path):
    story = copy("clean", tmp_path)
    folder = documents(tmp_path, "it happened like this. one way. the other way.")
    edit(story / "roles" / "agent" / "01_scenes.yaml", 'quote: "one way"', 'quote: "a quote nobody wrote"')
    problems = lint_story(story, sources=folder)
    assert not with_code(problems, "W123")
    [missing] = with_code(problems, "E120")
    assert "a quote nobody wrote" in missing.message


def test_lint_sources_on_the_command_line_checks_against_that_folder(tmp_path, capsys):
    story = copy("clean", tmp_path)
    folder = documents(tmp_path, "nothing that the story quotes")
    assert main(["lint", "--sources", str(folder), str(story)]) == 1
    assert "error[E120]" in capsys.readouterr().out


def test_lint_sources_refuses_a_folder_without_seeds(tmp_path, capsys):
    story = copy("clean", tmp_path)
    assert main(["lint", "--sources", str(tmp_path), str(story)]) == 2
    assert "not a folder of source documents" in capsys.readouterr().err


def test_a_pipe_among_the_source_documents_is_left_out_instead_of_hanging_lint(tmp_path):
    import os

    story = copy("clean", tmp_path)
    folder = documents(tmp_path, "it happened like this. one way. the other way.")
    os.mkfifo(folder / "seeds" / "waiting.txt")  # reading a pipe nobody writes to would block for ever
    problems = lint_story(story, sources=folder)
    assert not with_code(problems, "E120")  # the notes were still read and the quotes found


def test_an_oversized_source_document_is_not_read(tmp_path, monkeypatch):
    from game.tools import quotes

    folder = documents(tmp_path, "a quote that is there")
    (folder / "seeds" / "huge.txt").write_text("x" * 100, encoding="utf-8")
    monkeypatch.setattr(quotes, "MAX_DOCUMENT_BYTES", 50)
    seeds, notes = quotes.load_documents(folder)
    assert "huge.txt" not in seeds and notes == "a quote that is there"
