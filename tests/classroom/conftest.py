"""Shared set-up for the classroom documents: the shipped story in a language, and the PDF tools."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
import subprocess
from pathlib import Path

import pytest

from game.engine import Edition, load_story

from ..conftest import PROJECT


def in_ci() -> bool:
    """True on the CI runner (.ci/run), where every tool these tests use must be installed."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def tool(name: str) -> str:
    """The path of a command-line tool; skip without it on a developer's machine, fail in CI."""
    found = shutil.which(name)
    if found is None:
        if in_ci():
            pytest.fail(f"{name} is not installed; .ci/run installs it and CI must run this test")
        pytest.skip(f"{name} is not installed")
    return found


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext reads it, every run of whitespace one space."""
    out = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with its name and whether it is embedded."""
    out = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, check=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cells = line.split()
        # name, type words..., encoding, emb, sub, uni, object, id: read from the right
        rows.append({"name": cells[0], "emb": cells[-5], "sub": cells[-4]})
    return rows


def pdf_page_size(path: Path) -> tuple[float, float]:
    """The first page's size in points."""
    out = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, check=True, text=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return float(width), float(height)


def squeeze(text: str) -> str:
    """Text with every space removed: Japanese lines break anywhere, so compare without them."""
    return "".join(text.split())


def loose(text: str) -> str:
    """Text as pdftotext can be trusted to read it back: no spaces, hyphens or accents, 'ii' as 'i'.

    pdftotext joins 'inter-' at a line's end to the next line as 'inter', so hyphens are left out.
    Noto Sans draws Vietnamese 'ị' as a dotless i and a dot below, and pdftotext reads that back as
    'i ị' though the page shows 'ị' (checked by eye at 200 dpi); the other letters come back whole.
    """
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return squeeze(bare).replace("-", "").replace("ii", "i").replace("đ", "d").replace("Đ", "D")


@pytest.fixture(scope="session")
def edition_in():
    """The shipped story's edition in a language, built once per language."""
    loaded = load_story(PROJECT / "story")
    editions = {}

    def get(language: str) -> Edition:
        if language not in editions:
            editions[language] = Edition.build(loaded, language)
        return editions[language]

    return get
