"""Settings: text speed, text size, high contrast, reduced motion, fullscreen, volumes, language."""

from __future__ import annotations

import pygame

from ..settings import TEXT_SIZES, TEXT_SPEEDS
from .overlay import OverlayScreen

VOLUMES = tuple(range(0, 101, 10))


def _cycle(values, current, step: int):
    """The next (or previous) value, wrapping around."""
    index = values.index(current) if current in values else 0
    return values[(index + step) % len(values)]


class SettingsScreen(OverlayScreen):
    """One row per setting; click or Enter or Right for the next value, Left for the previous."""

    name = "settings"

    def rows(self) -> list[tuple[str, str, object]]:
        """(label, value shown, change(step)) for every setting."""
        s = self.app.settings
        on_off = lambda value: "On" if value else "Off"  # noqa: E731
        languages = self.languages()
        rows = [
            ("Text speed", s.text_speed.capitalize(), lambda k: self.set(text_speed=_cycle(TEXT_SPEEDS, s.text_speed, k))),
            ("Text size", s.text_size.capitalize(), lambda k: self.set(text_size=_cycle(TEXT_SIZES, s.text_size, k))),
            ("High contrast", on_off(s.high_contrast), lambda k: self.set(high_contrast=not s.high_contrast)),
            ("Reduced motion", on_off(s.reduced_motion), lambda k: self.set(reduced_motion=not s.reduced_motion)),
            ("Fullscreen  (F11)", on_off(s.fullscreen), lambda k: self.set(fullscreen=not s.fullscreen)),
            ("Music volume", f"{s.music_volume}%", lambda k: self.set(music_volume=_cycle(VOLUMES, s.music_volume, k))),
            ("Sound volume", f"{s.sound_volume}%", lambda k: self.set(sound_volume=_cycle(VOLUMES, s.sound_volume, k))),
        ]
        if len(languages) > 1:
            rows.append(("Language", s.language, lambda k: self.set(language=_cycle(languages, s.language, k))))
        return rows

    def languages(self) -> tuple[str, ...]:
        """The languages the story offers (only English so far)."""
        story = self.app.story
        return (story.language,) if story is not None else ("en",)

    def set(self, **changes) -> None:
        """Change, apply and save; then show the new values."""
        focus = self.focus.index
        self.app.change_settings(**changes)
        self.rebuild()
        self.focus.set(focus)

    def build(self) -> None:
        """Label on the left, value button on the right, Back at the bottom."""
        layout = self.app.layout
        rows = self.rows()
        width = min(layout.content.width - 2 * layout.margin, layout.px(640))
        row_h, gap = layout.px(46), layout.px(8)
        title_h = layout.px(56)
        total = title_h + (len(rows) + 1) * (row_h + gap)
        top = max(layout.margin + layout.px(14), (layout.height - total) // 2)
        x = layout.content.centerx - width // 2
        self.label(pygame.Rect(x, top, width, layout.px(48)), "Settings", "#screen_title")
        value_w = layout.px(220)
        self.changers = []
        for i, (label, value, change) in enumerate(rows):
            y = top + title_h + i * (row_h + gap)
            self.label(pygame.Rect(x, y, width - value_w - gap, row_h), label)
            self.button(pygame.Rect(x + width - value_w, y, value_w, row_h), f"‹  {value}  ›", lambda c=change: c(1),
                        "#setting_value")
            self.changers.append(change)
        y = top + title_h + len(rows) * (row_h + gap)
        self.button(pygame.Rect(x + width - value_w, y, value_w, row_h), "Back  (Esc)", self.close)
        self.label(pygame.Rect(x, y, width - value_w - gap, row_h), "Left and Right change a value", "#small")
        self.panel = pygame.Rect(x, top, width, y + row_h - top)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Up/Down move between rows; Left/Right change the focused value."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP:
                self.focus.move(-1)
                return True
            if event.key == pygame.K_DOWN:
                self.focus.move(1)
                return True
            index = self.focus.index
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and index is not None and index < len(self.changers):
                step = 1 if event.key == pygame.K_RIGHT else -1
                change = self.changers[index]
                self.app.later(lambda: change(step))
                return True
        return super().handle_event(event)

    def close(self) -> None:
        """Back to where the settings were opened from."""
        if self.app.stack:
            self.app.pop()
        else:
            self.app.to_title()
