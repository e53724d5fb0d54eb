"""The sources behind the debrief: a list for the keyboard, and one quote with its full reference."""

from __future__ import annotations

import pygame

from ..widgets import escape, sized
from .overlay import OverlayScreen


class QuoteScreen(OverlayScreen):
    """An index card: the exact quote, its translation, the claim it backs and the reference."""

    name = "quote"

    def __init__(self, app, quote, claim: str):
        super().__init__(app)
        self.quote = quote
        self.claim = claim

    def card_html(self) -> str:
        """The card's text."""
        quote = self.quote
        source = self.app.story.sources.get(quote.source)
        html = sized(f"“{escape(quote.quote)}”", self.app.layout.font(22))
        if quote.translation:
            html += f"<br><i>Translation: “{escape(quote.translation)}”</i>"
        html += f"<br><br><b>It backs:</b> {escape(self.claim)}<br><br>"
        if source is None:
            return html + f"<b>Source:</b> {escape(quote.source)}"
        reference = ", ".join(escape(part) for part in (source.author, source.title, source.publisher, source.date) if part)
        html += f"<b>Source:</b> {reference}"
        if source.url:
            html += f"<br>{escape(source.url)}"
        html += f"<br><b>How far to trust it:</b> {escape(source.reliability)}"
        return html

    def build(self) -> None:
        """The card in the middle, with Close."""
        layout = self.app.layout
        content = layout.content
        width = min(content.width - 2 * layout.margin, layout.px(760))
        height = min(layout.height - 2 * layout.margin, layout.px(600))
        card = pygame.Rect(content.centerx - width // 2, (layout.height - height) // 2, width, height)
        close_h = layout.px(46)
        self.text(pygame.Rect(card.x, card.y, card.width, card.height - close_h - layout.px(12)), self.card_html(), "#source_card")
        self.button(pygame.Rect(card.right - layout.px(170), card.bottom - close_h, layout.px(170), close_h), "Close  (Esc)",
                    self.close)
        self.focus.set(0)


class SourcesScreen(OverlayScreen):
    """Every source link of the debrief as a button, a page at a time."""

    name = "sources"

    def __init__(self, app, quotes):
        super().__init__(app)
        self.quotes = quotes
        self.page = 0

    def build(self) -> None:
        """A page of source buttons, then Earlier / Later / Back."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        width = min(content.width - 4 * m, layout.px(900))
        x = content.centerx - width // 2
        self.panel = pygame.Rect(x, m, width, layout.height - 2 * m)
        self.label(pygame.Rect(x, m, width, layout.px(48)), "Sources", "#screen_title")
        row_h, gap = layout.px(46), layout.px(8)
        top = m + layout.px(56)
        nav_top = layout.height - m - layout.px(48)
        per_page = max(1, (nav_top - m - top) // (row_h + gap))
        pages = max(1, -(-len(self.quotes) // per_page))
        self.page = min(self.page, pages - 1)
        shown = self.quotes[self.page * per_page:(self.page + 1) * per_page]
        for i, (quote, _) in enumerate(shown):
            index = self.page * per_page + i
            source = self.app.story.sources.get(quote.source)
            title = source.title if source else quote.source
            text = f"{title}: “{quote.quote}”"
            text = self.fit(text, width)
            self.button(pygame.Rect(x, top + i * (row_h + gap), width, row_h), text, lambda n=index: self.open(n))
        if not self.quotes:
            self.label(pygame.Rect(x, top, width, row_h), "This debrief cites no sources.")
        nav_w = layout.px(150)
        if self.page > 0:
            self.button(pygame.Rect(x, nav_top, nav_w, layout.px(48)), "Earlier", lambda: self.turn(-1))
        if self.page < pages - 1:
            self.button(pygame.Rect(x + nav_w + gap, nav_top, nav_w, layout.px(48)), "Later", lambda: self.turn(1))
        self.button(pygame.Rect(x + width - nav_w, nav_top, nav_w, layout.px(48)), "Back  (Esc)", self.close)
        self.focus.set(0)

    def turn(self, step: int) -> None:
        """Another page."""
        self.page += step
        self.rebuild()

    def open(self, index: int) -> None:
        """One quote."""
        quote, claim = self.quotes[index]
        self.app.push(QuoteScreen(self.app, quote, claim))
