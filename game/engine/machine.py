"""The story as a transitions.Machine: scenes are states, choices are guarded triggers with effects."""

from __future__ import annotations

from typing import Any, Mapping

from transitions import Machine

from .conditions import NO_EFFECTS
from .gcpause import gc_paused
from .model import Story
from .rules import CompiledChoice, Rules


class ChoiceUnavailable(Exception):
    """The choice does not exist in this scene, or its condition is false."""


def state_name(role: str, scene: str) -> str:
    """The machine state for a scene of a role."""
    return f"{role}:{scene}"


def _callbacks_of(compiled) -> tuple[tuple, tuple]:
    """The guard and effect callbacks of a compiled choice, as transitions takes them.

    Tuples, because transitions keeps the very object it is given and several transitions
    share these.
    """
    conditions = () if compiled.condition is None else (lambda event: compiled.is_open(event.kwargs["values"]),)
    before = () if compiled.effects is NO_EFFECTS else (
        lambda event: event.kwargs["result"].update(compiled.effects.apply(event.kwargs["values"])),)
    return conditions, before


class StoryMachine:
    """One machine per loaded story, shared by every session playing it in any language.

    It holds ids and rules only (scenes, choices, conditions, effects), which every translation
    of a story shares, so one machine serves every edition built from the same load.
    """

    def __init__(self, story: Story, rules: Rules):
        self.rules = rules
        with gc_paused():  # tens of thousands of long-lived transition objects: see gc_paused
            self._build(story, rules)

    def _build(self, story: Story, rules: Rules) -> None:
        """Create the states; each scene's guarded transitions are added when play first reaches it.

        Adding a transition to `transitions` costs ~3 µs, 0.05 s for the 15,000 choices of a
        5,000-scene story, of which one playthrough takes a few dozen: so a scene's transitions
        are added the first time a choice is taken from it (_add_scene), and the machine then
        holds them like any other.
        """
        states = [state_name(r.id, s) for r in story.roles.values() for s in r.scenes]
        self._story = story
        self._added: set[tuple[str, str]] = set()  # (role, scene) whose transitions the machine holds
        # One guard and one effect callback per distinct compiled rule (choices with the same
        # `if:` and `set:` share one), none where a choice has no condition or no effects.
        self._callbacks: dict = {}
        # auto_transitions=False: with it on, 1,000 scenes took 5.6 s and 469 MB to build.
        # model=None: no model is registered; advance() takes a choice through the transition
        # it reads from the machine. A registered model gets an is_<scene>() per scene bound onto it (or, with
        # model_override, a logged warning per scene), which cost more than the transitions.
        self._resolved: dict[tuple[str, str, str], tuple] = {}  # (role, scene, choice) -> (next scene, rule), on first use
        self._scene_rules: dict[tuple[str, str], tuple] = {}  # (role, scene) -> its choices' rules, on first use
        self._machine = Machine(
            model=None, states=states or ["empty"], initial=states[0] if states else "empty",
            auto_transitions=False, send_event=True, ignore_invalid_triggers=False, model_attribute="state",
        )

    def _add_scene(self, role_id: str, scene_id: str) -> None:
        """Add the guarded transitions of one scene's choices to the machine (once)."""
        self._added.add((role_id, scene_id))
        role = self._story.roles.get(role_id)
        scene = role.scenes.get(scene_id) if role is not None else None
        if scene is None:
            return
        add, callbacks = self._machine.add_transition, self._callbacks
        for choice in scene.choices:
            compiled = self.rules.of(role_id, scene_id, choice.id)
            guard_and_effects = callbacks.get(id(compiled))
            if guard_and_effects is None:
                guard_and_effects = callbacks[id(compiled)] = _callbacks_of(compiled)
            conditions, before = guard_and_effects
            add(choice.id, state_name(role_id, scene_id), state_name(role_id, choice.goto),
                conditions=conditions, before=before)

    def advance(self, role: str, scene: str, choice: str, values: Mapping) -> tuple[str, dict]:
        """Take a choice from a scene: the next scene id and the variables after its effects."""
        found = self._resolved.get((role, scene, choice))
        if found is None:
            found = self._resolve(role, scene, choice)
        next_scene, compiled = found
        if compiled.test is not None and not compiled.test(values):
            raise ChoiceUnavailable(f"choice '{choice}' is not open in scene '{scene}' now")
        return next_scene, (dict(values) if compiled.effects is NO_EFFECTS else compiled.effects.apply(values))

    def scene_tests(self, role: str, scene: str, choices) -> tuple[Any, ...]:
        """The condition test of each of a scene's choices (None: always open), in the writer's order.

        Looked up once per scene: front ends ask for the open choices on every redraw. Only the
        tests are kept, not the choices: editions in other languages share this machine.
        """
        found = self._scene_rules.get((role, scene))
        if found is None:
            found = self._scene_rules[(role, scene)] = tuple(self.rules.of(role, scene, c.id).test for c in choices)
        return found

    def _resolve(self, role: str, scene: str, choice: str) -> tuple[str, CompiledChoice]:
        """A choice's transition as the machine holds it, read once: (next scene, its compiled rule).

        Firing a trigger by name through transitions cost ~50 µs a choice (an event object,
        callback resolution, state exit and entry for a cursor nobody observes). A transition
        never changes after the build, so it is read from the machine on first use and its guard
        and effects (the compiled rule the machine's own callbacks wrap) applied directly after.
        """
        if (role, scene) not in self._added:
            self._add_scene(role, scene)
        event = self._machine.events.get(choice)
        transitions = event.transitions.get(state_name(role, scene)) if event is not None else None
        if not transitions:
            raise ChoiceUnavailable(f"there is no choice '{choice}' in scene '{scene}'")
        # choice ids are unique in a scene (validate checks it), so a trigger has one transition here
        found = (transitions[0].dest.partition(":")[2], self.rules.of(role, scene, choice))
        self._resolved[(role, scene, choice)] = found
        return found
