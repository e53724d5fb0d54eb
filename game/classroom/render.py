"""HTML from the templates (everything escaped), and PDF from that HTML through WeasyPrint."""

from __future__ import annotations

import html as html_text
import logging
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .errors import ClassroomError, PdfUnavailable
from .fonts import font_face_css, font_stack

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}  # --paper -> CSS @page size
FORMATS = (".pdf", ".html")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: autoescape on for every template, undefined names are errors."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_page(template: str, context: dict, language: str, paper: str) -> str:
    """A whole self-contained HTML page: the fonts cut to its characters and inlined."""
    page = environment().get_template(template)
    values = {**context, "lang": language, "page_size": PAPER_SIZES[paper]}
    draft = page.render(**values, font_css=Markup(""), font_stack=Markup("sans-serif"))
    text = html_text.unescape(draft)  # the characters as drawn: &#39; is an apostrophe the font must hold
    return page.render(**values, font_css=Markup(font_face_css(text, language)),
                       font_stack=Markup(font_stack(text, language)))


def check_output(path: Path) -> None:
    """ClassroomError unless the path ends in .pdf or .html and its folder exists (before any slow work)."""
    if path.is_dir():
        raise ClassroomError(f"-o {path} is a folder; give a file name ending in .pdf or .html")
    if path.suffix.lower() not in FORMATS:
        raise ClassroomError(f"-o {path}: the file name must end in .pdf or .html")
    if not path.parent.is_dir():
        raise ClassroomError(f"cannot write {path}: the folder {path.parent} does not exist")


def write_document(html: str, path: Path) -> None:
    """Write the page as HTML, or as PDF when the name ends in .pdf; ClassroomError when it cannot."""
    check_output(path)
    data = pdf_bytes(html) if path.suffix.lower() == ".pdf" else html.encode("utf-8")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ClassroomError(f"cannot write {path}: {exc.strerror or exc}") from None


def pdf_bytes(html: str) -> bytes:
    """The page as PDF, fonts embedded; PdfUnavailable when WeasyPrint or its Pango libraries are missing."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(
            "PDF needs WeasyPrint and Pango: pip install 'foxbat[print]' (Debian/Ubuntu: apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0), or write .html instead ({type(exc).__name__})") from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its CSS notes are for developers, not players
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html).write_pdf()
