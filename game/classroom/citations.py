"""Quotes as a reader cites them: the exact words, their translation, and the full reference."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Quote, Source, Story


@dataclass(frozen=True)
class CitedQuote:
    """One quote ready for the page."""

    text: str
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


def cite(story: Story, quote: Quote) -> CitedQuote:
    """A quote with its reference; the translation only when the page's language differs from the source's."""
    source = story.sources.get(quote.source)
    return CitedQuote(" ".join(quote.quote.split()), " ".join((quote.translation or "").split()),
                      full_citation(source, quote.source), source.language if source else "en")
