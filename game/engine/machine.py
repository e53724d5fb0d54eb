"""The story as a transitions.Machine: scenes are states, choices are guarded triggers with effects."""

from __future__ import annotations

from typing import Mapping

from transitions import Machine, MachineError

from .loader import gc_paused
from .model import Story


class ChoiceUnavailable(Exception):
    """The choice does not exist in this scene, or its condition is false."""


def state_name(role: str, scene: str) -> str:
    """The machine state for a scene of a role."""
    return f"{role}:{scene}"


class _Cursor:
    """The one model object the machine moves; sessions keep their own state and borrow it."""

    state: str = ""


class StoryMachine:
    """One machine per loaded story, shared by every session playing it."""

    def __init__(self, story: Story):
        with gc_paused():  # tens of thousands of long-lived transition objects: see gc_paused
            self._build(story)

    def _build(self, story: Story) -> None:
        """Create the states and guarded transitions."""
        self.story = story
        rules = story.rules
        states = [state_name(r.id, s) for r in story.roles.values() for s in r.scenes]
        transitions = []
        for role in story.roles.values():
            for scene_id, scene in role.scenes.items():
                for choice in scene.choices:
                    compiled = rules.of(role.id, scene_id, choice.id)
                    transitions.append({
                        "trigger": choice.id,
                        "source": state_name(role.id, scene_id),
                        "dest": state_name(role.id, choice.goto),
                        "conditions": [lambda event, c=compiled: c.is_open(event.kwargs["values"])],
                        "before": [lambda event, c=compiled: event.kwargs["result"].update(c.effects.apply(event.kwargs["values"]))],
                    })
        self._cursor = _Cursor()
        # auto_transitions=False: with it on, 1,000 scenes took 5.6 s and 469 MB to build.
        self._machine = Machine(
            model=self._cursor, states=states or ["empty"], transitions=transitions,
            initial=states[0] if states else "empty", auto_transitions=False, send_event=True,
            ignore_invalid_triggers=False, model_attribute="state",
            # Bind nothing onto the cursor: an is_<scene>() per scene and a method per choice id
            # cost more than the rest of the build, and triggers are fired through machine.events.
            model_override=True,
        )

    def advance(self, role: str, scene: str, choice: str, values: Mapping) -> tuple[str, dict]:
        """Take a choice from a scene: the next scene id and the variables after its effects."""
        self._machine.set_state(state_name(role, scene), model=self._cursor)
        result = dict(values)
        event = self._machine.events.get(choice)
        if event is None:
            raise ChoiceUnavailable(f"there is no choice '{choice}' in scene '{scene}'")
        try:
            moved = event.trigger(self._cursor, values=values, result=result)
        except MachineError:
            raise ChoiceUnavailable(f"there is no choice '{choice}' in scene '{scene}'") from None
        if not moved:
            raise ChoiceUnavailable(f"choice '{choice}' is not open in scene '{scene}' now")
        next_role, _, next_scene = self._cursor.state.partition(":")
        return next_scene, result
