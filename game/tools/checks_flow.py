"""Checks over where play can go: unreachable scenes and endings, dead ends, traps, ranges."""

from __future__ import annotations

from game.engine import LoadedStory, Problem, Severity, error, warning

from .explore import MAX_STATES, Exploration, explore_story, reachable_scenes

Explored = dict[str, Exploration]
#: A problem before it is placed in a file: (severity, code, key for LoadedStory.locate, message, hint).
#: Plain data, so lint can keep a role's findings in its cache while the files' lines move.
Finding = tuple[str, str, tuple, str, str]


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


def _at(scene_id: str, role_id: str) -> tuple:
    """The locate key of a scene's id (see scene_at)."""
    return (role_id, "scenes", scene_id, "<key>")


def placed(story: LoadedStory, findings: list[Finding]) -> list[Problem]:
    """Findings as problems at their places in the story's files."""
    make = {Severity.ERROR.value: error, Severity.WARNING.value: warning}
    return [make[severity](code, story.locate(*key), message, hint) for severity, code, key, message, hint in findings]


def _per_role(story: LoadedStory, explored: Explored | None, finder) -> list[Problem]:
    explored = explored or explore_story(story, project=True)
    return placed(story, [f for role_id, found in explored.items() for f in finder(role_id, found)])


def check_unplayable_scenes(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W302: scenes that choices point to, but whose conditions never let any playthrough in."""
    return _per_role(story, explored, unplayable_scenes)


def unplayable_scenes(role_id: str, found: Exploration) -> list[Finding]:
    """W302 findings of one role's search."""
    findings = []
    for role_id, role, linked, played in _fully_explored({role_id: found}):
        for scene_id in role.scenes:
            if scene_id in linked and scene_id not in played and not role.scenes[scene_id].is_ending:
                findings.append((
                    "warning", "W302", _at(scene_id, role_id),
                    f"no playthrough reaches scene '{scene_id}': every choice that leads here is closed by its "
                    "condition whenever it is offered (or sits in a scene no playthrough reaches)",
                    "check the 'if:' of the choices that go here against the variables' starting values and effects"))
    return findings


def check_unreachable_endings(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W303: endings no playthrough can reach."""
    return _per_role(story, explored, unreachable_endings)


def unreachable_endings(role_id: str, found: Exploration) -> list[Finding]:
    """W303 findings of one role's search."""
    findings = []
    for role_id, role, linked, played in _fully_explored({role_id: found}):
        for scene_id, scene in role.scenes.items():
            if scene.is_ending and scene_id not in played:
                why = ("no choice leads to it" if scene_id not in linked
                       else "the conditions of the choices that lead to it are never true when they are offered")
                findings.append(("warning", "W303", _at(scene_id, role_id),
                                 f"no playthrough can reach ending '{scene_id}': {why}",
                                 f"add a choice with 'goto: {scene_id}' that can be open, or delete the ending"))
    return findings


def check_dead_ends(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """E304: a non-ending scene where, for some reachable variables, no choice is open."""
    return _per_role(story, explored, dead_ends)


def dead_ends(role_id: str, found: Exploration) -> list[Finding]:
    """E304 findings of one role's search."""
    findings = []
    reported: set[str] = set()
    for state in found.dead_ends():  # in breadth-first order: the first is the shortest path
        scene_id = found.scene_of(state)
        if scene_id in reported:
            continue
        reported.add(scene_id)
        findings.append((
            "error", "E304", _at(scene_id, role_id),
            f"dead end: in scene '{scene_id}' no choice is open when {found.describe_values(state)} "
            f"(reached by {found.describe_path(state)})",
            "add a choice without 'if:', or loosen a condition so one choice is always open"))
    return findings


def check_traps(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """E305: loops with no way out: states where choices stay open but no ending can ever be reached."""
    return _per_role(story, explored, traps)


def traps(role_id: str, found: Exploration) -> list[Finding]:
    """E305 findings of one role's search."""
    if not found.complete or not found.states:
        return []
    # A state that can still reach an ending is fine; one that can only reach a dead end (E304) or a
    # choice to an unknown scene (E103) is reported there. Whatever is left goes round for ever.
    escape = found.reaching(set(found.endings()) | set(found.dead_ends()) | found.broken)
    if len(escape) == len(found.states):
        return []
    trapped = set(range(len(found.states))) - escape
    findings = []
    reported: set[str] = set()
    # Breadth first, so the first trapped state is where the shortest path walks into a loop.
    # Later reports are at the first trapped state of a scene no reported loop goes round; the
    # choice depends only on scenes, so a search that merges states differing in variables
    # that no longer matter (explore_projected) reports the same states.
    for state in sorted(trapped):
        scene_id = found.scene_of(state)
        if scene_id in reported:
            continue
        loop = sorted({found.scene_of(s) for s in found.forward(state) & trapped})
        reported.update(loop)  # one report per loop
        findings.append((
            "error", "E305", _at(scene_id, role_id),
            f"loop with no way out: from scene '{scene_id}' (when {found.describe_values(state)}) the choices "
            f"only go round {', '.join(loop)} and no ending can be reached (reached by {found.describe_path(state)})",
            "give one scene of the loop a choice that leaves it, open whatever the variables are"))
    return findings


def check_choices_never_open(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W306: choices in reachable scenes whose condition is false in every state that reaches them."""
    return _per_role(story, explored, choices_never_open)


def choices_never_open(role_id: str, found: Exploration) -> list[Finding]:
    """W306 findings of one role's search."""
    if not found.complete:
        return []
    taken = found.taken()
    played = {scene for scene, _ in found.states}
    order = {scene_id: number for number, scene_id in enumerate(found.role.scenes)}
    findings = []
    for scene_id in sorted(played, key=order.__getitem__):
        for index, choice in enumerate(found.role.scenes[scene_id].choices):
            if ((scene_id, choice.id) not in taken and choice.goto in found.role.scenes
                    and (scene_id, choice.id) not in found.opened_by_departure):
                findings.append((
                    "warning", "W306", (role_id, "scenes", scene_id, "choices", index, "if"),
                    f"choice '{choice.id}' in scene '{scene_id}' is never open: its condition "
                    f"'{choice.condition}' is false in every playthrough that reaches the scene",
                    "check the condition against the values the variables can have here"))
    return findings


def check_variable_ranges(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W310: effects that drive a variable outside its declared min..max (the engine clamps it).

    One warning per variable and direction, at the first such choice, naming the others:
    a gauge pinned at its end is one design question, not one per choice.
    """
    return _per_role(story, explored, variable_ranges)


def variable_ranges(role_id: str, found: Exploration) -> list[Finding]:
    """W310 findings of one role's search."""
    role = found.role
    groups: dict[tuple[str, bool], list] = {}
    for overflow in found.overflows:
        groups.setdefault((overflow.variable, overflow.value > overflow.bound), []).append(overflow)
    findings = []
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
        findings.append((
            "warning", "W310", (role_id, "scenes", scene_id, "choices", index, "set"),
            f"choice '{first.choice}' drives '{name}' to {first.value}, {side} {first.bound}{default} "
            f"(when {found.describe_values(first.state)}, reached by {found.describe_path(first.state)}){others}",
            f"the engine clamps it to {first.bound}; change the effects or the range if that is not meant"))
    return findings


def check_exploration_limit(story: LoadedStory, explored: Explored | None = None) -> list[Problem]:
    """W323: a role with so many (scene, variables) states that the search stopped early."""
    return _per_role(story, explored, exploration_limit)


def exploration_limit(role_id: str, found: Exploration) -> list[Finding]:
    """W323 findings of one role's search."""
    if found.complete:
        return []
    return [("warning", "W323", (role_id,), f"role '{role_id}' has more than {MAX_STATES:,} reachable "
             "(scene, variables) states; dead-end, loop and reachability checks looked at the first ones only",
             "give number variables a min and max, so loops cannot count up for ever")]


#: What lint asks of each role's search, in the order the problems are listed.
ROLE_FINDERS = [unplayable_scenes, unreachable_endings, dead_ends, traps, choices_never_open, variable_ranges,
                exploration_limit]


def role_findings(role_id: str, found: Exploration) -> list[list[Finding]]:
    """The findings of each of ROLE_FINDERS, for one role's search."""
    return [finder(role_id, found) for finder in ROLE_FINDERS]
