"""Reference checks over a loaded story, and compiling its conditions and effects."""

from __future__ import annotations

from .conditions import NO_EFFECTS, ExpressionError, compile_condition, compile_effects
from .errors import Problem, did_you_mean, error
from .links import foreign_types
from .loaded import LoadedStory
from .locations import Locations
from .model import DEFAULT_BOUND, LARGEST_BOUND, Role, Story
from .rules import CompiledChoice, Rules


def validate_story(read: Story, locations: Locations) -> tuple[LoadedStory, list[Problem]]:
    """The story with its compiled rules beside it, and every reference problem in it."""
    story = LoadedStory(read, locations=locations)  # the checks below read places through it
    problems: list[Problem] = []
    compiled: dict = {}
    premises: dict = {}
    for role in story.roles.values():
        problems.extend(check_variables(story, role))
        problems.extend(check_start(story, role))
        problems.extend(check_scenes(story, role))
        problems.extend(check_expressions(story, role, compiled))
        problems.extend(check_premise(story, role, premises))
    problems.extend(check_source_keys(story))
    return LoadedStory(read, Rules(compiled, premises), locations), problems


def check_premise(story: LoadedStory, role: Role, premises: dict) -> list[Problem]:
    """Compile a role's `premise: if:`, which may read only the other roles' names."""
    if role.premise is None:
        return []
    try:
        premises[role.id] = compile_condition(role.premise.condition, foreign_types(story.story, role.id))
    except ExpressionError as exc:
        own = [name for name in role.variables if exc.message == f"undefined variable '{name}'"]
        if own:  # declared, but a premise is about the other seats, never this one
            exc = ExpressionError(exc.code, f"'{own[0]}' is this role's own variable: a premise reads only the other "
                                  "roles' names", exc.column, "name another role's choice or variable, such as "
                                  "'pilot.cameras.fire' or 'pilot.nerve'")
        return [_expression_problem(story, (role.id, "premise", "if"), exc, "premise")]
    return []


def check_variables(story: LoadedStory, role: Role) -> list[Problem]:
    """Initial values of the right type, inside a sensible range."""
    problems = []
    for name, var in role.variables.items():
        where = story.locate(role.id, "variables", name)
        if var.type == "bool" and not isinstance(var.initial, bool):
            problems.append(error("E109", where, f"variable '{name}' is true/false but starts at {var.initial}",
                                  "use 'initial: true' or 'initial: false'"))
        if var.type == "int":
            if isinstance(var.initial, bool):
                problems.append(error("E109", where, f"variable '{name}' is a number but starts at "
                                      f"{str(var.initial).lower()}", "give a whole number"))
            low, high = var.bounds
            too_far = [(key, value) for key, value in (("min", var.min), ("max", var.max), ("initial", var.initial))
                       if not isinstance(value, bool) and value is not None and abs(value) > LARGEST_BOUND]
            if too_far:
                key, value = too_far[0]
                problems.append(error("E109", where, f"variable '{name}' has {key} {_short(value)}, beyond "
                                      f"±{LARGEST_BOUND:,}", "story numbers stay within a billion either way"))
            elif low > high:
                problems.append(error("E109", where, f"variable '{name}' has min {low} above max {high}",
                                      _default_hint(var)))
            elif not isinstance(var.initial, bool) and not low <= var.initial <= high:
                problems.append(error("E109", where, f"variable '{name}' starts at {var.initial}, outside "
                                      f"{low}..{high}", _default_hint(var)))
        elif var.min is not None or var.max is not None:
            problems.append(error("E109", where, f"variable '{name}' is true/false and cannot have min or max"))
    return problems


def _default_hint(var) -> str:
    """Why a range the writer did not fully declare is what it is."""
    missing = [key for key in ("min", "max") if getattr(var, key) is None]
    if not missing:
        return ""
    if len(missing) == 2:
        return f"without 'min:' and 'max:' a number stays within ±{DEFAULT_BOUND:,}; declare them to go further"
    edge = f"-{DEFAULT_BOUND:,}" if missing[0] == "min" else f"{DEFAULT_BOUND:,}"
    return f"without '{missing[0]}:' a number stops at {edge}; declare it if it needs to go further"


def _short(value: int) -> str:
    """A number as a message shows it: whole when short, else its first digits and its length."""
    try:
        text = str(value)
    except ValueError:  # past Python's 4,300-digit limit for printing an int
        return "a number of more than 4,300 digits"
    return text if len(text) <= 20 else f"{text[:12]}... ({len(text.lstrip('-'))} digits)"


def check_start(story: LoadedStory, role: Role) -> list[Problem]:
    """The role's start scene exists."""
    if role.start in role.scenes:
        return []
    return [error("E107", story.locate(role.id, "start"), f"role '{role.id}' starts at unknown scene '{role.start}'",
                  did_you_mean(role.start, role.scenes) or "set 'start:' in role.yaml to one of the role's scenes")]


def check_scenes(story: LoadedStory, role: Role) -> list[Problem]:
    """Endings have no choices, other scenes have some; ids are unique; gotos point at real scenes."""
    problems = []
    for scene_id, scene in role.scenes.items():
        here = ("scenes", scene_id)  # located only when there is something to report
        if scene.is_ending and scene.choices:
            problems.append(error("E105", story.locate(role.id, *here), f"ending '{scene_id}' has choices",
                                  "an ending closes the role: remove 'choices:' or 'ending:'"))
        if not scene.is_ending and not scene.choices:
            problems.append(error("E105", story.locate(role.id, *here), f"scene '{scene_id}' has no choices and is not an ending",
                                  "add choices, or add an 'ending:' block"))
        seen: set[str] = set()
        for index, choice in enumerate(scene.choices):
            if choice.id in seen:
                problems.append(error("E104", story.locate(role.id, "scenes", scene_id, "choices", index, "id"),
                                      f"choice id '{choice.id}' is used twice in scene '{scene_id}'"))
            seen.add(choice.id)
            if choice.goto not in role.scenes:
                problems.append(error(
                    "E103", story.locate(role.id, "scenes", scene_id, "choices", index, "goto"),
                    f"choice '{choice.id}' goes to unknown scene '{choice.goto}'",
                    did_you_mean(choice.goto, role.scenes) or f"add a scene '{choice.goto}' to role '{role.id}'",
                ))
        dossier_ids: set[str] = set()
        for index, document in enumerate(scene.dossier):
            if document.id in dossier_ids:
                problems.append(error("E104", story.locate(role.id, "scenes", scene_id, "dossier", index, "id"),
                                      f"dossier id '{document.id}' is used twice in scene '{scene_id}'"))
            dossier_ids.add(document.id)
    return problems


def check_expressions(story: LoadedStory, role: Role, compiled: dict) -> list[Problem]:
    """Compile every `if:` and `set:`, reporting bad syntax and undefined names."""
    problems = []
    types = {**foreign_types(story.story, role.id), **{name: var.type for name, var in role.variables.items()}}
    bounds = {name: var.bounds for name, var in role.variables.items() if var.type == "int"}
    # Writers repeat the same tests ("fuel > 20") across many choices: compile each text once,
    # and share one CompiledChoice between choices with the same `if:` and `set:`.
    conditions: dict = {}
    effects_cache: dict = {}
    pairs: dict = {}
    for scene_id, scene in role.scenes.items():
        for index, choice in enumerate(scene.choices):
            if choice.condition is None and choice.effects is None:
                continue
            condition = effects = None
            try:
                if choice.condition is not None:
                    condition = conditions.get(choice.condition)
                    if condition is None:
                        condition = conditions[choice.condition] = compile_condition(choice.condition, types)
            except ExpressionError as exc:
                problems.append(_expression_problem(story, (role.id, "scenes", scene_id, "choices", index, "if"),
                                                    exc, "condition"))
            effects_key = None
            try:
                if choice.effects is not None:
                    effects_key = choice.effects if isinstance(choice.effects, str) else tuple(choice.effects)
                    effects = effects_cache.get(effects_key)
                    if effects is None:
                        effects = effects_cache[effects_key] = compile_effects(choice.effects, types, bounds)
            except ExpressionError as exc:
                problems.append(_expression_problem(story, (role.id, "scenes", scene_id, "choices", index, "set"),
                                                    exc, "effect"))
            if condition is not None or effects is not None:
                pair = (choice.condition if condition is not None else None, effects_key if effects is not None else None)
                rule = pairs.get(pair)
                if rule is None:
                    rule = pairs[pair] = CompiledChoice(condition, effects or NO_EFFECTS)
                compiled[(role.id, scene_id, choice.id)] = rule
    return problems


def _expression_problem(story: LoadedStory, at: tuple, exc: ExpressionError, what: str) -> Problem:
    """The error at the expression's place in its file: the list item at fault, then the column within it."""
    if exc.part is not None:
        at = (*at, exc.part)
    location = story.locate(*at)
    if story.has_location(*at):
        location = location.shifted(exc.column)
    return error(exc.code, location, f"{what}: {exc.message}", exc.hint)


def check_source_keys(story: LoadedStory) -> list[Problem]:
    """Every quote cites a source listed in sources.yaml."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            for at, quote in iter_quotes(role.id, scene_id, scene):
                if quote.source not in story.sources:
                    problems.append(error(
                        "E108", story.locate(*at, "source"), f"unknown source '{quote.source}'",
                        did_you_mean(quote.source, story.sources) or "add it to story/sources.yaml",
                    ))
    return problems


def iter_quotes(role_id: str, scene_id: str, scene):
    """Every quote in a scene, with its logical location."""
    base = (role_id, "scenes", scene_id)
    if scene.history:
        for i, quote in enumerate(scene.history.sources):
            yield base + ("history", "sources", i), quote
        for v, version in enumerate(scene.history.versions):
            for i, quote in enumerate(version.sources):
                yield base + ("history", "versions", v, "sources", i), quote
    for d, document in enumerate(scene.dossier):
        for i, quote in enumerate(document.sources):
            yield base + ("dossier", d, "sources", i), quote
