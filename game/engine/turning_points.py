"""Which earlier choice led where: the choices whose effects opened or closed a later one."""

from __future__ import annotations

from dataclasses import dataclass

from .links import foreign_reads, record_values
from .model import Story
from .rules import Rules
from .state import SessionState


@dataclass(frozen=True)
class TurningPoint:
    """An earlier choice whose effects opened (or closed) a choice at a later scene of the same path."""

    cause_scene: str
    cause_choice: str
    scene: str
    choice: str
    opened: bool            # True: the later choice was open because of the cause; False: it was closed
    variables: tuple[str, ...]  # the variables through which the cause acted
    taken: bool             # True when the player took the later choice


def turning_points(story: Story, state: SessionState, rules: Rules) -> list[TurningPoint]:
    """For each later choice that an earlier choice opened or closed, the latest such earlier choice.

    A cause is found by undoing, at the later scene, the variables an earlier choice wrote (putting
    back their values from just before it): when the later choice's condition then comes out the
    other way, that earlier choice decided it. Only choices the player took, or that were closed to
    them, are reported: an option that merely stayed open is not news.
    """
    role = story.roles[state.role]
    path = state.path
    found: list[TurningPoint] = []
    for later, step in enumerate(path):
        scene = role.scenes.get(step.scene)
        if scene is None:
            continue
        values = step.variables
        names = foreign_reads(rules, role.id)
        if names:  # other roles' values as the record has them (an ensemble's seats differ only through links)
            values = {**record_values(story, rules, role.id, step.scene, names), **values}
        for choice in scene.choices:
            condition = rules.of(role.id, step.scene, choice.id).condition
            if condition is None:
                continue
            is_open = condition(values)
            if is_open and choice.id != step.choice:
                continue
            cause = _latest_cause(rules, state, later, condition, is_open, values)
            if cause is not None:
                earlier, written = cause
                found.append(TurningPoint(path[earlier].scene, path[earlier].choice, step.scene, choice.id, is_open,
                                          written, choice.id == step.choice))
    return found


def _latest_cause(rules: Rules, state: SessionState, later: int, condition, is_open: bool, values: dict):
    """(index of the earlier step, variables it wrote) that flips the condition when undone, or None."""
    path = state.path
    for earlier in range(later - 1, -1, -1):
        step = path[earlier]
        effects = rules.of(state.role, step.scene, step.choice).effects
        written = tuple(sorted(effects.writes & condition.reads))
        if not written:
            continue
        undone = {**values, **{name: step.variables[name] for name in written if name in step.variables}}
        if condition(undone) != is_open:
            return earlier, written
    return None
