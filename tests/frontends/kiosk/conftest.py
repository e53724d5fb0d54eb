"""Kiosk test set-up: a fake clock, the shipped story loaded once, and a kiosk driven by step()."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]
STORY = PROJECT / "story"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: float = 1_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.now += seconds


@pytest.fixture
def clock():
    """A fake clock."""
    return FakeClock()


@pytest.fixture(scope="session")
def library():
    """The shipped story in English, Japanese and Vietnamese (loaded once: it takes half a second)."""
    from game.frontends.kiosk.library import StoryLibrary

    return StoryLibrary(STORY, ["en", "ja", "vi"])


@pytest.fixture
def make_kiosk(tmp_path, clock, library):
    """A factory of kiosks: make_kiosk(yaml_text, size) drives the real loop with the fake clock."""
    from game.frontends.kiosk.app import KioskApp
    from game.frontends.kiosk.config import parse_config
    from game.frontends.kiosk.stats import StatsStore

    made = []

    def make(text: str = "languages: [en, ja, vi]\n", size=(1280, 720), stats_path: Path | None = None):
        loaded = parse_config(text)
        stats = StatsStore(stats_path or tmp_path / "stats.sqlite3", loaded.config.min_sessions, clock=lambda: 0.0)
        app = KioskApp(loaded, library, stats, clock=clock, size=size)
        made.append((app, stats))
        app.step()
        return app

    yield make
    for app, stats in made:
        app.close()  # drains pygame's events: otherwise they keep every kiosk of the run alive
        stats.close()


def tap(app, pos, hold: float = 0.0, clock: FakeClock | None = None) -> None:
    """A finger down and up at a pixel, with an optional hold, run through step()."""
    import pygame

    w, h = app.surface.get_size()
    base = dict(x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=1.0)
    app.step([pygame.event.Event(pygame.FINGERDOWN, **base)])
    if hold and clock is not None:
        clock.advance(hold)
        app.step()
    app.step([pygame.event.Event(pygame.FINGERUP, **base)])
    app.step()


def press(app, label_start: str) -> None:
    """Tap the button whose label starts with this text."""
    for button, block in app.screen.labels:
        if block.lines and " ".join(block.lines).startswith(label_start):
            tap(app, button.rect.center)
            return
    raise AssertionError(f"no button '{label_start}' on {app.screen.name}: "
                         f"{[' '.join(b.lines) for _, b in app.screen.labels]}")


def play_to_role(app, language: str = "English", role: int = 0) -> None:
    """From attract: touch, pick a language and a role."""
    w, h = app.surface.get_size()
    tap(app, (w // 2, h // 2))
    if len(app.config.languages) > 1:
        assert app.screen.name == "language"
        press(app, language)
    assert app.screen.name == "roles"
    tap(app, app.screen.labels[role][0].rect.center)
    assert app.screen.name == "scene"


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session; skipped with a reason when none is installed (not in CI)."""
    import os

    from .pgserver import PgServer, find_binaries

    binaries = find_binaries()
    if binaries is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the PostgreSQL tests, but initdb was not found (.ci/run installs postgresql)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); shared-statistics tests need it")
    server = PgServer(binaries)
    yield server
    server.close()


@pytest.fixture
def museum_db(pg_server):
    """The URL of a fresh, empty database on the throwaway server."""
    return pg_server.new_database()
