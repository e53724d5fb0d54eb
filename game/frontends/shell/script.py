"""Which characters are Japanese, and which font face draws a text in a language."""

from __future__ import annotations

import re

#: Kana, kanji, CJK punctuation and full-width forms: Noto Sans has none of them.
_JP = r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u31f0-\u31ff]"
#: A Japanese run; digits inside it ("短銃1発") stay in it, so one face draws the whole phrase.
JAPANESE = re.compile(rf"{_JP}+(?:[0-9]+{_JP}+)*")
CJK_LANGUAGES = ("ja", "zh", "ko")


def has_japanese(text: str) -> bool:
    """True when the text holds any character only the JP face draws."""
    return JAPANESE.search(text or "") is not None


def base_face(language: str) -> str:
    """The face a language's text is set in: Noto Sans JP for Japanese (it also covers Latin)."""
    return "noto_jp" if language in CJK_LANGUAGES else "noto"


def face_for(language: str, text: str = "") -> str:
    """The one face that draws all of a text: the JP face as soon as any Japanese appears in it."""
    return "noto_jp" if language in CJK_LANGUAGES or has_japanese(text) else "noto"


def runs(text: str):
    """(piece, is_japanese) runs of a text, in order."""
    position = 0
    for match in JAPANESE.finditer(text):
        if match.start() > position:
            yield text[position:match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(text):
        yield text[position:], False
