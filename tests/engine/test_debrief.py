"""The debrief: the player's decisions beside the record, with what they never reached."""

from __future__ import annotations

from game.engine import Edition, build_debrief, historical_path


def test_the_historical_path_follows_the_actual_choices(sample_story):
    assert historical_path(sample_story.roles["pilot"]) == ["full_tanks", "breakaway", "over_the_sea", "hakodate"]


def test_following_the_record_matches_every_decision(sample_story):
    session = Edition.build(sample_story).start("pilot")
    for choice in ("go", "low", "first_field"):
        session.choose(choice)
    debrief = build_debrief(session.story, session.state, session.machine.rules)
    assert (debrief.matches, debrief.total) == (3, 3)
    assert debrief.historical_ending and debrief.missed == []
    assert debrief.summary == "You matched the record at 3 of 3 decisions."


def test_a_different_path_is_set_beside_the_record_decision_by_decision(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("go")
    session.choose("high")
    session.choose("eject")
    debrief = build_debrief(session.story, session.state, session.machine.rules)
    rows = [(d.scene_id, d.chosen.id, d.actual.id, d.matched) for d in debrief.decisions]
    assert rows == [("full_tanks", "go", "go", True), ("breakaway", "high", "low", False),
                    ("over_the_sea", "eject", "first_field", False)]
    assert debrief.ending.ending.kind == "alternative" and not debrief.historical_ending
    assert debrief.summary == "You matched the record at 1 of 3 decisions."


def test_an_abandoned_session_lists_the_historical_decisions_it_never_reached(sample_story):
    session = Edition.build(sample_story).start("pilot")
    session.choose("wait")
    debrief = build_debrief(session.story, session.state, session.machine.rules)
    assert [d.scene_id for d in debrief.decisions] == ["full_tanks"]
    assert [d.scene_id for d in debrief.missed] == ["breakaway", "over_the_sea"]
    assert not any(d.reached for d in debrief.missed)


def test_a_contested_moment_is_marked_as_disputed(sample_story):
    scene = sample_story.roles["pilot"].scenes["hakodate"]
    assert scene.history.status == "contested" and len(scene.history.versions) == 2


def test_a_quote_is_shown_in_quotation_marks_and_a_summary_is_marked_as_one():
    from game.engine.model import Quote
    from game.engine import quote_words

    def ui(key, **values):
        return {"quote.summary": "(in summary) {text}"}[key].format(**values)

    assert quote_words(Quote(source="wib", quote=" exact words "), ui) == "\u201cexact words\u201d"
    summary = Quote(source="barron", quote="he waited for full tanks", summary=True, translation="満タンを待った")
    assert quote_words(summary, ui) == "(in summary) he waited for full tanks"
    assert quote_words(summary, ui, translated=True) == "(in summary) 満タンを待った"


def test_long_alternative_paths_count_only_decisions_the_real_person_faced():
    import random

    from game.engine import Session, StoryMachine, load_story

    from ..conftest import PROJECT

    loaded = load_story(PROJECT / "story")
    machine = StoryMachine(loaded.story, loaded.rules)
    for role in loaded.roles:
        for seed in range(40):
            rng = random.Random(f"{role}:{seed}")
            session = Session.start(loaded.story, role, machine=machine)
            while not session.is_finished:
                session.choose(rng.choice(session.choices).id)
            debrief = build_debrief(loaded.story, session.state, loaded.rules)
            on_record = [s for s in session.state.path if loaded.roles[role].scenes[s.scene].is_decision]
            assert debrief.total == len(on_record) == len(debrief.decisions)
            assert debrief.matches == sum(1 for d in debrief.decisions if d.chosen.record == "actual")
            assert debrief.summary == f"You matched the record at {debrief.matches} of {debrief.total} decision" \
                                      f"{'s' * (debrief.total != 1)}."
