"""Story checks beyond loading: graph, history and writing rules. Each check_<thing> returns problems."""

from __future__ import annotations

from game.engine import LoadedStory, Problem

from .checks_flow import (
    check_choices_never_open, check_dead_ends, check_exploration_limit, check_traps, check_unplayable_scenes,
    check_unreachable_endings, check_unreachable_scenes, check_variable_ranges,
)
from .checks_record import (
    check_alternatives_survive, check_contested_versions, check_decision_records, check_documented_sources,
    check_dramatized_notes, check_quote_length, check_record_positions,
)
from .checks_links import check_link_times
from .checks_text import check_drawable_characters, check_working_words
from .checks_variables import check_variable_use
from .checks_writing import check_images, check_scene_length, check_time_order, check_translations
from .explore import explore_story, gc_paused


def run_checks(story: LoadedStory) -> list[Problem]:
    """Every writer-tooling check over a loaded story."""
    problems: list[Problem] = []
    with gc_paused():
        explored = explore_story(story)  # searched once, shared by every check that plays the story
        for check in CHECKS:
            problems.extend(check(story, explored) if check in PLAYING_CHECKS else check(story))
    return problems


#: Checks that look at every reachable (scene, variables) state; they accept the shared exploration.
PLAYING_CHECKS = [
    check_unplayable_scenes, check_unreachable_endings, check_dead_ends, check_traps, check_choices_never_open,
    check_variable_ranges, check_exploration_limit,
]

CHECKS: list = [
    check_unreachable_scenes, *PLAYING_CHECKS, check_variable_use,
    check_documented_sources, check_quote_length, check_contested_versions, check_dramatized_notes,
    check_decision_records, check_alternatives_survive, check_record_positions,
    check_scene_length, check_time_order, check_link_times, check_images, check_translations,
    check_working_words, check_drawable_characters,
]
