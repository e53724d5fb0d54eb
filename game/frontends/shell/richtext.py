"""pygame_gui HTML for a text box in any language: the JP face for Japanese runs, and our own line breaks.

pygame_gui breaks lines only at ASCII spaces, so Japanese would be hyphenated or cut anywhere.
Paragraphs holding Japanese are broken here with the engine's kinsoku-aware break_lines,
measured with the box's own fonts, and handed over as explicit <br> lines.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from game.engine import break_lines

from .script import base_face, has_japanese, runs

#: Pixels kept free at the end of each line: italics lean out a little past their measured width.
SLACK = 6


@dataclass(frozen=True)
class Span:
    """A run of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    size: int | None = None    # pixels; None is the box's own size
    colour: str | None = None
    href: str | None = None


def b(text: str, **style) -> Span:
    """Bold text."""
    return Span(text, bold=True, **style)


def i(text: str, **style) -> Span:
    """Italic text."""
    return Span(text, italic=True, **style)


def tidy(text: str) -> str:
    """Whitespace collapsed; a line break between two Japanese characters joins them without a space."""
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    # A single space at either end stays: it separates this span from its neighbour.
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


class Rich:
    """Builds the HTML of one text box: its base size, the language's face, and the width lines may take."""

    def __init__(self, fonts, language: str, size: int, width: int):
        self.fonts = fonts
        self.language = language
        self.face = base_face(language)
        self.size = size
        self.width = max(40, width - SLACK)
        self.breaks: list[list[str]] = []  # the lines this builder handed over, per paragraph (for tests)

    def block(self, *parts) -> str:
        """One paragraph from strings and Spans, broken into lines here when it holds Japanese."""
        spans = [p if isinstance(p, Span) else Span(p) for p in parts if p]
        spans = [Span(tidy(s.text), s.bold, s.italic, s.size, s.colour, s.href) for s in spans]
        spans = [s for s in spans if s.text]
        whole = "".join(s.text for s in spans).strip()
        if not whole:
            return ""
        if self.language != "ja" and not has_japanese(whole):
            return "".join(self._html(s, s.text) for s in spans)
        lines = self._lines(spans, whole)
        self.breaks.append(lines)
        return "<br>".join(self._line_html(spans, line, start) for line, start in self._located(spans, lines))

    def paragraphs(self, text: str, **style) -> str:
        """Plain text with blank-line paragraphs, each a block."""
        parts = [self.block(Span(p, **style)) for p in (text or "").strip().split("\n\n")]
        return "<br><br>".join(p for p in parts if p)

    # --- inside --------------------------------------------------------------------------------

    def _lines(self, spans: list[Span], whole: str) -> list[str]:
        size = max((s.size or self.size) for s in spans)
        bold = any(s.bold for s in spans)  # measured in the widest style present: a line may end short, never long
        fonts = {face: self.fonts.get(size, bold, face) for face in ("noto", "noto_jp")}

        def measure(text: str) -> float:
            return sum(fonts["noto_jp" if jp or self.face == "noto_jp" else "noto"].size(piece)[0]
                       for piece, jp in runs(text))

        # break_lines lets one 。 or 」 hang past the width (burasage): leave room for it inside the box.
        return [line.strip() for line in break_lines(whole, self.width - size, measure) if line.strip()]

    @staticmethod
    def _located(spans: list[Span], lines: list[str]):
        """Each line with where it starts in the spans' joined text."""
        joined = "".join(s.text for s in spans)
        position = 0
        for line in lines:
            start = joined.find(line, position)
            if start < 0:
                start = position
            yield line, start
            position = start + len(line)

    def _line_html(self, spans: list[Span], line: str, start: int) -> str:
        end = start + len(line)
        out, offset = [], 0
        for span in spans:
            lo, hi = max(start, offset), min(end, offset + len(span.text))
            if lo < hi:
                out.append(self._html(span, span.text[lo - offset:hi - offset]))
            offset += len(span.text)
        return "".join(out)

    def _html(self, span: Span, piece: str) -> str:
        out = "".join(f"<font face=noto_jp>{html.escape(text, quote=False)}</font>" if jp and self.face != "noto_jp"
                      else html.escape(text, quote=False) for text, jp in runs(piece))
        if span.href:
            out = f"<a href='{span.href}'>{out}</a>"
        if span.italic:
            out = f"<i>{out}</i>"
        if span.bold:
            out = f"<b>{out}</b>"
        if span.colour:
            out = f"<font color='{span.colour}'>{out}</font>"
        if span.size:
            out = f"<font pixel_size={span.size}>{out}</font>"
        return out
