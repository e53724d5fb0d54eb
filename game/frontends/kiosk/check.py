"""`foxbat kiosk --check`: config, story, PIN, display and statistics store checked, one line per problem."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game.engine import StoryError, languages_in, load_story

from .config import ConfigError, check_against_story, load_config
from .pin import PinCheck

EXIT_OK, EXIT_PROBLEMS = 0, 1


def one_line(problem) -> str:
    """A lint problem on one line (its hint after a dash)."""
    return problem.format().replace("\n  hint:", " —").replace("\n", " ")


def check_kiosk(config_path: Path | None, story_root: Path, data_dir: Path, allow_default_pin: bool = False,
                out: TextIO | None = None) -> int:
    """Print one line per problem and return 1, or print 'ok' and return 0; starts nothing, changes nothing."""
    out = out or sys.stdout
    problems: list[str] = []
    try:
        loaded = load_config(config_path)
    except ConfigError as exc:
        problems += [one_line(p) for p in exc.problems]
        loaded = None
    if loaded is not None:
        config = loaded.config
        root = config.story or story_root
        try:
            story = load_story(root)
            languages = sorted(set(languages_in(root)) | {story.language})
            problems += [one_line(p) for p in check_against_story(loaded, list(story.roles), languages)]
        except StoryError as exc:
            problems += [f"story: {one_line(p)}" for p in exc.problems]
        except (OSError, ValueError) as exc:
            problems.append(f"story: {root} cannot be read ({exc})")
        if PinCheck.from_config(config).is_default and not (allow_default_pin or config.allow_default_pin):
            problems.append("pin: the staff PIN is the default 1976; run `foxbat kiosk set-pin --config FILE`")
        problems += check_display()
        from .stats_open import check_stats

        problems += check_stats(config, data_dir)
    for line in problems:
        print(line, file=out)
    if problems:
        return EXIT_PROBLEMS
    print("foxbat kiosk --check: ok (config, story, PIN, display, statistics)", file=out)
    return EXIT_OK


def check_display() -> list[str]:
    """The display SDL would open (DISPLAY, the video driver) can be opened."""
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        pygame.display.init()
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error as exc:
        return [f"display: cannot be opened ({exc})"]
    finally:
        pygame.display.quit()
    if not sizes:
        return ["display: no screen found"]
    return []
