"""The records of the visitor statistics: a visit, the counts, a share, and what a backend must do."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Protocol

from game.engine import Notice


@dataclass(frozen=True)
class SessionRecord:
    """One finished or abandoned visit: nothing typed, nothing that identifies a person."""

    role: str
    language: str
    seconds: float
    timed_out: bool
    ending: str | None
    choices: tuple[tuple[str, str], ...]  # (scene, choice), one per decision scene
    # A random id: sending a visit twice (a lost acknowledgement, a restart) never counts it twice.
    visit_id: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class Share:
    """How many visitors reached a decision, how many chose one option, and the percentage when shown."""

    chosen: int
    reached: int
    percent: int | None  # None until at least min_sessions visitors reached the decision


@dataclass
class Totals:
    """The counts kept in memory so a frame never waits for the disk."""

    sessions: int = 0
    timed_out: int = 0
    seconds: float = 0.0
    by_day: dict[str, int] = field(default_factory=dict)
    choices: dict[tuple[str, str, str], int] = field(default_factory=dict)
    reached: dict[tuple[str, str], int] = field(default_factory=dict)
    endings: dict[tuple[str, str], int] = field(default_factory=dict)
    roles: dict[str, int] = field(default_factory=dict)

    def add(self, record: SessionRecord, day: str) -> None:
        """Count one session."""
        self.sessions += 1
        self.timed_out += int(record.timed_out)
        self.seconds += record.seconds
        self.by_day[day] = self.by_day.get(day, 0) + 1
        self.roles[record.role] = self.roles.get(record.role, 0) + 1
        if record.ending:
            key = (record.role, record.ending)
            self.endings[key] = self.endings.get(key, 0) + 1
        for scene, choice in record.choices:
            key3 = (record.role, scene, choice)
            self.choices[key3] = self.choices.get(key3, 0) + 1
            self.reached[(record.role, scene)] = self.reached.get((record.role, scene), 0) + 1

    def copy(self) -> "Totals":
        """An independent copy (the dictionaries too)."""
        return Totals(self.sessions, self.timed_out, self.seconds, dict(self.by_day), dict(self.choices),
                      dict(self.reached), dict(self.endings), dict(self.roles))


@dataclass(frozen=True)
class Visit:
    """A recorded session with the date it is counted under."""

    record: SessionRecord
    day: str


class StatsUnavailable(Exception):
    """The backend cannot take visits now (locked, read-only, disk full, off); they wait in memory."""


class Backend(Protocol):
    """Where visits are kept: SqliteBackend (one kiosk) or SharedBackend (a museum's PostgreSQL)."""

    where: str                    # shown to staff: a file, or the server and the local queue
    warnings: list[Notice]
    state: str                    # "ok", "waiting" (locked, server away), "read_only" or "off"
    kiosk_id: str

    def open(self) -> tuple[Totals, list[Visit]]:
        """The counts so far and any visits still waiting to be sent; StatsUnavailable to retry later."""

    def write(self, visits: list[Visit]) -> bool:
        """Keep visits durably; True when the totals that refresh() returns now include them."""

    def refresh(self) -> tuple[Totals, set[str]] | None:
        """Periodic work (backups, sending); fresh totals and the visit ids they include, or None."""

    def reset(self) -> None:
        """Forget every visit."""

    def close(self) -> None:
        """Release files and connections."""
