"""The kiosk's own words: every letter exists in the font used for its language."""

from __future__ import annotations

import pygame

from game.frontends.gui.fonts import FontCache
from game.frontends.kiosk.strings import NATIVE_NAMES, TEXT
from game.frontends.kiosk.ui import face_for


def test_every_kiosk_string_and_language_name_has_a_glyph_for_every_letter():
    pygame.init()
    fonts = FontCache()
    missing = []
    for language, table in TEXT.items():
        font = fonts.get(24, True, face_for(language))
        for key, value in table.items():
            for ch, metric in zip(value, font.metrics(value)):
                if metric is None and not ch.isspace():
                    missing.append((language, key, ch))
    picker = fonts.get(24, True, "noto_jp")  # the language picker names every language in one face
    for code, name in NATIVE_NAMES.items():
        if code in ("ko",):
            continue  # not offered by the story; Noto Sans JP has no Hangul
        missing += [(code, "name", ch) for ch, metric in zip(name, picker.metrics(name)) if metric is None]
    assert missing == []
