"""Crash recovery: a failing screen ends the visit and attract returns; a broken story edit is refused."""

from __future__ import annotations

import shutil

from .conftest import STORY, play_to_role


def test_an_exception_inside_a_screen_is_logged_and_attract_returns(make_kiosk, caplog):
    app = make_kiosk()
    play_to_role(app)

    def broken(dt):
        raise RuntimeError("boom")

    app.screen.update = broken
    app.step()
    assert app.screen.name == "attract" and app.visit is None and app.errors == 1
    assert any("boom" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    app.step()
    assert app.running


def test_an_exception_while_drawing_or_building_also_recovers(make_kiosk, monkeypatch):
    app = make_kiosk()
    from game.frontends.kiosk.screens.roles import RoleScreen

    monkeypatch.setattr(RoleScreen, "build", lambda self: 1 / 0)
    w, h = app.surface.get_size()
    from .conftest import press, tap

    tap(app, (w // 2, h // 2))
    press(app, "English")
    assert app.screen.name == "attract" and app.errors == 1


def test_a_broken_attract_falls_back_to_a_plain_screen_that_still_starts_visits(make_kiosk, monkeypatch):
    app = make_kiosk()
    from game.frontends.kiosk.screens.attract import AttractScreen

    monkeypatch.setattr(AttractScreen, "draw", lambda self, surface: 1 / 0)
    app.step()
    assert app.screen.name == "fallback"
    w, h = app.surface.get_size()
    from .conftest import tap

    tap(app, (w // 2, h // 2))
    assert app.screen.name == "language"


def test_a_story_edit_that_no_longer_loads_keeps_the_last_good_story_and_lists_the_problems(tmp_path):
    from game.frontends.kiosk.library import StoryLibrary

    root = tmp_path / "story"
    shutil.copytree(STORY, root)
    library = StoryLibrary(root, ["en"])
    good = library.base
    role_file = root / "roles" / "pilot" / "role.yaml"
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("start: resolve", "start: nowhere_at_all"),
                         encoding="utf-8")
    assert library.reload() is False
    assert library.base is good
    assert library.problems and any("nowhere_at_all" in p.message for p in library.problems)
    assert all(p.location.line > 0 for p in library.problems if "role.yaml" in p.location.path)


def test_a_closed_kiosk_leaves_nothing_of_itself_in_memory(tmp_path, clock, library):
    import gc
    import weakref

    import pygame

    from game.frontends.kiosk.app import KioskApp
    from game.frontends.kiosk.config import parse_config
    from game.frontends.kiosk.stats import StatsStore

    stats = StatsStore(tmp_path / "stats.sqlite3", clock=lambda: 0.0)
    app = KioskApp(parse_config("languages: [en]\n"), library, stats, clock=clock, size=(1280, 720))
    app.step()
    play_to_role(app)
    pygame.event.post(pygame.event.Event(pygame.USEREVENT, held=app.screen))  # as pygame_gui's own events do
    gone = weakref.ref(app)
    app.close()
    stats.close()
    del app
    gc.collect()
    assert gone() is None
