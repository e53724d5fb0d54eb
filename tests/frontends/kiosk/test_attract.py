"""The attract loop's layout: on a portrait screen the scope stands centred in the upper half."""

from __future__ import annotations


def _scope(app):
    """The scope's centre and radius on this kiosk's screen (measured before the next kiosk takes the display)."""
    return app.title_art.geometry(app.surface.get_size())


def test_a_portrait_kiosk_centres_a_larger_scope_in_the_upper_half(make_kiosk):
    (px, py), portrait_radius = _scope(make_kiosk(size=(1080, 1920)))
    (lx, _), _ = _scope(make_kiosk(size=(1920, 1080)))
    assert px == 1080 // 2  # centred, not pushed to the right edge
    assert lx > 1920 * 0.6  # landscape keeps it right of the title
    assert portrait_radius > 1080 * 0.3 and py + portrait_radius < 1920 * 0.55  # big, and in the upper half


def test_the_desktop_title_keeps_its_scope_right_of_the_menu_even_in_a_tall_window():
    from types import SimpleNamespace

    from game.frontends.shell.layout import Layout
    from game.frontends.shell.title_art import TitleArt

    art = TitleArt(SimpleNamespace(layout=Layout(720, 1280)))
    (x, _), radius = art.geometry((720, 1280))
    assert x > 720 // 2 and x + radius <= 720


def test_a_landscape_kiosk_keeps_the_replayed_moment_left_of_the_scope(make_kiosk):
    for size in ((1920, 1080), (1280, 720)):
        app = make_kiosk(size=size)
        app.step()
        assert app.screen.name == "attract" and app.screen.moment_rect.width > size[0] // 3
        scope = app.title_art.scope_rect(size)
        assert not app.screen.moment_rect.colliderect(scope), (size, app.screen.moment_rect, scope)
