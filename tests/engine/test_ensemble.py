"""Ensemble play: pilot, police and diplomat on one timeline, and the links between their choices."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.engine import (
    ChoiceUnavailable, Edition, Ensemble, StateError, actual_choice, load_story, moment_key, scene_key,
)

TESTS = Path(__file__).resolve().parent.parent
SHIPPED = TESTS.parent / "story"


@pytest.fixture(scope="module")
def edition():
    """The shipped story in English (no i18n folder reading needed for ids and rules)."""
    return Edition.build(load_story(SHIPPED), ui_root=SHIPPED)


def _record_choice(session) -> str:
    actual = actual_choice(session.scene)
    open_ids = [c.id for c in session.choices]
    return actual.id if actual is not None and actual.id in open_ids else open_ids[0]


def _play_until(ensemble: Ensemble, role: str, scene: str, departures: dict | None = None) -> None:
    """Play the record (or a departure at a (role, scene)) until `role` stands at `scene`."""
    departures = departures or {}
    for _ in range(200):
        if ensemble.seat == role and ensemble.session.scene_id == scene:
            return
        session = ensemble.session
        ensemble.choose(departures.get((ensemble.seat, session.scene_id)) or _record_choice(session))
    raise AssertionError(f"{role} never reached {scene}")


def test_the_historical_ensemble_plays_every_role_in_time_order_to_its_historical_ending(edition):
    ensemble = edition.start_ensemble()
    keys = []
    while not ensemble.is_finished:
        keys.append(scene_key(edition.story, edition.machine.rules, ensemble.seat, ensemble.session.scene_id)[:3])
        ensemble.choose(_record_choice(ensemble.session))
    assert keys == sorted(keys)  # moments never go backwards across the seats
    assert {role for role in ensemble.order} == {"pilot", "police", "diplomat"}
    for session in ensemble.sessions.values():
        assert session.is_finished and session.scene.ending.kind == "historical"


def test_offsets_count_the_pilot_takes_off_in_primorye_before_the_police_get_the_call(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "police", "the_call")
    played = [(m.role, m.step.scene) for m in ensemble.moves]
    assert ("pilot", "breakaway") in played  # 13:53+10:00 is 12:53 in Japan, before 13:58+09:00
    assert ("pilot", "cameras") in played  # the same minute: the shots come first, the call is about them
    assert moment_key("1976-09-06T13:53+10:00") < moment_key("1976-09-06T13:00+09:00")


def test_a_date_only_scene_sorts_after_the_timed_scenes_of_its_day_and_a_month_before_its_days():
    assert moment_key("1976-09-06T23:00+09:00") < moment_key("1976-09-06") < moment_key("1976-09-07T00:00+09:00")
    assert moment_key("1976-09") < moment_key("1976-09-01T00:00+09:00")


def test_the_pilots_warning_shots_decide_whether_the_police_can_rush_him(edition):
    fired = edition.start_ensemble()
    _play_until(fired, "police", "white_flag")
    assert "rush" in [c.id for c in fired.session.choices]
    waved = edition.start_ensemble()
    _play_until(waved, "police", "white_flag", {("pilot", "cameras"): "wave_off"})
    assert "rush" not in [c.id for c in waved.session.choices]
    assert "rush" in [c.id for c in waved.session.closed_choices]


def test_a_police_rush_takes_the_standoff_away_from_the_pilot(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "pilot", "white_flag", {("police", "white_flag"): "rush"})
    assert ensemble.last_moves(exclude="pilot")["police"].choice == "rush"
    assert [c.id for c in ensemble.session.choices] == ["surrender"]


def test_the_ministrys_refusal_of_consular_access_means_the_pilot_never_faces_the_soviet(edition):
    record = edition.start_ensemble()
    _play_until(record, "pilot", "soviet_meeting")
    assert "face_him" in [c.id for c in record.session.choices]
    denied = edition.start_ensemble()
    _play_until(denied, "pilot", "soviet_meeting", {("diplomat", "consular"): "deny"})
    assert "face_him" not in [c.id for c in denied.session.choices]


def test_a_role_played_alone_meets_the_record_of_the_others(edition):
    police = edition.start("police")
    for choice in ("take_it",):
        police.choose(choice)
    assert "rush" in [c.id for c in police.choices]  # the record: the pilot fired


def test_undo_takes_back_the_last_choice_whichever_seat_made_it(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "police", "white_flag")
    before = (ensemble.seat, ensemble.session.scene_id, ensemble.session.variables, len(ensemble.order))
    ensemble.choose("let_them_go")
    assert ensemble.seat == "pilot" and ensemble.session.scene_id == "white_flag"  # same minute, it reads the police
    ensemble.undo()
    assert (ensemble.seat, ensemble.session.scene_id, ensemble.session.variables, len(ensemble.order)) == before


def test_an_ensemble_save_round_trips_through_json(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "diplomat", "who_leads", {("pilot", "cameras"): "wave_off"})
    restored, notices = edition.restore_ensemble(json.loads(json.dumps(ensemble.save())))
    assert notices == []
    assert restored.moves == ensemble.moves and restored.seat == "diplomat"
    assert ("cameras", "wave_off") in [(s.scene, s.choice) for s in restored.sessions["pilot"].path]
    restored.undo(len(restored.order))
    assert restored.seat == "pilot" and restored.session.scene_id == "resolve"


def test_an_ensemble_save_is_refused_by_a_solo_game_with_a_clear_message(edition):
    with pytest.raises(StateError, match="ensemble"):
        edition.restore(edition.start_ensemble().save())


def test_a_damaged_or_solo_save_is_refused_as_an_ensemble(edition):
    with pytest.raises(StateError):
        edition.restore_ensemble(edition.start("pilot").save())
    with pytest.raises(StateError):
        edition.restore_ensemble({"kind": "ensemble", "format": 1, "seats": "nonsense", "order": []})


def test_every_seat_ended_refuses_another_choice(edition):
    ensemble = edition.start_ensemble()
    while not ensemble.is_finished:
        ensemble.choose(_record_choice(ensemble.session))
    with pytest.raises(ChoiceUnavailable):
        ensemble.choose("anything")


def test_an_edited_story_moves_the_ensemble_and_a_removed_scene_replays_it(tmp_path, edition):
    root = tmp_path / "story"
    shutil.copytree(SHIPPED, root)
    ensemble = Edition.build(load_story(root), ui_root=SHIPPED).start_ensemble()
    _play_until(ensemble, "police", "cordon")
    path = root / "roles" / "police" / "01_airport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Seal the airport", "Close the airport"), "utf-8")
    moved, notices = Edition.build(load_story(root), ui_root=SHIPPED).move_ensemble(ensemble)
    assert (moved.seat, moved.session.scene_id, moved.moves) == ("police", "cordon", ensemble.moves)
    assert any(c.text.startswith("Close the airport") for c in moved.session.choices)
    moved.choose("police_only")  # the moved seats still read each other
    assert moved.sessions["police"].scene_id == "charges"


def test_the_debrief_timeline_has_a_lane_per_role_and_the_link_a_departure_set_off(edition):
    from game.engine import timeline_lanes

    ensemble = edition.start_ensemble()
    _play_until(ensemble, "police", "cordon", {("pilot", "cameras"): "wave_off"})
    lanes, links = timeline_lanes(ensemble)
    assert [lane.role for lane in lanes] == ["pilot", "police", "diplomat"]
    pilot = lanes[0]
    assert ("cameras", "fire") in [(p.scene, p.choice) for p in pilot.record]
    assert ("cameras", "wave_off") in [(p.scene, p.choice) for p in pilot.played]
    assert [p.key for p in lanes[1].played] == sorted(p.key for p in lanes[1].played)
    assert lanes[2].played[-1].choice is None and len(lanes[2].played) == 1  # the diplomat has not begun
    assert [(c.role, c.scene, c.closed, c.causes) for c in links] == [
        ("police", "white_flag", ("rush",), ("pilot.cameras.fire",))]


def _diplomat_choices_at(edition, scene: str, departures: dict | None = None) -> list[str]:
    """The diplomat's open choices when the ensemble reaches `scene`, with the other seats' departures."""
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "diplomat", scene, departures)
    return [c.id for c in ensemble.session.choices]


@pytest.mark.parametrize("departures, scene, closed, still_open", [
    # the police hand him to the army: no criminal case, so no legal refusal
    ({("police", "charges"): "military"}, "first_demand", {"legal"}, {"flat", "comply"}),
    # the pilot keeps to Moscow's lost-pilot story: no request for asylum to stand on, no wish to invoke
    ({("pilot", "airport_office"): "say_lost", ("pilot", "lost_story"): "keep_story"}, "first_demand", {"flat"},
     {"legal", "comply"}),
    ({("pilot", "airport_office"): "say_lost", ("pilot", "lost_story"): "keep_story"}, "consular", {"deny"},
     {"controlled", "private"}),
    # the police let the Soviets talk to him freely: no meeting to refuse, no guarded room to offer
    ({("police", "consular_terms"): "open_room"}, "consular", {"deny", "controlled"}, {"private"}),
    # the police have him indicted: no hand-over tonight, only keeping him
    ({("police", "end_of_custody"): "indict"}, "handover_us", {"release", "yokota"}, {"keep_him"}),
    # the police let an American under the canvas at midnight: 'untouched' is no longer the ministry's to promise
    ({("police", "midnight"): "americans_quiet"}, "examine", {"untouched"}, {"joint"}),
])
def test_a_departure_by_the_pilot_or_police_changes_a_later_diplomat_scene(edition, departures, scene, closed,
                                                                          still_open):
    historical = _diplomat_choices_at(edition, scene)
    departed = _diplomat_choices_at(edition, scene, departures)
    assert closed <= set(historical) and not closed & set(departed)
    assert still_open <= set(departed)
    assert departed != historical


def test_the_debrief_names_the_police_choice_that_closed_the_ministrys_guarded_room(edition):
    from game.engine import link_changes

    ensemble = edition.start_ensemble()
    _play_until(ensemble, "diplomat", "consular", {("police", "consular_terms"): "open_room"})
    ensemble.choose("private")
    assert ("diplomat", "consular", ("deny", "controlled"), ("police.consular_terms.open_room",)) in [
        (c.role, c.scene, c.closed, c.causes) for c in link_changes(ensemble)]


def test_the_ministrys_private_room_takes_the_guarded_table_away_from_the_pilot(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "pilot", "soviet_meeting", {("diplomat", "consular"): "private"})
    open_ids = [c.id for c in ensemble.session.choices]
    assert "face_him" not in open_ids and "alone" in open_ids


def test_solo_diplomat_play_with_the_record_is_the_historical_ensembles_and_keeps_every_linked_choice_open(edition):
    linked = {"first_demand": {"flat", "legal"}, "consular": {"deny", "controlled"},
              "handover_us": {"release", "keep_him", "yokota"}, "examine": {"untouched"}}
    in_ensemble = {}
    ensemble = edition.start_ensemble()
    while not ensemble.is_finished:
        if ensemble.seat == "diplomat":
            in_ensemble[ensemble.session.scene_id] = [c.id for c in ensemble.session.choices]
        ensemble.choose(_record_choice(ensemble.session))
    solo = edition.start("diplomat")
    alone = {}
    while not solo.is_finished:
        alone[solo.scene_id] = [c.id for c in solo.choices]
        solo.choose(_record_choice(solo))
    assert alone == in_ensemble
    for scene, choices in linked.items():
        assert choices <= set(alone[scene]), scene
    assert solo.scene.ending.kind == "historical"


def test_the_ministry_decides_the_evening_flight_before_the_pilot_is_on_it(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "pilot", "flight_usa")
    assert ensemble.last_moves(exclude="pilot")["diplomat"].scene == "handover_us"  # same date: the link orders it


def test_a_ministry_that_holds_the_pilot_on_as_evidence_loses_his_manual_on_the_flight(edition):
    record = edition.start_ensemble()
    _play_until(record, "pilot", "flight_usa")
    assert "everything" in [c.id for c in record.session.choices]
    kept = edition.start_ensemble()
    _play_until(kept, "pilot", "flight_usa", {("diplomat", "handover_us"): "keep_him"})
    assert "everything" not in [c.id for c in kept.session.choices]
    assert "everything" in [c.id for c in kept.session.closed_choices]
    assert "hold_back" in [c.id for c in kept.session.choices]


def test_a_pilot_who_ejects_leaves_the_police_their_day_as_it_happened_and_the_card_says_so(edition):
    record = edition.start_ensemble()
    _play_until(record, "police", "white_flag", {("pilot", "cameras"): "wave_off"})
    assert record.premise_holds("police") and record.premise_text("police") == ""
    assert "rush" not in [c.id for c in record.session.choices]  # a landed pilot who waved: the link acts
    ejected = edition.start_ensemble()
    _play_until(ejected, "police", "white_flag", {("pilot", "fuel_sums"): "eject"})
    assert ("pilot", "ejected") in [(m.role, m.step.scene) for m in ejected.moves]
    assert not ejected.premise_holds("police") and not ejected.premise_holds("diplomat")
    assert "never landed at Hakodate" in ejected.premise_text("police")
    assert "rush" in [c.id for c in ejected.session.choices]  # the record's shots, not a pilot at sea


def test_undoing_the_departure_and_landing_after_all_restores_the_premise(edition):
    ensemble = edition.start_ensemble()
    _play_until(ensemble, "police", "the_call", {("pilot", "full_tanks"): "not_today"})
    assert not ensemble.premise_holds("police")
    for _ in range(len(ensemble.moves)):
        if ensemble.seat == "pilot" and ensemble.session.scene_id == "full_tanks":
            break
        ensemble.undo()
    assert ensemble.session.scene_id == "full_tanks"
    _play_until(ensemble, "police", "the_call")  # the record from here: he goes, and lands
    assert ensemble.premise_holds("police")


def test_every_role_with_a_premise_keeps_it_in_the_historical_ensemble(edition):
    ensemble = edition.start_ensemble()
    while not ensemble.is_finished:
        for role in ensemble.sessions:
            if edition.machine.rules.premises.get(role) is not None and ensemble.sessions[role].state.path:
                assert ensemble.premise_holds(role), (role, ensemble.session.scene_id)
        ensemble.choose(_record_choice(ensemble.session))
    assert set(edition.machine.rules.premises) == {"police", "diplomat"}


def test_a_premise_edited_during_play_takes_effect_when_the_ensemble_moves(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(SHIPPED, root)
    ensemble = Edition.build(load_story(root), ui_root=SHIPPED).start_ensemble()
    _play_until(ensemble, "police", "the_call", {("pilot", "fuel_sums"): "eject"})
    assert "never landed at Hakodate" in ensemble.premise_text("police")
    role = root / "roles" / "police" / "role.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("In this telling your pilot never landed", "Here your pilot never landed"), "utf-8")
    moved, _ = Edition.build(load_story(root), ui_root=SHIPPED).move_ensemble(ensemble)
    assert moved.premise_text("police").startswith("Here your pilot never landed")
    role.write_text(text.replace("if: pilot.short_runway.slow_approach or pilot.short_runway.commit",
                                 "if: pilot.short_runway.slow_approach or pilot.short_runway.commit "
                                 "or pilot.fuel_sums.eject"), "utf-8")
    widened, _ = Edition.build(load_story(root), ui_root=SHIPPED).move_ensemble(moved)
    assert widened.premise_holds("police") and widened.premise_text("police") == ""
