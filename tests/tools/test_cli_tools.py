"""The writer tools as `foxbat` subcommands: help on each, usage errors exit 2."""

from __future__ import annotations

import pytest

from game.cli import main


@pytest.mark.parametrize("command", ["graph", "playtest", "schema"])
def test_each_writer_tool_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "usage: foxbat " + command in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["graph", "--format", "pdf"], ["playtest", "--random", "many"],
                                  ["playtest", "--exhaustive", "--historical"], ["schema", "--nonsense"]])
def test_a_writer_tool_usage_error_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "foxbat: error:" in capsys.readouterr().err


def test_a_story_that_fails_to_load_makes_graph_and_playtest_exit_1_with_its_problems(tmp_path, capsys):
    (tmp_path / "story.yaml").write_text("id: broken\ntitle: Broken\nroles: [nobody]\n", encoding="utf-8")
    assert main(["graph", str(tmp_path)]) == 1
    assert main(["playtest", str(tmp_path), "--exhaustive"]) == 1
    assert "E106" in capsys.readouterr().err


def test_lint_reads_unchanged_files_from_the_parse_cache_and_reports_an_edit_at_once(tmp_path, capsys, monkeypatch):
    import shutil

    from .stories import edit, fixture

    monkeypatch.setenv("FOXBAT_CACHE_DIR", str(tmp_path / "cache"))
    story = tmp_path / "story"
    shutil.copytree(fixture("clean"), story)
    assert main(["lint", str(story), "--no-sources"]) == 0
    first = capsys.readouterr().out
    assert list((tmp_path / "cache").glob("*.pack"))  # the first lint filled the cache
    assert main(["lint", str(story), "--no-sources"]) == 0
    assert capsys.readouterr().out == first  # the same report from cached files
    edit(story / "roles/agent/01_scenes.yaml", "goto: middle", "goto: midle")
    assert main(["lint", str(story), "--no-sources"]) == 1
    assert "midle" in capsys.readouterr().out
