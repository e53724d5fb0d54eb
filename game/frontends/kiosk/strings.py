"""The kiosk's own interface text in each language it offers, and each language's name in its own script."""

from __future__ import annotations

#: Each language named as its speakers write it; no flags (a flag is a country, not a language).
NATIVE_NAMES = {
    "en": "English", "ja": "日本語", "vi": "Tiếng Việt", "ru": "Русский", "de": "Deutsch", "fr": "Français",
    "es": "Español", "zh": "中文", "ko": "한국어",
}

TEXT = {
    "en": {
        "touch": "Touch to begin",
        "pick_language": "Choose your language",
        "pick_role": "Who will you be?",
        "still_there": "Still there? Touch to keep playing.",
        "debrief": "You and history",
        "you": "You",
        "others": "Other visitors",
        "history": "History",
        "not_enough": "not enough visitors yet",
        "same": "{percent} % chose the same",
        "not_reached": "you did not reach this moment",
        "question": "Talk about it",
        "done": "Finish",
        "continue": "Continue",
        "ending": "Your ending",
        "as_history": "as in history",
        "stat_line": "{percent} % of visitors chose “{choice}”, as {person} did.",
        "ending_line": "{percent} % of visitors playing {person} reached “{ending}”.",
    },
    "ja": {
        "touch": "タッチしてスタート",
        "pick_language": "言語を選んでください",
        "pick_role": "だれになりますか？",
        "still_there": "続けますか？画面にタッチしてください。",
        "debrief": "あなたと歴史",
        "you": "あなた",
        "others": "ほかの来場者",
        "history": "歴史",
        "not_enough": "まだ人数が足りません",
        "same": "{percent} % が同じ選択",
        "not_reached": "この場面には至りませんでした",
        "question": "話し合ってみよう",
        "done": "おわる",
        "continue": "つづける",
        "ending": "あなたの結末",
        "as_history": "歴史と同じ",
        "stat_line": "来場者の {percent} % が{person}と同じく「{choice}」を選びました。",
        "ending_line": "{person}を演じた来場者の {percent} % が「{ending}」にたどり着きました。",
    },
    "vi": {
        "touch": "Chạm để bắt đầu",
        "pick_language": "Chọn ngôn ngữ của bạn",
        "pick_role": "Bạn sẽ là ai?",
        "still_there": "Bạn còn đó không? Chạm để chơi tiếp.",
        "debrief": "Bạn và lịch sử",
        "you": "Bạn",
        "others": "Khách khác",
        "history": "Lịch sử",
        "not_enough": "chưa đủ khách tham quan",
        "same": "{percent} % chọn giống bạn",
        "not_reached": "bạn chưa đến thời điểm này",
        "question": "Cùng thảo luận",
        "done": "Kết thúc",
        "continue": "Tiếp tục",
        "ending": "Kết cục của bạn",
        "as_history": "giống lịch sử",
        "stat_line": "{percent} % khách đã chọn “{choice}”, như {person}.",
        "ending_line": "{percent} % khách đóng vai {person} đã đến “{ending}”.",
    },
}


def text(language: str, key: str, **values) -> str:
    """A kiosk string in a language, falling back to English per string."""
    table = TEXT.get(language, TEXT["en"])
    template = table.get(key) or TEXT["en"][key]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return TEXT["en"][key].format(**values)


def native_name(language: str) -> str:
    """A language's name in its own script (its code when unknown)."""
    return NATIVE_NAMES.get(language, language)
