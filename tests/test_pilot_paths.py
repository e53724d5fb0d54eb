"""The shipped pilot role: earlier choices open, close and colour later ones, and alternatives play out."""

from __future__ import annotations

from game.engine import Edition
from game.tools.depth import choices_from_start, measure

TO_JAPAN = ["fly", "wait", "papers", "go", "dive", "hold_low", "climb", "descend"]
TO_THE_AIRPORT_OFFICE = TO_JAPAN + ["first_field", "go_round", "commit", "open_canopy", "fire", "surrender"]


def play(story, choices):
    """A pilot session after taking the given choices in order."""
    session = Edition.build(story).start("pilot")
    for choice in choices:
        session.choose(choice)
    return session


def open_ids(session):
    return [c.id for c in session.choices]


def test_ejecting_over_hokkaido_ends_without_the_jet_however_fully_he_talks(shipped_story):
    session = play(shipped_story, TO_JAPAN + ["eject", "drop_pistol", "say_america", "fake_crash", "face_him"])
    assert session.scene_id == "flight_usa"
    assert "everything" not in open_ids(session) and "no_jet" in open_ids(session)
    session.choose("no_jet")
    assert session.is_finished and session.scene_id == "without_jet"


def test_a_pilot_who_stayed_high_has_the_fuel_to_be_led_into_chitose_and_that_changes_his_ending(shipped_story):
    low = play(shipped_story, TO_JAPAN[:-1] + ["hold_in_cloud"])
    assert low.scene_id == "in_cloud" and "follow_phantom" not in open_ids(low)
    session = play(shipped_story, ["fly", "wait", "papers", "go", "run_high", "dive_late", "hold_low", "climb",
                                   "hold_in_cloud"])
    assert session.scene_id == "in_cloud" and "follow_phantom" in open_ids(session)
    for choice in ["follow_phantom", "write_america", "face_him"]:
        session.choose(choice)
    assert "asdf_jet" in open_ids(session) and "everything" not in open_ids(session)
    session.choose("asdf_jet")
    assert session.scene_id == "military_airfield"


def test_keeping_to_the_lost_pilot_story_opens_a_private_talk_that_telling_the_truth_does_not(shipped_story):
    lied = play(shipped_story, TO_THE_AIRPORT_OFFICE + ["say_lost", "keep_story"])
    truthful = play(shipped_story, TO_THE_AIRPORT_OFFICE + ["say_lost", "take_it_back", "fake_crash"])
    assert lied.scene_id == truthful.scene_id == "soviet_meeting"
    assert "alone" in open_ids(lied) and "alone" not in open_ids(truthful)
    lied.choose("alone")
    lied.choose("nod")
    assert lied.is_finished and lied.scene_id == "going_home"


def test_a_pilot_the_special_section_already_watches_cannot_fake_engine_trouble(shipped_story):
    watched = play(shipped_story, ["stay", "stand_by_it", "go_before_monday", "go"])
    trusted = play(shipped_story, ["fly", "wait", "papers", "go"])
    assert watched.scene_id == trusted.scene_id == "breakaway"
    assert "fake_trouble" not in open_ids(watched) and "fake_trouble" in open_ids(trusted)


def test_the_winter_verdict_follows_how_far_the_regiment_suspects_him(shipped_story):
    quiet = play(shipped_story, ["stay", "recant", "keep_head_down", "proud_father"])
    outspoken = play(shipped_story, ["stay", "stand_by_it", "answer_all", "far_away"])
    assert quiet.scene_id == outspoken.scene_id == "the_file"
    assert "read_kept" in open_ids(quiet) and "read_grounded" not in open_ids(quiet)
    assert "read_grounded" in open_ids(outspoken) and "read_kept" not in open_ids(outspoken)


def test_refusing_at_the_first_decision_does_not_end_the_role_within_three_choices(shipped_story):
    role = shipped_story.roles["pilot"]
    distance = choices_from_start(role)
    early = [s for s, d in distance.items() if d <= 3 and role.scenes[s].is_ending]
    assert early == []
    session = play(shipped_story, ["stay", "stand_by_it", "answer_all"])
    assert not session.is_finished


def test_the_pilot_role_meets_the_replay_targets(shipped_story):
    depth = measure(shipped_story, "pilot", runs=300, seed=11)
    assert depth.misses() == []
