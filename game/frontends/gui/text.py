"""Formatting of story values for the screens: dates, gauge values, document kinds."""

from __future__ import annotations

from datetime import datetime

KIND_LABELS = {
    "cable": "Cable", "telex": "Telex", "radar_log": "Radar log", "police_form": "Police form",
    "charge_sheet": "Charge sheet", "notebook": "Notebook", "newspaper": "Newspaper", "memo": "Memo", "map": "Map",
}


def format_when(when: str) -> str:
    """'1976-09-06T13:50+09:00' as '6 September 1976, 13:50'."""
    try:
        if "T" in when:
            moment = datetime.fromisoformat(when)
            return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}"
        if len(when) == 10:
            moment = datetime.fromisoformat(when)
            return f"{moment.day} {moment:%B %Y}"
        return datetime.strptime(when, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return when


def format_value(value, unit: str = "") -> str:
    """A gauge's value as the player reads it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value}{unit}"


def short_time(iso: str) -> str:
    """A save's UTC timestamp as 'YYYY-MM-DD HH:MM' in local time."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso or "?"
