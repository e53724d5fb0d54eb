"""The idle timer: off in attract; after idle_timeout a 'Still there?' countdown, then the session ends."""

from __future__ import annotations

from typing import Callable

OFF, ACTIVE, WARNING, EXPIRED = "off", "active", "warning", "expired"


class IdleTimer:
    """Counts seconds since the last touch of a visitor on a clock it is given (so tests fake time)."""

    def __init__(self, timeout: float, warning: float, clock: Callable[[], float]):
        self.timeout = timeout
        self.warning = warning
        self.clock = clock
        self.state = OFF
        self._last = 0.0
        self._warned_at = 0.0

    def start(self) -> None:
        """A visitor is playing: start counting."""
        self.state = ACTIVE
        self._last = self.clock()

    def stop(self) -> None:
        """Attract loop or staff screen: nobody to time out."""
        self.state = OFF

    def touch(self) -> bool:
        """The visitor did something; True when that touch dismissed the warning (and should do nothing else)."""
        if self.state == OFF:
            return False
        dismissed = self.state == WARNING
        if self.state != EXPIRED:
            self.state = ACTIVE
            self._last = self.clock()
        return dismissed

    def poll(self) -> str:
        """The state now: off, active, warning (show the overlay) or expired (end the session)."""
        now = self.clock()
        if self.state == ACTIVE and now - self._last >= self.timeout:
            self.state = WARNING
            self._warned_at = now
        if self.state == WARNING and now - self._warned_at >= self.warning:
            self.state = EXPIRED
        return self.state

    @property
    def seconds_left(self) -> int:
        """Whole seconds left on the countdown (shown in the overlay)."""
        if self.state != WARNING:
            return int(self.warning)
        left = self.warning - (self.clock() - self._warned_at)
        return max(0, int(left + 0.999))
