"""The story engine: load, validate and play stories. Pure Python: no pygame, no printing."""

from .conditions import Condition, Effects, ExpressionError, compile_condition, compile_effects
from .controlchars import escape_controls, strip_controls
from .debrief import (
    Debrief, DecisionReview, Departure, actual_choice, build_debrief, departure_sentence, divergence,
    historical_path, quote_words, scene_depths, turn_sentence,
)
from .turning_points import TurningPoint, turning_points
from .errors import Problem, Severity, SourceLocation, StoryError, did_you_mean, error, summarize, warning
from .edition import CannotMove, Edition
from .ensemble import (
    ENSEMBLE_FORMAT, Ensemble, Lane, cause_words, LanePoint, LinkChange, Move, is_ensemble_save, link_changes, replay_ensemble,
    timeline_lanes,
)
from .gcpause import gc_paused
from .links import (
    Record, foreign_reads, foreign_types, live_values, next_seat, record_of, record_values, scene_key, scene_reads,
)
from .moments import moment_key
from .i18n import (
    DATE_PATTERN_VALUES, Catalog, Coverage, Entry, Translatable, UiText, coverage, format_moment,
    languages_in,
    load_catalog, load_language, load_ui_strings, localize, story_strings, text_hash, translatables,
)
from .linebreak import NO_LINE_END, NO_LINE_START, break_lines, columns
from .loaded import LoadedStory
from .loader import check_story, load_story, read_story
from .locations import Locations
from .machine import ChoiceUnavailable, StoryMachine
from .model import Choice, Dossier, Ending, History, Position, Quote, Role, Scene, Source, Story, Variable, Version
from .parsecache import ParseCache
from .rules import CompiledChoice, Rules
from .saves import AUTOSAVE, SaveError, SaveInfo, SaveStore, write_atomically
from .session import Gauge, Notice, Session
from .state import SessionState, StateError, Step
from .validate import iter_quotes, validate_story
from .watcher import StoryWatcher
from .yamlfile import display_path, parse_yaml, read_yaml

__all__ = [
    "ENSEMBLE_FORMAT", "cause_words", "Ensemble", "Lane", "LanePoint", "LinkChange", "link_changes", "timeline_lanes", "Move", "is_ensemble_save", "replay_ensemble", "Record", "foreign_reads",
    "foreign_types", "live_values", "next_seat", "record_of", "record_values", "scene_key", "scene_reads",
    "moment_key",
    "CannotMove", "DATE_PATTERN_VALUES", "Edition", "LoadedStory", "Locations", "Notice", "Translatable", "translatables",
    "gc_paused",
    "ParseCache",
    "NO_LINE_END", "NO_LINE_START", "break_lines", "columns",
    "Catalog", "Coverage", "Entry", "TranslationFile", "UiText", "coverage", "format_moment", "languages_in",
    "load_catalog", "load_language", "load_ui_strings", "localize", "story_strings", "text_hash",
    "AUTOSAVE", "Choice", "ChoiceUnavailable", "CompiledChoice", "Condition", "Debrief", "DecisionReview",
    "Dossier", "Effects", "Ending", "ExpressionError", "Gauge", "History", "Position", "Problem", "Quote",
    "Role", "RoleFile", "Rules", "SaveError", "SaveInfo", "SaveStore", "Scene", "SceneFile", "Session",
    "SessionState", "Severity", "Source", "SourceLocation", "SourcesFile", "StateError", "Step", "Story",
    "StoryError", "StoryMachine", "StoryManifest", "StoryWatcher", "Variable", "Version", "actual_choice", "build_debrief", "departure_sentence", "quote_words", "turn_sentence", "turning_points", "TurningPoint", "Departure",
    "check_story", "compile_condition", "divergence", "scene_depths", "compile_effects", "did_you_mean", "display_path", "error",
    "historical_path", "iter_quotes", "load_story", "parse_yaml", "read_story", "read_yaml", "summarize",
    "validate_story", "warning", "write_atomically", "escape_controls", "strip_controls",
]

#: The pydantic models of the files (formats.py): imported on first use, since pydantic is slow to import.
_FORMATS = ("RoleFile", "SceneFile", "SourcesFile", "StoryManifest", "TranslationFile")


def __getattr__(name: str):
    """The file models of formats.py, which import pydantic, only when asked for (PEP 562)."""
    if name in _FORMATS:
        from . import formats

        return getattr(formats, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
