"""The attract loop: title art, the historical path playing by itself, live statistics, 'Touch to begin'."""

from __future__ import annotations

import pygame

from game.engine import actual_choice, format_moment, historical_path

from ..lines import attract_lines
from ..strings import FALLBACK_TOUCH, text
from ..ui import AMBER, DIM, TEXT, KioskScreen, TextBlock, face_for


class AttractScreen(KioskScreen):
    """Shown while nobody plays; the first touch (released outside the staff corner) begins a visit."""

    name = "attract"
    idle = "off"

    def __init__(self, app):
        super().__init__(app)
        self.moments = self._moments()
        self.moment = 0
        self.moment_time = 0.0
        self.line = 0
        self.line_time = 0.0
        self.lines: list[str] = []
        self._blocks: dict = {}
        self.moment_rect = pygame.Rect(0, 0, 0, 0)

    def _moments(self) -> list[tuple[str, str, str]]:
        """(when and where, what happened, who) along the record of each offered role."""
        story = self.app.library.story(self.app.config.default_language)
        language = self.app.config.default_language
        found = []
        for role_id in self.app.roles:
            role = story.roles[role_id]
            for scene_id in historical_path(role):
                scene = role.scenes[scene_id]
                actual = actual_choice(scene)
                if actual is None:
                    continue
                found.append((f"{format_moment(scene.when, self.app.library.ui(language))} · {scene.where}", actual.text, role.name))
        return found or [("", "", "")]

    def build(self) -> None:
        """No widgets: the whole screen is the button."""
        app = self.app
        self.lines = attract_lines(app.library.story(app.config.default_language), app.stats,
                                   app.library.ui(app.config.default_language), app.roles)
        self._blocks.clear()

    def _block(self, key, make) -> TextBlock:
        block = self._blocks.get(key)
        if block is None:
            if len(self._blocks) > 8:
                self._blocks.clear()
            block = self._blocks[key] = make()
        return block

    def handle_event(self, event) -> bool:
        """Begin on release, so the finger that starts a visit does not also press the next screen."""
        if event.type == pygame.MOUSEBUTTONUP and not self.app.gesture.in_corner(event.pos):
            self.app.later(self.app.begin_visit)
            return True
        return False

    def update(self, dt: float) -> bool:
        """Advance the autoplay and the statistics lines."""
        attract = self.app.config.attract
        self.app.title_art.update(dt)
        self.moment_time += dt
        if self.moment_time >= attract.scene_seconds:
            self.moment_time = 0.0
            self.moment = (self.moment + 1) % len(self.moments)
        self.line_time += dt
        if self.line_time >= attract.line_seconds:
            self.line_time = 0.0
            self.line += 1
        return True

    def draw(self, surface: pygame.Surface) -> None:
        """Title art, the moment being replayed, a statistics line and 'Touch to begin'."""
        app = self.app
        sizing = app.sizing
        w, h = surface.get_size()
        app.title_art.draw(surface)
        margin = sizing.margin
        width = w - 2 * margin
        language = app.config.default_language
        measure = sizing.measure(width)  # the replayed moment and the statistics line: readable from 1.5 m
        face = face_for(language)
        # The replayed moment, on a dark band across the middle-lower part.
        where, what, who = self.moments[self.moment]
        top = int(h * 0.52)
        band_w = w
        if sizing.portrait:  # just below the scope, which stands centred in the upper half
            centre, radius = app.title_art.geometry((w, h))
            top = max(int(h * 0.5), centre[1] + radius + margin)
        else:  # left of the scope, which reaches down past the middle on the right
            band_w = max(w // 2, app.title_art.scope_rect((w, h)).left - margin // 2)
            measure = min(measure, band_w - 2 * margin)
        what_size = sizing.heading if sizing.portrait else sizing.body
        what_measure = min(sizing.measure(width, what_size), band_w - 2 * margin)
        band = self._block(("band", band_w, h), lambda: _band(band_w, int(h * 0.48)))
        surface.blit(band, (0, top - margin))
        y = top
        y = self._block(("where", self.moment, measure), lambda: TextBlock(app.fonts, where, measure, sizing.body, DIM,
                                                                            face=face)).draw(surface, margin, y)
        # A portrait screen has the height for the moment in heading size; a landscape one does not.
        y = self._block(("what", self.moment, what_measure), lambda: TextBlock(
            app.fonts, f"{who}: {what}", what_measure, what_size, TEXT, True, face)).draw(surface, margin, y)
        if self.lines:
            line = self.lines[self.line % len(self.lines)]
            y += margin // 2
            y = self._block(("line", line, measure), lambda: TextBlock(app.fonts, line, measure, sizing.body, AMBER, True,
                                                                       face)).draw(surface, margin, y)
        self.moment_rect = pygame.Rect(0, top - margin, band_w, y - top + margin)  # what the moment covers (tests read it)
        # "Touch to begin" in every configured language, the default first, pulsing gently.
        blocks = [self._block(("touch", lang), lambda lang=lang: TextBlock(
            app.fonts, text(app.library.ui(lang), "touch"), width, sizing.heading if i == 0 else sizing.body, AMBER if i == 0 else TEXT,
            True, face_for(lang), "center")) for i, lang in enumerate(_ordered(app.config.languages, language))]
        total = sum(b.height for b in blocks)
        y = h - margin - total
        for block in blocks:
            y = block.draw(surface, margin, y)

    def autoplay(self, rng) -> bool:
        """Touch somewhere."""
        w, h = self.app.surface.get_size()
        self.app.tap((w // 2, h // 2))
        return True


def _ordered(languages: list[str], first: str) -> list[str]:
    return [first] + [lang for lang in languages if lang != first]


def _band(w: int, h: int) -> pygame.Surface:
    band = pygame.Surface((w, h), pygame.SRCALPHA)
    band.fill((2, 8, 12, 190))
    return band


class FallbackScreen(KioskScreen):
    """What shows when the attract loop itself failed: plain, with nothing that can fail, still touchable."""

    name = "fallback"
    idle = "off"

    def handle_event(self, event) -> bool:
        """A touch begins a visit."""
        if event.type == pygame.MOUSEBUTTONUP and not self.app.gesture.in_corner(event.pos):
            self.app.later(self.app.begin_visit)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Black, with 'Touch to begin'."""
        surface.fill((6, 12, 16))
        font = self.app.fonts.get(self.app.sizing.heading, True)
        label = font.render(FALLBACK_TOUCH, True, AMBER)
        surface.blit(label, label.get_rect(center=surface.get_rect().center))
