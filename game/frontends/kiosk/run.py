"""Start the kiosk from the command line: check the config and the story, open the screen, run."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from game.engine import Problem, StoryError, languages_in, load_story, summarize

from .config import ConfigError, check_against_story, check_document, load_config

EXIT_OK, EXIT_PROBLEMS = 0, 1
STATS_FILE = "kiosk-stats.sqlite3"


def run_kiosk(config_path: Path | None, story_root: Path, ui_root: Path, data_dir: Path,
              err: TextIO = sys.stderr) -> int:
    """Run until staff exit; a config or story with mistakes lists every problem and refuses to start."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=err)
    logging.getLogger("transitions").setLevel(logging.ERROR)  # one line per scene at start-up: noise in the journal
    from .library import StoryLibrary

    try:
        loaded = load_config(config_path)
    except ConfigError as exc:
        problems = list(exc.problems)
        if exc.document is not None:
            try:  # name the unknown roles and languages too, so one run shows every mistake
                story = load_story(story_root)
                languages = sorted(set(languages_in(story_root)) | {story.language})
                problems += check_document(exc.document, list(story.roles), languages)
            except (StoryError, OSError):
                pass
        return _refuse(problems, err)
    config = loaded.config
    if config_path is None:
        print("foxbat kiosk: no --config given; using the defaults and the default staff PIN", file=err)
    root = config.story or story_root
    try:
        library = StoryLibrary(root, config.languages, ui_root=ui_root)
    except StoryError as exc:
        print(str(exc), file=err)
        print("foxbat kiosk: not started; the story has errors (run `foxbat lint`)", file=err)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"foxbat kiosk: cannot read the story at {root}: {exc}", file=err)
        return EXIT_PROBLEMS
    problems = check_against_story(loaded, list(library.base.roles), library.available_languages())
    if problems:
        return _refuse(problems, err)
    from .stats import StatsStore

    stats = StatsStore(config.stats_path or Path(data_dir) / STATS_FILE, config.min_sessions)
    for warning in stats.warnings:
        logging.getLogger("foxbat.kiosk").warning("%s", warning)
    import pygame

    from .app import KioskApp
    from .watchdog import Watchdog

    try:
        app = KioskApp(loaded, library, stats, watchdog=Watchdog())
    except pygame.error as exc:
        print(f"foxbat kiosk: cannot open the screen: {exc}", file=err)
        stats.close()
        return EXIT_PROBLEMS
    try:
        return app.run()
    finally:
        stats.close()
        app.close()


def _refuse(problems: list[Problem], err: TextIO) -> int:
    """Print every problem of kiosk.yaml in file order and refuse to start."""
    for problem in sorted(problems, key=lambda p: (p.location.line, p.location.column)):
        print(problem.format(), file=err)
    print(summarize(problems), file=err)
    print("foxbat kiosk: not started; fix kiosk.yaml (see docs/kiosk.md)", file=err)
    return EXIT_PROBLEMS
