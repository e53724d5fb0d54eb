"""The pygame_gui theme: read theme.json and scale its fonts and borders to the window and text size."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from game.shipped import assets_folder

from .layout import Layout

HERE = Path(__file__).resolve().parent
FONTS = assets_folder() / "fonts"
FONT_FILES = {
    "noto": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "noto_jp": ("NotoSansJP-Regular.otf", "NotoSansJP-Bold.otf"),
}
#: misc values that are lengths, so they grow with the window.
_LENGTHS = ("border_width", "shape_corner_radius", "text_horiz_alignment_padding")


def font_path(name: str = "noto", bold: bool = False) -> Path:
    """The shipped font file of a face."""
    return FONTS / FONT_FILES[name][1 if bold else 0]


@lru_cache(maxsize=4)
def _read(file_name: str) -> dict:
    return json.loads((HERE / file_name).read_text(encoding="utf-8"))


def jp_twin(key: str) -> str:
    """The theme id of an entry's twin set in Noto Sans JP ("#choice" -> "#choice_jp", "button" -> "#button_jp")."""
    return f"{key}_jp" if key.startswith("#") else f"#{key}_jp"


def build_theme(layout: Layout, high_contrast: bool = False, language: str = "en") -> dict:
    """The theme as a dict for UIManager, with font sizes and borders scaled to the layout.

    In Japanese every font is Noto Sans JP. In other languages each entry with a font gets a
    "_jp" twin, so a label holding a Japanese name can be set in the JP face (Noto Sans has no
    kana or kanji), and the JP face is known to <font face=noto_jp> in text boxes.
    """
    from .script import base_face

    theme = copy.deepcopy(_read("theme_high_contrast.json" if high_contrast else "theme.json"))
    face = base_face(language)
    for key, entry in list(theme.items()):
        if entry.get("font"):
            entry["font"]["name"] = face
            twin = copy.deepcopy(entry)
            twin["font"]["name"] = "noto_jp"
            theme[jp_twin(key)] = twin
    for entry in theme.values():
        font = entry.get("font")
        if font:
            regular, bold = FONT_FILES[font.get("name", "noto")]
            font["size"] = str(layout.font(float(font["size"])))
            font["regular_path"] = str(FONTS / regular)
            font["bold_path"] = str(FONTS / bold)
            # No italic files are shipped: pygame_gui slants the upright faces.
            font["italic_path"] = str(FONTS / regular)
            font["bold_italic_path"] = str(FONTS / bold)
        misc = entry.get("misc", {})
        for key in _LENGTHS:
            if key in misc:
                value = float(misc[key])
                misc[key] = str(layout.px(value)) if value > 0 else "0"  # px() never gives 0: no border stays none
    return theme


def font_sizes(theme: dict) -> list[tuple[str, int, bool]]:
    """Every (face, size, bold) the theme uses, to preload before building widgets (twins load on first use)."""
    found = set()
    for key, entry in theme.items():
        font = entry.get("font")
        if key.endswith("_jp"):
            continue
        if font:
            found.add((font.get("name", "noto"), int(font["size"]), font.get("bold") == "1"))
    return sorted(found)
