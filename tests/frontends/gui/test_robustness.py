"""Broken stories, damaged files and failing screens give messages, never a crash or a lost game."""

from __future__ import annotations

import json
import os
import shutil

import pygame

from game.frontends.gui.settings import Settings, load_settings

from .conftest import TEST_STORY
from .driver import Driver


def test_a_story_that_fails_to_load_shows_its_problems_on_an_error_screen(make_driver, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(TEST_STORY, broken)
    path = broken / "roles" / "police" / "scenes.yaml"
    path.write_text(path.read_text().replace("goto: second", "goto: secnod"))
    driver = make_driver(story=broken)
    assert driver.screen.name == "error"
    text = driver.screen.describe()
    assert "secnod" in text and "scenes.yaml" in text
    path.write_text(path.read_text().replace("goto: secnod", "goto: second"))
    driver.click(driver.button("Try again"))
    assert driver.screen.name == "title"


def test_an_exception_inside_a_screen_returns_to_the_title_with_a_message_and_keeps_the_autosave(make_driver, tmp_path,
                                                                                                     capsys):
    driver = make_driver(role="police")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    autosave = (tmp_path / "data" / "saves" / "autosave.json").read_text()

    def explode(event):
        raise RuntimeError("boom")

    driver.screen.handle_event = explode
    driver.key(pygame.K_SPACE)
    assert driver.screen.name == "title"
    assert "boom" in driver.app.message and "autosave" in driver.app.message
    assert (tmp_path / "data" / "saves" / "autosave.json").read_text() == autosave
    assert "RuntimeError: boom" in capsys.readouterr().err
    driver.click(driver.button("Continue"))
    assert driver.app.session.scene_id == "second"


def test_a_damaged_settings_file_gives_the_defaults_and_a_message(make_driver, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text("{{{")
    driver = make_driver()
    assert driver.app.settings == Settings()
    assert "damaged" in driver.app.message


def test_settings_with_wrong_values_keep_the_good_ones(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"text_speed": "warp", "text_size": "large", "music_volume": 400,
                                                        "high_contrast": "yes"}))
    settings, message = load_settings(tmp_path)
    assert message is None
    assert settings.text_speed == "normal" and settings.text_size == "large"
    assert settings.music_volume == 100 and settings.high_contrast is False


def test_the_game_runs_with_no_audio_device(make_driver, monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "none-such")
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    assert len(driver.app.session.path) == 1


def test_with_watch_a_changed_story_is_reloaded_and_play_carries_on(make_driver, tmp_path):
    story = tmp_path / "story"
    shutil.copytree(TEST_STORY, story)
    driver = make_driver(story=story, role="police", watch=True)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    path = story / "roles" / "police" / "scenes.yaml"
    path.write_text(path.read_text().replace("Reporters at the gate.", "Reporters climb the fence."))
    os.utime(path, (path.stat().st_mtime + 5, path.stat().st_mtime + 5))
    driver.frames(30, dt=0.05)
    assert driver.app.message == "Story reloaded."
    assert "climb the fence" in driver.app.session.text
    assert driver.app.session.scene_id == "second"


def test_f5_reloads_the_story_and_a_broken_edit_keeps_the_last_good_one(make_driver, tmp_path):
    story = tmp_path / "story"
    shutil.copytree(TEST_STORY, story)
    driver = make_driver(story=story, role="police")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    path = story / "roles" / "police" / "scenes.yaml"
    good = path.read_text()
    path.write_text(good.replace("Reporters at the gate.", "Reporters climb the fence."))
    driver.key(pygame.K_F5)
    driver.frames(5, dt=0.05)
    assert "climb the fence" in driver.app.session.text and driver.app.session.scene_id == "second"
    path.write_text(good.replace("goto:", "goto: nowhere_", 1))
    driver.key(pygame.K_F5)
    driver.frames(5, dt=0.05)
    assert "climb the fence" in driver.app.session.text and driver.app.story_problems


def test_sounds_are_made_in_code_and_are_silent_without_a_device(make_driver, monkeypatch):
    import pygame

    from game.frontends.gui.audio import Audio

    driver = make_driver(role="pilot")
    assert driver.app.audio is not None
    driver.app.sound("choose")  # works with the dummy driver, or does nothing
    monkeypatch.setattr(pygame.mixer, "init", lambda *a, **k: (_ for _ in ()).throw(pygame.error("no device")))
    silent = Audio()
    assert not silent.ready
    silent.play("tick", 100)
    silent.music(50)


def test_run_desktop_says_no_display_when_no_window_can_be_opened(tmp_path):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["SDL_AUDIODRIVER"] = "dummy"
    code = ("from game.frontends.gui.app import run_desktop; "
            f"print(run_desktop({str(TEST_STORY)!r}, {str(tmp_path)!r}))")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "no-display"


def test_a_closed_game_leaves_nothing_of_itself_in_memory(tmp_path):
    import gc
    import weakref

    from game.frontends.gui.app import App

    app = App(TEST_STORY, tmp_path / "data", role="pilot")
    driver = Driver(app)
    driver.frames(2)
    driver.key(pygame.K_ESCAPE)  # a menu over the scene: pygame_gui posts events for its buttons
    driver.frames(3)
    assert pygame.event.peek()  # events nobody took are waiting: they used to hold the App for ever
    gone = weakref.ref(app)
    app.close()
    del app, driver
    gc.collect()
    assert gone() is None


def test_a_broken_edit_shows_each_problem_with_its_place_in_the_window_and_on_stderr(make_driver, tmp_path, capsys):
    story = tmp_path / "story"
    shutil.copytree(TEST_STORY, story)
    driver = make_driver(story=story, role="police")
    driver.key(pygame.K_SPACE)
    path = story / "roles" / "police" / "scenes.yaml"
    good = path.read_text()
    path.write_text(good.replace("goto:", "goto: nowhere_", 1))
    before = pygame.display.get_surface().copy()
    driver.key(pygame.K_F5)
    driver.frames(3, dt=0.05)
    [problem] = driver.app.story_problems
    assert "scenes.yaml:8:" in problem and "error[E102]" in problem and "nowhere_" in problem
    assert problem in capsys.readouterr().err
    # the panel is drawn over the top of the window: its pixels changed there, and its red frame shows
    after = pygame.display.get_surface()
    top = pygame.Rect(0, 0, after.get_width(), after.get_height() // 8)
    assert any(before.get_at((x, y)) != after.get_at((x, y)) for x in range(top.x, top.right, 16)
               for y in range(top.y, top.bottom, 8))
    path.write_text(good)
    driver.key(pygame.K_F5)
    driver.frames(3, dt=0.05)
    assert driver.app.story_problems == [] and driver.app.message.startswith("Story reloaded")


def test_with_watch_the_real_time_between_frames_drives_the_watcher_not_the_capped_step(make_driver, tmp_path):
    story = tmp_path / "story"
    shutil.copytree(TEST_STORY, story)
    from game.engine import StoryWatcher

    driver = make_driver(story=story, role="police", watch=True)
    driver.app.watcher.close()
    driver.app.watcher = StoryWatcher(story, events=False)  # the polling fallback, where frame time matters
    path = story / "roles" / "police" / "scenes.yaml"
    path.write_text(path.read_text().replace("Reporters at the gate.", "Reporters climb the fence."))
    os.utime(path, (path.stat().st_mtime + 5, path.stat().st_mtime + 5))
    # a still window sleeps up to 0.5 s between frames, but each step is capped at 0.1 s of animation
    driver.app.elapsed = 0.5
    driver.frames(2, dt=0.1)
    assert driver.app.message == "Story reloaded."


def test_settings_nested_100000_deep_start_the_game_with_defaults_and_are_set_aside(make_driver, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text("[" * 100_000 + "]" * 100_000)
    driver = make_driver()
    assert driver.screen.name == "title" and driver.app.settings == Settings()
    assert "damaged" in driver.app.message
    assert (data / "settings.json.damaged-1").exists()
    assert load_settings(data) == (Settings(), None)  # the next start is clean


def test_a_damaged_save_beside_the_autosave_leaves_the_title_screen_and_continue_working(make_driver, tmp_path):
    first = make_driver(role="police")
    first.key(pygame.K_SPACE)
    first.key(pygame.K_1)
    saves = tmp_path / "data" / "saves"
    (saves / "slot1.json").write_text('{"state": ' * 100_000)
    (saves / "slot2.json").write_text('{"state": {"role": "police", "scene": "second", "variables": {"n": '
                                      + "7" * 5000 + "}}}")
    driver = make_driver()
    assert driver.screen.name == "title"
    driver.click(driver.button("Continue"))
    assert driver.app.session.scene_id == "second"
    assert sorted(p.name for p in saves.iterdir()) == ["autosave.json", "slot1.json.damaged-1",
                                                       "slot2.json.damaged-1"]


def test_closing_a_watching_window_stops_its_change_notice_thread(make_driver, tmp_path):
    import threading

    story = tmp_path / "story"
    shutil.copytree(TEST_STORY, story)
    before = set(threading.enumerate())
    driver = make_driver(story=story, role="police", watch=True)
    watcher = driver.app.watcher
    driver.app.close()
    assert driver.app.watcher is None and not watcher.uses_events
    assert [t for t in threading.enumerate() if t not in before and t.is_alive() and "speech" not in t.name] == []
