"""systemd notifications (READY=1, WATCHDOG=1) over $NOTIFY_SOCKET; does nothing when not run by systemd."""

from __future__ import annotations

import os
import socket
import time
from typing import Callable, Mapping


class Watchdog:
    """Tells systemd the kiosk started and is still drawing frames; a hung loop gets it restarted."""

    def __init__(self, environ: Mapping[str, str] | None = None, clock: Callable[[], float] = time.monotonic):
        env = os.environ if environ is None else environ
        self.address = env.get("NOTIFY_SOCKET") or None
        if self.address and self.address.startswith("@"):
            self.address = "\0" + self.address[1:]  # an abstract socket name
        usec = env.get("WATCHDOG_USEC", "")
        # Ping at half the watchdog interval, as sd_notify(3) advises; every 10 s without one.
        self.interval = int(usec) / 2e6 if usec.isdigit() and int(usec) > 0 else 10.0
        self.clock = clock
        self._last = -1e18
        self.sent: list[str] = []  # what was sent, for tests and the staff screen

    @property
    def enabled(self) -> bool:
        """True when systemd is listening."""
        return self.address is not None

    def notify(self, message: str) -> bool:
        """Send one datagram; False (never an exception) when it cannot be sent."""
        if not self.enabled:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode())
        except OSError:
            return False
        self.sent.append(message)
        del self.sent[:-20]
        return True

    def ready(self) -> bool:
        """The kiosk is up."""
        return self.notify("READY=1")

    def ping(self) -> bool:
        """Called every frame; sends WATCHDOG=1 at most every interval."""
        now = self.clock()
        if not self.enabled or now - self._last < self.interval:
            return False
        self._last = now
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        """The kiosk is exiting on purpose (staff exit)."""
        return self.notify("STOPPING=1")
