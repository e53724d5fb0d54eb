"""Read a file with bounds: only a regular file, optionally inside one folder, and never more than a cap."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Opening a FIFO for reading waits for a writer; O_NONBLOCK returns at once (the file type is
# checked before and after opening, so nothing but a regular file is ever read).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


class ReadRefused(Exception):
    """A file that is not read; `reason` says why in words a writer or player follows, never its content."""

    OUTSIDE = "outside"
    NOT_REGULAR = "not_regular"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    MISSING = "missing"

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def read_bounded(path: Path | str, limit: int, within: Path | str | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; ReadRefused for anything else.

    With `within`, the file (after resolving symlinks) must lie inside that folder. The size is
    checked before reading, and at most limit + 1 bytes are ever read, so a file that grows while
    it is read, or a device that never ends, costs no more than the cap.
    """
    path = Path(path)
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        raise ReadRefused(ReadRefused.MISSING, "cannot read file: no such file") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
        raise ReadRefused(ReadRefused.UNREADABLE, f"cannot read file: {getattr(exc, 'strerror', None) or exc}") from None
    if within is not None and not _inside(real, Path(within)):
        raise ReadRefused(ReadRefused.OUTSIDE, "the file is outside the story folder (after following links)")
    try:
        before = os.stat(real)
    except OSError as exc:
        raise ReadRefused(ReadRefused.UNREADABLE, f"cannot read file: {exc.strerror or exc}") from None
    _check_kind(before, limit)  # before opening: opening some devices has effects of its own
    try:
        handle = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise ReadRefused(ReadRefused.UNREADABLE, f"cannot read file: {exc.strerror or exc}") from None
    try:
        opened = os.fstat(handle)
        if (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise ReadRefused(ReadRefused.UNREADABLE, "the file changed while it was opened")
        _check_kind(opened, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(handle, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ReadRefused(ReadRefused.TOO_LARGE, _too_large(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadRefused(ReadRefused.UNREADABLE, f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(handle)


def _check_kind(status: os.stat_result, limit: int) -> None:
    """Refuse anything but a regular file, and a regular file over the cap."""
    if not stat.S_ISREG(status.st_mode):
        what = ("a folder" if stat.S_ISDIR(status.st_mode) else "a pipe" if stat.S_ISFIFO(status.st_mode)
                else "a device" if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
                else "a socket" if stat.S_ISSOCK(status.st_mode) else "not a plain file")
        raise ReadRefused(ReadRefused.NOT_REGULAR, f"this is {what}, not a regular file")
    if status.st_size > limit:
        raise ReadRefused(ReadRefused.TOO_LARGE, _too_large(limit))


def _too_large(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"the file is larger than {limit // (1024 * 1024)} MB"
    return f"the file is larger than {limit:,} bytes"


def _inside(real: Path, folder: Path) -> bool:
    """True when a resolved path lies in the folder (resolved too), or is the folder's own file."""
    try:
        base = folder.resolve()
    except (OSError, RuntimeError):
        return False
    return real == base or base in real.parents
