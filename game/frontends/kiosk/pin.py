"""The staff PIN: kept only as a salted hash, checked in constant time, locked out (and longer each time)
after repeated misses, with the lockout kept on disk so neither Cancel nor a restart clears it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from pathlib import Path
from typing import Callable

log = logging.getLogger("foxbat.kiosk.staff")

DEFAULT_PIN = "1976"
SCRYPT = dict(n=2**14, r=8, p=1)  # about 50 ms and 16 MB per check: cheap for staff, costly to guess offline


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A salted scrypt hash of the PIN: 'scrypt$N$r$p$salt$hash'."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT, dklen=32)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when the PIN matches a stored hash (scrypt or pbkdf2_sha256); False for a malformed hash."""
    try:
        kind, *params, salt, digest = stored.split("$")
        if kind == "scrypt":
            n, r, p = (int(v) for v in params)
            got = hashlib.scrypt(pin.encode(), salt=_unb64(salt), n=n, r=r, p=p, dklen=len(_unb64(digest)))
        elif kind == "pbkdf2_sha256":
            (rounds,) = (int(v) for v in params)
            got = hashlib.pbkdf2_hmac("sha256", pin.encode(), _unb64(salt), rounds)
        else:
            return False
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, _unb64(digest))


class PinCheck:
    """The PIN the config names: its hash, or (older configs) the PIN itself, or the default 1976."""

    def __init__(self, pin: str | None = None, pin_hash: str | None = None):
        self._hash = pin_hash
        self._plain = None if pin_hash else (pin or DEFAULT_PIN)

    @classmethod
    def from_config(cls, config) -> "PinCheck":
        """The check for a KioskConfig."""
        return cls(config.pin, config.pin_hash)

    def matches(self, typed: str) -> bool:
        """True when the typed digits are the PIN."""
        if self._hash:
            return verify_pin(typed, self._hash)
        return hmac.compare_digest(typed.encode(), self._plain.encode())

    @property
    def is_default(self) -> bool:
        """True when the PIN is the well-known default 1976."""
        return self.matches(DEFAULT_PIN)


class PinLock:
    """Wrong PINs in a row and the lockout they earned, kept in a small JSON file (in memory without one)."""

    MAX_MISSES = 5
    FIRST_LOCKOUT = 60.0   # seconds; doubled with each further lockout
    LONGEST_LOCKOUT = 3600.0

    def __init__(self, path: Path | None = None, clock: Callable[[], float] = time.time):
        self.path = Path(path) if path else None
        self.clock = clock  # wall-clock time, so a lockout outlives a restart
        self.misses = 0
        self.lockouts = 0
        self.locked_until = 0.0
        self._load()

    def _load(self) -> None:
        if self.path is None or not self.path.is_file():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.misses, self.lockouts = int(data["misses"]), int(data["lockouts"])
            self.locked_until = float(data["locked_until"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # An unreadable file must not unlock the pad: treat it as one full lockout.
            log.warning("PIN lockout file %s unreadable (%s); the pad stays locked for a while", self.path, exc)
            self.lockouts = 1
            self.locked_until = self.clock() + self.FIRST_LOCKOUT

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(self.path.name + ".partial")
            partial.write_text(json.dumps({"misses": self.misses, "lockouts": self.lockouts,
                                           "locked_until": self.locked_until}), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:  # a read-only disk: the lockout still holds until the kiosk restarts
            log.error("PIN lockout not saved to %s: %s", self.path, exc)

    @property
    def seconds_left(self) -> float:
        """Seconds until the pad takes PINs again (0 when it does now)."""
        return max(0.0, self.locked_until - self.clock())

    @property
    def locked(self) -> bool:
        """True while the pad refuses PINs."""
        return self.seconds_left > 0

    def miss(self) -> float:
        """A wrong PIN; returns the lockout it started in seconds (0 when none)."""
        self.misses += 1
        lockout = 0.0
        if self.misses >= self.MAX_MISSES:
            lockout = min(self.LONGEST_LOCKOUT, self.FIRST_LOCKOUT * 2 ** self.lockouts)
            self.lockouts += 1
            self.misses = 0
            self.locked_until = self.clock() + lockout
        self._save()
        return lockout

    def success(self) -> None:
        """The right PIN: the count and the growing lockout start over."""
        if self.misses or self.lockouts or self.locked_until:
            self.misses = self.lockouts = 0
            self.locked_until = 0.0
            self._save()


class PinEntry:
    """What has been typed on the PIN pad, and whether it opens the staff screen."""

    def __init__(self, check: PinCheck | str, lock: PinLock | Callable[[], float]):
        self.check = check if isinstance(check, PinCheck) else PinCheck(pin=check)
        self.lock = lock if isinstance(lock, PinLock) else PinLock(clock=lock)
        self.typed = ""

    @property
    def locked(self) -> bool:
        """True while the pad refuses input after too many wrong PINs."""
        return self.lock.locked

    def press(self, key: str) -> bool | None:
        """A key of the pad (a digit, 'clear' or 'ok'); True when the PIN is right, False when wrong, else None."""
        if self.locked:
            if key == "ok":
                # Logged without the digits: the log says that someone tried, never what.
                log.warning("staff PIN attempt refused: the pad is locked for %d more seconds",
                            round(self.lock.seconds_left))
            self.typed = ""
            return None
        if key == "clear":
            self.typed = ""
        elif key == "ok":
            right = self.check.matches(self.typed)
            self.typed = ""
            if right:
                log.info("staff PIN accepted: staff screen opened")
                self.lock.success()
                return True
            lockout = self.lock.miss()
            if lockout:
                log.warning("staff PIN wrong; the pad is locked for %d seconds after %d wrong PINs in a row",
                            lockout, PinLock.MAX_MISSES)
            else:
                log.warning("staff PIN wrong (%d of %d before a lockout)", self.lock.misses, PinLock.MAX_MISSES)
            return False
        elif key.isdigit() and len(self.typed) < 8:
            self.typed += key
        return None

    @property
    def shown(self) -> str:
        """The typed digits as dots."""
        return "●" * len(self.typed)
