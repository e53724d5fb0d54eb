"""Line breaking: spaces for English and Vietnamese, anywhere but kinsoku for Japanese."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import NO_LINE_END, NO_LINE_START, break_lines, columns

JAPANESE = ("ベレンコ中尉のMiG-25は、午後1時50分ごろ函館空港に現れた。「燃料はもうない」と彼は思った。"
            "旅客機が離陸していく。ちょっと待って、もう一度回る。ーーそして着陸した。")


def test_english_breaks_at_spaces_within_the_width():
    lines = break_lines("The formation turns and the taiga runs green to the sea below you.", 20)
    assert lines == ["The formation turns", "and the taiga runs", "green to the sea", "below you."]


def test_vietnamese_keeps_every_letter_and_breaks_at_spaces():
    text = "Bạn đẩy cần ga và chúi mũi máy bay xuống, mặt đất lao lên."
    lines = break_lines(text, 24)
    assert " ".join(lines) == text and all(columns(line) <= 24 for line in lines)


def test_japanese_never_starts_or_ends_a_line_with_a_forbidden_character():
    for width in range(8, 40):
        lines = break_lines(JAPANESE, width)
        assert "".join(lines) == JAPANESE
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, line)


def test_mig_25_is_never_split():
    for width in range(6, 30):
        assert any("MiG-25" in line for line in break_lines(JAPANESE, width))


def test_lines_stay_within_the_width_except_for_hanging_punctuation():
    for width in range(10, 40):
        for line in break_lines(JAPANESE, width):
            overflow = columns(line) - width
            assert overflow <= 0 or (overflow <= 2 and line[-1] in NO_LINE_START)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("あいう漢字。、「」ーっャ MiG-25ab.,\n")), max_size=120),
       st.integers(min_value=4, max_value=40))
def test_any_text_breaks_without_losing_characters(text, width):
    lines = break_lines(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
