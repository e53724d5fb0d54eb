"""The kiosk's host: its policy (the visit, the idle timer, the lock, the PIN, statistics) over the shared shell."""

from __future__ import annotations

import logging
import time
from typing import Callable

import pygame

from game.engine import Session, build_debrief
from game.frontends.shell.host import Host
from game.frontends.shell.input import normalise
from game.frontends.shell.layout import Layout
from game.frontends.shell.title_art import TitleArt

from .config import KioskConfig, LoadedConfig
from .gestures import OneFinger, StaffGesture
from .idle import EXPIRED, WARNING, IdleTimer
from .library import StoryLibrary
from .pin import PinCheck, PinLock
from .sizing import Sizing
from .stats import StatsStore
from .strings import text
from .ui import AMBER, TEXT, BlockCache, TextBlock, face_for
from .visit import Visit
from .watchdog import Watchdog

log = logging.getLogger("foxbat.kiosk")

EXIT_STAFF = 10  # the systemd unit does not restart after this code (RestartPreventExitStatus)
#: Events that would let a visitor leave or reach the system: dropped, every one.
LOCKED = {pygame.QUIT, pygame.WINDOWCLOSE, pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING,
          pygame.MOUSEWHEEL, pygame.DROPFILE, pygame.DROPTEXT}


class KioskApp(Host):
    """The kiosk in one fullscreen window; tests and the soak benchmark drive it with step()."""

    fps = 30

    def __init__(self, loaded: LoadedConfig, library: StoryLibrary, stats: StatsStore,
                 clock: Callable[[], float] = time.monotonic, size: tuple[int, int] | None = None,
                 watchdog: Watchdog | None = None, pin_lock: PinLock | None = None):
        super().__init__()
        self.loaded = loaded
        self.config: KioskConfig = loaded.config
        self.library = library
        self.stats = stats
        self.clock = clock
        self.started = clock()
        self.watchdog = watchdog or Watchdog(environ={})
        self.pin_check = PinCheck.from_config(self.config)
        self.pin_lock = pin_lock or PinLock(clock=clock)  # run_kiosk passes one kept on disk
        self.stop_requested = False  # set by the SIGTERM/SIGINT handler; the loop ends at the next frame
        self.surface = self._open_window(size)
        pygame.display.set_caption("Foxbat kiosk")
        pygame.mouse.set_visible(self.config.show_cursor)
        w, h = self.surface.get_size()
        screen_cfg = self.config.screen
        self.sizing = Sizing(w, h, screen_cfg.diagonal_inches, screen_cfg.dpi)
        self.layout = Layout(w, h)           # the shared art is laid out from it
        self.blocks = BlockCache(self.fonts)
        self.title_art = TitleArt(self, centre_when_portrait=True)
        self.title_art.min_subtitle_px = self.sizing.body  # 6 mm capitals, whatever the desktop layout says
        self.manager = self._new_manager()
        self.idle = IdleTimer(self.config.idle_timeout, self.config.warning_seconds, clock)
        self.gesture = StaffGesture(self.sizing.mm(25), clock)
        self.fingers = OneFinger()
        self.visit: Visit | None = None
        self.face = face_for(self.config.default_language)
        self.exit_code = 0
        self.errors = 0                      # screens that failed and were recovered from
        self.sessions_run = 0
        self.last_touch = clock()
        self._pending: list[pygame.event.Event] = []
        self._swallow = False
        self._overlay_cache: tuple | None = None
        self.to_attract()

    # --- window ------------------------------------------------------------------------------

    def _open_window(self, size):
        if size is not None:
            return pygame.display.set_mode(size)
        if self.config.screen.window is not None:
            return pygame.display.set_mode(tuple(self.config.screen.window), pygame.NOFRAME)
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN | pygame.NOFRAME)

    def _new_manager(self):
        import warnings

        import pygame_gui

        from .theme import kiosk_theme

        warnings.filterwarnings("ignore", message="Finding font with id", category=UserWarning)
        w, h = self.surface.get_size()
        return pygame_gui.UIManager((w, h), kiosk_theme(w, h, max(2, self.sizing.mm(0.8))),
                                    enable_live_theme_updates=False)

    # --- the visitor's path --------------------------------------------------------------------

    def routes(self):
        """The kiosk screens by route name."""
        from .routes import ROUTES

        return ROUTES

    def entered(self, screen) -> None:
        """A new screen: the idle timer runs only on visitor screens."""
        if screen is None:
            return
        if screen.idle == "visitor":
            if self.idle.state == "off":
                self.idle.start()
            else:
                self.idle.touch()
        else:
            self.idle.stop()
        self.last_touch = self.clock()

    def to_attract(self) -> None:
        """The attract loop, with nothing of the last visitor left."""
        self.visit = None
        self.face = face_for(self.config.default_language)
        self.go("attract")
        self.tidy()  # between visitors nobody notices the few milliseconds

    def begin_visit(self) -> None:
        """A touch on the attract loop: a fresh visit in the default language."""
        self.visit = Visit(self.config.default_language, self.clock())
        self.go("language" if len(self.config.languages) > 1 else "roles")

    def choose_language(self, language: str) -> None:
        """The visitor's language, for this visit only."""
        self.visit.language = language
        self.face = face_for(language)
        self.go("roles")

    @property
    def language(self) -> str:
        """The language on screen now."""
        return self.visit.language if self.visit else self.config.default_language

    @property
    def roles(self) -> list[str]:
        """The roles offered, in order."""
        story = self.library.base
        return [r for r in (self.config.roles or list(story.roles)) if r in story.roles]

    def start_role(self, role: str) -> None:
        """The visitor's role, from its first scene."""
        language = self.visit.language
        self.visit.role = role
        self.visit.session = Session.start(self.library.story(language), role, machine=self.library.machine(language),
                                           language=language)
        self.go("scene")

    def finish(self) -> None:
        """The role has ended: the debrief (shares as they stood before this visitor), then the counts."""
        visit = self.visit
        debrief = build_debrief(visit.session.story, visit.session.state, visit.session.machine.rules)
        screen = self.make("debrief", debrief=debrief)
        self._record(timed_out=False)
        self.switch(screen)

    def end_visit(self, timed_out: bool = False, record: bool = True) -> None:
        """The visitor left (or timed out): count what they did, wipe it, back to attract."""
        if record:
            self._record(timed_out)
        self.to_attract()

    def _record(self, timed_out: bool) -> None:
        if self.visit is None:
            return
        record = self.visit.record(self.clock(), timed_out)
        if record is not None:
            self.stats.record(record)
            self.sessions_run += 1

    def open_pin(self) -> None:
        """The staff gesture was made: the PIN pad (any visit is dropped, uncounted)."""
        self.visit = None
        self.face = face_for(self.config.default_language)
        self.go("pin")

    def open_staff(self) -> None:
        """The right PIN: the staff screen."""
        self.go("staff")

    def staff_exit(self) -> None:
        """Staff chose Exit."""
        self.watchdog.stopping()
        self.exit_code = EXIT_STAFF
        self.running = False

    def request_stop(self) -> None:
        """A stop signal arrived (systemctl stop, Ctrl+C): end cleanly at the next frame."""
        self.stop_requested = True

    def _stop(self) -> None:
        """Count a visit in progress as left unfinished, and leave the loop."""
        log.info("stop requested; the kiosk ends")
        if self.visit is not None:
            self._record(timed_out=False)
            self.visit = None
        self.watchdog.stopping()
        self.running = False

    # --- recovery ------------------------------------------------------------------------------

    def recover(self, exc: Exception) -> None:
        """Log the failure, drop the visit (uncounted: its state may be wrong) and show attract again."""
        self.errors += 1
        log.error("screen %s failed; the visit ends and attract returns",
                  getattr(self.screen, "name", "?"), exc_info=exc)
        self._later.clear()
        self.fingers.reset()
        self._swallow = False
        failed_attract = getattr(self.screen, "name", "") == "attract"
        self.visit = None
        try:
            self.go("fallback" if failed_attract else "attract")
        except Exception:  # noqa: BLE001 - attract itself is broken: a plain screen that still works
            log.exception("attract failed too; showing the fallback screen")
            self.screen = self.make("fallback")
            self.idle.stop()

    # --- input ---------------------------------------------------------------------------------

    def tap(self, pos: tuple[int, int], hold: float = 0.0) -> None:
        """Queue a finger tap at a pixel (tests and the soak benchmark); handled on the next step."""
        w, h = self.surface.get_size()
        base = dict(x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=1.0)
        self._pending.append(pygame.event.Event(pygame.FINGERDOWN, **base))
        self._pending.append(pygame.event.Event(pygame.FINGERUP, **base))

    def inject(self, events) -> None:
        """Queue events for the next step."""
        self._pending.extend(events)

    def handle(self, event: pygame.event.Event) -> None:
        """One event after touch filtering: the lock first, then idle, the gesture, widgets and screen."""
        if event.type in LOCKED:
            return  # Esc, Alt+F4, the close button and every shortcut do nothing
        if event.type == pygame.MOUSEBUTTONDOWN:
            if event.button != 1:
                return
            self.gesture.down(event.pos)
            self.last_touch = self.clock()
            if self.idle.touch():
                self._swallow = True  # this touch only dismisses "Still there?"
                return
        elif event.type == pygame.MOUSEBUTTONUP:
            if event.button != 1:
                return
            if self.gesture.up(event.pos):
                self._swallow = False
                self.open_pin()
                return
            if self._swallow:
                self._swallow = False
                return
        elif event.type == pygame.MOUSEMOTION and self._swallow:
            return
        self.dispatch(event)

    # --- the loop ------------------------------------------------------------------------------

    def step(self, events=(), dt: float = 1 / 30, draw: bool = True) -> None:
        """One frame: input, the idle and gesture clocks, updates, and a draw."""
        if self.stop_requested:
            if self.running:
                self._stop()  # a stop signal: Host.run() leaves its loop after this frame
            return
        self.watchdog.ping()
        raw = self._pending + list(events)
        self._pending = []
        for event in normalise(self.fingers.filter(raw), self.surface.get_size()):
            self.handle(event)
        if self.gesture.poll():
            self.open_pin()
        state = self.idle.poll()
        if state == EXPIRED:
            self.end_visit(timed_out=True)
        self.manager.update(dt)
        if self.screen is not None:
            self.guard(self.screen.update, dt)
        self.run_later()
        if draw:
            self.draw()

    def draw(self) -> None:
        """Draw the frame and show it."""
        surface = self.surface
        self.draw_screen(surface)
        if self.idle.state == WARNING:
            self.draw_still_there(surface)
        pygame.display.flip()

    def draw_still_there(self, surface: pygame.Surface) -> None:
        """The idle warning: dimmed screen, a few words, a countdown."""
        sizing = self.sizing
        w, h = surface.get_size()
        key = (self.language, w, h)
        if self._overlay_cache is None or self._overlay_cache[0] != key:
            shade = pygame.Surface((w, h), pygame.SRCALPHA)
            shade.fill((0, 0, 0, 200))
            words = TextBlock(self.fonts, text(self.library.ui(self.language), "still_there"), int(w * 0.8), sizing.heading, TEXT,
                              True, self.face, "center")
            self._overlay_cache = (key, shade, words)
        _, shade, words = self._overlay_cache
        surface.blit(shade, (0, 0))
        number = self.fonts.get(sizing.huge * 2, True).render(str(self.idle.seconds_left), True, AMBER)
        top = h // 2 - (words.height + number.get_height()) // 2
        words.draw(surface, int(w * 0.1), top)
        surface.blit(number, number.get_rect(midtop=(w // 2, top + words.height + sizing.margin)))

    def run(self) -> int:
        """The main loop at 30 frames a second; returns the exit code (EXIT_STAFF after a staff exit)."""
        self.watchdog.ready()
        super().run()
        return self.exit_code

    @property
    def uptime(self) -> float:
        """Seconds since the kiosk started."""
        return self.clock() - self.started

    def close(self) -> None:
        """Close the window and let go of every screen and widget (the statistics stay open; safe twice)."""
        self.visit = None
        self._pending.clear()
        self._overlay_cache = None
        super().close()
