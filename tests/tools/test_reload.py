"""Hot reload: Edition.move onto a changed story, watch the story folder, and `play --text --watch`."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from game.engine import Edition, StoryWatcher, load_story
from game.frontends.terminal import LiveReload, TerminalGame

from .stories import copy, edit

SCENES = "roles/agent/01_scenes.yaml"


SHIPPED = Path(__file__).resolve().parents[2] / "story"


def _edition(root):
    """The story at root as the terminal builds it: the shipped interface strings beside it."""
    return Edition.build(load_story(root), ui_root=SHIPPED)


def _at_middle(root):
    session = _edition(root).start("agent")
    session.choose("wait")  # fuel 50 -> 20
    return session


def test_a_session_stays_at_the_same_scene_with_the_same_variables_when_the_text_changes(tmp_path):
    root = copy("clean", tmp_path)
    session = _at_middle(root)
    edit(root / SCENES, "You are in the middle.", "You are in the middle of the sea.")
    moved, notices = _edition(root).move(session)
    assert moved.scene_id == "middle" and moved.variables == {"fuel": 20}
    assert moved.text == "You are in the middle of the sea."
    assert [s.choice for s in moved.path] == ["wait"] and notices == []
    moved.undo()
    assert moved.scene_id == "start"


def test_a_replay_follows_a_kept_choice_into_its_renamed_scene(tmp_path):
    root = copy("clean", tmp_path)
    session = _at_middle(root)
    session.choose("ditch")
    edit(root / SCENES, "  ditched:", "  ditched_at_sea:")
    edit(root / SCENES, "goto: ditched\n", "goto: ditched_at_sea\n")
    moved, notices = _edition(root).move(session)
    assert moved.scene_id == "ditched_at_sea"
    assert notices[0].key == "notice.scene_gone" and (notices[0].values["kept"], notices[0].values["total"]) == (2, 2)


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_watcher_sees_a_changed_a_new_and_a_removed_file_but_not_editor_swap_files(tmp_path):
    root = copy("clean", tmp_path)
    watcher = StoryWatcher(root)
    assert not watcher.changed()
    (root / "roles/agent/.01_scenes.yaml.swp").write_text("x")
    (root / "roles/agent/01_scenes.yaml~").write_text("x")
    assert not watcher.changed()
    edit(root / SCENES, "You are in the middle.", "You are in the very middle.")
    assert watcher.changed() and watcher.changed_files[0].endswith("01_scenes.yaml")
    (root / "roles/agent/02_more.yaml").write_text("scenes: {}\n")
    assert watcher.changed()
    (root / "roles/agent/02_more.yaml").unlink()
    assert watcher.changed()
    assert not watcher.changed()


def test_without_change_notices_the_watcher_polls_at_most_once_per_interval(tmp_path):
    root = copy("clean", tmp_path)
    clock = FakeClock()
    watcher = StoryWatcher(root, interval=1.0, clock=clock, events=False)
    edit(root / SCENES, "You are in the middle.", "Middle.")
    assert not watcher.poll()  # too soon
    clock.now = 1.5
    assert watcher.poll()


def test_without_change_notices_a_frame_loop_ticks_the_watcher_with_its_own_frame_times(tmp_path):
    root = copy("clean", tmp_path)
    watcher = StoryWatcher(root, interval=0.5, events=False)
    edit(root / SCENES, "You are in the middle.", "Middle.")
    assert not watcher.tick(0.2) and not watcher.tick(0.2)  # 0.4 s of frames: not yet
    assert watcher.tick(0.2)
    assert not watcher.tick(0.6)  # nothing changed since


def test_the_watcher_wakes_on_the_systems_change_notice_without_polling(tmp_path):
    root = copy("clean", tmp_path)
    clock = FakeClock()  # never advances: a polling watcher would never scan again
    with StoryWatcher(root, interval=3600, clock=clock) as watcher:
        assert watcher.uses_events
        scans = []
        scan = watcher.scan
        watcher.scan = lambda: scans.append(1) or scan()
        for _ in range(5):
            assert not watcher.tick(1.0)
        assert scans == []  # no change notice, no scan
        edit(root / SCENES, "You are in the middle.", "Middle.")
        assert watcher.wait(timeout=10)
        assert watcher.changed_files[0].endswith("01_scenes.yaml")
        (root / "roles/agent/.01_scenes.yaml.swp").write_text("x")  # an editor's swap file wakes nothing
        edit(root / SCENES, "Middle.", "The middle.")
        deadline = time.monotonic() + 10
        while not watcher.tick(0.0):
            assert time.monotonic() < deadline, "the change notice never came"
            time.sleep(0.01)
        assert [Path(p).name for p in watcher.changed_files] == ["01_scenes.yaml"]


def test_the_watcher_falls_back_to_polling_when_change_notices_are_unavailable(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "watchdog.observers", None)  # as if watchdog were not installed
    root = copy("clean", tmp_path)
    watcher = StoryWatcher(root, interval=0.5)
    assert not watcher.uses_events
    edit(root / SCENES, "You are in the middle.", "Middle.")
    assert not watcher.tick(0.2)
    assert watcher.tick(0.4)


def _scripted(answers, before=None):
    """A read() that runs before(n) ahead of the n-th answer (to edit files while the player waits)."""
    queue = list(answers)

    def read(prompt):
        if before is not None:
            before(len(answers) - len(queue))
        if not queue:
            raise EOFError
        return queue.pop(0)
    return read


def test_text_play_with_watch_reloads_the_story_between_prompts(tmp_path):
    root = copy("clean", tmp_path)
    out = io.StringIO()
    edition = _edition(root)

    def before(n):
        if n == 1:  # after the first choice, the writer saves a change
            edit(root / SCENES, "You are in the middle.", "The sea is grey and endless.")

    game = TerminalGame(edition.start("agent"), _scripted(["1", "", "1"], before), out, live=LiveReload(edition, out),
                        width=200)
    assert game.run() == "ended"
    text = out.getvalue()
    assert "story reloaded" in text and "The sea is grey and endless." in text


def test_a_story_that_fails_to_load_prints_its_problems_and_the_last_good_story_keeps_running(tmp_path):
    root = copy("clean", tmp_path)
    out = io.StringIO()
    edition = _edition(root)

    def before(n):
        if n == 1:
            edit(root / SCENES, "goto: landed", "goto: landd")

    game = TerminalGame(edition.start("agent"), _scripted(["1", "", "1"], before), out, live=LiveReload(edition, out),
                        width=200)
    assert game.run() == "ended"
    text = out.getvalue()
    assert "E103" in text and "last good story" in text
    assert game.session.scene_id == "landed"


def test_foxbat_play_text_watch_runs_on_piped_input(tmp_path, monkeypatch, capsys):
    from game.cli import main

    root = copy("clean", tmp_path)
    monkeypatch.setattr("builtins.input", _scripted(["1", "1"]))
    assert main(["play", "--text", "--watch", "--story", str(root), "--role", "agent"]) == 0
    assert "DEBRIEF" in capsys.readouterr().out
