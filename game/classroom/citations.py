"""Quotes as a reader cites them: the exact words, their translation, and the full reference."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Quote, Source, Story, UiText, quote_words


@dataclass(frozen=True)
class CitedQuote:
    """One quote ready for the page."""

    text: str  # the exact words in quotation marks, or marked as a summary
    translation: str
    citation: str
    language: str


def full_citation(source: Source | None, key: str) -> str:
    """Author, title, publisher, date and address of a source, as a reference list writes them."""
    if source is None:
        return key
    parts = [source.author.strip(), f"\u201c{source.title.strip()}\u201d", source.publisher.strip(), source.date.strip()]
    text = ", ".join(p for p in parts if p)
    return f"{text}. {source.url}" if source.url else f"{text}."


def cite(story: Story, ui: UiText, quote: Quote) -> CitedQuote:
    """A quote in quotation marks (or marked as a summary) with its reference and, when the page's
    language differs from the source's, its translation."""
    source = story.sources.get(quote.source)
    text = " ".join(quote_words(quote, ui).split())
    translation = " ".join(quote_words(quote, ui, translated=True).split()) if quote.translation else ""
    return CitedQuote(text, translation, full_citation(source, quote.source), source.language if source else "en")
