"""Translation catalogs for the checks, each language read once while its files are unchanged.

Lint's translation and drawable-character checks both read every catalog; parsing a language's
files is most of either check, so the last few catalogs are kept keyed by the files' bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.engine import Catalog, ParseCache, Problem, languages_in, load_catalog

_KEPT: dict[tuple, tuple[Catalog, list[Problem]]] = {}
MAX_KEPT = 8


def catalog_of(root: Path | str, language: str, cache: ParseCache | None = None) -> tuple[Catalog, list[Problem]]:
    """load_catalog(root, language), shared while the language's files hold the same bytes (treat as read-only)."""
    folder = Path(root) / "i18n" / language  # as i18n.load_catalog reads it
    try:
        files = tuple((p.name, hashlib.blake2b(p.read_bytes(), digest_size=16).digest())
                      for p in sorted(folder.glob("*.yaml")))
    except OSError:
        return load_catalog(root, language, cache)  # let the loader report what is wrong with the folder
    key = (str(Path(root).absolute()), language, files)
    found = _KEPT.get(key)
    if found is None:
        if len(_KEPT) >= MAX_KEPT:
            _KEPT.clear()
        found = _KEPT[key] = load_catalog(root, language, cache)
    return found


def read_catalogs(root: Path | str, cache: ParseCache, own_language: str) -> None:
    """Every translation of a story folder read through the parse cache, for the checks that follow to share."""
    for language in languages_in(root):
        if language != own_language:  # the story itself is in its own language
            catalog_of(root, language, cache)
