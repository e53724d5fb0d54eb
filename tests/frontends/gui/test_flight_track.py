"""The flight map's record track follows the documented flight: Chuguyevka to Hakodate, never over Chitose."""

from __future__ import annotations

import math

from game.frontends.gui import geo


def km(a, b) -> float:
    """Great-circle distance between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_the_record_track_runs_from_chuguyevka_to_hakodate():
    assert km(geo.TRACK[0], geo.PLACES["Chuguyevka"]) < 5
    assert km(geo.TRACK[-1], geo.PLACES["Hakodate"]) < 5


def test_the_record_track_never_comes_near_chitose():
    chitose = geo.PLACES["Chitose"]
    # Sample every leg: no point of the line is within 80 km of the air base he never reached.
    for a, b in zip(geo.TRACK, geo.TRACK[1:]):
        for step in range(21):
            t = step / 20
            point = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            assert km(point, chitose) > 80, point


def test_the_record_track_heads_east_and_never_turns_back():
    longitudes = [lon for lon, _ in geo.TRACK]
    assert longitudes == sorted(longitudes)


def test_every_moment_on_the_track_lies_on_the_line_and_the_scramble_lies_off_it():
    assert len(geo.ON_TRACK) == len(geo.TIMELINE)
    for (time, what, lon, lat), on in zip(geo.TIMELINE, geo.ON_TRACK):
        nearest = min(km((lon, lat), p) for p in geo.TRACK)
        assert (nearest < 1) == on, what
