"""Checks that keep the story honest about the record: sources, quotes, versions, decisions."""

from __future__ import annotations

from game.engine import LoadedStory, Problem, error, historical_path, iter_quotes, warning

from .checks_flow import scene_at
from .depth import MAX_POSITION_SHARE, record_positions

MAX_QUOTE_WORDS = 50  # a quote, not a copied page: fair use and readable on the kiosk


def check_documented_sources(story: LoadedStory) -> list[Problem]:
    """E311: a documented history (or documented or reconstructed dossier document) that cites no source."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            history = scene.history
            if history is not None and history.status == "documented" and not history.sources:
                problems.append(error(
                    "E311", story.locate(role.id, "scenes", scene_id, "history", "status"),
                    f"scene '{scene_id}': documented history cites no source",
                    "add 'sources:' with '- source: <key in sources.yaml>' and 'quote: \"exact words\"', "
                    "or mark it 'status: dramatized'"))
            for index, document in enumerate(scene.dossier):
                if document.status in ("documented", "reconstructed") and not document.sources:
                    problems.append(error(
                        "E311", story.locate(role.id, "scenes", scene_id, "dossier", index, "status"),
                        f"scene '{scene_id}': {document.status} dossier '{document.id}' cites no source",
                        "add 'sources:' with exact quotes, or mark it 'status: dramatized'"))
    return problems


def check_quote_length(story: LoadedStory) -> list[Problem]:
    """W312: a quote longer than 50 words."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            for at, quote in iter_quotes(role.id, scene_id, scene):
                words = len(quote.quote.split())
                if words > MAX_QUOTE_WORDS:
                    problems.append(warning(
                        "W312", story.locate(*at, "quote"),
                        f"quote from '{quote.source}' has {words} words (the limit is {MAX_QUOTE_WORDS})",
                        "quote only the words that back the claim; split it into two quotes if both halves matter"))
    return problems


def check_contested_versions(story: LoadedStory) -> list[Problem]:
    """E313: a contested history with fewer than two versions."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            history = scene.history
            if history is not None and history.status == "contested" and len(history.versions) < 2:
                problems.append(error(
                    "E313", story.locate(role.id, "scenes", scene_id, "history", "status"),
                    f"scene '{scene_id}': contested history gives {len(history.versions)} version(s); it needs "
                    "at least two", "add 'versions:', each with 'claim:' and 'sources:', one per side"))
    return problems


def check_dramatized_notes(story: LoadedStory) -> list[Problem]:
    """W324: a dramatized history that does not say what in the scene is invented."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            history = scene.history
            if history is not None and history.status == "dramatized" and not history.dramatized.strip():
                problems.append(warning(
                    "W324", story.locate(role.id, "scenes", scene_id, "history", "status"),
                    f"scene '{scene_id}': dramatized history does not say what is invented",
                    "add 'dramatized: <what in this scene is made up>'"))
    return problems


def check_decision_records(story: LoadedStory) -> list[Problem]:
    """E314: a decision scene with no `record: actual` choice; E315: with more than one."""
    problems = []
    for role in story.roles.values():
        on_record = set(historical_path(role))
        for scene_id, scene in role.scenes.items():
            if not scene.is_decision:
                continue
            actual = [i for i, c in enumerate(scene.choices) if c.record == "actual"]
            if not actual:
                hint = ("mark what the real person did with 'record: actual'" if scene_id in on_record else
                        f"'{scene_id}' is off the historical path, so the real person never faced it: remove "
                        "'record:' from its choices (keep it only where they really did face this choice)")
                problems.append(error(
                    "E314", scene_at(story, role.id, scene_id),
                    f"decision scene '{scene_id}' has no choice marked 'record: actual'", hint))
            for index in actual[1:]:
                first = scene.choices[actual[0]].id
                problems.append(error(
                    "E315", story.locate(role.id, "scenes", scene_id, "choices", index, "record"),
                    f"decision scene '{scene_id}' has more than one 'record: actual' choice "
                    f"('{scene.choices[index].id}' and '{first}')",
                    "only one choice is what happened; mark the others 'considered' or 'invented'"))
    return problems


def check_alternatives_survive(story: LoadedStory) -> list[Problem]:
    """W316: a decision where every alternative to the historical choice ends the role at once."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            actual = [c for c in scene.choices if c.record == "actual"]
            others = [c for c in scene.choices if c.record != "actual"]
            if not scene.is_decision or len(actual) != 1 or not others:
                continue
            if all(c.goto in role.scenes and role.scenes[c.goto].is_ending for c in others):
                problems.append(warning(
                    "W316", scene_at(story, role.id, scene_id),
                    f"decision '{scene_id}': every alternative to '{actual[0].id}' ends the role at once "
                    f"({', '.join(c.id + ' -> ' + c.goto for c in others)})",
                    "let at least one alternative go on, rejoining the main line with changed variables"))
    return problems


#: Fewer decisions than this say little about a pattern; small stories and examples are left alone.
MIN_DECISIONS_FOR_POSITIONS = 4


def check_record_positions(story: LoadedStory) -> list[Problem]:
    """W325: a role whose record choices mostly sit in one list position, so players can win by pattern."""
    problems = []
    for role in story.roles.values():
        positions = record_positions(role)
        total = sum(positions.values())
        if total < MIN_DECISIONS_FOR_POSITIONS:
            continue
        position, count = max(positions.items(), key=lambda item: (item[1], -item[0]))
        if count > MAX_POSITION_SHARE * total:
            problems.append(warning(
                "W325", story.locate(role.id),
                f"role '{role.id}': the record's choice is option {position} in {count} of {total} decisions; "
                "players can follow history by position instead of by thinking like the person",
                "reorder choices so that no position holds more than half of the record's choices"))
    return problems
