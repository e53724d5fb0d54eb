"""Every role can be played to its ending by keyboard alone, by mouse alone and by touch alone."""

from __future__ import annotations

import pygame
import pytest

from .conftest import SHIPPED_STORY


def start_role_by_keyboard(driver, number: int) -> None:
    """Title -> New game -> role card by number."""
    assert driver.screen.name == "title"
    driver.key(pygame.K_RETURN)  # New game has the focus (no autosave yet)
    assert driver.screen.name == "roles"
    driver.key(pygame.K_1 + number)
    assert driver.screen.name == "scene"


def play_to_ending_by_keyboard(driver, pick=lambda session: 0, limit: int = 200) -> None:
    """Complete the text with a key, then press the number of a choice, until an ending."""
    for _ in range(limit):
        if driver.app.session.is_finished:
            return
        driver.key(pygame.K_SPACE)  # any key completes the typewriter
        index = pick(driver.app.session)
        driver.key(pygame.K_1 + index)
    raise AssertionError("no ending reached")


@pytest.mark.parametrize("number, role", [(0, "pilot"), (1, "police"), (2, "diplomat")])
def test_each_role_plays_to_its_ending_and_debrief_with_the_keyboard_alone(make_driver, number, role):
    driver = make_driver()
    start_role_by_keyboard(driver, number)
    assert driver.app.session.state.role == role
    play_to_ending_by_keyboard(driver)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "debrief"
    assert driver.screen.debrief.total >= 1


@pytest.mark.parametrize("role", ["pilot", "police", "diplomat"])
def test_each_role_of_the_shipped_story_plays_to_an_ending_along_the_record_by_keyboard(make_driver, role):
    from game.engine import actual_choice

    driver = make_driver(story=SHIPPED_STORY, role=role)

    def record(session):
        actual = actual_choice(session.scene)
        ids = [c.id for c in session.choices]
        return ids.index(actual.id) if actual is not None and actual.id in ids else 0

    play_to_ending_by_keyboard(driver, record)
    assert driver.app.session.is_finished
    driver.key(pygame.K_RETURN)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "debrief"


@pytest.mark.parametrize("role_index", [0, 1, 2])
def test_each_role_plays_to_its_ending_by_mouse_clicks_on_the_real_buttons(make_driver, role_index):
    driver = make_driver()
    driver.click(driver.button("New game"))
    assert driver.screen.name == "roles"
    cards = [w for w in driver.screen.widgets if getattr(w, "role_id", None)]
    driver.click(cards[role_index])
    assert driver.screen.name == "scene"
    for _ in range(50):
        if driver.app.session.is_finished:
            break
        driver.settle()
        driver.click(driver.choice_buttons()[0])
    assert driver.app.session.is_finished
    driver.settle()
    driver.click(driver.choice_buttons()[0])
    assert driver.screen.name == "debrief"
    driver.click(driver.button("Title"))
    assert driver.screen.name == "title"


@pytest.mark.parametrize("role_index", [0, 1, 2])
def test_each_role_plays_to_its_ending_by_touch_and_no_touch_counts_twice(make_driver, role_index):
    driver = make_driver()
    driver.tap(driver.button("New game"))
    assert driver.screen.name == "roles"
    cards = [w for w in driver.screen.widgets if getattr(w, "role_id", None)]
    driver.tap(cards[role_index])
    assert driver.screen.name == "scene"
    for _ in range(50):
        session = driver.app.session
        if session.is_finished:
            break
        driver.tap_anywhere()
        driver.settle()
        before = len(session.path)
        driver.tap(driver.choice_buttons()[0])
        assert len(session.path) == before + 1, "one tap must make exactly one choice"
    assert driver.app.session.is_finished
    driver.settle()
    driver.tap(driver.choice_buttons()[0])
    assert driver.screen.name == "debrief"


def test_a_key_or_a_tap_completes_the_typewriter_before_it_chooses(make_driver):
    driver = make_driver(role="pilot")
    screen = driver.screen
    assert not screen.typewriter.done
    assert not any(b.visible for b in screen.choice_buttons)
    driver.key(pygame.K_1)
    assert screen.typewriter.done and driver.app.session.path == []
    assert all(b.visible for b in screen.choice_buttons)
    driver.key(pygame.K_1)
    assert len(driver.app.session.path) == 1


def test_arrows_move_a_visible_focus_and_enter_presses_it(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_DOWN)
    driver.key(pygame.K_DOWN)
    focused = driver.screen.focus.focused
    assert focused is driver.choice_buttons()[1] and focused.is_selected
    driver.key(pygame.K_RETURN)
    assert driver.app.session.path[0].choice == "stay"


def test_closed_choices_are_shown_greyed_and_cannot_be_taken(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    closed = [b for b in driver.screen.choice_buttons if not b.is_enabled]
    assert len(closed) == 1
    driver.click(closed[0])
    assert driver.app.session.path == []


def test_documents_open_as_their_kind_and_close_with_escape(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_d)
    assert driver.screen.name == "document" and driver.screen.document.kind == "radar_log"
    driver.key(pygame.K_ESCAPE)
    assert driver.screen.name == "scene"
    assert driver.screen.typewriter.done, "coming back must not type the text again"


def test_the_flight_map_shows_the_players_route_from_scene_positions(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_m)
    assert driver.screen.name == "map"
    assert [(round(lon, 2), round(lat, 2)) for lon, lat, _ in driver.screen.route()] == [(133.87, 44.08), (138.6, 42.6)]
    driver.key(pygame.K_m)
    assert driver.screen.name == "scene"
