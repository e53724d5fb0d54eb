"""The flight map's projection, the same as assets/maps/make_flight_map.py used to draw the PNG."""

from __future__ import annotations

WEST, EAST, SOUTH, NORTH = 128.0, 146.0, 38.0, 46.0

#: Places named on the map (lon, lat).
PLACES = {
    "Chuguyevka": (133.87, 44.08),
    "Vladivostok": (131.89, 43.12),
    "Hakodate": (140.82, 41.77),
    "Chitose": (141.67, 42.79),
    "Sapporo": (141.35, 43.06),
    "HOKKAIDO": (142.8, 43.6),
    "SEA OF JAPAN": (135.2, 40.6),
    "PRIMORYE": (134.5, 45.2),
    "HONSHU": (140.6, 39.3),
}

#: The flight's moments, in order: (Japan time or "" when the record gives none here, what happened, lon, lat).
#: The third happened at Chitose, where the Phantoms took off; the MiG itself never flew there.
TIMELINE = [
    ("", "Take-off from Chuguyevka", 133.87, 44.08),
    ("13:11", "Japanese radar contact, about 180 km west of Hokkaido", 137.5, 42.55),
    ("13:20", "Phantoms scrambled from Chitose", 141.67, 42.79),
    ("13:26", "Below the cloud, off Hokkaido's south-west", 140.2, 41.95),
    ("13:57", "Landing at Hakodate, just before 14:00", 140.82, 41.77),
]

#: The MiG's own track (lon, lat): from Chuguyevka south-east across the Sea of Japan, in over
#: Hokkaido's south-western peninsula under the cloud, to Hakodate. Positions between the documented
#: moments are approximate, along the reported route; it never turns north towards Chitose.
TRACK = [
    (133.87, 44.08),   # take-off, Chuguyevka
    (135.9, 43.3),     # low over the Sea of Japan
    (137.5, 42.55),    # 13:11 radar contact
    (139.4, 42.1),     # about 13:22, into Japanese airspace
    (140.2, 41.95),    # 13:26 below the cloud
    (140.55, 41.85),   # looking for any field, fuel almost gone
    (140.82, 41.77),   # 13:57 Hakodate
]

#: Which moments of TIMELINE lie on the MiG's track (the others are marked where they happened).
ON_TRACK = (True, True, False, True, True)


def project(lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
    """Lon/lat to pixels of a map image drawn at width x height."""
    return (lon - WEST) / (EAST - WEST) * width, (NORTH - lat) / (NORTH - SOUTH) * height
