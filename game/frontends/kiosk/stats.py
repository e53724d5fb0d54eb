"""Anonymous visitor statistics: counted in memory for the screens, persisted by a background thread.

Where the visits are kept is a backend's job (stats_sqlite: one kiosk's file; stats_shared: a
PostgreSQL server shared by a museum's kiosks, with a local queue). The store here only counts,
queues and merges, so a frame never waits for a disk or a network.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Callable

from game.engine import Notice

# The records live in stats_records, so the backends need not import this module; re-exported here.
from .stats_records import Backend, SessionRecord, Share, StatsUnavailable, Totals, Visit  # noqa: F401

log = logging.getLogger("foxbat.kiosk.stats")

_STOP = object()
_RESET = object()
MAX_WAITING = 100_000  # visits held in memory while the backend is unavailable (a museum's year)


class StatsStore:
    """The statistics of one kiosk: in memory for reading, persisted by a writer thread through a backend."""

    def __init__(self, path: Path | None = None, min_sessions: int = 30, clock: Callable[[], float] = time.time,
                 backend: Backend | None = None, retry_seconds: float = 5.0):
        from .stats_sqlite import SqliteBackend

        self.min_sessions = min_sessions
        self.clock = clock
        self.retry_seconds = retry_seconds
        self.backend = backend or SqliteBackend(Path(path), clock=clock)
        self.write_errors = 0
        self.totals = Totals()
        self._lock = threading.Lock()
        self._unconfirmed: dict[str, Visit] = {}  # counted in memory, not yet in the backend's totals
        self._waiting: list[Visit] = []           # not yet written anywhere durable (backend unavailable)
        self._queue: queue.Queue = queue.Queue()
        self._opened = self._try_open()
        self._thread = threading.Thread(target=self._write_loop, name="kiosk-stats", daemon=True)
        self._thread.start()

    # --- what staff see ------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """Where the statistics are kept (the file, or the local queue of a shared store)."""
        return Path(getattr(self.backend, "path", "."))

    @property
    def where(self) -> str:
        """Where the statistics are kept, in words for the staff screen."""
        return self.backend.where

    @property
    def warnings(self) -> list[Notice]:
        """Notices for the staff screen (English as text, with a key for the staff language)."""
        return self.backend.warnings

    @property
    def state(self) -> str:
        """'ok', 'waiting', 'read_only' or 'off' (see Backend.state)."""
        return self.backend.state

    @property
    def pending(self) -> int:
        """Visits counted here that the backend's totals do not include yet."""
        with self._lock:
            return len(self._unconfirmed)

    # --- opening -------------------------------------------------------------------------------

    def _try_open(self) -> bool:
        try:
            base, queued = self.backend.open()
        except StatsUnavailable as exc:
            log.warning("statistics not available yet: %s", exc)
            return False
        with self._lock:
            for visit in queued:
                self._unconfirmed.setdefault(visit.record.visit_id, visit)
            self._replace_totals(base, set())
        return True

    def _replace_totals(self, base: Totals, included: set[str]) -> None:
        """The backend's totals plus what it does not have yet (call with the lock held)."""
        for visit_id in included:
            self._unconfirmed.pop(visit_id, None)
        merged = base.copy()
        for visit in self._unconfirmed.values():
            merged.add(visit.record, visit.day)
        self.totals = merged

    # --- writing -------------------------------------------------------------------------------

    def record(self, record: SessionRecord) -> None:
        """Count a session now (in memory) and queue it for the backend; never blocks."""
        visit = Visit(record, self.today())
        with self._lock:
            self.totals.add(record, visit.day)
            self._unconfirmed[record.visit_id] = visit
        self._queue.put(visit)

    def reset(self) -> None:
        """Forget every count (staff action, confirmed on screen)."""
        with self._lock:
            self.totals = Totals()
            self._unconfirmed.clear()
            self._waiting.clear()
        self._queue.put(_RESET)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued is written (and a shared store has tried to send); False on timeout."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued and stop the writer (waiting at most timeout seconds)."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)
        if not self._thread.is_alive():
            self.backend.close()

    def _write_loop(self) -> None:
        next_refresh = 0.0
        while True:
            try:
                item = self._queue.get(timeout=self.retry_seconds)
            except queue.Empty:
                item = None
            if item is _STOP:
                self._write_waiting()
                break
            if item is _RESET:
                self._guarded(self.backend.reset)
                continue
            if isinstance(item, Visit):
                self._waiting.append(item)
                while len(self._waiting) < 500:  # a burst goes out as one batch
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if not isinstance(more, Visit):
                        self._queue.put(more)  # handled on the next round, in order enough for a flush
                        break
                    self._waiting.append(more)
            self._write_waiting()
            if item is None or isinstance(item, threading.Event) or time.monotonic() >= next_refresh:
                self._refresh()
                next_refresh = time.monotonic() + self.retry_seconds
            if isinstance(item, threading.Event):
                item.set()

    def _write_waiting(self) -> None:
        if not self._opened:
            self._opened = self._try_open()
            if not self._opened:
                return
        if not self._waiting:
            return
        batch = self._waiting
        try:
            confirmed = self.backend.write(batch)
        except StatsUnavailable as exc:
            self.write_errors += 1
            log.error("statistics not written (kept in memory, retried): %s", exc)
            del self._waiting[:-MAX_WAITING]
            return
        self._waiting = []
        if confirmed:
            with self._lock:
                for visit in batch:
                    self._unconfirmed.pop(visit.record.visit_id, None)

    def _refresh(self) -> None:
        if not self._opened:
            return
        fresh = self._guarded(self.backend.refresh)
        if fresh is not None:
            base, included = fresh
            with self._lock:
                self._replace_totals(base, included)

    def _guarded(self, action: Callable):
        try:
            return action()
        except StatsUnavailable as exc:
            self.write_errors += 1
            log.error("statistics: %s", exc)
        except Exception:  # noqa: BLE001 - the writer thread must outlive any one failure
            self.write_errors += 1
            log.exception("statistics: unexpected failure")
        return None

    # --- reading -------------------------------------------------------------------------------

    def today(self) -> str:
        """The local date, as the sessions table keeps it."""
        return time.strftime("%Y-%m-%d", time.localtime(self.clock()))

    @property
    def sessions_today(self) -> int:
        """Sessions recorded on today's date."""
        return self.totals.by_day.get(self.today(), 0)

    def share(self, role: str, scene: str, choice: str) -> Share:
        """The visitors who reached a decision and chose this; a percentage only past min_sessions."""
        totals = self.totals
        reached = totals.reached.get((role, scene), 0)
        chosen = totals.choices.get((role, scene, choice), 0)
        percent = round(100 * chosen / reached) if reached >= self.min_sessions and reached else None
        return Share(chosen, reached, percent)

    def ending_share(self, role: str, ending: str) -> Share:
        """The visitors of a role who reached an ending; a percentage only past min_sessions."""
        totals = self.totals
        played = sum(n for (r, _), n in totals.endings.items() if r == role)
        chosen = totals.endings.get((role, ending), 0)
        percent = round(100 * chosen / played) if played >= self.min_sessions and played else None
        return Share(chosen, played, percent)

    def kiosks(self) -> dict[str, str]:
        """Each kiosk id the backend knows and when it was last seen (ISO 8601, UTC)."""
        seen = getattr(self.backend, "kiosks", None)
        try:
            return seen() if seen else {}
        except StatsUnavailable:
            return {}

    def to_csv(self) -> str:
        """Every count as CSV: kind, role, scene, choice or ending, count, out of, percent."""
        from .stats_format import totals_csv

        return totals_csv(self.totals, self.kiosks())

    def export_csv(self, path: Path) -> Path:
        """Write to_csv() to a file (atomically) and return its path."""
        from .stats_format import write_atomically

        return write_atomically(Path(path), self.to_csv())
