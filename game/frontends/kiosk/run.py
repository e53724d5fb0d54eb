"""Start the kiosk from the command line: check the config and the story, open the screen, run, stop on signals."""

from __future__ import annotations

import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from game.engine import Problem, StoryError, languages_in, load_story, summarize

from .config import ConfigError, KioskConfig, check_against_story, check_document, load_config
from .pin import PinCheck

EXIT_OK, EXIT_PROBLEMS = 0, 1
PIN_LOCK_FILE = "kiosk-pin-lock.json"
DEFAULT_PIN_REFUSED = ("foxbat kiosk: not started; the staff PIN is still the default 1976: run `foxbat kiosk "
                       "set-pin --config FILE` (or pass --allow-default-pin to try the kiosk out)")
log = logging.getLogger("foxbat.kiosk")


class StopSignals:
    """SIGTERM and SIGINT set a flag the frame loops check, so the kiosk ends cleanly within a frame."""

    def __init__(self):
        self.requested = False
        self._listeners: list[Callable[[], None]] = []
        self._previous: dict[int, object] = {}

    def install(self) -> "StopSignals":
        """Take over both signals (after pygame.init: SDL would otherwise turn SIGTERM into an ignored QUIT)."""
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._handle)
        return self

    def _handle(self, number, _frame) -> None:
        log.info("%s received; stopping", signal.Signals(number).name)
        self.requested = True
        for listener in self._listeners:
            listener()

    def notify(self, listener: Callable[[], None]) -> None:
        """Call listener when a stop is requested (at once if it already was)."""
        self._listeners.append(listener)
        if self.requested:
            listener()

    def restore(self) -> None:
        """Give the signals back (tests run many kiosks in one process)."""
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()


@dataclass
class Started:
    """What a running kiosk needs, once start-up worked."""

    library: object
    stats: object


def run_kiosk(config_path: Path | None, story_root: Path, ui_root: Path, data_dir: Path,
              err: TextIO | None = None, allow_default_pin: bool = False) -> int:
    """Run until staff exit or a stop signal; a config with mistakes lists every problem and refuses to start."""
    err = err if err is not None else sys.stderr  # looked up now: a default bound at import goes stale
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=err)
    logging.getLogger("transitions").setLevel(logging.ERROR)  # one line per scene at start-up: noise in the journal
    try:
        loaded = load_config(config_path)
    except ConfigError as exc:
        return _refuse(_config_problems(exc, story_root), err)
    config = loaded.config
    pin = PinCheck.from_config(config)
    if pin.is_default and not (allow_default_pin or config.allow_default_pin):
        print(DEFAULT_PIN_REFUSED, file=err)
        return EXIT_PROBLEMS
    if config.pin is not None:
        log.warning("kiosk.yaml holds the staff PIN in plain text; `foxbat kiosk set-pin` stores only a hash")
    import pygame

    from .app import KioskApp
    from .pin import PinLock
    from .watchdog import Watchdog

    watchdog = Watchdog()
    stop = StopSignals()
    started, reason = _start(config, story_root, ui_root, data_dir)
    if started is None:
        started = _out_of_order(config, ui_root, data_dir, story_root, reason, stop, watchdog, err)
        if started is None:
            pygame.quit()
            return EXIT_OK if stop.requested else EXIT_PROBLEMS
    stats = started.stats
    mismatch = check_against_story(loaded, list(started.library.base.roles), started.library.available_languages())
    if mismatch:
        stats.close(timeout=1.0)
        return _refuse(mismatch, err)
    try:
        app = KioskApp(loaded, started.library, stats, watchdog=watchdog,
                       pin_lock=PinLock(Path(data_dir) / PIN_LOCK_FILE))
    except pygame.error as exc:
        print(f"foxbat kiosk: cannot open the screen: {exc}", file=err)
        stats.close(timeout=1.0)
        return EXIT_PROBLEMS
    stop.install()
    stop.notify(app.request_stop)
    try:
        return app.run()
    finally:
        stop.restore()
        stats.close(timeout=0.8)  # local writes only: a shared store's queue keeps what the server has not got
        app.close()


def _config_problems(exc: ConfigError, story_root: Path) -> list[Problem]:
    problems = list(exc.problems)
    if exc.document is not None:
        try:  # name the unknown roles and languages too, so one run shows every mistake
            story = load_story(story_root)
            languages = sorted(set(languages_in(story_root)) | {story.language})
            problems += check_document(exc.document, list(story.roles), languages)
        except (StoryError, OSError):
            pass
    return problems


def _start(config: KioskConfig, story_root: Path, ui_root: Path, data_dir: Path) -> tuple[Started | None, str]:
    """Load the story and open the statistics; (None, why) when either fails."""
    from .library import StoryLibrary
    from .stats_open import open_stats

    root = config.story or story_root
    try:
        library = StoryLibrary(root, config.languages, ui_root=ui_root)
    except StoryError as exc:
        first = exc.problems[0].format().splitlines()[0] if exc.problems else str(exc)
        return None, f"the story at {root} has {len(exc.problems)} error(s), first: {first}"
    except (OSError, ValueError) as exc:
        return None, f"the story at {root} cannot be read: {exc}"
    stats = open_stats(config, data_dir)
    if stats.state == "off":
        reason = stats.backend.reason
        stats.close(timeout=1.0)
        return None, f"statistics cannot be kept: {reason}"
    for warning in stats.warnings:
        log.warning("%s", warning)
    return Started(library, stats), ""


def _out_of_order(config: KioskConfig, ui_root: Path, data_dir: Path, story_root: Path, reason: str,
                  stop: StopSignals, watchdog, err: TextIO) -> Started | None:
    """The calm screen, retrying start-up until it works or a stop is requested."""
    import pygame

    from .out_of_order import OutOfOrder, out_of_order_texts

    print(f"foxbat kiosk: out of order: {reason}", file=err)
    pygame.init()
    try:
        window = config.screen.window
        surface = (pygame.display.set_mode(tuple(window), pygame.NOFRAME) if window else
                   pygame.display.set_mode((0, 0), pygame.FULLSCREEN | pygame.NOFRAME))
        pygame.mouse.set_visible(False)
    except pygame.error as exc:
        print(f"foxbat kiosk: cannot open the screen either: {exc}", file=err)
        return None
    stop.install()
    languages = [config.staff] + [lang for lang in config.languages if lang != config.staff]
    screen = OutOfOrder(surface, out_of_order_texts(ui_root, languages), reason, retry=lambda: None,
                        retry_seconds=config.retry_seconds, should_stop=lambda: stop.requested, watchdog=watchdog)

    def retry():
        started, why = _start(config, story_root, ui_root, data_dir)
        screen.reason = why or screen.reason
        return started

    screen.retry = retry
    try:
        return screen.run()
    finally:
        stop.restore()


def _refuse(problems: list[Problem], err: TextIO) -> int:
    """Print every problem of kiosk.yaml in file order and refuse to start."""
    for problem in sorted(problems, key=lambda p: (p.location.line, p.location.column)):
        print(problem.format(), file=err)
    print(summarize(problems), file=err)
    print("foxbat kiosk: not started; fix kiosk.yaml (see docs/kiosk.md)", file=err)
    return EXIT_PROBLEMS
