"""GUI tests run headless: SDL's dummy video and audio drivers are chosen before pygame is imported."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from .driver import Driver  # noqa: E402

HERE = Path(__file__).resolve().parent
TEST_STORY = HERE / "story"
SHIPPED_STORY = HERE.parents[2] / "story"


@pytest.fixture
def make_driver(tmp_path):
    """Open the game on a story (the small test story by default) and return a Driver for it."""
    drivers = []

    def make(story: Path = TEST_STORY, size=(1280, 720), role=None, data_dir: Path | None = None, **kwargs) -> Driver:
        from game.frontends.gui.app import App

        app = App(story, data_dir or tmp_path / "data", size=size, role=role, **kwargs)
        driver = Driver(app)
        drivers.append(driver)
        driver.frames(2)
        return driver

    yield make
    for driver in drivers:
        driver.app.close()  # drains pygame's events: otherwise they keep every App of the run alive
    pygame.quit()
