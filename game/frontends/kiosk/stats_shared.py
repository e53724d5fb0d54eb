"""Statistics shared by a museum's kiosks: a local queue, and a sender thread that talks to PostgreSQL.

Visits go to the local queue (SQLite) first; a sender thread sends them, each exactly once (visit ids
and ON CONFLICT DO NOTHING), and fetches the museum's totals. Nothing here ever makes a frame wait
for the network: while the server is away the kiosk shows the last totals it saw plus its own visits.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from game.engine import Notice

from . import stats_postgres as pg
from .stats_records import StatsUnavailable, Totals, Visit
from .stats_outbox import Outbox

log = logging.getLogger("foxbat.kiosk.stats")

MAX_BACKOFF = 60.0


def shown_url(url: str) -> str:
    """The server's address without its password, for logs and the staff screen."""
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


class SharedBackend:
    """A museum's PostgreSQL server behind a local queue; see the module docstring."""

    def __init__(self, url: str, kiosk_id: str, queue_path: Path, interval: float = 5.0):
        self.url = url
        self.kiosk_id = kiosk_id
        self.path = Path(queue_path)
        self.interval = interval
        self.warnings: list[Notice] = []
        self.state = "waiting"
        self.reason = "not yet connected"
        self.outbox: Outbox | None = None
        self._db = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._round_done = threading.Condition()
        self._started = 0      # rounds begun
        self._completed = 0    # the number of the last round finished
        self._last_ok = False
        self._result: Totals | None = None
        self._included: set[str] = set()
        self._result_lock = threading.Lock()
        self._kiosks: dict[str, str] = {}
        self._reset_pending = False
        self._thread: threading.Thread | None = None

    @property
    def where(self) -> str:
        """The server and the local queue, for the staff screen."""
        return f"{shown_url(self.url)} (queue {self.path})"

    # --- Backend ---------------------------------------------------------------------------------

    def open(self) -> tuple[Totals, list[Visit]]:
        """The last totals seen and the visits still queued; the sender starts here."""
        try:
            self.outbox = Outbox(self.path)
        except (OSError, Exception) as exc:  # noqa: BLE001 - sqlite3.Error or OSError: the queue is unusable
            self.state, self.reason = "off", f"the local queue {self.path} cannot be used ({exc})"
            self.warnings.append(Notice(f"Statistics are off: {self.reason}.", "kiosk.staff.stats_off",
                                        {"reason": self.reason}))
            raise StatsUnavailable(self.reason) from None
        queued = self.outbox.waiting(limit=1_000_000)
        self._thread = threading.Thread(target=self._send_loop, name="kiosk-stats-sender", daemon=True)
        self._thread.start()
        return self.outbox.last_totals(), queued

    def write(self, visits: list[Visit]) -> bool:
        """Into the local queue (durable); the server's totals include them only once sent."""
        try:
            self.outbox.add(visits)
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error: a full or read-only disk
            raise StatsUnavailable(f"the local queue cannot be written: {exc}") from None
        self._wake.set()
        return False

    def refresh(self) -> tuple[Totals, set[str]] | None:
        """The newest totals the sender fetched (never waits for the network)."""
        self._wake.set()
        with self._result_lock:
            if self._result is None:
                return None
            result, self._result = (self._result, self._included), None
            self._included = set()
            return result

    def reset(self) -> None:
        """Forget the queue here and, on the next round, every visit on the server."""
        self.outbox.clear()
        self._reset_pending = True
        self._wake.set()

    def kiosks(self) -> dict[str, str]:
        """Kiosk ids and last_seen as of the last round with the server."""
        return dict(self._kiosks)

    def close(self, timeout: float = 0.5) -> None:
        """Stop the sender (an unsent queue stays on disk for the next start)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._thread is None or not self._thread.is_alive():
            self._disconnect()
            if self.outbox is not None:
                self.outbox.close()

    # --- for tests and the soak bench ------------------------------------------------------------

    def sync(self, timeout: float = 10.0) -> bool:
        """Wait for one full round with the server (send, then fetch totals); False if it failed or timed out."""
        with self._round_done:
            wanted = self._started + 1  # a round that begins after this call
            self._wake.set()
            self._round_done.wait_for(lambda: self._completed >= wanted or self._stop.is_set(), timeout)
            return self._completed >= wanted and self._last_ok

    # --- the sender ------------------------------------------------------------------------------

    def _send_loop(self) -> None:
        delay = 0.0
        while not self._stop.is_set():
            self._wake.wait(delay if delay else self.interval)
            self._wake.clear()
            if self._stop.is_set():
                break
            with self._round_done:
                self._started += 1
                number = self._started
            ok = self._round()
            with self._round_done:
                self._completed, self._last_ok = number, ok
                self._round_done.notify_all()
            delay = 0.0 if ok else min(MAX_BACKOFF, max(1.0, delay * 2))

    def _round(self) -> bool:
        """Send what is queued, then fetch the museum's totals; False when the server could not be reached."""
        sent: set[str] = set()
        try:
            db = self._connection()
            if self._reset_pending:
                pg.reset(db)
                self._reset_pending = False
            while not self._stop.is_set():
                batch = self.outbox.waiting()
                if not batch:
                    break
                pg.send(db, self.kiosk_id, batch)
                ids = [v.record.visit_id for v in batch]
                self.outbox.remove(ids)  # a crash just here resends them: the server skips what it has
                sent.update(ids)
            pg.heartbeat(db, self.kiosk_id)
            totals = pg.load_totals(db)
            self._kiosks = pg.kiosks(db)
        except Exception as exc:  # noqa: BLE001 - psycopg.Error, OSError: the server is away; retry later
            self._disconnect()
            if self.state != "waiting" or self.reason != str(exc):
                log.warning("statistics server %s not reachable, visits wait in %s: %s", shown_url(self.url),
                            self.path, exc)
            self.state, self.reason = "waiting", f"server not reachable ({exc})"
            with self._result_lock:
                self._included |= sent  # on the server already: counted once its totals arrive
            return False
        self.outbox.save_totals(totals)
        with self._result_lock:
            self._result = totals
            self._included |= sent
        if self.state != "ok":
            log.info("statistics server %s reached", shown_url(self.url))
        self.state, self.reason = "ok", ""
        return True

    def _connection(self):
        if self._db is None or self._db.closed:
            self._db = pg.connect(self.url)
            pg.create_schema(self._db)
        return self._db

    def _disconnect(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self._db = None

