"""Where a scene's `when` falls on the one timeline the roles share: a sort key that compares across roles."""

from __future__ import annotations

from datetime import datetime, timezone

#: Order of precision within one date: a month-only `when` sorts before the dated scenes of its month
#: (at its first day), a date and time by its instant, a date-only `when` after that date's timed scenes.
MONTH, TIMED, DATE = -1, 0, 1


def moment_key(when: str) -> tuple:
    """A key that orders `when` values: (local date as written, precision rank, instant in UTC minutes).

    Two timed moments on the same date compare as instants, offsets included (Primorye +10:00 and
    Japan +09:00); a date-only moment sorts by its date, after the timed moments of that date (the
    record gives the day, not the hour); a month-only one at the start of its month. A `when` that
    cannot be read sorts last.
    """
    try:
        if "T" in when:
            moment = datetime.fromisoformat(when)
            if moment.tzinfo is not None:
                instant = moment.astimezone(timezone.utc).replace(tzinfo=None)
            else:
                instant = moment
            minutes = int((instant - datetime(1900, 1, 1)).total_seconds() // 60)
            return (moment.year, moment.month, moment.day), TIMED, minutes
        if len(when) == 7:
            month = datetime.strptime(when, "%Y-%m")
            return (month.year, month.month, 1), MONTH, 0
        day = datetime.fromisoformat(when)
        return (day.year, day.month, day.day), DATE, 0
    except ValueError:
        return (9999, 12, 31), DATE, 0
