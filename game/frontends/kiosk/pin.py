"""The staff PIN: digits typed on the pad, checked in constant time, locked out after repeated misses."""

from __future__ import annotations

import hmac
from typing import Callable


class PinEntry:
    """What has been typed on the PIN pad, and whether it opens the staff screen."""

    MAX_MISSES = 5
    LOCKOUT = 60.0  # seconds the pad refuses input after MAX_MISSES wrong PINs

    def __init__(self, pin: str, clock: Callable[[], float]):
        self.pin = pin
        self.clock = clock
        self.typed = ""
        self.misses = 0
        self._locked_until = 0.0

    @property
    def locked(self) -> bool:
        """True while the pad refuses input after too many wrong PINs."""
        return self.clock() < self._locked_until

    def press(self, key: str) -> bool | None:
        """A key of the pad (a digit, 'clear' or 'ok'); True when the PIN is right, False when wrong, else None."""
        if self.locked:
            return None
        if key == "clear":
            self.typed = ""
        elif key == "ok":
            right = hmac.compare_digest(self.typed.encode(), self.pin.encode())
            self.typed = ""
            if right:
                self.misses = 0
                return True
            self.misses += 1
            if self.misses >= self.MAX_MISSES:
                self.misses = 0
                self._locked_until = self.clock() + self.LOCKOUT
            return False
        elif key.isdigit() and len(self.typed) < 8:
            self.typed += key
        return None

    @property
    def shown(self) -> str:
        """The typed digits as dots."""
        return "●" * len(self.typed)
