"""The kiosk's window and loop: the current screen, the idle timer, the lock and the staff exit."""

from __future__ import annotations

import logging
import time
from typing import Callable

import pygame

from game.engine import Session, build_debrief
from game.frontends.gui.art import ArtCache
from game.frontends.gui.fonts import FontCache
from game.frontends.gui.input import normalise
from game.frontends.gui.layout import Layout
from game.frontends.gui.memory import give_back_free_memory, use_separate_mappings_for_big_buffers

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


class _Settings:
    """What the desktop title art asks of the settings."""

    reduced_motion = False


class KioskApp:
    """The kiosk in one fullscreen window; tests and the soak benchmark drive it with step()."""

    def __init__(self, loaded: LoadedConfig, library: StoryLibrary, stats: StatsStore,
                 clock: Callable[[], float] = time.monotonic, size: tuple[int, int] | None = None,
                 watchdog: Watchdog | None = None, pin_lock: PinLock | None = None):
        use_separate_mappings_for_big_buffers()
        pygame.init()
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
        self.layout = Layout(w, h)           # the desktop art is laid out from it
        self.settings = _Settings()
        self.fonts = FontCache()
        self.blocks = BlockCache(self.fonts)
        self.art = ArtCache()
        from game.frontends.gui.title_art import TitleArt

        self.title_art = TitleArt(self, centre_when_portrait=True)
        self.title_art.min_subtitle_px = self.sizing.body  # 6 mm capitals, whatever the desktop layout says
        self.manager = self._new_manager()
        self.idle = IdleTimer(self.config.idle_timeout, self.config.warning_seconds, clock)
        self.gesture = StaffGesture(self.sizing.mm(25), clock)
        self.fingers = OneFinger()
        self.visit: Visit | None = None
        self.face = face_for(self.config.default_language)
        self.screen = None
        self.running = True
        self.exit_code = 0
        self.errors = 0                      # screens that failed and were recovered from
        self.sessions_run = 0
        self.last_touch = clock()
        self._later: list[Callable[[], None]] = []
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

    def later(self, action: Callable[[], None]) -> None:
        """Run an action after this frame's events (a button may change screens safely)."""
        self._later.append(action)

    def switch(self, screen) -> None:
        """Replace the current screen; the idle timer runs only on visitor screens."""
        old, self.screen = self.screen, None
        if old is not None:
            try:
                old.on_exit()
            except Exception:  # noqa: BLE001 - a broken screen must not keep the next from showing
                log.exception("screen %s failed to close", getattr(old, "name", old))
        self.screen = screen
        screen.on_enter()
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
        from .screens.attract import AttractScreen

        self.visit = None
        self.face = face_for(self.config.default_language)
        self._safe_switch(AttractScreen(self))
        self._forget_killed_widgets()
        give_back_free_memory()  # between visitors nobody notices the few milliseconds

    def _forget_killed_widgets(self) -> None:
        """pygame_gui keeps the rectangle of every widget ever killed in a list it never empties.

        Over a 10,000-visitor soak that list alone grew resident memory by about 25 MB.
        """
        lost = getattr(self.manager.get_sprite_group(), "lostsprites", None)
        if isinstance(lost, list):
            lost.clear()

    def begin_visit(self) -> None:
        """A touch on the attract loop: a fresh visit in the default language."""
        from .screens.language import LanguageScreen
        from .screens.roles import RoleScreen

        self.visit = Visit(self.config.default_language, self.clock())
        if len(self.config.languages) > 1:
            self.switch(LanguageScreen(self))
        else:
            self.switch(RoleScreen(self))

    def choose_language(self, language: str) -> None:
        """The visitor's language, for this visit only."""
        from .screens.roles import RoleScreen

        self.visit.language = language
        self.face = face_for(language)
        self.switch(RoleScreen(self))

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
        from .screens.scene import SceneScreen

        language = self.visit.language
        self.visit.role = role
        self.visit.session = Session.start(self.library.story(language), role, machine=self.library.machine(language),
                                           language=language)
        self.switch(SceneScreen(self))

    def finish(self) -> None:
        """The role has ended: the debrief (shares as they stood before this visitor), then the counts."""
        from .screens.debrief import DebriefScreen

        visit = self.visit
        debrief = build_debrief(visit.session.story, visit.session.state)
        screen = DebriefScreen(self, debrief)
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
        from .screens.staff import PinScreen

        self.visit = None
        self.face = face_for(self.config.default_language)
        self._safe_switch(PinScreen(self))

    def open_staff(self) -> None:
        """The right PIN: the staff screen."""
        from .screens.staff import StaffScreen

        self._safe_switch(StaffScreen(self))

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

    def _safe_switch(self, screen) -> None:
        try:
            self.switch(screen)
        except Exception as exc:  # noqa: BLE001
            self.recover(exc)

    def _guard(self, action: Callable, *args):
        """Run a screen's code; an exception ends the visit and returns to attract."""
        try:
            return action(*args)
        except Exception as exc:  # noqa: BLE001 - visitors must never see a traceback or a frozen screen
            self.recover(exc)
            return None

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
        from .screens.attract import AttractScreen, FallbackScreen

        try:
            self.switch(FallbackScreen(self) if failed_attract else AttractScreen(self))
        except Exception:  # noqa: BLE001 - attract itself is broken: a plain screen that still works
            log.exception("attract failed too; showing the fallback screen")
            self.screen = FallbackScreen(self)
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
        if self.screen is None:
            return
        self.manager.process_events(event)
        self._guard(self.screen.handle_event, event)

    # --- the loop ------------------------------------------------------------------------------

    def step(self, events=(), dt: float = 1 / 30, draw: bool = True) -> None:
        """One frame: input, the idle and gesture clocks, updates, and a draw."""
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
            self._guard(self.screen.update, dt)
        while self._later:
            self._guard(self._later.pop(0))
        if draw:
            self.draw()

    def draw(self) -> None:
        """Draw the frame and show it."""
        surface = self.surface
        screen = self.screen
        if screen is not None:
            self._guard(screen.draw, surface)
            self.manager.draw_ui(surface)
            self._guard(screen.draw_over, surface)
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
        clock = pygame.time.Clock()
        self.watchdog.ready()
        while self.running:
            if self.stop_requested:
                self._stop()
                break
            dt = min(0.1, clock.tick(30) / 1000.0)
            self.step(pygame.event.get(), dt)
        return self.exit_code

    @property
    def uptime(self) -> float:
        """Seconds since the kiosk started."""
        return self.clock() - self.started

    def screenshot(self, path) -> None:
        """Save what is on screen as a PNG."""
        pygame.image.save(self.surface, str(path))
