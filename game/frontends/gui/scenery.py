"""What a scene looks like: the picture for its place and hour, and whether the flight gauges belong there.

Read from the scene's English `where` and its `when`, so a pilot in Tokyo sees a room, not his
cockpit, and Hakodate airport at two in the afternoon is not a night runway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Where the pilot is in the air (the start of `where`).
AIRBORNE = re.compile(r"^(over|in cloud|below the cloud|high over|final approach)\b", re.IGNORECASE)
#: Words of a place indoors; they win over the airport they are part of ("Hakodate Airport, the chief's office").
INDOORS = re.compile(r"\b(office|room|quarters|headquarters|terminal|hotel|ministry|ward|corridor|lobby|court|building|"
                     r"diet|safe house|depot|prosecutors|agency|flight from)\b", re.IGNORECASE)
AIRFIELD = re.compile(r"\b(airport|air base|runway|apron|grass|fence|hangar|outer road|road to)\b", re.IGNORECASE)
SEASIDE = re.compile(r"\b(harbour|port|coast|village|sea|dump)\b", re.IGNORECASE)
#: Gauges that are the jet's instruments: shown in the air and beside the jet before the flight.
FLIGHT_GAUGES = frozenset({"fuel", "altitude"})
#: Local hours that are dark in early autumn in Hokkaido and Tokyo.
NIGHT_FROM, DAY_FROM = 18, 5


@dataclass(frozen=True)
class Look:
    """The picture of a scene: its kind (a key of shell.art.PLACES) and whether it is night."""

    picture: str
    night: bool


def local_hour(when: str) -> int | None:
    """The hour of a `when` as written (the time there, before its offset); None without a time."""
    match = re.match(r"^\d{4}-\d{2}-\d{2}T(\d{2}):\d{2}", when or "")
    return int(match.group(1)) if match else None


def is_night(when: str) -> bool:
    """True when the scene's local hour is dark; a day without an hour is shown by day."""
    hour = local_hour(when)
    return hour is not None and (hour >= NIGHT_FROM or hour < DAY_FROM)


def picture_of(role: str, where: str) -> str:
    """The kind of picture for a place (its English `where`)."""
    where = where or ""
    if AIRBORNE.search(where):
        return "cockpit"
    if INDOORS.search(where):
        return "ministry" if role == "diplomat" else "room"
    if AIRFIELD.search(where):
        return "airfield"
    if SEASIDE.search(where):
        return "seaside"
    return {"pilot": "room", "police": "airfield", "diplomat": "ministry"}.get(role, "room")


def look_of_scene(role: str, where: str, when: str) -> Look:
    """The picture and the hour of a scene."""
    return Look(picture_of(role, where), is_night(when))


def date_of(when: str) -> str:
    """The date part of a `when` (as much of YYYY-MM-DD as it gives)."""
    return (when or "")[:10]


def shows_flight_gauges(role_scenes, where: str, when: str) -> bool:
    """The jet's instruments belong in the air, and beside the jet at its base up to the last flight.

    role_scenes: the role's scenes in English, to find the date of its last flight.
    """
    if AIRBORNE.search(where or ""):
        return True
    flights = [date_of(s.when) for s in role_scenes if AIRBORNE.search(s.where or "")]
    if not flights or not re.search(r"\bair base\b", where or "", re.IGNORECASE):
        return False
    return date_of(when) <= max(flights) and not INDOORS.search(where or "")
