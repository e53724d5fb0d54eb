"""The Noto fonts that ship with the game, cut down to the characters a page uses and inlined as CSS.

Inlining keeps the HTML self-contained (no remote or local font files) and lets WeasyPrint embed the
same fonts in the PDF, so Japanese and Vietnamese print the same on every machine.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from game.shipped import assets_folder

LATIN = "Foxbat Sans"  # our own family names, so a same-named font installed on the machine never stands in
JAPANESE = "Foxbat Sans JP"
GENERATED = " •0123456789/"  # drawn by the CSS, not in the page's text: list bullets, page numbers
FACES = {  # (family, weight) -> file in assets/fonts/
    (LATIN, 400): "NotoSans-Regular.ttf",
    (LATIN, 700): "NotoSans-Bold.ttf",
    (JAPANESE, 400): "NotoSansJP-Regular.otf",
    (JAPANESE, 700): "NotoSansJP-Bold.otf",
}


def font_folder() -> Path:
    """assets/fonts/ of the installed game."""
    return assets_folder() / "fonts"


@lru_cache(maxsize=None)
def _cmap(file_name: str) -> frozenset[int]:
    """The code points a font file draws."""
    with TTFont(font_folder() / file_name, lazy=True) as font:
        return frozenset(font.getBestCmap())


def families(text: str, language: str) -> list[str]:
    """The font families a page needs, in CSS fallback order: Japanese first for a Japanese page."""
    latin_misses = any(ord(ch) not in _cmap(FACES[(LATIN, 400)]) for ch in set(text) if ch.isprintable() and ch > "~")
    if language == "ja":
        return [JAPANESE, LATIN]
    return [LATIN, JAPANESE] if latin_misses else [LATIN]


def font_face_css(text: str, language: str) -> str:
    """@font-face rules with each needed face subset to the characters of `text`, as data: URLs."""
    wanted = {ord(ch) for ch in text + GENERATED}
    rules = []
    for family in families(text, language):
        for weight in (400, 700):
            file_name = FACES[(family, weight)]
            data = _subset(file_name, frozenset(wanted & _cmap(file_name)))
            kind = "opentype" if file_name.endswith(".otf") else "truetype"
            mime = "font/otf" if kind == "opentype" else "font/ttf"
            encoded = base64.b64encode(data).decode("ascii")
            rules.append(f"@font-face {{ font-family: '{family}'; font-weight: {weight}; font-style: normal; "
                         f"src: url(data:{mime};base64,{encoded}) format('{kind}'); }}")
    return "\n".join(rules)


def font_stack(text: str, language: str) -> str:
    """The CSS font-family value for the page."""
    return ", ".join(f"'{family}'" for family in families(text, language)) + ", sans-serif"


@lru_cache(maxsize=32)
def _subset(file_name: str, code_points: frozenset[int]) -> bytes:
    """A font file holding only these characters (and what shaping them needs)."""
    options = subset.Options()
    options.layout_features = ["*"]  # keep kerning, ligatures and the marks Vietnamese stacks
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(font_folder() / file_name)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
