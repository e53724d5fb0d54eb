"""The sources behind the debrief: a list for the keyboard, and one quote with its full reference."""

from __future__ import annotations

import pygame

from game.engine import quote_words

from game.frontends.shell.richtext import Span, b, i
from .overlay import OverlayScreen


class QuoteScreen(OverlayScreen):
    """An index card: the exact quote, its translation, the claim it backs and the reference."""

    name = "quote"

    def __init__(self, app, quote, claim: str):
        super().__init__(app)
        self.quote = quote
        self.claim = claim

    def card_html(self, rich=None) -> str:
        """The card's text: the quote in its own language, a translation beside it, the claim and the reference."""
        rich = rich or self.rich("#source_card", 10**6)
        quote, ui = self.quote, self.ui
        source = self.app.story.sources.get(quote.source)
        html = rich.block(Span(quote_words(quote, ui), size=self.app.layout.font(22)))
        if quote.translation:
            html += "<br>" + rich.block(i(ui("debrief.translation", text=quote_words(quote, ui, True))))
        html += "<br><br>" + rich.block(b(ui("gui.quote.backs")), " " + self.claim) + "<br><br>"
        if source is None:
            return html + rich.block(b(ui("gui.quote.source")), " " + quote.source)
        reference = ", ".join(part for part in (source.author, source.title, source.publisher, source.date) if part)
        html += rich.block(b(ui("gui.quote.source")), " " + reference)
        if source.url:
            html += "<br>" + rich.block(source.url)
        html += "<br>" + rich.block(b(ui("gui.quote.trust")), " " + source.reliability)
        return html

    def build(self) -> None:
        """The card in the middle, with Close."""
        layout = self.app.layout
        content = layout.content
        width = min(content.width - 2 * layout.margin, layout.px(760))
        height = min(layout.height - 2 * layout.margin, layout.px(600))
        card = pygame.Rect(content.centerx - width // 2, (layout.height - height) // 2, width, height)
        close_h = layout.px(46)
        self.text(pygame.Rect(card.x, card.y, card.width, card.height - close_h - layout.px(12)),
                  self.card_html(self.rich("#source_card", card.width)), "#source_card")
        close = self.ui("gui.close_esc")
        close_w = max(layout.px(170), self.needed_width([close]))
        self.button(pygame.Rect(card.right - close_w, card.bottom - close_h, close_w, close_h), close, self.close)
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
        self.paged_list(self.ui("gui.sources.title"), list(enumerate(self.quotes)), self.app.layout.px(46), self._entry,
                        [self.ui("gui.earlier"), self.ui("gui.later"), self.ui("gui.back_esc")],
                        empty=self.ui("gui.sources.none"))

    def _entry(self, numbered) -> tuple:
        """A source button: the document's title and the quote; it opens the quote."""
        index, (quote, _) = numbered
        source = self.app.story.sources.get(quote.source)
        title = source.title if source else quote.source
        return f"{title}: {quote_words(quote, self.ui)}", lambda: self.open(index)

    def open(self, index: int) -> None:
        """One quote."""
        quote, claim = self.quotes[index]
        self.app.open("quote", quote=quote, claim=claim)
