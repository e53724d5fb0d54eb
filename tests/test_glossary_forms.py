"""The glossary's fixed forms hold in the translations: one spelling of Moscow in Vietnamese, no bare ミグ."""

from __future__ import annotations

import re

from game.engine import load_catalog

from .conftest import PROJECT

STORY = PROJECT / "story"


def test_vietnamese_spells_moscow_one_way():
    catalog, _ = load_catalog(STORY, "vi")
    english_spelling = [key for key, entry in catalog.entries.items() if "Moscow" in entry.text]
    assert english_spelling == [], english_spelling[:5]


def test_japanese_never_writes_a_bare_migu():
    catalog, _ = load_catalog(STORY, "ja")
    # ミグ25 is allowed in set names such as ミグ25事件; ミグ alone (or ミグ機) is not
    bare = [key for key, entry in catalog.entries.items() if re.search(r"ミグ(?!25|-25|２５)", entry.text)]
    assert bare == [], bare[:5]
