"""`foxbat kiosk set-pin`: ask for a new staff PIN twice and write only its salted hash into kiosk.yaml."""

from __future__ import annotations

import getpass
import re
import sys
from pathlib import Path
from typing import Callable, TextIO

from .config import ConfigError, load_config
from .pin import DEFAULT_PIN, hash_pin

EXIT_OK, EXIT_PROBLEMS = 0, 1
PIN_LINE = re.compile(r"^(pin|pin_hash)\s*:.*$")


def write_pin_hash(text: str, pin_hash: str) -> str:
    """kiosk.yaml with its top-level pin/pin_hash lines replaced by one pin_hash line (comments kept)."""
    lines = text.splitlines()
    kept, placed = [], False
    for line in lines:
        if PIN_LINE.match(line):
            if not placed:
                kept.append(f'pin_hash: "{pin_hash}"')
                placed = True
            continue
        kept.append(line)
    if not placed:
        kept.append(f'pin_hash: "{pin_hash}"')
    return "\n".join(kept) + "\n"


def set_pin(config_path: Path, ask: Callable[[str], str] | None = None, err: TextIO | None = None) -> int:
    """Ask twice (without echo), refuse weak or mismatched PINs, write the hash; exit 0 or 1 with one line."""
    ask = ask or getpass.getpass
    err = err or sys.stderr
    path = Path(config_path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pin = ask("New staff PIN (4 to 8 digits): ").strip()
    if not re.fullmatch(r"[0-9]{4,8}", pin):
        print("foxbat kiosk set-pin: the PIN must be 4 to 8 digits; nothing changed", file=err)
        return EXIT_PROBLEMS
    if pin == DEFAULT_PIN or len(set(pin)) == 1:
        print("foxbat kiosk set-pin: that PIN is too easy to guess; nothing changed", file=err)
        return EXIT_PROBLEMS
    if ask("The same PIN again: ").strip() != pin:
        print("foxbat kiosk set-pin: the two PINs differ; nothing changed", file=err)
        return EXIT_PROBLEMS
    updated = write_pin_hash(text, hash_pin(pin))
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(updated, encoding="utf-8")
        try:
            load_config(partial)
        except ConfigError as exc:
            partial.unlink()
            print(f"foxbat kiosk set-pin: {path} has other mistakes; fix them first:\n{exc}", file=err)
            return EXIT_PROBLEMS
        partial.replace(path)
    except OSError as exc:
        print(f"foxbat kiosk set-pin: cannot write {path}: {exc}", file=err)
        return EXIT_PROBLEMS
    print(f"foxbat kiosk set-pin: the PIN's salted hash is in {path}; restart the kiosk to use it", file=err)
    return EXIT_OK
