"""Checks on consequences across roles: a link must read a value the other role has set by then."""

from __future__ import annotations

from game.engine import LoadedStory, Problem, error, scene_key


def check_link_times(story: LoadedStory) -> list[Problem]:
    """E340: an `if:` or `set:` that reads another role's choice or variable only set later on the timeline."""
    problems = []
    writers = _writers(story)
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            here = scene_key(story.story, story.rules, role.id, scene_id)
            for index, choice in enumerate(scene.choices):
                compiled = story.rules.of(role.id, scene_id, choice.id)
                for field, names in (("if", compiled.condition.reads if compiled.condition else frozenset()),
                                     ("set", compiled.effects.reads)):
                    for name in sorted(n for n in names if "." in n):
                        message = _too_late(story, writers, name, here)
                        if message:
                            problems.append(error(
                                "E340", story.locate(role.id, "scenes", scene_id, "choices", index, field),
                                f"scene '{scene_id}' (at {scene.when}) reads '{name}', {message}",
                                "a scene can only depend on what another role did before it: move the link to a "
                                "later scene, or fix the times"))
    return problems


def _writers(story: LoadedStory) -> dict[tuple[str, str], list[str]]:
    """For each (role, variable), the scenes with a choice whose effects set it."""
    found: dict[tuple[str, str], list[str]] = {}
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            for choice in scene.choices:
                for name in story.rules.of(role.id, scene_id, choice.id).effects.writes:
                    scenes = found.setdefault((role.id, name), [])
                    if scene_id not in scenes:
                        scenes.append(scene_id)
    return found


def _too_late(story: LoadedStory, writers: dict, name: str, here: tuple) -> str:
    """Why a cross-role name cannot have been set before a point of the timeline, or ''."""
    other, _, rest = name.partition(".")
    if other not in story.roles:
        return ""  # the loader's E205
    target, dot, _ = rest.partition(".")
    if dot:
        scenes = story.roles[other].scenes
        if target in scenes and scene_key(story.story, story.rules, other, target) > here:
            return f"but {other}'s scene '{target}' comes later (at {scenes[target].when})"
        return ""
    sets = writers.get((other, rest), [])
    if sets and all(scene_key(story.story, story.rules, other, s) > here for s in sets):
        first = min(sets, key=lambda s: scene_key(story.story, story.rules, other, s))
        return (f"but {other} first changes '{rest}' later (in '{first}' at {story.roles[other].scenes[first].when}), "
                "so it always reads the starting value")
    return ""
