"""Text is never clipped: role cards, endings, in every language and window size."""

from __future__ import annotations

import json

import pytest

from .conftest import SHIPPED_STORY


from game.frontends.shell.widgets import text_overflow as overflow


@pytest.mark.parametrize("lang", ["en", "ja", "vi", "ru"])
@pytest.mark.parametrize("size, text_size", [((1280, 720), "medium"), ((960, 540), "large"), ((1920, 1080), "large")])
def test_role_cards_show_all_their_text(make_driver, tmp_path, lang, size, text_size):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"language": lang, "text_size": text_size}), encoding="utf-8")
    driver = make_driver(story=SHIPPED_STORY, data_dir=data, size=size)
    driver.click(driver.button(driver.app.ui("gui.title.new_game")))
    assert driver.screen.name == "roles"
    boxes = [c for c in driver.screen.children if hasattr(c, "text_box_layout")]
    assert len(boxes) == len(driver.screen.cards)
    for box, (rect, role) in zip(boxes, driver.screen.cards):
        assert overflow(box) == 0, (role.id, overflow(box))
        assert rect.contains(box.rect), role.id


def debrief_of(make_driver, role: str = "police"):
    """The debrief after the shipped story's role played along the record."""
    from game.engine import actual_choice

    driver = make_driver(story=SHIPPED_STORY, role=role)
    session = driver.app.session
    while not session.is_finished:
        actual = actual_choice(session.scene)
        ids = [c.id for c in session.choices]
        session.choose(actual.id if actual is not None and actual.id in ids else ids[0])
    driver.app.go("debrief", fade=False)
    driver.frames(3)
    return driver


def runs_along(surface, start, direction, length: int, colour) -> int:
    """The longest run of pixels of a colour along a line from start."""
    best = run = 0
    for step in range(-length, length + 1):
        point = (round(start[0] + direction[0] * step), round(start[1] + direction[1] * step))
        hit = surface.get_rect().collidepoint(point) and all(
            abs(a - b) <= 40 for a, b in zip(surface.get_at(point)[:3], colour))
        run = run + 1 if hit else 0
        best = max(best, run)
    return best


def test_the_record_runs_beside_the_players_path_on_the_story_map(make_driver):
    from game.frontends.gui.story_map import node_position
    from game.frontends.shell import palette as P

    driver = debrief_of(make_driver)
    screen, layout = driver.screen, driver.app.layout
    path = screen.player_path
    a = node_position(screen.debrief.role, screen.map_rect, path[1], layout.scale)
    b = node_position(screen.debrief.role, screen.map_rect, path[2], layout.scale)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    # pygame draws a thick line's width up and down (shallow) or left and right (steep): look across it that way.
    normal = (0, 1) if abs(b[0] - a[0]) >= abs(b[1] - a[1]) else (1, 0)
    width = max(2, int(3 * layout.scale))
    surface = driver.app.surface
    # Across the shared segment, a full line of each colour: neither hides the other.
    assert runs_along(surface, mid, normal, 12, P.AMBER) >= width
    assert runs_along(surface, mid, normal, 12, P.PHOSPHOR) >= width


def test_the_keyboard_walks_the_story_map_and_each_scene_is_named(make_driver):
    import pygame

    driver = debrief_of(make_driver)
    screen = driver.screen
    index = next(i for i, (button, _) in enumerate(screen.focus.items) if button is screen.map_button)
    screen.focus.set(index)
    driver.key(pygame.K_RIGHT)
    driver.key(pygame.K_RIGHT)
    assert screen.map_cursor == 1
    driver.app.dirty = True
    driver.frames(2)
    from game.frontends.gui.story_map import node_position

    node = node_position(screen.debrief.role, screen.map_rect, screen.player_path[1], driver.app.layout.scale)
    above = pygame.Rect(node[0] - 60, node[1] - 50, 120, 40).clip(driver.app.surface.get_rect())
    caption = sum(all(abs(c - t) <= 6 for c, t in zip(driver.app.surface.get_at((x, y))[:3], (30, 22, 8)))
                  for x in range(above.left, above.right) for y in range(above.top, above.bottom))
    assert caption > 100  # the caption's box, above the node


def test_parted_and_met_again_on_neighbouring_scenes_never_print_over_each_other():
    import pygame

    from game.frontends.gui.story_map import divergence_labels

    area = pygame.Rect(0, 0, 400, 200)
    size = lambda text: (8 * len(text), 14)  # noqa: E731 - a fixed-width stand-in for the font
    pos = {"a": (4, 100), "b": (30, 100)}  # one column apart, the first at the map's left edge
    placed = divergence_labels(pos, ("a", "b"), ("rẽ hướng", "gặp lại"), size, 7, area)
    boxes = [pygame.Rect(xy, size(text)) for text, xy in placed]
    assert len(boxes) == 2 and not boxes[0].colliderect(boxes[1])
    assert all(area.contains(box) for box in boxes)
    assert boxes[0].top > 100 and boxes[1].bottom < 100  # the first under its scene, the second above
    far = divergence_labels({"a": (100, 100), "b": (300, 100)}, ("a", "b"), ("x", "y"), size, 7, area)
    assert [xy[1] for _, xy in far] == [109, 109]  # apart, both stay under their scenes


def test_page_down_and_page_up_turn_the_debriefs_decisions_a_box_at_a_time(make_driver):
    import pygame

    driver = debrief_of(make_driver)
    bar = driver.screen.rows.scroll_bar
    assert bar is not None and bar.start_percentage == 0.0
    driver.key(pygame.K_PAGEDOWN)
    driver.frames(2)
    assert abs(bar.start_percentage - bar.visible_percentage) < 1e-3  # one box's worth further on
    for _ in range(50):
        driver.key(pygame.K_PAGEDOWN)
    driver.frames(2)
    assert abs(bar.start_percentage - (1 - bar.visible_percentage)) < 1e-3  # and never past the end
    driver.key(pygame.K_PAGEUP)
    driver.frames(2)
    assert bar.start_percentage < 1 - bar.visible_percentage
