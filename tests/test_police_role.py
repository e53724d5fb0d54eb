"""The police role's alternatives play out: departures run on for several decisions and the path picks the ending."""

from __future__ import annotations

from game.engine import Edition


def _play(story, moves):
    """Start the police role and take the given choices in order; return the session."""
    session = Edition.build(story).start("police")
    for move in moves:
        offered = [choice.id for choice in session.choices]
        assert move in offered, f"{move!r} is not offered at {session.scene_id}: {offered}"
        session.choose(move)
    return session


RECORD_TO_CONSULAR = ["take_it", "let_them_go", "police_only", "arrest", "hotel", "cover", "night_guard",
                      "refuse_all", "covert", "own_line", "keep_apart"]


def test_a_commander_who_rushes_the_pilot_is_not_done_after_two_choices(shipped_story):
    session = _play(shipped_story, ["take_it", "rush"])
    assert not session.is_finished
    assert session.variables["wounded"] is True
    assert session.variables["soviet_pressure"] >= 40


def test_the_wounded_pilot_branch_rejoins_the_record_at_the_sabotage_warning(shipped_story):
    session = _play(shipped_story, ["take_it", "rush", "arrest_on_grass", "statement_first", "detectives_go"])
    assert session.scene_id == "a1_warning"
    assert not session.is_finished


def test_only_a_wounded_pilot_can_be_met_at_his_bedside(shipped_story):
    wounded = _play(shipped_story, ["take_it", "rush", "arrest_on_grass", "consul_tonight", "detectives_go",
                                    "own_line", "keep_apart"])
    unhurt = _play(shipped_story, RECORD_TO_CONSULAR)
    assert wounded.scene_id == unhurt.scene_id == "consular_terms"
    assert "bedside_meeting" in [choice.id for choice in wounded.choices]
    assert "bedside_meeting" not in [choice.id for choice in unhurt.choices]


def test_handing_the_pilot_to_the_army_leads_back_to_a_criminal_case_with_soldiers_on_the_guard(shipped_story):
    session = _play(shipped_story, ["take_it", "let_them_go", "police_only", "military", "outer_roads",
                                    "charge_and_share"])
    assert session.scene_id == "a1_warning"
    assert session.variables["shared"] is True
    assert "soldiers_inside" in [choice.id for choice in session.choices]


def test_the_record_path_ends_at_goodbye_hakodate(shipped_story):
    session = _play(shipped_story, RECORD_TO_CONSULAR + ["controlled", "release", "keep_guard", "watch"])
    assert session.is_finished and session.scene_id == "goodbye_hakodate"


def test_earlier_choices_that_feed_moscow_turn_the_last_night_into_moscows_version(shipped_story):
    moves = ["take_it", "let_them_go", "police_only", "arrest", "drink", "cover", "night_guard",
             "americans_quiet", "covert", "own_line", "keep_apart", "open_room", "stop_it", "release", "keep_guard"]
    session = _play(shipped_story, moves)
    offered = [choice.id for choice in session.choices]
    assert session.scene_id == "galaxy_night"
    assert offered == ["soviet_wire"]
    session.choose("soviet_wire")
    assert session.scene_id == "moscow_version"
