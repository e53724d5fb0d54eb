"""The diplomat role: its replay targets, and earlier choices that open or close later ones."""

from __future__ import annotations

from game.engine import Edition
from game.tools.depth import measure


def _play(story, moves):
    """Start the diplomat role and make the given (scene, choice) moves, checking each scene on the way."""
    session = Edition.build(story).start("diplomat")
    for scene_id, choice_id in moves:
        assert session.scene_id == scene_id
        session.choose(choice_id)
    return session


def _open(session):
    """The ids of the choices the scene offers now."""
    return [choice.id for choice in session.choices]


FIRST_DAY_ON_THE_RECORD = [("who_leads", "police"), ("first_demand", "legal"), ("free_will", "speaker"),
                           ("fake_crash", "decline"), ("americans_see", "allow"), ("shoesmith", "hold"),
                           ("case_type", "to_defence"), ("consular", "controlled"), ("handover_us", "release")]


def test_the_diplomat_role_meets_every_replay_target(shipped_story):
    assert measure(shipped_story, "diplomat").misses() == []


def test_agreeing_to_send_him_back_plays_on_through_the_police_refusal_before_any_ending(shipped_story):
    session = _play(shipped_story, [("who_leads", "police"), ("first_demand", "comply")])
    assert session.scene_id == "return_order" and not session.is_finished
    session.choose("push_through")
    assert session.scene_id == "chitose_dawn" and not session.is_finished


def test_a_japan_that_backed_down_once_is_later_offered_the_jet_for_the_fishing_boats(shipped_story):
    calm = [("americans_see", "wait") if move[0] == "americans_see" else move for move in FIRST_DAY_ON_THE_RECORD]
    bent = _play(shipped_story, [("who_leads", "police"), ("first_demand", "comply"), ("return_order", "back_down"),
                                 *calm[2:], ("examine", "joint")])
    firm = _play(shipped_story, [*calm, ("examine", "joint")])
    assert bent.scene_id == firm.scene_id == "coercion"
    assert bent.variables["wavered"] is True and "trade" in _open(bent)
    assert firm.variables["soviet_pressure"] < 50 and "trade" not in _open(firm)


def test_promising_the_jet_to_washington_leaks_and_later_opens_handing_it_over(shipped_story):
    session = _play(shipped_story, [*FIRST_DAY_ON_THE_RECORD[:5], ("shoesmith", "trade"), ("leak", "deny"),
                                    *FIRST_DAY_ON_THE_RECORD[6:]])
    assert session.scene_id == "examine" and session.variables["us_pressure"] < 35
    assert "give" in _open(session)


def test_the_garrison_decision_sits_on_the_historical_path_between_coercion_and_how_far(shipped_story):
    session = _play(shipped_story, [*FIRST_DAY_ON_THE_RECORD, ("examine", "joint"), ("coercion", "firm")])
    assert session.scene_id == "garrison"
    assert [c.id for c in session.scene.choices if c.record == "actual"] == ["quiet"]
    session.choose("inquiry")
    assert session.scene_id == "inquiry"
    session.choose("let_it_run")
    assert session.scene_id == "how_far"
