"""The host of a front end: one window, a stack of screens reached by route name, the frame loop.

Like a Textual App or a Tuxemon state manager, a Host owns the screens and moves between them;
what a front end does (saves and settings on the desktop, visits and the lock at the kiosk) lives in
its subclass. A failing screen never takes the window down: the subclass says how to recover.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable, Mapping

import pygame

from .art import ArtCache
from .fonts import FontCache
from .layout import Layout
from .memory import give_back_free_memory, use_separate_mappings_for_big_buffers
from .release import release_window
from .screen import Screen
from .transition import Fade

log = logging.getLogger("foxbat.shell")


def use_plain_framebuffer() -> None:
    """Show frames through the window system's own framebuffer (X11: shared memory), not a GL texture.

    Every frame is drawn in software anyway. Through SDL's default accelerated framebuffer each
    update re-renders the whole window with OpenGL, which on a machine without a GPU (a VM, Xvfb,
    many kiosks) is Mesa's software renderer: 6-7 ms of CPU per update however small the changed
    part. A player's own setting of the hint wins.
    """
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


class Host:
    """A window with a stack of screens; subclasses add the front end's policy."""

    #: Frames a second while something moves.
    fps = 60
    #: Seconds between looks at the event queue while nothing moves.
    IDLE_POLL = 1 / 30
    #: Whether a change of screen fades from the old one unless told otherwise.
    fade_by_default = False

    def __init__(self):
        use_separate_mappings_for_big_buffers()
        use_plain_framebuffer()
        pygame.init()
        self.surface: pygame.Surface | None = None
        self.layout: Layout | None = None
        self.fonts = FontCache()
        self.art = ArtCache()
        self.manager = None            # the pygame_gui UIManager, made by the subclass's theme
        self.screen: Screen | None = None
        self.stack: list[Screen] = []  # the screens under the top one
        self.backdrop: pygame.Surface | None = None  # the frame an overlay is drawn over
        self.running = True
        self.frames_drawn = 0
        self.elapsed: float | None = None  # wall-clock seconds since the last frame, uncapped (set by run())
        self.changed_screen = False    # memory is given back once things are still again
        self._later: list[Callable[[], None]] = []
        self._fade: Fade | None = None
        self._recovering = False
        self._routes: Mapping[str, Callable[..., Screen]] | None = None

    # --- routes ----------------------------------------------------------------------------------

    def routes(self) -> Mapping[str, Callable[..., Screen]]:
        """Route name -> a screen factory called as factory(host, **data) (override)."""
        return {}

    def make(self, route: str, **data) -> Screen:
        """The screen of a route, built with the data it shows."""
        if self._routes is None:
            self._routes = self.routes()
        return self._routes[route](self, **data)

    def go(self, route: str, fade: bool | None = None, **data) -> None:
        """Replace every screen with the screen of this route."""
        self.switch(self.make(route, **data), fade=fade)

    def open(self, route: str, **data) -> None:
        """Show the screen of this route over the current one; back() returns."""
        self.push(self.make(route, **data))

    def back(self) -> None:
        """Close the top screen and return to the one under it."""
        self.pop()

    # --- the screen stack ------------------------------------------------------------------------

    def switch(self, screen: Screen, fade: bool | None = None) -> None:
        """Replace every screen with this one."""
        if self.fade_by_default if fade is None else fade:
            self.start_fade()
        old, self.screen = self.screen, None
        if old is not None:
            try:
                old.on_exit()
            except Exception:  # noqa: BLE001 - a screen that fails to close must not keep the next from showing
                log.exception("screen %s failed to close", getattr(old, "name", old))
        self.stack.clear()
        self.screen = screen
        self.guard(screen.on_enter)
        self.changed_screen = True
        self.entered(self.screen)

    def push(self, screen: Screen) -> None:
        """Show a screen over the current one (menus, documents); pop() returns."""
        if not getattr(self.screen, "is_overlay", False) and self.surface is not None:
            # A menu over a menu keeps the frame underneath both, not the first menu's.
            self.backdrop = self.surface.copy()
        if self.screen is not None:
            self.guard(self.screen.on_exit)
            self.stack.append(self.screen)
        self.screen = screen
        self.guard(screen.on_enter)
        self.entered(self.screen)

    def pop(self) -> None:
        """Close the top screen and return to the one under it."""
        if not self.stack:
            return
        self.guard(self.screen.on_exit)
        self.screen = self.stack.pop()
        self.guard(self.screen.on_enter)
        self.entered(self.screen)

    def entered(self, screen: Screen | None) -> None:
        """Called after a screen became the top one (override: timers, redraws)."""

    # --- deferred actions and recovery -----------------------------------------------------------

    def later(self, action: Callable[[], None]) -> None:
        """Run an action after this frame's events (so a button may change screens safely)."""
        self._later.append(action)

    def run_later(self) -> bool:
        """Run the deferred actions; True when there were any."""
        ran = bool(self._later)
        while self._later:
            self.guard(self._later.pop(0))
        return ran

    def guard(self, action: Callable, *args):
        """Run a screen's code; an exception goes to recover() and the frame carries on.

        An exception while recovering is raised to recover() itself, which then falls back further
        instead of recovering in a loop.
        """
        try:
            return action(*args)
        except Exception as exc:  # noqa: BLE001 - one failing screen must not close the window
            if self._recovering:
                raise
            self._recovering = True
            try:
                self.recover(exc)
            finally:
                self._recovering = False
            return None

    def recover(self, exc: Exception) -> None:
        """After a screen failed (override with the front end's policy)."""
        raise exc

    def forget_screens(self) -> Screen | None:
        """Drop every screen and pending action without running them; the screen that was on top."""
        failed = self.screen
        self.stack.clear()
        self.screen = None
        self._fade = None
        self._later.clear()
        if failed is not None:
            try:
                failed.on_exit()
            except Exception:  # noqa: BLE001 - already recovering
                pass
        return failed

    # --- fades -----------------------------------------------------------------------------------

    @property
    def reduced_motion(self) -> bool:
        """True when nothing should slide or fade (override)."""
        return False

    @property
    def fading(self) -> bool:
        """True while the old screen is still fading out."""
        return self._fade is not None

    def start_fade(self, slide: int = 0) -> None:
        """Fade from what is on screen now to what comes next."""
        if self.reduced_motion or self.frames_drawn == 0 or self.surface is None:
            self._fade = None
            return
        self._fade = Fade(self.surface.copy(), slide=slide)

    def draw_fade(self, surface: pygame.Surface) -> None:
        """Draw the fade over the frame, if one is running."""
        if self._fade is not None:
            self._fade.draw(surface)
            if self._fade.done:
                self._fade = None

    # --- events and drawing ----------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        """An event to the widgets and then to the screen (screens see every event, even on a widget)."""
        if self.screen is None or self.manager is None:
            return
        self.manager.process_events(event)
        self.guard(self.screen.handle_event, event)

    def draw_screen(self, surface: pygame.Surface) -> None:
        """The screen, its widgets, and what it draws over them."""
        if self.screen is None:
            return
        self.guard(self.screen.draw, surface)
        if self.manager is not None:
            self.manager.draw_ui(surface)
        self.guard(self.screen.draw_over, surface)

    def forget_killed_widgets(self) -> None:
        """pygame_gui keeps the rectangle of every widget ever killed in a list it never empties.

        Over a 10,000-visitor kiosk soak that list alone grew resident memory by about 25 MB.
        """
        if self.manager is not None:
            lost = getattr(self.manager.get_sprite_group(), "lostsprites", None)
            if isinstance(lost, list):
                lost.clear()

    def tidy(self) -> None:
        """Between screens, when nobody notices: forget killed widgets and give memory back."""
        self.changed_screen = False
        self.forget_killed_widgets()
        give_back_free_memory()

    # --- the loop --------------------------------------------------------------------------------

    def step(self, events, dt: float):
        """One frame (override)."""
        raise NotImplementedError

    @property
    def still(self) -> bool:
        """True when nothing moves, so the loop may sleep until the next event (override)."""
        return False

    def run(self) -> None:
        """The frame loop: sleeps while the host is still, fps frames a second while something moves."""
        clock = pygame.time.Clock()
        while self.running:
            if self.still:
                events = self.wait_for_events(0.5)
            else:
                events = pygame.event.get()
            self.elapsed = clock.tick(self.fps) / 1000.0
            # animations step at most 0.1 s at a time; timers that follow real time read self.elapsed
            self.step(events, min(0.1, self.elapsed))

    def wait_for_events(self, longest: float) -> list:
        """Sleep until events arrive (or longest seconds pass) and return them.

        pygame.event.wait() polls SDL every millisecond, 3 % of a core spent doing nothing; looking
        at the queue every 1/30 s costs a fifth of that, and a key press still answers at once to
        the eye (the frames after it run at full rate).
        """
        events = pygame.event.get()
        waited = 0.0
        while not events and waited < longest:
            time.sleep(self.IDLE_POLL)
            waited += self.IDLE_POLL
            events = pygame.event.get()
        return events

    def screenshot(self, path) -> None:
        """Save what is on screen as a PNG."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))

    def close(self) -> None:
        """Close the window and let go of every screen and widget (safe to call twice)."""
        if self.screen is not None:
            try:
                self.screen.on_exit()
            except Exception as exc:  # noqa: BLE001 - closing anyway
                print(f"closing: {type(exc).__name__}: {exc}", file=sys.stderr)
        self.running = False
        self.stack.clear()
        self.screen = None
        self._later.clear()
        self._fade = None
        self.backdrop = None
        release_window(self.manager)
        self.manager = None
