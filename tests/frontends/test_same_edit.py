"""The same edit gives the same place in the terminal (--watch) and in the window (F5): both use Edition.move."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pygame
import pytest

from game.engine import Edition, load_story
from game.frontends.terminal import LiveReload, TerminalGame

from ..conftest import PROJECT, STORIES

FLIGHT = "roles/pilot/01_flight.yaml"
RENAME_GO = ("      - id: go\n", "      - id: take_off\n")
REMOVE_OVER_THE_SEA = [("  over_the_sea:\n", "  over_water:\n"), ("goto: over_the_sea\n", "goto: over_water\n")]


def _edit(root: Path, changes) -> None:
    path = root / FLIGHT
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime + 5  # a clearly newer file, however coarse the file system's clock
    os.utime(path, (later, later))


def _in_the_terminal(root: Path, changes) -> tuple[tuple[str, dict, list[str]], str]:
    """Take off and fly low at the prompts, let the writer edit, and read where the player is."""
    edition = Edition.build(load_story(root), ui_root=PROJECT / "story")
    answers = ["1", "1", "", "q"]
    out = io.StringIO()

    def read(prompt):
        if len(answers) == 2:  # at over_the_sea: the writer saves the edit before the next prompt
            _edit(root, changes)
        return answers.pop(0)

    game = TerminalGame(edition.start("pilot"), read, out, live=LiveReload(edition, out), width=200)
    assert game.run() == "quit"
    reload_lines = [line.removeprefix("[reload] ") for line in out.getvalue().splitlines() if line.startswith("[reload]")]
    assert reload_lines[0] == "01_flight.yaml changed: story reloaded."
    place = game.session.scene_id, game.session.variables, [s.choice for s in game.session.path]
    return place, " ".join(reload_lines[1:])


def _in_the_window(root: Path, data: Path, changes) -> tuple[tuple[str, dict, list[str]], str]:
    """The same in the desktop game driven headless through App.step(), reloading with F5."""
    from game.frontends.gui.app import App

    app = App(root, data, size=(1280, 720), role="pilot")
    try:
        app.step([], 1 / 60)
        app.session.choose("go")
        app.session.choose("low")
        _edit(root, changes)
        f5 = [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0)]
        app.step(f5, 1 / 60)
        app.step([], 1 / 60)
        assert app.message.startswith("Story reloaded. ")
        place = app.session.scene_id, app.session.variables, [s.choice for s in app.session.path]
        return place, app.message.removeprefix("Story reloaded. ")
    finally:
        app.close()  # drains pygame's events (they would keep the App alive) and quits pygame


@pytest.mark.parametrize("changes, where, said", [
    ([RENAME_GO], ("over_the_sea", {"fuel": 70, "nerve": 70}, ["low"]),
     "1 earlier choice(s) no longer exist and were taken out of the undo history."),
    (REMOVE_OVER_THE_SEA, ("over_water", {"fuel": 70, "nerve": 70}, ["go", "low"]),
     "Scene 'over_the_sea' is gone; replayed 2 of 2 choice(s) and arrived at 'Over the Sea of Japan'."),
], ids=["renamed choice", "removed scene"])
def test_the_same_edit_leaves_the_player_in_the_same_place_in_the_terminal_and_the_window(tmp_path, changes, where,
                                                                                            said):
    terminal_story, window_story = tmp_path / "terminal", tmp_path / "window"
    shutil.copytree(STORIES / "sample", terminal_story)
    shutil.copytree(STORIES / "sample", window_story)
    in_terminal = _in_the_terminal(terminal_story, changes)
    in_window = _in_the_window(window_story, tmp_path / "data", changes)
    assert in_terminal[0] == in_window[0] == where
    assert in_terminal[1] == in_window[1] == said  # and both say so in the same words
