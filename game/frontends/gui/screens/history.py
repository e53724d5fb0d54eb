"""Everything read so far, scene by scene, with the choice made at each."""

from __future__ import annotations

import pygame

from game.engine import format_moment

from game.frontends.shell.richtext import Span, b, i
from .overlay import OverlayScreen


class HistoryScreen(OverlayScreen):
    """The log, newest at the bottom; PageUp/PageDown or the wheel scroll it."""

    name = "history"

    def log_html(self, rich=None) -> str:
        """The path as HTML (lines broken for the box's width when given its builder)."""
        rich = rich or self.rich("#log_text", 10**6)
        session = self.app.session
        role = session.role
        parts = []
        for step in session.path:
            scene = role.scenes.get(step.scene)
            if scene is None:
                continue
            choice = scene.choice(step.choice)
            part = (rich.block(b(scene.title or step.scene), "  ", i(format_moment(scene.when, self.ui)))
                    + "<br>" + rich.paragraphs(scene.text))
            if choice is not None:
                part += "<br>" + rich.block(Span(self.ui("debrief.you", text=choice.text), colour="#FFB000"))
            parts.append(part)
        now = session.scene
        parts.append(rich.block(b(now.title or session.scene_id), "  ", i(self.ui("gui.history.now")))
                     + "<br>" + rich.paragraphs(now.text))
        return "<br><br>".join(parts)

    def build(self) -> None:
        """The log and Back."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        width = min(content.width - 4 * m, layout.px(960))
        x = content.centerx - width // 2
        self.panel = pygame.Rect(x, m, width, layout.height - 2 * m)
        self.label(pygame.Rect(x, m, width, layout.px(48)), self.ui("gui.history.title"), "#screen_title")
        back_h = layout.px(48)
        top = m + layout.px(52)
        self.log = self.text(pygame.Rect(x, top, width, layout.height - top - 2 * m - back_h),
                             self.log_html(self.rich("#log_text", width)), "#log_text")
        back = self.ui("gui.back_esc")
        self.button(pygame.Rect(x, layout.height - m - back_h, max(layout.px(170), self.needed_width([back])), back_h),
                    back, self.close)
        self.focus.set(0)
        bar = self.log.scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(1.0 - bar.visible_percentage)  # start at the newest

    def handle_event(self, event: pygame.event.Event) -> bool:
        """PageUp/PageDown and the arrow keys scroll."""
        bar = self.log.scroll_bar if hasattr(self, "log") else None
        if event.type == pygame.KEYDOWN and bar is not None and event.key in (
                pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_DOWN):
            fraction = bar.visible_percentage * (1 if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) else 0.2)
            sign = -1 if event.key in (pygame.K_PAGEUP, pygame.K_UP) else 1
            bar.set_scroll_from_start_percentage(min(1 - bar.visible_percentage, max(0.0, bar.start_percentage + sign * fraction)))
            return True
        return super().handle_event(event)
