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
        ui = self.ui
        on_off = lambda value: ui("gui.on") if value else ui("gui.off")  # noqa: E731
        languages = self.languages()
        rows = [
            (ui("gui.settings.text_speed"), ui(f"gui.speed.{s.text_speed}"),
             lambda k: self.set(text_speed=_cycle(TEXT_SPEEDS, s.text_speed, k))),
            (ui("gui.settings.text_size"), ui(f"gui.size.{s.text_size}"),
             lambda k: self.set(text_size=_cycle(TEXT_SIZES, s.text_size, k))),
            (ui("gui.settings.high_contrast"), on_off(s.high_contrast), lambda k: self.set(high_contrast=not s.high_contrast)),
            (ui("gui.settings.reduced_motion"), on_off(s.reduced_motion),
             lambda k: self.set(reduced_motion=not s.reduced_motion)),
            (ui("gui.settings.fullscreen"), on_off(s.fullscreen), lambda k: self.set(fullscreen=not s.fullscreen)),
            (ui("gui.settings.music_volume"), f"{s.music_volume}%",
             lambda k: self.set(music_volume=_cycle(VOLUMES, s.music_volume, k))),
            (ui("gui.settings.sound_volume"), f"{s.sound_volume}%",
             lambda k: self.set(sound_volume=_cycle(VOLUMES, s.sound_volume, k))),
        ]
        voice = ui("gui.on") if s.self_voicing else ui("gui.off")
        if not self.app.voice_available():
            voice = ui("gui.voice.unavailable")
        rows.append((ui("gui.settings.self_voicing"), voice, lambda k: (self.app.toggle_voice(), self.refresh())))
        if len(languages) > 1:
            rows.append((ui("gui.settings.language"), self.names.get(s.language, s.language),
                         lambda k: self.set(language=_cycle(languages, s.language, k))))
        return rows

    def languages(self) -> list[str]:
        """Every language of the story folder (English first), each named in its own script in self.names."""
        from ..language import offered, own_name

        if not hasattr(self, "names"):
            self.names = {code: own_name(code) for code in offered(self.app.story_path)}
        return list(self.names)

    def spoken(self):
        """The title (each row is read as the keyboard reaches it)."""
        return ("settings",), self.ui("gui.settings.title")

    def spoken_label(self, button) -> str:
        """A row: its name and its value."""
        for label, value, change in getattr(self, "spoken_rows", []):
            if button is change:
                return f"{label}: {value}"
        return super().spoken_label(button)

    def set(self, **changes) -> None:
        """Change, apply and save; then show the new values."""
        self.app.change_settings(**changes)
        self.refresh()

    def refresh(self) -> None:
        """Show the values as they are now, the keyboard where it was."""
        focus = self.focus.index
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
        self.label(pygame.Rect(x, top, width, layout.px(48)), self.ui("gui.settings.title"), "#screen_title")
        back = self.ui("gui.back_esc")
        value_w = max(layout.px(220), self.needed_width([f"‹  {v}  ›" for _, v, _ in rows], "#setting_value"),
                      self.needed_width([back]))
        self.changers = []
        self.spoken_rows = []
        for i, (label, value, change) in enumerate(rows):
            y = top + title_h + i * (row_h + gap)
            self.label(pygame.Rect(x, y, width - value_w - gap, row_h), label)
            button = self.button(pygame.Rect(x + width - value_w, y, value_w, row_h), f"‹  {value}  ›", lambda c=change: c(1),
                                 "#setting_value")
            self.changers.append(change)
            self.spoken_rows.append((label, value, button))
        y = top + title_h + len(rows) * (row_h + gap)
        self.button(pygame.Rect(x + width - value_w, y, value_w, row_h), back, self.close)
        self.label(pygame.Rect(x, y, width - value_w - gap, row_h), self.ui("gui.settings.hint"), "#small")
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
            self.app.back()
        else:
            self.app.to_title()
