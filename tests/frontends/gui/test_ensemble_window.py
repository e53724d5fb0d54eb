"""`foxbat play --ensemble` in the window: every role at once, a banner card at each change of seat."""

from __future__ import annotations

import pygame

from game.engine import actual_choice, is_ensemble_save

from .conftest import SHIPPED_STORY


def _record_index(session) -> int:
    actual = actual_choice(session.scene)
    ids = [c.id for c in session.choices]
    return ids.index(actual.id) if actual is not None and actual.id in ids else 0


def test_the_window_plays_every_role_in_time_order_with_a_card_at_each_change_of_seat(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    assert driver.screen.name == "scene"
    seat = driver.app.session
    assert seat.ensemble.seat == "pilot" and seat.card_here().heading.startswith("Lt. Viktor Belenko")
    for _ in range(200):
        if seat.ensemble.seat == "police":
            break
        driver.key(pygame.K_SPACE)  # completes the typewriter
        driver.key(pygame.K_1 + _record_index(driver.app.session))
    assert seat.ensemble.seat == "police" and driver.app.session.scene_id == "the_call"
    card = seat.card_here()
    assert card.heading.startswith("The Hakodate police commander · ")
    assert "Lt. Viktor Belenko: Draw the pistol and fire into the air" in card.meanwhile
    assert driver.screen.card_rect is not None and driver.app.message is None  # on the screen, not in a banner
    assert is_ensemble_save(driver.app.saves.read("autosave"))
    seat.undo()  # back across the change of seat: the pilot plays again
    assert driver.app.session.ensemble.seat == "pilot" and driver.app.session.scene_id == "cameras"


def test_the_window_reloads_an_ensemble_onto_another_language(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    for _ in range(3):
        driver.key(pygame.K_SPACE)
        driver.key(pygame.K_1 + _record_index(driver.app.session))
    before = [m.step for m in driver.app.session.ensemble.moves]
    from game.frontends.gui.language import edition_of

    notices = driver.app._move_to(edition_of(driver.app.base_story, "ja"))
    assert notices == []
    assert [m.step for m in driver.app.session.ensemble.moves] == before
    assert driver.app.session.scene.text != ""  # the seat's scene, now from the Japanese edition


def test_continue_on_the_title_carries_on_an_ensemble_from_the_autosave(make_driver, tmp_path):
    first = make_driver(SHIPPED_STORY, role="ensemble", data_dir=tmp_path / "shared")
    for _ in range(2):
        first.key(pygame.K_SPACE)
        first.key(pygame.K_1 + _record_index(first.app.session))
    moves = [m.step for m in first.app.session.ensemble.moves]
    again = make_driver(SHIPPED_STORY, data_dir=tmp_path / "shared")
    assert again.screen.name == "title"
    again.screen.continue_game()
    again.frames(2)
    assert again.screen.name == "scene"
    assert [m.step for m in again.app.session.ensemble.moves] == moves


def test_the_role_screen_offers_every_role_at_once_after_the_three_cards(make_driver):
    driver = make_driver(SHIPPED_STORY)
    driver.key(pygame.K_RETURN)  # New game
    assert driver.screen.name == "roles"
    assert driver.button("4. All three at once") is not None
    driver.key(pygame.K_4)
    assert driver.screen.name == "scene" and driver.app.session.ensemble.seat == "pilot"


def test_undo_to_an_earlier_choice_of_the_seat_on_screen_undoes_every_later_move_of_any_seat():
    from game.engine import Edition, load_story
    from game.frontends.gui.ensemble_seat import EnsembleSeat

    edition = Edition.build(load_story(SHIPPED_STORY), ui_root=SHIPPED_STORY)
    cards = []
    seat = EnsembleSeat(edition.start_ensemble(), edition.ui, cards.append)
    while not (seat.ensemble.seat == "police" and seat.scene_id == "white_flag"):
        seat.choose(seat.choices[_record_index(seat)].id)
    assert cards[-1].startswith("The Hakodate police commander")
    assert seat.card_here() is None  # the card went with the seat's first scene
    assert [s.scene for s in seat.path] == ["the_call"]  # the seat on screen: the police commander's own path
    seat.undo_to(0)
    assert seat.ensemble.seat == "police" and seat.scene_id == "the_call" and seat.ensemble.sessions["pilot"].path
    assert seat.card_here().role == "police"  # back at that first scene, its card again
    assert not seat.is_finished and seat.save()["kind"] == "ensemble"


def test_the_ensemble_timeline_lists_every_seats_moves_by_date_and_the_links(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    while not (seat.ensemble.seat == "police" and seat.scene_id == "cordon"):
        seat.choose("wave_off" if seat.scene_id == "cameras" else seat.choices[_record_index(seat)].id)
    driver.app.go("timeline")
    driver.frames(2)
    html = driver.screen.moves.html_text
    assert html.index("August 1976") < html.index("6 September 1976")
    assert "Wave your arms and shout at them to stop" in html
    assert "what another seat did changed the choices here" in html


def test_save_for_class_in_an_ensemble_writes_a_debrief_for_every_seat(make_driver):
    import os
    from pathlib import Path

    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    for _ in range(6):
        seat.choose(seat.choices[_record_index(seat)].id)
    driver.app.go("debrief")
    driver.frames(2)
    driver.screen.save_for_class()
    driver.screen.saver.join()
    driver.frames(2)
    folder = Path(os.environ["FOXBAT_DATA_DIR"]) / "documents"
    pages = sorted(p.name for p in folder.glob("*.html"))
    assert [name.split("-")[1] for name in pages] == sorted(["pilot", "police", "diplomat"])
    assert driver.app.message.startswith("Saved for class")


def test_the_seat_card_says_when_another_seat_has_taken_away_this_seats_premise(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    for _ in range(200):
        if seat.ensemble.seat == "police":
            break
        session = driver.app.session
        driver.key(pygame.K_SPACE)
        ids = [c.id for c in session.choices]
        wanted = "eject" if "eject" in ids else ids[_record_index(session)]
        driver.key(pygame.K_1 + ids.index(wanted))
    assert ("pilot", "ejected") in [(m.role, m.step.scene) for m in seat.ensemble.moves]
    card = seat.card_here()
    assert card.premise.startswith("In this telling your pilot never landed at Hakodate.")
    shown = [w for w in driver.screen.widgets if "never landed at Hakodate" in str(getattr(w, "html_text", ""))]
    assert shown and shown[0].rect.bottom <= driver.screen.text_rect.top  # above the text, hiding no choice


def test_after_the_card_the_header_keeps_saying_the_seat_plays_its_day_as_it_happened(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    for _ in range(200):
        if seat.ensemble.seat == "police" and seat.card_here() is None:
            break  # the police commander's second scene in a row: no card, the header speaks
        session = driver.app.session
        driver.key(pygame.K_SPACE)
        ids = [c.id for c in session.choices]
        wanted = "eject" if "eject" in ids else ids[_record_index(session)]
        driver.key(pygame.K_1 + ids.index(wanted))
    assert seat.ensemble.seat == "police" and seat.card_here() is None
    assert driver.screen.seat_name().startswith("The Hakodate police commander: the day as it happened")
