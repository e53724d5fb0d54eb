"""`foxbat play --text --ensemble`: every role in the terminal, a card at each change of seat, one timeline."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.engine import Edition, SaveStore, actual_choice, is_ensemble_save, load_story
from game.frontends.terminal_ensemble import EnsembleTerminalGame

SHIPPED = Path(__file__).resolve().parent.parent.parent / "story"


@pytest.fixture(scope="module")
def edition():
    return Edition.build(load_story(SHIPPED), "en", ui_root=SHIPPED)


def _game(edition, departures=None, saves=None):
    """A game whose reader answers with the record's choice (or a departure) in whatever seat is playing."""
    out = io.StringIO()
    departures = departures or {}
    holder = {}

    def read(prompt):
        ensemble = holder["game"].ensemble
        if ensemble.is_finished:
            raise EOFError
        session = ensemble.session
        wanted = departures.get((ensemble.seat, session.scene_id))
        if wanted is None:
            actual = actual_choice(session.scene)
            wanted = actual.id if actual is not None and actual.id in [c.id for c in session.choices] \
                else session.choices[0].id
        return str([c.id for c in session.choices].index(wanted) + 1)

    holder["game"] = EnsembleTerminalGame(edition.start_ensemble(), read, out, saves=saves, width=200)
    return holder["game"], out


def test_the_record_in_the_terminal_shows_a_card_at_each_change_of_seat_and_ends_with_every_debrief(edition):
    game, out = _game(edition)
    assert game.run() == "ended"
    text = out.getvalue()
    assert "THE HAKODATE POLICE COMMANDER · " in text and "13:58" in text
    assert "Meanwhile: Lt. Viktor Belenko: Draw the pistol and fire into the air" in text
    assert text.index("LT. VIKTOR BELENKO · ") < text.index("THE HAKODATE POLICE COMMANDER · ")
    assert "One timeline: the day from every seat" in text
    assert text.count("You matched the record at") == 3
    assert "what another seat did changed the choices here" not in text


def test_a_pilot_who_does_not_fire_changes_the_police_commanders_runway_and_the_timeline_says_so(edition):
    game, out = _game(edition, {("pilot", "cameras"): "wave_off"})
    assert game.run() == "ended"
    text = out.getvalue()
    runway = text[text.index("The radio crackles as your driver runs the lights"):]
    runway = runway[:runway.index("─" * 20)]  # the police commander's white flag scene, up to the next scene
    assert "Let the airport men go out under the white flag" in runway
    assert "Order your officers across the grass" not in runway
    assert "what another seat did changed the choices here (Lt. Viktor Belenko: Draw the pistol" in text


def test_an_ensemble_is_autosaved_as_an_ensemble(edition, tmp_path):
    saves = SaveStore(tmp_path / "saves")
    game, _ = _game(edition, saves=saves)
    game.run()
    data = saves.read("autosave")
    assert is_ensemble_save(data) and set(data["seats"]) == {"pilot", "police", "diplomat"}


def test_a_saved_edit_reloads_the_whole_ensemble_between_prompts(tmp_path):
    import shutil

    from game.frontends.terminal import LiveReload

    root = tmp_path / "story"
    shutil.copytree(SHIPPED, root)
    edition = Edition.build(load_story(root), "en", ui_root=SHIPPED)
    out = io.StringIO()
    answers = ["2", "", "q"]

    def read(prompt):
        if len(answers) == 2:  # after the first choice the writer renames the pilot
            path = root / "roles" / "pilot" / "role.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("name: Lt. Viktor Belenko",
                                                                     "name: Lieutenant Belenko"), encoding="utf-8")
        return answers.pop(0)

    game = EnsembleTerminalGame(edition.start_ensemble(), read, out, live=LiveReload(edition, out), width=200)
    assert game.run() == "quit"
    text = out.getvalue()
    assert "LIEUTENANT BELENKO · " in text  # the card again, from the reloaded story
    assert len(game.ensemble.order) == 1 and game.ensemble.sessions["pilot"].role.name == "Lieutenant Belenko"


def test_play_ensemble_without_a_display_says_so_and_plays_in_the_terminal(monkeypatch, capsys):
    import game.cli as cli

    def ended(prompt):
        raise EOFError

    monkeypatch.setattr(cli, "_reader", lambda: ended)
    assert cli.main(["play", "--ensemble"]) == 0
    captured = capsys.readouterr()
    assert "playing in the terminal instead" in captured.err
    assert "LT. VIKTOR BELENKO · " in captured.out


def test_a_pilot_who_never_lands_is_told_at_the_other_seats_cards_their_day_goes_on_as_it_happened(edition):
    premise = "In this telling your pilot never landed at Hakodate."
    game, out = _game(edition, {("pilot", "fuel_sums"): "eject"})
    assert game.run() == "ended"
    text = out.getvalue()
    police_card = text.index("THE HAKODATE POLICE COMMANDER · ")
    assert premise in text[police_card:police_card + 600]
    assert premise in text[text.index("One timeline: the day from every seat"):]  # and again at the timeline
    record, record_out = _game(edition)
    assert record.run() == "ended" and premise not in record_out.getvalue()
