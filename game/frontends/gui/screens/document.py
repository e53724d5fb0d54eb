"""A dossier entry, drawn as the document it is: telex paper, a police form, a radar plot..."""

from __future__ import annotations

import pygame

from game.engine import quote_words

from game.frontends.shell import art
from game.frontends.shell.richtext import b, i
from .overlay import OverlayScreen


class DocumentScreen(OverlayScreen):
    """One document over the scene; Esc, Enter or Close return."""

    name = "document"

    def __init__(self, app, document):
        super().__init__(app)
        self.document = document
        self.paper = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        """The paper, its heading, its text and the sources behind it."""
        layout = self.app.layout
        content = layout.content
        width = min(content.width - 2 * layout.margin, layout.px(820))
        height = layout.height - 2 * layout.margin
        self.paper = pygame.Rect(content.centerx - width // 2, layout.margin, width, height)
        pad = layout.px(34)
        doc = self.document
        crt = doc.kind in ("radar_log", "map") and not self.app.settings.high_contrast
        status = self.ui(f"gui.document.{doc.status}")
        object_id = "#document_text_crt" if crt else "#document_text"
        rich = self.rich(object_id, width - 2 * pad)
        kind = self.ui(f"document.{doc.kind}") if f"document.{doc.kind}" in self.ui.english else doc.kind
        html = (rich.block(b(f"{kind.upper()}: {doc.title}")) + "<br>" + rich.block(i(status)) + "<br><br>"
                + rich.paragraphs(doc.text))
        for quote in doc.sources:
            source = self.app.story.sources.get(quote.source)
            html += "<br><br>" + rich.block(f"{quote_words(quote, self.ui)} ({source.title if source else quote.source})")
            if quote.translation:
                html += "<br>" + rich.block(i(self.ui("debrief.translation", text=quote_words(quote, self.ui, True))))
        close_h = layout.px(46)
        box = self.text(pygame.Rect(self.paper.x + pad, self.paper.y + pad, width - 2 * pad,
                                    height - 2 * pad - close_h - layout.px(10)), html, object_id)
        rows = getattr(getattr(box, "text_box_layout", None), "layout_rows", None)
        if layout.tall and rows:
            # A tall window: the paper only as long as its text (a page of empty fan-fold reads as broken).
            text_h = rows[-1].y + rows[-1].height + layout.px(16)
            needed = text_h + 2 * pad + close_h + layout.px(10)
            if needed < height:
                self.paper.height = needed
                self.paper.y = (layout.height - needed) // 2
                box.set_dimensions((width - 2 * pad, text_h))
                box.set_relative_position((self.paper.x + pad, self.paper.y + pad))
        close = self.ui("gui.close_esc")
        close_w = max(layout.px(160), self.needed_width([close]))
        self.button(pygame.Rect(self.paper.right - pad - close_w, self.paper.bottom - pad // 2 - close_h,
                                close_w, close_h), close, self.close)
        self.focus.set(0)

    def draw(self, surface: pygame.Surface) -> None:
        """The scene dimmed, and the paper."""
        super().draw(surface)
        kind, size, hc = self.document.kind, self.paper.size, self.app.settings.high_contrast
        surface.blit(self.app.art.get(("paper", kind, size, hc), lambda: art.document(kind, size, hc)), self.paper)

    def shot_name(self) -> str:
        """document-<id>."""
        return f"document-{self.document.id}"
