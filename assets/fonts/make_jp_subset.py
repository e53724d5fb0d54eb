"""Make the Noto Sans JP subset the game ships: kana, JIS X 0208 level 1 and 2 kanji, punctuation.

The full font is ~4.6 MB per weight; Japanese players meet only the JIS X 0208 set in practice,
plus the Latin, Vietnamese and Cyrillic letters the story mixes into Japanese lines.
Usage: python assets/fonts/make_jp_subset.py SOURCE_FONT OUTPUT_FONT
(source: NotoSansJP-Regular.otf / -Bold.otf, e.g. from the pygame_gui package data).
Needs fontTools (pip install fonttools).
"""

from __future__ import annotations

import sys
from pathlib import Path


def jis_x_0208() -> set[str]:
    """Every character of JIS X 0208 (kana, symbols, level 1 and 2 kanji), read off the EUC-JP codec."""
    characters = set()
    for row in range(0xA1, 0xFF):
        for cell in range(0xA1, 0xFF):
            try:
                characters.add(bytes([row, cell]).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return characters


def wanted_characters() -> set[str]:
    """The subset: JIS X 0208, ASCII, Latin-1, Vietnamese letters, Cyrillic, general punctuation."""
    wanted = jis_x_0208()
    ranges = [(0x20, 0x7E), (0xA0, 0x17F), (0x1EA0, 0x1EFF), (0x300, 0x36F), (0x400, 0x4FF), (0x2000, 0x206F),
              (0x3000, 0x303F), (0x3040, 0x30FF), (0xFF00, 0xFFEF), (0x2190, 0x21FF), (0x25A0, 0x25FF)]
    for low, high in ranges:
        wanted.update(chr(c) for c in range(low, high + 1))
    wanted.update("ƠơƯưĐđ")
    return wanted


def subset(source: Path, output: Path) -> int:
    """Write the subset font; returns how many characters it maps."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    available = set(font.getBestCmap())
    unicodes = sorted(ord(c) for c in wanted_characters() if ord(c) in available)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(output)
    return len(unicodes)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        raise SystemExit(2)
    count = subset(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {count} characters, {Path(sys.argv[2]).stat().st_size / 1024:.0f} KB")
