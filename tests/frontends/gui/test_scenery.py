"""Pictures and gauges follow the story: the scene's place and local hour choose them."""

from __future__ import annotations

import pytest

from game.frontends.gui.scenery import look_of_scene, shows_flight_gauges
from .conftest import SHIPPED_STORY


@pytest.fixture(scope="module")
def story():
    from game.engine import load_story

    return load_story(SHIPPED_STORY)


@pytest.mark.parametrize("role, scene, picture, night", [
    ("police", "the_call", "room", False),               # 13:58, the operations room
    ("police", "shots_on_the_grass", "airfield", False),  # 14:06, beyond the end of the runway
    ("police", "the_jet", "airfield", True),              # 19:00 at the runway
    ("police", "interview", "room", True),                # 21:00, a hotel room
    ("pilot", "sea_crossing", "cockpit", False),
    ("pilot", "soviet_meeting", "room", False),           # Tokyo
    ("pilot", "new_life", "room", False),                 # the United States, 1977
    ("pilot", "fishing_village", "seaside", False),
    ("diplomat", "who_leads", "ministry", False),
])
def test_each_scene_gets_the_picture_of_its_place_and_hour(story, role, scene, picture, night):
    s = story.roles[role].scenes[scene]
    look = look_of_scene(role, s.where, s.when)
    assert (look.picture, look.night) == (picture, night)


@pytest.mark.parametrize("scene, shown", [
    ("full_tanks", True),        # beside the jet at Chuguyevka, the day of the flight
    ("sea_crossing", True),      # in the air
    ("cameras", False),          # landed at Hakodate
    ("soviet_meeting", False),   # Tokyo
    ("endure", False),           # Chuguyevka in 1977, long after any flight
    ("new_life", False),
])
def test_the_jets_gauges_show_only_in_the_air_and_beside_the_jet_before_it_flies(story, scene, shown):
    role = story.roles["pilot"]
    s = role.scenes[scene]
    assert shows_flight_gauges(role.scenes.values(), s.where, s.when) is shown


def reach(session, target: str, limit: int = 400) -> bool:
    """Walk the open choices depth-first (undoing dead ends) until the session is at the target scene."""
    seen = set()

    def walk(depth: int) -> bool:
        if session.scene_id == target:
            return True
        if depth > 40 or session.is_finished or session.scene_id in seen or len(seen) > limit:
            return False
        seen.add(session.scene_id)
        for choice in list(session.choices):
            session.choose(choice.id)
            if walk(depth + 1):
                return True
            session.undo()
        return False

    return walk(0)


def average_brightness(surface, rect) -> float:
    """The mean of r+g+b over a grid of points in rect."""
    points = [(x, y) for x in range(rect.left + 4, rect.right - 4, 5) for y in range(rect.top + 4, rect.bottom - 4, 5)]
    return sum(sum(surface.get_at(p)[:3]) for p in points) / len(points)


def test_the_airport_at_two_in_the_afternoon_is_drawn_by_day(make_driver):
    driver = make_driver(story=SHIPPED_STORY, role="police")
    assert reach(driver.app.session, "shots_on_the_grass")
    driver.screen.rebuild_for_new_scene()
    driver.settle()
    picture = driver.screen.side_rects["art"]
    sky = picture.copy()
    sky.height = picture.height // 3
    assert average_brightness(driver.app.surface, sky) > 200  # a grey day sky (a starry night is under 100)


def test_the_pilot_in_tokyo_has_no_cockpit_and_no_fuel_gauge(make_driver):
    driver = make_driver(story=SHIPPED_STORY, role="pilot")
    assert reach(driver.app.session, "soviet_meeting")
    driver.screen.rebuild_for_new_scene()
    driver.settle()
    names = [g.name for g in driver.screen.shown_gauges()]
    assert "fuel" not in names and "altitude" not in names and "nerve" in names
    assert driver.screen.scenery().picture == "room"
