"""Physical sizes: buttons at least 15 mm each way, capitals at least 6 mm, at 1080p and 4K, both ways up."""

from __future__ import annotations

import pytest

from game.frontends.kiosk.sizing import MM_PER_INCH, Sizing

from .conftest import play_to_role, tap

SCREENS = [((1920, 1080), 32), ((3840, 2160), 55), ((1080, 1920), 32), ((2160, 3840), 43)]


def test_millimetres_follow_the_diagonal_or_the_dpi():
    assert Sizing(1920, 1080, dpi=MM_PER_INCH * 4).mm(15) == 60
    by_diagonal = Sizing(1920, 1080, diagonal_inches=24)
    assert 3.6 < by_diagonal.px_per_mm < 3.7  # 91.8 dpi


@pytest.mark.parametrize("size,diagonal", SCREENS)
def test_every_button_and_every_letter_is_big_enough_on_each_screen(make_kiosk, size, diagonal):
    app = make_kiosk(f"languages: [en, ja, vi]\nscreen:\n  diagonal_inches: {diagonal}\n", size=size)
    px_per_mm = app.sizing.px_per_mm
    font = app.fonts.get(app.sizing.body, False, "noto")
    cap = font.metrics("H")[0][3]  # maxy: the height of a capital above the baseline
    assert cap / px_per_mm >= 6.0
    w, h = size
    tap(app, (w // 2, h // 2))
    seen = []
    for step in range(3):
        for button, block in app.screen.labels:
            assert button.rect.width / px_per_mm >= 15 and button.rect.height / px_per_mm >= 15
            assert block.size >= app.sizing.body
            assert button.rect.bottom <= h and button.rect.right <= w
        seen.append(app.screen.name)
        tap(app, app.screen.labels[0][0].rect.center)
    assert seen == ["language", "roles", "scene"]


@pytest.mark.parametrize("size,diagonal", SCREENS)
def test_scene_text_and_choices_do_not_overlap_along_the_historical_path(make_kiosk, size, diagonal):
    from game.engine import actual_choice

    app = make_kiosk(f"screen:\n  diagonal_inches: {diagonal}\n", size=size)
    # Every role at 1080p; one at 4K, where each frame costs four times as much to draw.
    for role in range(3 if size[0] * size[1] <= 1920 * 1080 else 1):
        play_to_role(app, role=role)
        while app.screen.name == "scene" and not app.visit.session.is_finished:
            screen = app.screen
            assert screen.text_bottom <= screen.choices_top, (size, app.visit.session.scene_id)
            assert screen.choices_top >= app.surface.get_height() * 0.3
            session = app.visit.session
            actual = actual_choice(session.scene)
            ids = [c.id for c in session.choices]
            index = ids.index(actual.id) if actual and actual.id in ids else 0
            tap(app, screen.labels[index][0].rect.center)
        app.end_visit()
        app.step()
