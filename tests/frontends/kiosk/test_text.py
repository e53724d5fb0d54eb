"""The kiosk's own words: every letter exists in the font used for its language."""

from __future__ import annotations

import pygame

from game.frontends.shell.fonts import FontCache
from game.engine import languages_in, load_catalog, load_ui_strings

from ...conftest import PROJECT
from game.frontends.kiosk.ui import face_for


def test_every_kiosk_string_and_language_name_has_a_glyph_for_every_letter():
    pygame.init()
    fonts = FontCache()
    missing = []
    story = PROJECT / "story"
    english = {k: v for k, v in load_ui_strings(story).items() if k.startswith(("kiosk.", "language."))}
    for language in languages_in(story):
        catalog, _ = load_catalog(story, language) if language != "en" else (None, [])
        font = fonts.get(24, True, face_for(language))
        for key, value in english.items():
            shown = catalog.text(f"ui.{key}", value) if catalog else value
            for ch, metric in zip(shown, font.metrics(shown)):
                if metric is None and not ch.isspace():
                    missing.append((language, key, ch))
        picker = fonts.get(24, True, "noto_jp")  # the language picker names every language in one face
        name = catalog.text("ui.language.name", "English") if catalog else "English"
        missing += [(language, "name", ch) for ch, metric in zip(name, picker.metrics(name)) if metric is None]
    assert missing == []
