"""Checks over where play can go: unreachable scenes and endings, dead ends, traps, ranges."""

from __future__ import annotations

from game.engine import LoadedStory, Problem, error, warning

from .explore import MAX_STATES, Exploration, explore_story, reachable_scenes

Explored = dict[str, Exploration]


def scene_at(story: LoadedStory, role_id: str, scene_id: str):
    """The location of a scene's id key (the line a writer looks for)."""
    return story.locate(role_id, "scenes", scene_id, "<key>")


def check_unreachable_scenes(story: LoadedStory) -> list[Problem]:
    """W301: scenes (other than endings, see W303) that no chain of choices leads to from the start."""
    problems = []
    for role in story.roles.values():
        if role.start not in role.scenes:
            continue  # E107 already says the start is missing
        reached = reachable_scenes(role)
        for scene_id, scene in role.scenes.items():
            if scene_id not in reached and not scene.is_ending:
                problems.append(warning(
                    "W301", scene_at(story, role.id, scene_id),
                    f"scene '{scene_id}' cannot be reached: no choice from '{role.start}' onwards leads to it",
                    "add a choice with 'goto: " + scene_id + "', or delete the scene"))
    return problems


def _fully_explored(explored: "Explored"):
    """(role id, role, scenes linked from the start, scenes some playthrough reaches) per fully searched role."""
    for role_id, found in explored.items():
        role = found.role
        if found.complete and role.start in role.scenes:
            yield role_id, role, reachable_scenes(role), {scene for scene, _ in found.states}


def check_unplayable_scenes(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W302: scenes that choices point to, but whose conditions never let any playthrough in."""
    explored = explored or explore_story(story)
    problems = []
    for role_id, role, linked, played in _fully_explored(explored):
        for scene_id in role.scenes:
            if scene_id in linked and scene_id not in played and not role.scenes[scene_id].is_ending:
                problems.append(warning(
                    "W302", scene_at(story, role_id, scene_id),
                    f"no playthrough reaches scene '{scene_id}': every choice that leads here is closed by its "
                    "condition whenever it is offered (or sits in a scene no playthrough reaches)",
                    "check the 'if:' of the choices that go here against the variables' starting values and effects"))
    return problems


def check_unreachable_endings(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W303: endings no playthrough can reach."""
    explored = explored or explore_story(story)
    problems = []
    for role_id, role, linked, played in _fully_explored(explored):
        for scene_id, scene in role.scenes.items():
            if scene.is_ending and scene_id not in played:
                why = ("no choice leads to it" if scene_id not in linked
                       else "the conditions of the choices that lead to it are never true when they are offered")
                problems.append(warning("W303", scene_at(story, role_id, scene_id),
                                        f"no playthrough can reach ending '{scene_id}': {why}",
                                        f"add a choice with 'goto: {scene_id}' that can be open, or delete the ending"))
    return problems


def check_dead_ends(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """E304: a non-ending scene where, for some reachable variables, no choice is open."""
    explored = explored or explore_story(story)
    problems = []
    for role_id, found in explored.items():
        reported: set[str] = set()
        for state in found.dead_ends():  # in breadth-first order: the first is the shortest path
            scene_id = found.scene_of(state)
            if scene_id in reported:
                continue
            reported.add(scene_id)
            problems.append(error(
                "E304", scene_at(story, role_id, scene_id),
                f"dead end: in scene '{scene_id}' no choice is open when {found.describe_values(state)} "
                f"(reached by {found.describe_path(state)})",
                "add a choice without 'if:', or loosen a condition so one choice is always open"))
    return problems


def check_traps(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """E305: loops with no way out: states where choices stay open but no ending can ever be reached."""
    explored = explored or explore_story(story)
    problems = []
    for role_id, found in explored.items():
        if not found.complete or not found.states:
            continue
        # A state that can still reach an ending is fine; one that can only reach a dead end (E304) or a
        # choice to an unknown scene (E103) is reported there. Whatever is left goes round for ever.
        escape = found.reaching(set(found.endings()) | set(found.dead_ends()) | found.broken)
        trapped = set(range(len(found.states))) - escape
        reported: set[str] = set()
        for state in sorted(trapped):
            link = found.parent[state]
            if link is not None and link[0] in trapped:
                continue  # report where the player walks into the loop, not every scene of it
            scene_id = found.scene_of(state)
            if scene_id in reported:
                continue
            loop = sorted({found.scene_of(s) for s in found.forward(state) & trapped})
            reported.update(loop)  # one report per loop, at the first way into it
            problems.append(error(
                "E305", scene_at(story, role_id, scene_id),
                f"loop with no way out: from scene '{scene_id}' (when {found.describe_values(state)}) the choices "
                f"only go round {', '.join(loop)} and no ending can be reached (reached by {found.describe_path(state)})",
                "give one scene of the loop a choice that leaves it, open whatever the variables are"))
    return problems


def check_choices_never_open(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W306: choices in reachable scenes whose condition is false in every state that reaches them."""
    explored = explored or explore_story(story)
    problems = []
    for role_id, found in explored.items():
        if not found.complete:
            continue
        taken = {(found.scene_of(s), choice) for s, out in enumerate(found.edges) for choice, _ in out}
        played = {scene for scene, _ in found.states}
        order = {scene_id: number for number, scene_id in enumerate(found.role.scenes)}
        for scene_id in sorted(played, key=order.__getitem__):
            for index, choice in enumerate(found.role.scenes[scene_id].choices):
                if (scene_id, choice.id) not in taken and choice.goto in found.role.scenes:
                    problems.append(warning(
                        "W306", story.locate(role_id, "scenes", scene_id, "choices", index, "if"),
                        f"choice '{choice.id}' in scene '{scene_id}' is never open: its condition "
                        f"'{choice.condition}' is false in every playthrough that reaches the scene",
                        "check the condition against the values the variables can have here"))
    return problems


def check_variable_ranges(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W310: effects that drive a variable outside its declared min..max (the engine clamps it).

    One warning per variable and direction, at the first such choice, naming the others:
    a gauge pinned at its end is one design question, not one per choice.
    """
    explored = explored or explore_story(story)
    problems = []
    for role_id, found in explored.items():
        role = found.role
        groups: dict[tuple[str, bool], list] = {}
        for overflow in found.overflows:
            groups.setdefault((overflow.variable, overflow.value > overflow.bound), []).append(overflow)
        for (name, above), overflows in groups.items():
            first = overflows[0]  # breadth first: the one with the shortest path
            scene_id = found.scene_of(first.state)
            index = next(i for i, c in enumerate(role.scenes[scene_id].choices) if c.id == first.choice)
            choices = list(dict.fromkeys(f"{found.scene_of(o.state)}/{o.choice}" for o in overflows))
            others = f"; also {len(choices) - 1} more: {', '.join(choices[1:6])}{' ...' * (len(choices) > 6)}" \
                if len(choices) > 1 else ""
            declared = role.variables[name].max if above else role.variables[name].min
            side = "above its maximum" if above else "below its minimum"
            default = "" if declared is not None else " (the default for a number that declares none)"
            problems.append(warning(
                "W310", story.locate(role_id, "scenes", scene_id, "choices", index, "set"),
                f"choice '{first.choice}' drives '{name}' to {first.value}, {side} {first.bound}{default} "
                f"(when {found.describe_values(first.state)}, reached by {found.describe_path(first.state)}){others}",
                f"the engine clamps it to {first.bound}; change the effects or the range if that is not meant"))
    return problems


def check_exploration_limit(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W323: a role with so many (scene, variables) states that the search stopped early."""
    explored = explored or explore_story(story)
    return [warning("W323", story.locate(role_id), f"role '{role_id}' has more than {MAX_STATES:,} reachable "
                    "(scene, variables) states; dead-end, loop and reachability checks looked at the first ones only",
                    "give number variables a min and max, so loops cannot count up for ever")
            for role_id, found in explored.items() if not found.complete]
