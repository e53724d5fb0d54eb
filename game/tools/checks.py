"""Story checks beyond loading: graph, history and writing rules. Each check_<thing> returns problems."""

from __future__ import annotations

from game.engine import LoadedStory, Problem

from .checks_flow import ROLE_FINDERS, check_unreachable_scenes, placed, role_findings
from .checks_record import (
    check_alternatives_survive, check_contested_versions, check_decision_records, check_documented_sources,
    check_dramatized_notes, check_quote_length, check_record_positions,
)
from .checks_links import check_link_times
from .checks_text import check_drawable_characters, check_working_words
from .checks_variables import check_variable_use
from .checks_writing import check_images, check_scene_length, check_time_order, check_translations
from .explore import explore_projected, gc_paused
from .sweep import finds_nothing


def run_checks(story: LoadedStory, cache=None) -> list[Problem]:
    """Every writer-tooling check over a loaded story.

    With a flowcache.FlowCache, a role whose search inputs are unchanged since the last lint
    takes its play-search findings from it instead of searching again. A role the sweep shows
    clean (sweep.py) needs no search at all; the others are searched in full.
    """
    problems: list[Problem] = check_unreachable_scenes(story)
    with gc_paused():
        problems.extend(placed(story, play_findings(story, cache)))
        for check in CHECKS:
            problems.extend(check(story))
    return problems


def play_findings(story: LoadedStory, cache=None) -> list:
    """The findings of the checks that play the story (W302-W306, W310, W323), check by check then role by role."""
    per_role = []
    for role_id in story.roles:
        key = None
        found = None
        if cache is not None:
            from .flowcache import role_key

            key = role_key(story, role_id, cache.code)
            found = cache.get(key)
        if found is None:
            if finds_nothing(story, role_id):
                found = [[] for _ in ROLE_FINDERS]  # shown clean without recording every state
            else:  # searched once per role, shared by every check that plays the story
                found = role_findings(role_id, explore_projected(story, role_id))
            if cache is not None:
                cache.put(key, found)
        per_role.append(found)
    return [finding for number in range(len(ROLE_FINDERS)) for findings in per_role for finding in findings[number]]


#: The checks that read only the story (the play-search checks run in play_findings).
CHECKS: list = [
    check_variable_use,
    check_documented_sources, check_quote_length, check_contested_versions, check_dramatized_notes,
    check_decision_records, check_alternatives_survive, check_record_positions,
    check_scene_length, check_time_order, check_link_times, check_images, check_translations,
    check_working_words, check_drawable_characters,
]
