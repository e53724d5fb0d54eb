"""The pause menu: save and load round trip, undo to any earlier choice, history, quit to title."""

from __future__ import annotations

import json

import pygame


def advance(driver, times: int) -> None:
    """Make the first open choice a number of times."""
    for _ in range(times):
        driver.key(pygame.K_SPACE)
        driver.key(pygame.K_1)


def test_saving_to_a_slot_and_loading_it_back_restores_the_same_moment(make_driver, tmp_path):
    driver = make_driver(role="police")
    advance(driver, 1)
    saved_scene = driver.app.session.scene_id
    saved_vars = driver.app.session.variables
    driver.key(pygame.K_ESCAPE)
    assert driver.screen.name == "pause"
    driver.click(driver.button("Save game"))
    driver.click(driver.button("Slot 1: empty"))
    assert "Saved to slot 1" in driver.app.message
    assert (tmp_path / "data" / "saves" / "slot1.json").exists()
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_ESCAPE)
    advance(driver, 1)
    assert driver.app.session.scene_id != saved_scene
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Load game"))
    slot = driver.button("Slot 1:")
    assert "Test Police" in slot.text and "The second hour" in slot.text
    driver.click(slot)
    assert driver.screen.name == "scene"
    assert driver.app.session.scene_id == saved_scene and driver.app.session.variables == saved_vars


def test_continue_on_the_title_resumes_the_autosave_in_a_new_run(make_driver, tmp_path):
    first = make_driver(role="pilot")
    advance(first, 1)
    scene = first.app.session.scene_id
    second = make_driver()
    assert second.screen.name == "title"
    second.click(second.button("Continue"))
    assert second.screen.name == "scene" and second.app.session.scene_id == scene


def test_undo_goes_back_to_any_earlier_choice(make_driver):
    driver = make_driver(role="police")
    advance(driver, 2)
    assert [s.choice for s in driver.app.session.path] == ["act", "go_on"]
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Go back"))
    assert driver.screen.name == "undo"
    driver.click(driver.button("1. The call"))
    assert driver.screen.name == "scene"
    assert driver.app.session.scene_id == "first" and driver.app.session.path == []
    assert driver.app.session.variables["pressure"] == 20


def test_go_back_is_disabled_before_the_first_choice(make_driver):
    driver = make_driver(role="police")
    driver.key(pygame.K_ESCAPE)
    assert not driver.button("Go back").is_enabled


def test_history_shows_everything_read_so_far_with_the_choices_made(make_driver):
    driver = make_driver(role="police")
    advance(driver, 1)
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("History"))
    html = driver.screen.log_html()
    assert "The telephone rings" in html and "You: Take charge" in html and "Reporters at the gate" in html


def test_quit_to_title_keeps_the_autosave(make_driver, tmp_path):
    driver = make_driver(role="police")
    advance(driver, 1)
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Quit to title"))
    assert driver.screen.name == "title"
    saved = json.loads((tmp_path / "data" / "saves" / "autosave.json").read_text())
    assert saved["state"]["scene"] == "second"
    assert driver.button("Continue")


def test_a_damaged_save_says_so_and_cannot_be_loaded(make_driver, tmp_path):
    saves = tmp_path / "data" / "saves"
    saves.mkdir(parents=True)
    (saves / "slot2.json").write_text("{not json")
    driver = make_driver(role="police")
    driver.key(pygame.K_ESCAPE)
    driver.click(driver.button("Load game"))
    damaged = driver.button("Slot 2: damaged")
    assert not damaged.is_enabled


def test_the_debrief_lists_each_decision_with_sources_that_open_their_quote(make_driver):
    import pygame_gui

    driver = make_driver(role="pilot")
    advance(driver, 2)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    screen = driver.screen
    assert screen.name == "debrief"
    html = screen.rows_html()
    assert "MATCHED THE RECORD" in html and "DISPUTED" in html and "A Test Book About the Flight" in html
    assert screen.debrief.matches == 2 and screen.debrief.total == 2
    link = pygame.event.Event(pygame_gui.UI_TEXT_BOX_LINK_CLICKED, link_target="q1", ui_element=screen.rows,
                              ui_object_id="#debrief_text")
    driver.frames(1, events=[link])
    driver.frames(1)
    assert driver.screen.name == "quote"
    card = driver.screen.card_html()
    assert "A second quote from the same book." in card and "A. Writer" in card and "Test Press" in card
    driver.key(pygame.K_ESCAPE)
    driver.key(pygame.K_s)
    assert driver.screen.name == "sources"
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "quote"


def test_the_debrief_story_map_marks_where_the_player_parted_from_the_record(make_driver):
    from game.engine import historical_path
    from game.frontends.gui.story_map import divergence

    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_2)  # Chitose, not the record
    session = driver.app.session
    player = [s.scene for s in session.path] + [session.scene_id]
    assert divergence(player, historical_path(session.role)) == ("sea", None)


def test_the_story_map_names_the_scene_under_the_mouse(make_driver):
    from game.frontends.gui.story_map import node_at, positions

    driver = make_driver(role="police")
    advance(driver, 2)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    screen = driver.screen
    role = screen.debrief.role
    scale = driver.app.layout.scale
    inner = screen.map_rect.inflate(-int(40 * scale), -int(40 * scale))
    x, y = positions(role, inner)["second"]
    assert node_at(role, screen.map_rect, (x + 2, y - 2), scale) == "second"
    assert node_at(role, screen.map_rect, (screen.map_rect.x + 1, screen.map_rect.y + 1), scale) is None


def test_the_debrief_says_where_the_path_left_the_record(make_driver):
    driver = make_driver(role="pilot")
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_1)  # take off, as he did
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_2)  # Chitose, not the record
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    screen = driver.screen
    assert screen.name == "debrief"
    html = screen.rows_html()
    assert "WHERE YOUR CHOICES LED" in html
    assert "You left the record at" in html and "Press on for Chitose" in html


def test_a_debrief_that_followed_the_record_has_no_departure_section(make_driver):
    driver = make_driver(role="pilot")
    advance(driver, 2)
    driver.key(pygame.K_SPACE)
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "debrief" and "WHERE YOUR CHOICES LED" not in driver.screen.rows_html()
