"""The window's ensemble: the three-lane timeline, the title's entry, and the seat card beside the choices."""

from __future__ import annotations

import pygame
import pytest

from game.engine import actual_choice

from .conftest import SHIPPED_STORY
from .layout_check import problems

SIZES = [(1280, 720), (1920, 1080), (1080, 1920)]


def _record(seat) -> str:
    actual = actual_choice(seat.scene)
    ids = [c.id for c in seat.choices]
    return actual.id if actual is not None and actual.id in ids else ids[0]


def _play_to_the_end(seat, depart: bool = True) -> None:
    """The record in every seat, except that the pilot waves the cameras off (the police then meet no shots)."""
    while not seat.is_finished:
        seat.choose("wave_off" if depart and seat.scene_id == "cameras" else _record(seat))


def _timeline(make_driver, size, lang="en", depart=True):
    driver = make_driver(SHIPPED_STORY, size=size, role="ensemble", lang=lang)
    _play_to_the_end(driver.app.session, depart)
    driver.app.go("timeline", fade=False)
    driver.frames(3)
    assert driver.screen.name == "timeline"
    return driver


@pytest.mark.parametrize("size", SIZES)
def test_the_timeline_draws_a_lane_per_role_with_the_players_marks_and_the_link_the_departure_made(make_driver, size):
    driver = _timeline(make_driver, size)
    plan = driver.screen.plan
    assert [lane.role for lane in plan.lanes] == ["pilot", "police", "diplomat"]
    ensemble = driver.app.session.ensemble
    for lane in plan.lanes:
        marks = [m for m in plan.marks if m.role == lane.role]
        played = [s.scene for s in ensemble.sessions[lane.role].state.path] + [ensemble.sessions[lane.role].scene_id]
        assert [m.scene for m in marks] == played
        assert all(lane.track.collidepoint(m.pos) for m in marks)
        assert [m.pos[0] for m in marks] == sorted(m.pos[0] for m in marks)  # time runs left to right
    cameras = next(m for m in plan.marks if m.role == "pilot" and m.scene == "cameras")
    assert cameras.kind == "departure"
    assert [m.kind for m in plan.marks if m.kind == "departure"] == ["departure"]
    # the pilot's wave-off changed the police commander's white flag: one connector, pilot lane to police lane
    (link,) = plan.connectors
    white_flag = next(m for m in plan.marks if m.role == "police" and m.scene == "white_flag")
    assert link.start == cameras.pos and link.end == white_flag.pos and link.start[0] < link.end[0]
    assert plan.lane("pilot").track.collidepoint(link.start) and plan.lane("police").track.collidepoint(link.end)


def test_without_a_departure_the_timeline_draws_no_link_and_no_departure(make_driver):
    plan = _timeline(make_driver, (1280, 720), depart=False).screen.plan
    assert plan.connectors == [] and not [m for m in plan.marks if m.kind == "departure"]
    assert all(m.pos[1] == plan.lane(m.role).record_y for m in plan.marks)  # every mark on the record's line


@pytest.mark.parametrize("lang", ["en", "ja", "vi"])
@pytest.mark.parametrize("size", SIZES)
def test_the_timeline_fits_every_size_and_language_with_no_label_over_another(make_driver, size, lang):
    driver = _timeline(make_driver, size, lang)
    screen = driver.screen
    plan = screen.plan
    window = pygame.Rect((0, 0), size)
    assert window.contains(plan.rect) and problems(screen, size) == []
    labels = plan.labels
    assert {label.kind for label in labels} == {"lane", "date", "time", "legend"}
    for n, label in enumerate(labels):
        assert plan.rect.contains(label.rect), label
        for other in labels[n + 1:]:
            assert not label.rect.colliderect(other.rect), (label, other)
    dates = [label.text for label in labels if label.kind == "date"]
    assert screen.date_text("1976-09-06") in dates  # the day of the landing always keeps its label
    for lane in plan.lanes:
        assert plan.rect.contains(lane.band)
    for n, lane in enumerate(plan.lanes[1:], start=1):
        assert not lane.band.colliderect(plan.lanes[n - 1].band)


def test_the_timeline_opens_each_seats_debrief_and_the_debrief_leads_back(make_driver):
    driver = _timeline(make_driver, (1280, 720))
    driver.key(pygame.K_2)
    assert driver.screen.name == "debrief" and driver.screen.debrief.role.id == "police"
    driver.click(driver.button("One timeline"))
    assert driver.screen.name == "timeline"
    driver.click(driver.button("Debrief: A Foreign Ministry official"))
    assert driver.screen.name == "debrief" and driver.screen.debrief.role.id == "diplomat"


def test_the_keyboard_walks_the_moves_on_the_picture(make_driver):
    driver = _timeline(make_driver, (1280, 720))
    screen = driver.screen
    screen.focus.set(0)  # the picture
    driver.key(pygame.K_RIGHT)
    driver.key(pygame.K_RIGHT)
    first_two = [m.scene for m in screen.played_marks()[:2]]
    assert screen.cursor == 1 and first_two == ["resolve", "waiting"]
    assert screen.caption(screen.played_marks()[1]).startswith("Lt. Viktor Belenko · ")


def test_an_ensemble_that_ends_goes_to_the_timeline(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    _play_to_the_end(seat)
    driver.screen.rebuild_for_new_scene()
    driver.settle()
    driver.key(pygame.K_RETURN)
    assert driver.screen.name == "timeline"


@pytest.mark.parametrize("how", ["keyboard", "click", "tap"])
def test_the_title_starts_every_role_at_once(make_driver, how):
    driver = make_driver(SHIPPED_STORY)
    assert driver.screen.name == "title"
    button = driver.button("All three roles at once")
    if how == "keyboard":
        driver.key(pygame.K_DOWN)  # New game, then this
        driver.key(pygame.K_RETURN)
    elif how == "click":
        driver.click(button)
    else:
        driver.tap(button)
    driver.frames(2)
    assert driver.screen.name == "scene" and driver.app.session.ensemble.seat == "pilot"
    assert set(driver.app.session.ensemble.sessions) == {"pilot", "police", "diplomat"}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", SIZES)
def test_the_title_menu_fits_with_continue_and_the_ensemble(make_driver, tmp_path, size, lang):
    first = make_driver(SHIPPED_STORY, size=size, role="ensemble", data_dir=tmp_path / "shared", lang=lang)
    first.app.to_title()
    first.frames(2)
    assert len([w for w in first.screen.widgets if getattr(w, "text", None)]) >= 6  # Continue's line, five buttons
    assert problems(first.screen, size) == []


@pytest.mark.parametrize("lang", ["en", "ja", "vi"])
@pytest.mark.parametrize("size", SIZES)
def test_the_seat_card_never_covers_a_choice_and_waits_for_nothing(make_driver, size, lang):
    driver = make_driver(SHIPPED_STORY, size=size, role="ensemble", lang=lang)
    seat = driver.app.session
    assert driver.screen.card_rect is not None  # the first seat's card, at the start
    while seat.ensemble.seat != "police":
        seat.choose(_record(seat))
    driver.screen.rebuild_for_new_scene()
    driver.settle()
    card = driver.screen.card_rect
    assert card is not None and driver.app.message is None
    assert seat.card_here().meanwhile  # the pilot's last move, in a line
    buttons = driver.screen.choice_buttons
    assert buttons and all(b.visible for b in buttons)
    assert not any(card.colliderect(b.rect) for b in buttons)
    assert not card.colliderect(driver.screen.text_rect)
    assert problems(driver.screen, size) == []
    driver.key(pygame.K_1 + [c.id for c in seat.choices].index(_record(seat)))  # no key needed to clear the card
    assert seat.scene_id == "white_flag" and driver.screen.card_rect is None  # same seat: no card


def test_a_seats_ending_is_said_on_the_next_card(make_driver):
    driver = make_driver(SHIPPED_STORY, role="ensemble")
    seat = driver.app.session
    while seat.ensemble.sessions["police"].is_finished is False:
        seat.choose(_record(seat))
    card = seat.card_here()
    assert card is not None and card.ended.startswith("The Hakodate police commander: the story ends here")


def test_the_axis_reads_one_clock_so_its_hours_rise_left_to_right(make_driver):
    from game.frontends.gui.screens.timeline import japan_time

    assert japan_time("1976-09-06T13:40+10:00").strftime("%H:%M") == "12:40"  # Primorye is an hour ahead
    assert japan_time("1976-09-06T13:08+09:00").strftime("%H:%M") == "13:08"
    assert japan_time("1976-09-06") is None and japan_time("1976-09") is None
    plan = _timeline(make_driver, (1920, 1080)).screen.plan
    times = [label for label in plan.labels if label.kind == "time"]
    by_x = [label.text for label in sorted(times, key=lambda label: label.rect.x)]
    first_day = by_x[:by_x.index("00:00")] if "00:00" in by_x else by_x
    assert len(first_day) >= 3 and first_day == sorted(first_day)  # 6 September's hours, in order
    assert "13:40" not in by_x and "12:40" in by_x  # the take-off, on Japan's clock
    assert "hours in Japan time" in [label.text for label in plan.labels if label.kind == "legend"]


def test_the_timeline_opens_with_the_seats_that_played_their_day_as_it_happened(make_driver):
    driver = make_driver(SHIPPED_STORY, size=(1280, 720), role="ensemble")
    seat = driver.app.session
    while not seat.is_finished:
        ids = [c.id for c in seat.choices]
        seat.choose("eject" if "eject" in ids else _record(seat))
    driver.app.go("timeline", fade=False)
    driver.frames(3)
    html = driver.screen.moves.html_text
    assert html.count("never landed at Hakodate") == 2  # the police commander's and the ministry's
    lanes = [label.text for label in driver.screen.plan.labels if label.kind == "lane"]
    assert lanes == ["Lt. Viktor Belenko", "The Hakodate police commander: the day as it happened",
                     "A Foreign Ministry official: the day as it happened"]
    assert html.index("never landed at Hakodate") < html.index("August 1976")
    plain = _timeline(make_driver, (1280, 720)).screen.moves.html_text
    assert "never landed" not in plain


def test_the_pictures_labels_are_drawn_once_and_afresh_at_a_new_size(make_driver):
    driver = _timeline(make_driver, (1280, 720))
    screen = driver.screen
    label = screen.render("13:58", (255, 255, 255))
    assert screen.render("13:58", (255, 255, 255)) is label  # a redraw as the pointer moves renders nothing
    driver.frames(1, events=[pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)])
    driver.frames(2)
    larger = screen.render("13:58", (255, 255, 255))
    assert larger is not label and larger.get_height() > label.get_height()
