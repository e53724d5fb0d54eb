"""StoryMachine: choices taken along the transitions the `transitions` machine holds, with its guards and effects."""

from __future__ import annotations

import itertools

import pytest

from game.engine import ChoiceUnavailable, StoryMachine, foreign_reads, record_values
from game.engine.machine import state_name


class Cursor:
    state = ""


def fired_through_transitions(machine: StoryMachine, role: str, scene: str, choice: str, values: dict):
    """The reference: the trigger fired by name through transitions itself, with its own callbacks."""
    cursor = Cursor()
    machine._machine.set_state(state_name(role, scene), model=cursor)
    result = dict(values)
    event = machine._machine.events.get(choice)
    if event is None or state_name(role, scene) not in event.transitions:
        return "no choice"
    if not event.trigger(cursor, values=values, result=result):
        return "closed"
    return cursor.state.partition(":")[2], result


def advanced(machine: StoryMachine, role: str, scene: str, choice: str, values: dict):
    try:
        return machine.advance(role, scene, choice, values)
    except ChoiceUnavailable as refused:
        return "closed" if "not open" in str(refused) else "no choice"


def test_every_choice_of_the_shipped_story_goes_where_transitions_takes_it_with_the_same_variables(shipped_story):
    machine = StoryMachine(shipped_story.story, shipped_story.rules)
    every_choice_id = {c.id for r in shipped_story.roles.values() for s in r.scenes.values() for c in s.choices}
    compared = 0
    for role in shipped_story.roles.values():
        # the initial values, and every variable at its lowest and highest, to open and close guards
        low = {n: (False if v.type == "bool" else (v.min if v.min is not None else -50)) for n, v in role.variables.items()}
        high = {n: (True if v.type == "bool" else (v.max if v.max is not None else 150)) for n, v in role.variables.items()}
        for scene_id, scene in role.scenes.items():
            asked = [c.id for c in scene.choices] + sorted(every_choice_id)[:5]  # and some from other scenes
            # other roles' values the scene's links read (links.py), as a role played alone sees them
            linked = record_values(shipped_story.story, shipped_story.rules, role.id, scene_id,
                                   foreign_reads(shipped_story.rules, role.id))
            for choice, own in itertools.product(asked, (role.initial_variables(), low, high)):
                values = {**own, **linked}
                for _ in range(2):  # the second time from what advance resolved the first time
                    assert advanced(machine, role.id, scene_id, choice, values) == \
                        fired_through_transitions(machine, role.id, scene_id, choice, values)
                compared += 1
    assert compared > 1000


def test_a_choice_is_not_taken_from_a_scene_it_does_not_belong_to(sample_story):
    machine = StoryMachine(sample_story.story, sample_story.rules)
    role = sample_story.roles["pilot"]
    values = role.initial_variables()
    assert machine.advance("pilot", role.start, "go", values)[0] != role.start
    with pytest.raises(ChoiceUnavailable, match="there is no choice 'go'"):
        machine.advance("pilot", "over_the_sea", "go", values)
