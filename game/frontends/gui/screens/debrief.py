"""After an ending: each decision beside the record, sources one click away, and the story map."""

from __future__ import annotations

import pygame
import pygame_gui

from game.engine import build_debrief, historical_path

from .. import palette as P
from ..story_map import draw_story_map, node_at
from ..text import format_when
from ..widgets import escape, sized
from .base import Screen


class DebriefScreen(Screen):
    """Your path beside the record."""

    name = "debrief"

    def __init__(self, app):
        super().__init__(app)
        self.debrief = build_debrief(app.story, app.session.state)
        self.quotes: list[tuple[object, str]] = []  # (quote, the claim it backs), linked as q<index>
        self.map_rect = pygame.Rect(0, 0, 0, 0)

    def rows_html(self) -> str:
        """One block per decision: your choice, what really happened, the sources as links."""
        self.quotes = []
        parts = []
        for review in self.debrief.decisions:
            parts.append(self.row(review))
        if self.debrief.missed:
            parts.append("<b>ON THE RECORD, BUT YOU NEVER CAME TO THEM</b>")
            parts.extend(self.row(review) for review in self.debrief.missed)
        if self.debrief.role.epilogue:
            parts.append(f"<b>WHAT HAPPENED NEXT</b><br>{escape(self.debrief.role.epilogue)}")
        if self.debrief.role.question:
            parts.append(f"<i>{escape(self.debrief.role.question)}</i>")
        return "<br><br>".join(parts) or "No decisions were made."

    def row(self, review) -> str:
        """One decision as HTML."""
        scene = review.scene
        if not review.reached:
            mark = "<font color='#8FA89A'>NOT REACHED</font>"
        elif review.matched:
            mark = "<font color='#50FF82'>MATCHED THE RECORD</font>"
        else:
            mark = "<font color='#FFB000'>DIFFERENT FROM THE RECORD</font>"
        html = f"<b>{escape(scene.title or review.scene_id)}</b>  <i>{escape(format_when(scene.when))}</i>  {mark}"
        if review.matched:
            html += f"<br><b>You, as the record has it:</b> {escape(review.chosen.text)}"
        else:
            if review.chosen is not None:
                html += f"<br><b>You:</b> {escape(review.chosen.text)}"
            if review.actual is not None:
                html += f"<br><b>The record:</b> {escape(review.actual.text)}"
        history = review.history
        if history is not None:
            if history.status == "contested":
                html += "<br><font color='#FF7060'><b>DISPUTED:</b></font> the sources disagree."
            elif history.status == "dramatized":
                html += "<br><i>Dramatized: parts of this moment are written for the game.</i>"
            html += f"<br><b>What really happened:</b> {escape(history.what_happened)}"
            for version in history.versions:
                html += f"<br>• <i>One version:</i> {escape(version.claim)} " + self.links(version.sources, version.claim)
            if history.sources:
                html += "<br><b>Sources:</b> " + self.links(history.sources, history.what_happened)
        return html

    def links(self, quotes, claim: str) -> str:
        """Each source once, as a link to its first quote; further quotes from it as numbered links."""
        by_source: dict[str, list[int]] = {}
        for quote in quotes:
            self.quotes.append((quote, claim))
            by_source.setdefault(quote.source, []).append(len(self.quotes) - 1)
        out = []
        for key, indexes in by_source.items():
            source = self.app.story.sources.get(key)
            link = f"<a href='q{indexes[0]}'>{escape(source.title if source else key)}</a>"
            if len(indexes) > 1:
                link += " (quotes " + " ".join(f"<a href='q{i}'>{n}</a>" for n, i in enumerate(indexes, start=1)) + ")"
            out.append(link)
        return "; ".join(out)

    def build(self) -> None:
        """Rows on the left; the count, the ending, the map and the buttons on the right."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        usable = content.width - 3 * m
        left_w = int(usable * 0.58)
        right_x = content.x + 2 * m + left_w
        right_w = content.right - m - right_x
        self.label(pygame.Rect(content.x + m, m // 2, left_w, layout.px(44)), "Debrief: your path beside the record",
                   "#screen_title")
        top = m // 2 + layout.px(52)
        self.rows = self.text(pygame.Rect(content.x + m, top, left_w, layout.height - top - m), self.rows_html(),
                              "#debrief_text")
        d = self.debrief
        ending = d.ending.ending if d.ending is not None and d.ending.ending is not None else None
        summary = sized(f"{d.matches} of {d.total}", layout.font(28), bold=True) + " decisions matched the record."
        if ending is not None:
            tag = "the historical ending" if d.historical_ending else "an ending that did not happen"
            summary += f"<br>You reached <b>{escape(ending.title)}</b>, {tag}."
        summary += "<br><i>Click a source to read the exact quote.</i>"
        self.summary = self.text(pygame.Rect(right_x, m // 2, right_w, layout.px(150)), summary, "#debrief_text")
        buttons_h = layout.px(48)
        gap = layout.px(10)
        bottom = layout.height - m
        names = [("Sources  (S)", self.open_sources), ("Play again", self.again), ("Title", self.title)]
        width = (right_w - gap * (len(names) - 1)) // len(names)
        for i, (text, action) in enumerate(names):
            self.button(pygame.Rect(right_x + i * (width + gap), bottom - buttons_h, width, buttons_h), text, action)
        legend_h = layout.px(28)
        self.map_rect = pygame.Rect(right_x, self.summary.rect.bottom + m,
                                    right_w, bottom - buttons_h - m - legend_h - self.summary.rect.bottom - m)
        self.focus.set(0)

    def open_sources(self) -> None:
        """Every source of the debrief as a list of buttons (for the keyboard)."""
        from .sources import SourcesScreen

        self.app.push(SourcesScreen(self.app, self.quotes))

    def open_quote(self, index: int) -> None:
        """One quote with its reference."""
        from .sources import QuoteScreen

        quote, claim = self.quotes[index]
        self.app.push(QuoteScreen(self.app, quote, claim))

    def again(self) -> None:
        """Choose a role again."""
        from .roles import RoleScreen

        self.app.switch(RoleScreen(self.app))

    def title(self) -> None:
        """Back to the title."""
        self.app.to_title()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Source links, S for the sources list, PageUp/PageDown scroll the rows."""
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED and str(event.link_target).startswith("q"):
            index = int(str(event.link_target)[1:])
            self.app.later(lambda: self.open_quote(index))
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_s:
                self.app.later(self.open_sources)
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.rows.scroll_bar is not None:
                bar = self.rows.scroll_bar
                step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
                bar.set_scroll_from_start_percentage(min(1 - bar.visible_percentage, max(0.0, bar.start_percentage + step)))
                return True
            if event.key == pygame.K_ESCAPE:
                self.app.later(self.title)
                return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The role's background, the story map and its legend."""
        size = surface.get_size()
        role = self.debrief.role
        cache = self.app.art
        if self.app.settings.high_contrast:
            surface.fill((0, 0, 0))
        else:
            from .. import art

            surface.blit(cache.get(("role_bg", role.id, size), lambda: art.role_background(role.id, size)), (0, 0))
        rect = self.map_rect
        if rect.width <= 0 or rect.height <= 0:
            return
        layout = self.app.layout
        panel = pygame.Surface(rect.size, pygame.SRCALPHA)
        panel.fill((4, 12, 8, 225))
        surface.blit(panel, rect)
        pygame.draw.rect(surface, P.PHOSPHOR_DIM, rect, max(1, layout.px(2)))
        session = self.app.session
        player = [step.scene for step in session.path] + [session.scene_id]
        font = self.app.fonts.get(layout.font(13))
        draw_story_map(surface, rect, role, player, historical_path(role), font, layout.scale)
        y = rect.bottom + layout.px(6)
        x = rect.x
        for colour, text in ((P.AMBER, "the record"), (P.PHOSPHOR, "your path"), ((230, 226, 200), "both")):
            pygame.draw.line(surface, colour, (x, y + layout.px(9)), (x + layout.px(20), y + layout.px(9)), max(2, layout.px(3)))
            rendered = font.render(text, True, (226, 222, 206))
            surface.blit(rendered, (x + layout.px(26), y))
            x += layout.px(26) + rendered.get_width() + layout.px(18)

    def draw_over(self, surface: pygame.Surface) -> None:
        """The title of the scene under the mouse, on the story map."""
        point = pygame.mouse.get_pos()
        if not self.map_rect.collidepoint(point):
            return
        layout = self.app.layout
        role = self.debrief.role
        scene_id = node_at(role, self.map_rect, point, layout.scale)
        if scene_id is None:
            return
        scene = role.scenes[scene_id]
        font = self.app.fonts.get(layout.font(15), bold=True)
        label = font.render(f"{scene.title or scene_id} · {format_when(scene.when)}", True, (255, 236, 190))
        box = label.get_rect(midbottom=(point[0], point[1] - layout.px(12))).inflate(layout.px(12), layout.px(6))
        box.clamp_ip(self.map_rect)
        pygame.draw.rect(surface, (30, 22, 8), box, border_radius=layout.px(3))
        pygame.draw.rect(surface, P.AMBER, box, 1, border_radius=layout.px(3))
        surface.blit(label, label.get_rect(center=box.center))

    def autoplay(self, auto) -> bool:
        """Open the first source once, then stop the autoplay."""
        if self.quotes and not auto.seen("quote"):
            auto.mark("quote")
            self.open_quote(0)
            return True
        auto.finish(self.app)
        return True
