"""From 1280x720 to 3840x2160, ultrawide and 1080x1920 portrait, every screen fits and nothing overlaps."""

from __future__ import annotations

import re
import warnings

import pygame
import pytest

from .conftest import SHIPPED_STORY
from .layout_check import problems

SIZES = [(1280, 720), (1920, 1080), (3840, 2160), (2560, 1080), (1080, 1920)]


def visit_every_screen(driver):
    """Yield after arriving at each kind of screen, in one playthrough."""
    from game.frontends.gui.screens.saves import SavesScreen

    yield "title"
    driver.key(pygame.K_RETURN)
    yield "roles"
    driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    yield "scene"
    driver.key(pygame.K_d)
    yield "document"
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    if driver.screen.has_map():
        driver.key(pygame.K_m)
        yield "map"
        driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_ESCAPE)
    yield "pause"
    ui = driver.app.ui  # the buttons are named in the player's language
    for label, key in (("settings", "gui.title.settings"), ("history", "gui.pause.history"), ("undo", "gui.pause.undo")):
        driver.click(driver.button(ui(key)))
        yield label
        driver.key(pygame.K_ESCAPE)
    driver.app.push(SavesScreen(driver.app, "load"))
    driver.frames(2)
    yield "load"
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_ESCAPE)
    while not driver.app.session.is_finished:
        driver.key(pygame.K_SPACE)
        driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    yield "ending"
    driver.key(pygame.K_RETURN)
    yield "debrief"
    driver.key(pygame.K_s)
    yield "sources"
    driver.key(pygame.K_RETURN)
    yield "quote"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_widget_leaves_the_window_or_overlaps_another_at_each_size(make_driver, size):
    driver = make_driver(size=size)
    assert driver.app.surface.get_size() == size
    seen = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name in visit_every_screen(driver):
            driver.frames(2)
            seen.append(name)
            assert problems(driver.screen, size) == [], name
    clipped = [str(w.message) for w in caught if "too small" in str(w.message)]
    assert clipped == [], "labels too small for their text"
    assert {"title", "roles", "scene", "document", "map", "pause", "debrief", "quote"} <= set(seen)


@pytest.mark.parametrize("size", [(1280, 720), (2560, 1080), (1080, 1920)], ids=["1280x720", "2560x1080", "1080x1920"])
def test_the_shipped_story_fits_at_the_largest_text_size(make_driver, size, tmp_path):
    driver = make_driver(story=SHIPPED_STORY, size=size, role="pilot")
    driver.app.change_settings(text_size="large")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(60):
            driver.key(pygame.K_SPACE)
            driver.frames(2)
            assert problems(driver.screen, size) == [], driver.app.session.scene_id
            if driver.app.session.is_finished:
                break
            driver.key(pygame.K_1)
    clipped = [str(w.message) for w in caught if "too small" in str(w.message)]
    assert clipped == [], "labels too small for their text"


def test_resizing_the_window_lays_the_current_screen_out_again(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    first = driver.choice_buttons()[0].rect.copy()
    driver.frames(1, events=[pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)])
    driver.frames(2)
    assert driver.app.surface.get_size() == (1920, 1080)
    bigger = driver.choice_buttons()[0].rect
    assert bigger.height > first.height and bigger.width > first.width
    assert driver.screen.typewriter.done, "a resize must not restart the text"
    assert problems(driver.screen, (1920, 1080)) == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_title_with_continue_and_the_role_cards_fit_at_each_size(make_driver, size, tmp_path):
    first = make_driver(role="police", data_dir=tmp_path / "shared")
    first.key(pygame.K_SPACE)
    driver = make_driver(size=size, data_dir=tmp_path / "shared")
    assert driver.button("Continue")
    assert problems(driver.screen, size) == []
    driver.click(driver.button("New game"))
    assert driver.screen.name == "roles"
    assert problems(driver.screen, size) == []


@pytest.mark.parametrize("size", [(1080, 1920), (1200, 2134)])
def test_in_a_tall_window_the_document_hint_sits_clear_above_the_scene_text(make_driver, size):
    driver = make_driver(story=SHIPPED_STORY, size=size, role="police")  # the first scene has a call log
    driver.frames(2)
    screen = driver.screen
    hint = driver.app.ui("gui.scene.document_hint")
    (label,) = [w for w in screen.widgets if getattr(w, "text", None) == hint]
    assert screen.documents and label.rect.top >= screen.documents[-1].rect.bottom
    assert label.rect.bottom < screen.text_rect.top  # a gap: the panel's edge never runs through the hint's line


def test_text_on_a_portrait_screen_is_enlarged_towards_the_design_size_and_no_further():
    from game.frontends.shell.layout import Layout

    assert Layout(1280, 720).font(21) == 21 and Layout(1920, 1080).font(21) == 32  # landscape: as designed
    narrow = Layout(1080, 1920)  # fitted to its width, 0.84 of the design
    assert narrow.portrait and narrow.px(100) == 84
    assert narrow.font(21) == 21  # the text as large as at 1280x720, not 18 px
    assert Layout(2160, 3840).font(21) == round(21 * 2160 / 1280)  # already larger than designed: unchanged
    assert not Layout(1200, 1500).portrait and Layout(1200, 1500).font(21) == round(21 * 1200 / 1280)


@pytest.mark.parametrize("size, across", [((1080, 1920), True), ((1200, 1600), False)], ids=["9:16", "3:4"])
def test_on_a_portrait_screen_the_picture_spans_the_width_with_the_gauges_under_it(make_driver, size, across):
    driver = make_driver(story=SHIPPED_STORY, size=size, role="police")
    driver.frames(2)
    art, gauges = driver.screen.side_rects["art"], driver.screen.side_rects["gauges"]
    content = driver.app.layout.content
    assert (art.width > content.width * 0.9) == across
    assert (gauges.top > art.bottom) == across  # under the picture, else beside it
    assert gauges.bottom < driver.screen.text_rect.top


@pytest.mark.parametrize("size", [(1280, 720), (1080, 1920)], ids=["1280x720", "1080x1920"])
def test_at_the_largest_text_size_each_gauge_bar_stays_under_its_label_and_inside_the_panel(make_driver, size):
    from game.frontends.shell.script import face_for

    driver = make_driver(story=SHIPPED_STORY, size=size, role="police")
    driver.app.change_settings(text_size="large")
    driver.frames(2)
    screen, layout = driver.screen, driver.app.layout
    label = driver.app.fonts.get(layout.font(16), True, face_for(screen.language))
    bar_offset, row = screen.gauge_rows()
    assert bar_offset > label.get_ascent()  # the bar starts below the capitals' baseline
    panel = screen.side_rects["gauges"]
    gauges = len(screen.shown_gauges())
    last_bar_bottom = panel.y + layout.px(8) + (gauges - 1) * row + bar_offset + layout.px(10)
    assert gauges >= 3 and last_bar_bottom <= panel.bottom


def test_on_a_portrait_screen_the_role_cards_stack_the_whole_width_with_larger_text(make_driver):
    from game.frontends.gui.screens.roles import RoleScreen

    sizes = {}
    for size in ((1080, 1920), (1280, 720)):
        driver = make_driver(story=SHIPPED_STORY, size=size)
        driver.key(pygame.K_RETURN)
        screen = driver.screen
        assert isinstance(screen, RoleScreen)
        rects = [rect for rect, _ in screen.cards]
        assert problems(screen, size) == []
        if size == (1080, 1920):
            assert all(r.width > driver.app.layout.content.width * 0.9 for r in rects)
            assert [r.top for r in rects] == sorted(r.top for r in rects) and rects[0].bottom < rects[1].top
        else:
            assert len({r.top for r in rects}) == 1  # side by side
        sizes[size] = max(int(found) for box in screen.children
                          for found in re.findall(r"size=(\d+)", getattr(box, "html_text", "")))
    assert sizes[(1080, 1920)] > sizes[(1280, 720)]  # the stacked cards' names set larger
