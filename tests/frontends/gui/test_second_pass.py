"""The desktop game's second pass (issue 14): what a newcomer met in the first hour."""

from __future__ import annotations

import json

import pygame

from .conftest import SHIPPED_STORY


def idle_frames(driver, seconds: float, dt: float = 1 / 60) -> None:
    """Frames with no input at all, as the real loop runs them while the player waits."""
    for _ in range(int(seconds / dt)):
        driver.app.step([], dt)


def differs(surface, other, rect) -> float:
    """The share of pixels in rect that differ between two surfaces."""
    points = [(x, y) for x in range(rect.left, rect.right, 3) for y in range(rect.top, rect.bottom, 3)]
    changed = 0
    for point in points:
        a, b = surface.get_at(point), other.get_at(point)
        changed += abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b) > 24
    return changed / max(1, len(points))


def test_choices_appear_on_the_display_when_the_text_finishes_typing_with_no_input(make_driver):
    driver = make_driver(role="pilot")
    screen = driver.screen
    assert not screen.settled()
    idle_frames(driver, 8.0)
    assert screen.settled()
    background = screen._frame[1]
    for button in driver.choice_buttons():
        # The button's frame and its text are on the display, not the scene's background.
        assert differs(driver.app.surface, background, button.rect) > 0.05, button.rect


def test_lang_on_the_command_line_applies_to_that_run_only(make_driver, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"language": "en", "text_size": "medium"}), encoding="utf-8")
    driver = make_driver(story=SHIPPED_STORY, data_dir=data, lang="ja")
    assert driver.app.settings.language == "ja"
    driver.app.change_settings(text_size="large")  # any change saves the settings
    saved = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert saved["text_size"] == "large"
    assert saved["language"] == "en"


def test_a_language_picked_in_the_settings_is_saved_even_after_lang(make_driver, tmp_path):
    data = tmp_path / "data"
    driver = make_driver(story=SHIPPED_STORY, data_dir=data, lang="ja")
    driver.app.change_settings(language="vi")
    assert json.loads((data / "settings.json").read_text(encoding="utf-8"))["language"] == "vi"


def test_the_window_fits_a_portrait_screen(make_driver, monkeypatch):
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1080, 1920)])
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")  # as under a real X server
    driver = make_driver(size=(1280, 720))
    width, height = driver.app.surface.get_size()
    assert width <= 1080 and height <= 1920
    assert abs(width / height - 16 / 9) < 0.02  # the same shape, only smaller


def test_the_window_keeps_its_size_on_a_screen_big_enough(make_driver, monkeypatch):
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1920, 1080)])
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")
    driver = make_driver(size=(1280, 720))
    assert driver.app.surface.get_size() == (1280, 720)


def reach_debrief(driver) -> None:
    """Play the test story's pilot to the ending by keyboard and open the debrief."""
    for _ in range(100):
        if driver.app.session.is_finished:
            break
        driver.key(pygame.K_SPACE)
        driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    driver.settle()
    assert driver.screen.name == "debrief"


def test_esc_on_the_debrief_opens_a_menu_and_never_returns_to_the_ending(make_driver):
    driver = make_driver(role="pilot")
    reach_debrief(driver)
    driver.key(pygame.K_ESCAPE)
    assert driver.screen.name == "debrief_menu"
    driver.key(pygame.K_ESCAPE)
    assert driver.screen.name == "debrief"
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button(driver.app.ui("gui.debrief_menu.to_title")))
    assert driver.screen.name == "title"
    # Continue (focused first) carries on the finished game at its debrief, not its ending scene.
    driver.key(pygame.K_RETURN)
    driver.settle()
    assert driver.screen.name == "debrief"


def close_to(colour, target, tolerance: int = 40) -> bool:
    """True when a pixel is within tolerance of a colour, channel by channel."""
    return all(abs(c - t) <= tolerance for c, t in zip(colour[:3], target))


def test_the_notebook_margin_lies_left_of_the_text_and_its_rules_sit_under_each_line(make_driver):
    driver = make_driver(story=SHIPPED_STORY, role="police")
    driver.settle()
    surface, panel = driver.app.surface, driver.screen.text_rect
    inside = panel.inflate(-8, -8)
    red = [x for x in range(inside.left, inside.right)
           if sum(close_to(surface.get_at((x, y)), (200, 90, 90)) for y in range(inside.top, inside.bottom, 4))
           > (inside.height // 4) * 0.8]
    ink = [x for x in range(inside.left, inside.right)
           if any(sum(surface.get_at((x, y))[:3]) < 250 for y in range(inside.top, inside.bottom))]
    assert red, "no margin line"
    assert max(red) < min(ink) - 4  # the margin never touches a letter
    rule_rows = [y for y in range(inside.top, inside.bottom)
                 if sum(close_to(surface.get_at((x, y)), (150, 170, 210), 30) for x in range(inside.left, inside.right, 3))
                 > (inside.width // 3) * 0.3]
    ink_rows = [y for y in range(inside.top, inside.bottom)
                if sum(sum(surface.get_at((x, y))[:3]) < 250 for x in range(min(ink), inside.right, 2)) > 3]
    lines = []  # bands of rows with ink: one per line of text
    for y in ink_rows:
        if lines and y - lines[-1][1] <= 2:
            lines[-1][1] = y
        else:
            lines.append([y, y])
    assert len(lines) >= 3
    for top, bottom in lines:
        height = bottom - top
        # One rule in the lower part of the line (at the baseline, descenders may cross it), none through the letters.
        assert any(top + 0.55 * height <= r <= bottom + 3 for r in rule_rows), (top, bottom)
        assert not any(top + 2 <= r <= top + 0.5 * height for r in rule_rows), (top, bottom)


def open_pause(driver) -> None:
    """A scene with the pause menu over it."""
    driver.settle()
    driver.key(pygame.K_ESCAPE)
    driver.frames(3)
    assert driver.screen.name == "pause"


def test_menu_panels_are_opaque_whatever_lies_underneath(make_driver):
    driver = make_driver(role="pilot")
    open_pause(driver)
    panel = driver.screen.panel
    buttons = [b for b in driver.screen.widgets if b.rect.colliderect(panel) and b.rect.height > 20][1:3]
    points = [(panel.x + 3, panel.centery), (panel.right - 3, panel.centery)]
    points += [(b.rect.x + 6, b.rect.centery) for b in buttons]  # inside a button, left of its text

    def sample():
        driver.app.dirty = True
        driver.frames(3)
        return [tuple(driver.app.surface.get_at(p))[:3] for p in points]

    first = sample()
    white = pygame.Surface(driver.app.surface.get_size())
    white.fill((255, 255, 255))
    driver.app.backdrop = white  # a different frame under the menu
    assert sample() == first


def ring_pixels(surface, rect, colour, gap: int) -> int:
    """How many pixels just outside a rectangle have the ring's colour."""
    outer = rect.inflate(2 * gap, 2 * gap)
    points = [(x, outer.top) for x in range(outer.left + 10, outer.right - 10, 2)]
    points += [(x, outer.bottom - 1) for x in range(outer.left + 10, outer.right - 10, 2)]
    return sum(close_to(surface.get_at(p), colour, 20) for p in points if surface.get_rect().collidepoint(p))


def test_keyboard_focus_has_a_ring_that_mouse_hover_does_not(make_driver):
    driver = make_driver(role="pilot")
    open_pause(driver)
    focused = driver.screen.focus.focused
    hovered = [b for b, _ in driver.screen.focus.items if b is not focused and b.is_enabled][0]
    driver.frames(2, events=[pygame.event.Event(pygame.MOUSEMOTION, pos=hovered.rect.center, rel=(0, 0),
                                                buttons=(0, 0, 0), touch=False)])
    driver.app.dirty = True
    driver.frames(3)
    surface, px = driver.app.surface, driver.app.layout.px
    hits_focused = max(ring_pixels(surface, focused.rect, (244, 240, 224), px(5) - d) for d in range(0, 3))
    hits_hovered = max(ring_pixels(surface, hovered.rect, (244, 240, 224), px(5) - d) for d in range(0, 3))
    assert hits_focused > 20
    assert hits_hovered == 0


def test_the_title_redraws_only_the_scope_and_the_mig_and_at_a_lower_rate(make_driver, monkeypatch):
    driver = make_driver()
    assert driver.screen.name == "title"
    driver.frames(5)
    flips, updated = [], []
    monkeypatch.setattr(pygame.display, "flip", lambda: flips.append(1))
    monkeypatch.setattr(pygame.display, "update", lambda rects=None: updated.extend(rects or []))
    driver.frames(60, dt=1 / 20)
    assert flips == []
    window = driver.app.surface.get_width() * driver.app.surface.get_height()
    per_frame = sum(r.width * r.height for r in updated) / 60
    assert per_frame < window * 0.3
    assert driver.app.fps <= 20


def test_the_title_drawn_in_parts_looks_the_same_as_drawn_whole(make_driver):
    driver = make_driver()
    for _ in range(45):
        driver.app.step([], 1 / 20)
    parts = driver.app.surface.copy()
    driver.app.draw()
    whole = driver.app.surface
    assert differs(whole, parts, whole.get_rect()) < 0.002


def test_a_border_of_zero_in_the_theme_stays_zero_at_every_window_size():
    from game.frontends.shell.layout import Layout
    from game.frontends.shell.theme import build_theme

    for size in ((960, 540), (1280, 720), (3840, 2160)):
        theme = build_theme(Layout(*size))
        assert theme["text_box"]["misc"]["border_width"] == "0"  # no box drawn round the notebook's text
        assert theme["defaults"]["misc"]["border_width"] != "0"


def test_in_a_portrait_window_the_choices_follow_the_text_across_the_width(make_driver):
    driver = make_driver(story=SHIPPED_STORY, role="police", size=(1080, 1920))
    driver.settle()
    screen = driver.screen
    width = driver.app.surface.get_width()
    assert screen.text_rect.width > width * 0.8
    first = driver.choice_buttons()[0]
    assert 0 <= first.rect.top - screen.text_rect.bottom <= driver.app.layout.margin + 2
    assert differs(driver.app.surface, screen._frame[1], first.rect) > 0.05  # drawn, on the display
    assert screen.side_rects["art"].bottom <= screen.text_rect.top


def test_in_a_portrait_window_a_short_document_is_a_short_page_that_shows_all_its_text(make_driver):
    from game.frontends.shell.widgets import text_overflow

    driver = make_driver(story=SHIPPED_STORY, role="diplomat", size=(1080, 1920))
    driver.settle()
    driver.key(pygame.K_d)
    assert driver.screen.name == "document"
    paper = driver.screen.paper
    assert paper.height < driver.app.surface.get_height() // 2
    box = [w for w in driver.screen.widgets if hasattr(w, "text_box_layout")][0]
    assert text_overflow(box) == 0 and paper.contains(box.rect)
