"""Terminal play: numbered choices, undo, save, quit, bad input, end of input, and the debrief."""

from __future__ import annotations

import io

from game.engine import Edition, SaveStore, format_moment
from game.frontends.terminal import TerminalGame, english_ui


def _play(story, lines, saves=None):
    answers = iter(lines)

    def read(prompt):
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    game = TerminalGame(Edition.build(story).start("pilot"), read, out, saves, width=80)
    result = game.run()
    return result, out.getvalue(), game.session


def test_the_historical_path_ends_with_a_debrief_that_matches_every_decision(sample_story):
    result, output, session = _play(sample_story, ["1", "1", "1"])
    assert result == "ended" and session.scene_id == "hakodate"
    assert "DEBRIEF" in output and "You matched the record at 3 of 3 decisions." in output
    assert "DISPUTED" in output  # the landing time is contested
    assert "\u201cAfter a month of waiting, Belenko found his chance.\u201d" in output


def test_the_scene_header_shows_time_and_place(sample_story):
    _, output, _ = _play(sample_story, [])
    assert "6 September 1976, 12:40 · Chuguyevka air base, Primorye" in output
    assert "  1. Take off, and break away when the moment comes" in output


def test_bad_input_re_prompts_without_moving(sample_story):
    result, output, session = _play(sample_story, ["9", "banana", "", "1"])
    assert output.count("Please type a number from 1 to 2.") == 2
    assert [s.choice for s in session.path] == ["go"] and result == "eof"


def test_u_undoes_the_last_choice(sample_story):
    _, output, session = _play(sample_story, ["u", "1", "u", "2"])
    assert "Nothing to undo yet." in output
    assert [s.choice for s in session.path] == ["wait"]


def test_s_saves_and_q_quits_keeping_the_autosave(sample_story, tmp_path):
    saves = SaveStore(tmp_path)
    result, output, _ = _play(sample_story, ["1", "s", "q"], saves)
    assert result == "quit" and "Saved to slot1." in output
    assert Edition.build(sample_story).restore(saves.read("slot1"))[0].scene_id == "breakaway"
    assert Edition.build(sample_story).restore(saves.read("autosave"))[0].scene_id == "breakaway"


def test_end_of_input_ends_cleanly(sample_story):
    result, output, _ = _play(sample_story, ["1"])
    assert result == "eof" and output.rstrip().endswith("Input ended. Goodbye.")


def test_times_read_as_a_person_would_write_them():
    ui = english_ui()
    assert format_moment("1976-09-06T13:50+09:00", ui) == "6 September 1976, 13:50"
    assert format_moment("1976-11-15", ui) == "15 November 1976"
    assert format_moment("1976-10", ui) == "October 1976"


def _with_scene_text(story, role_id: str, **changes):
    """The story with the role's start scene changed (bypassing the loader, as a stale or hand-made story could)."""
    from dataclasses import replace

    role = story.roles[role_id]
    scene = role.scenes[role.start].model_copy(update=changes)
    role = role.model_copy(update={"scenes": {**role.scenes, role.start: scene}})
    return replace(story, story=story.story.model_copy(update={"roles": {**story.roles, role_id: role}}))


def test_control_characters_in_scene_text_never_reach_the_terminal(sample_story):
    story = _with_scene_text(sample_story, "pilot", title="\x1b[2JCLEARED", text="Bell\x07 and NUL\x00 and \x9b31m.")
    _, output, _ = _play(story, [])
    assert "CLEARED" in output and "Bell and NUL and 31m." in output
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in output)
