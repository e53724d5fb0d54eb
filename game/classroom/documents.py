"""The classroom documents as files: a debrief (.pdf or .html), the teacher's pack, and "Save for class"."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import game
from game.engine import Edition, SessionState

from .debrief_page import debrief_context
from .errors import ClassroomError, PdfUnavailable
from .pack import pack_context
from .playthrough import Playthrough
from .render import render_page, write_document


def debrief_html(edition: Edition, run: Playthrough, paper: str = "a4") -> str:
    """The debrief of a playthrough as one self-contained HTML page in the edition's language."""
    context = debrief_context(edition, run, paper, game.__version__)
    return render_page("debrief.html.j2", context, edition.language, paper)


def pack_html(edition: Edition, paper: str = "a4") -> str:
    """The teacher's pack in the edition's language as one self-contained HTML page."""
    return render_page("pack.html.j2", pack_context(edition, game.__version__), edition.language, paper)


def write_pack(edition: Edition, folder: Path, paper: str = "a4") -> list[Path]:
    """teachers-pack-<lang>.html and .pdf in folder (PdfUnavailable after the HTML when no PDF can be made)."""
    html = pack_html(edition, paper)
    base = folder / f"teachers-pack-{edition.language}"
    write_document(html, base.with_suffix(".html"))
    write_document(html, base.with_suffix(".pdf"))
    return [base.with_suffix(".pdf"), base.with_suffix(".html")]


@dataclass(frozen=True)
class Saved:
    """What "Save for class" wrote, and why the PDF is missing when it is."""

    files: list[Path]
    problem: str = ""


def save_for_class(edition: Edition, state: SessionState, folder: Path, paper: str = "a4",
                   now: datetime | None = None) -> Saved:
    """The window's "Save for class": the debrief as HTML and PDF in folder, named by role and time.

    ClassroomError when nothing could be written; a Saved with a problem when only the HTML was.
    """
    run = Playthrough(state, "played")
    html = debrief_html(edition, run, paper)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    base = folder / f"foxbat-{_safe(state.role)}-{stamp}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClassroomError(f"cannot make the folder {folder}: {exc.strerror or exc}") from None
    write_document(html, base.with_suffix(".html"))
    try:
        write_document(html, base.with_suffix(".pdf"))
    except PdfUnavailable as exc:
        return Saved([base.with_suffix(".html")], str(exc))
    return Saved([base.with_suffix(".pdf"), base.with_suffix(".html")])


def documents_folder() -> Path:
    """Where "Save for class" writes: $FOXBAT_DATA_DIR/documents, else Foxbat/ in the player's documents folder."""
    override = os.environ.get("FOXBAT_DATA_DIR")
    if override:
        return Path(override) / "documents"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Foxbat"


def _safe(text: str) -> str:
    """A role id as a file name part (ids are already safe; this keeps it so)."""
    return re.sub(r"[^a-z0-9_-]", "_", text.lower())
