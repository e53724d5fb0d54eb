"""Files handled with care: reads with bounds, writes that a crash cannot half-do, damaged files set aside.

Outside game.engine so the desktop game can read its settings before the engine is imported.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

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


#: A temporary file this old is left over from a write that never finished (a crash, a power cut);
#: a younger one may belong to a write under way in another process.
LEFTOVER_SECONDS = 10 * 60
_TEMPORARY_SUFFIX = ".tmp"
_OLD_TEMPORARY = re.compile(r"\.[^/]+\.json\.[a-z0-9_]{8}")  # named before the suffix was added


def write_atomically(path: Path, text: str) -> None:
    """Write a file so a crash leaves either the old or the new contents, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def remove_leftovers(folder: Path, name: str = "*", older_than: float = LEFTOVER_SECONDS) -> list[str]:
    """Delete temporary files of write_atomically that a crash left behind in folder (for files matching name).

    Returns the names removed. Only files older than `older_than` seconds go: a younger one may be
    a write under way in another process.
    """
    removed = []
    now = time.time()
    for candidate in Path(folder).glob(f".{name}.*"):
        if not (candidate.name.endswith(_TEMPORARY_SUFFIX) or _OLD_TEMPORARY.fullmatch(candidate.name)):
            continue
        try:
            if candidate.is_file() and not candidate.is_symlink() and now - candidate.stat().st_mtime > older_than:
                candidate.unlink()
                removed.append(candidate.name)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file to '<name>.damaged-N' (the first N not taken; an earlier one is never overwritten).

    Returns the new path, or None when the file could not be moved (it is then left where it was).
    """
    for number in range(1, 1000):
        target = path.with_name(f"{path.name}.damaged-{number}")
        try:
            os.link(path, target)  # fails if the target exists: no earlier set-aside file is replaced
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system: check, then rename
            if target.exists() or target.is_symlink():
                continue
            try:
                os.replace(path, target)
            except OSError:
                return None
            return target
        try:
            os.unlink(path)
        except OSError:
            return None
        return target
    return None


def read_json(path: Path, limit: int) -> Any:
    """The JSON data of a regular file of at most `limit` bytes; ValueError when it is anything else.

    FileNotFoundError when there is no file. Nesting too deep to read, numbers of more digits
    than Python converts and bytes that are not UTF-8 are all ValueError.
    """
    try:
        raw = read_bounded(path, limit)
    except ReadRefused as refused:
        if refused.kind == ReadRefused.MISSING:
            raise FileNotFoundError(str(path)) from None
        raise ValueError(refused.reason) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError, MemoryError) as exc:
        raise ValueError(f"not readable JSON ({type(exc).__name__})") from None
