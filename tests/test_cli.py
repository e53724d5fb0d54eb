"""The `foxbat` command as a user runs it: exit codes, output, fallbacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import PROJECT, STORIES


def foxbat(*args, stdin="", env=None):
    """Run `python -m game ARGS` in a fresh process."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True,
                          env=environment, cwd=PROJECT, timeout=120)


def test_version_prints_the_version():
    result = foxbat("--version")
    assert result.returncode == 0 and result.stdout.startswith("foxbat 0.")


@pytest.mark.parametrize("command", ["play", "lint", "export"])
def test_every_subcommand_has_help(command):
    result = foxbat(command, "--help")
    assert result.returncode == 0 and "usage: foxbat" in result.stdout


def test_a_usage_error_exits_2_with_one_clear_line():
    result = foxbat("lint", "--format", "xml")
    assert result.returncode == 2 and "invalid choice: 'xml'" in result.stderr


def test_lint_of_a_clean_story_exits_0():
    result = foxbat("lint", str(STORIES / "sample"), "--no-sources")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("0 errors")


def test_lint_of_a_broken_story_exits_1_with_file_line_col(tmp_path):
    import shutil

    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    scene_file.write_text(scene_file.read_text().replace("goto: hakodate", "goto: hakodat"))
    result = foxbat("lint", str(story), "--no-sources")
    assert result.returncode == 1
    assert "01_flight.yaml:" in result.stdout and "error[E103]: choice 'first_field' goes to unknown scene 'hakodat'" in result.stdout
    assert "Did you mean 'hakodate'?" in result.stdout and "1 error" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_lint_json_is_machine_readable(tmp_path):
    result = foxbat("lint", str(STORIES / "sample"), "--format", "json", "--no-sources")
    data = json.loads(result.stdout)
    assert data["errors"] == 0 and isinstance(data["problems"], list)


def test_lint_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = foxbat("lint", str(tmp_path / "nope"))
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_export_writes_the_whole_story_as_json():
    result = foxbat("export", str(STORIES / "sample"))
    data = json.loads(result.stdout)
    assert result.returncode == 0 and set(data["roles"]) == {"pilot"}
    choice = data["roles"]["pilot"]["scenes"]["over_the_sea"]["choices"][0]
    assert choice["if"] == "fuel < 80" and choice["record"] == "actual"
    assert data["sources"]["wib"]["kind"] == "seed"


def test_text_play_on_piped_stdin_reaches_the_debrief():
    result = foxbat("play", "--text", "--role", "pilot", stdin="1\n1\n1\n", env={"FOXBAT_STORY": str(STORIES / "sample")})
    assert result.returncode == 0 and "You matched the record at 3 of 3 decisions." in result.stdout


def test_text_play_with_an_unknown_role_is_a_usage_error():
    result = foxbat("play", "--text", "--role", "navigator", env={"FOXBAT_STORY": str(STORIES / "sample")})
    assert result.returncode == 2 and "unknown role 'navigator'" in result.stderr


def test_with_no_display_foxbat_says_so_in_one_line_and_plays_in_the_terminal():
    env = {"FOXBAT_STORY": str(STORIES / "sample"), "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = foxbat(stdin="1\n1\n1\n1\n", env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "playing in the terminal instead" in result.stderr
    assert "You matched the record" in result.stdout


def test_a_story_that_fails_to_load_prints_its_problems_not_a_traceback(tmp_path):
    (tmp_path / "story.yaml").write_text("id: [broken\n")
    result = foxbat("play", "--text", "--role", "pilot", env={"FOXBAT_STORY": str(tmp_path)})
    assert result.returncode == 1 and "error[E003]" in result.stderr and "Traceback" not in result.stderr


def test_i18n_status_reports_coverage_per_language():
    result = foxbat("i18n", "status")
    assert result.returncode == 0
    assert any(line.startswith("ja ") and "% current" in line for line in result.stdout.splitlines())


def test_an_unknown_language_is_a_usage_error_listing_the_known_ones():
    result = foxbat("play", "--text", "--role", "pilot", "--lang", "xx")
    assert result.returncode == 2 and "choose one of: en, ja, ru, vi" in result.stderr


def test_a_game_installed_without_its_story_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    from game import shipped
    from game.cli import main

    package = tmp_path / "site-packages" / "game"  # a package with neither story/ beside it nor _shipped/ inside
    package.mkdir(parents=True)
    monkeypatch.setattr(shipped, "_PACKAGE", package)
    monkeypatch.setattr(shipped, "PACKED", package / "_shipped")
    monkeypatch.delenv("FOXBAT_STORY", raising=False)
    assert main(["play", "--text", "--role", "pilot"]) == 1
    message = capsys.readouterr().err
    assert str(tmp_path / "site-packages" / "story") in message and "FOXBAT_STORY" in message
    assert len(message.strip().splitlines()) == 1
