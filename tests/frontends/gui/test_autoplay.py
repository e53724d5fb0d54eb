"""Autoplay plays a role by itself in the window and saves a PNG of every screen."""

from __future__ import annotations

import pygame
import pytest

from game.engine import historical_path


def run_until_done(driver, limit: int = 20000) -> None:
    driver.app.autoplayer.pause = 0.0
    for _ in range(limit):
        if not driver.app.running:
            return
        driver.frames(1, dt=0.05)
    raise AssertionError("autoplay never finished")


def not_blank(path) -> bool:
    from .test_smoke_xvfb import blank

    return not blank(pygame.image.load(str(path)))


def test_historical_autoplay_follows_the_record_and_saves_every_screen(make_driver, tmp_path):
    shots = tmp_path / "shots"
    driver = make_driver(role="pilot", autoplay="historical", screenshots=shots)
    run_until_done(driver)
    session = driver.app.session
    played = [s.scene for s in session.path] + [session.scene_id]
    assert played == historical_path(session.role)
    names = sorted(p.name for p in shots.glob("*.png"))
    for expected in ("scene-takeoff", "document-log", "map", "pause", "settings", "history", "undo", "load", "debrief",
                     "quote"):
        assert any(expected in name for name in names), expected
    assert all(not_blank(path) for path in shots.glob("*.png"))


@pytest.mark.parametrize("role", ["police", "diplomat"])
def test_random_autoplay_with_a_seed_is_repeatable(make_driver, tmp_path, role):
    paths = []
    for run in range(2):
        driver = make_driver(role=role, autoplay="random:7", data_dir=tmp_path / f"d{run}")
        run_until_done(driver)
        paths.append([s.choice for s in driver.app.session.path])
        assert driver.app.session.is_finished
    assert paths[0] == paths[1]


def test_a_bad_autoplay_value_is_refused_with_a_clear_message():
    from game.frontends.gui.autoplay import Autoplayer

    with pytest.raises(ValueError, match="historical, random or random:SEED"):
        Autoplayer.parse("sideways")


def test_ensemble_autoplay_keeps_a_screenshot_of_each_roles_scene_when_two_roles_share_a_scene_id(make_driver, tmp_path):
    from .conftest import SHIPPED_STORY

    shots = tmp_path / "shots"
    driver = make_driver(SHIPPED_STORY, role="ensemble", autoplay="historical", screenshots=shots)
    run_until_done(driver)
    names = [p.name.partition("_")[2] for p in shots.glob("*.png")]
    assert "scene-police-garrison.png" in names and "scene-diplomat-garrison.png" in names
    assert "timeline.png" in names
