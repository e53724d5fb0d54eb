"""The desktop game's host: its policy (settings, saves, autoplay, reloading) over the shared shell."""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
import warnings
from pathlib import Path

import pygame

from game.frontends.shell.host import Host
from game.frontends.shell.input import normalise
from game.frontends.shell.layout import Layout
from game.frontends.shell.title_art import TitleArt

from .problems_panel import MAX_LINES, draw_problems, problem_lines
from .settings import TEXT_SCALE, Settings, load_settings, save_settings

MIN_SIZE = (960, 540)


def load_everything(story_path: Path, cache_folder: Path | None = None):
    """Import the widget toolkit and the engine and load the story: (story, error)."""
    import pygame_gui  # noqa: F401  (the slow imports happen here, after the first frame)

    from game.engine import ParseCache, StoryError, load_story

    cache = ParseCache(cache_folder) if cache_folder is not None else None  # unchanged files are not parsed again
    try:
        return load_story(Path(story_path), cache), None
    except StoryError as exc:
        return None, exc
    except OSError as exc:
        return None, exc


def desktop_size() -> tuple[int, int] | None:
    """The size of the player's (first) screen; None without a real display (SDL's dummy driver invents one)."""
    try:
        if pygame.display.get_driver() in ("dummy", "offscreen"):
            return None
        desktops = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return desktops[0] if desktops and min(desktops[0]) > 0 else None


def fit_to_desktop(size: tuple[int, int], desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window size, shrunk (keeping its shape) to fit the desktop with room for its frame and panels.

    A 1280x720 window on a portrait 1080x1920 screen would open wider than the screen.
    """
    if desktop is None:
        return size
    room_w, room_h = int(desktop[0] * 0.94), int(desktop[1] * 0.90)
    scale = min(1.0, room_w / size[0], room_h / size[1])
    if scale >= 1.0:
        return size
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


class App(Host):
    """The game in one window. Tests drive it with step(); run() is the real main loop."""

    fade_by_default = True

    def __init__(self, story_path: Path, data_dir: Path, size: tuple[int, int] = (1280, 720), role: str | None = None,
                 lang: str | None = None, autoplay: str | None = None, screenshots: Path | None = None,
                 background_load: bool = False, watch: bool = False, speech=None):
        super().__init__()
        self.story_path = Path(story_path)
        self.data_dir = Path(data_dir)
        self.settings, settings_message = load_settings(self.data_dir)
        # --lang is for this run only: the language saved for the next run stays as it was,
        # unless the player picks a language in the settings.
        self.saved_language = self.settings.language
        if lang is not None:
            self.settings = self.settings.with_(language=lang)
        self.role = role
        size = fit_to_desktop(size, desktop_size())
        self.windowed_size = size
        self.surface = self._open_window(size)
        pygame.display.set_caption("Foxbat: Hakodate, 1976")
        self.layout = self._layout()
        self.title_art = TitleArt(self)
        self.base_story = None  # as loaded (an engine LoadedStory), in the story's own language
        self.edition = None     # the story, interface strings and machine in the player's language
        self.story = None       # in the player's language
        self.ui = None          # interface strings in the player's language
        self.story_error = None
        self.saves = None
        self.session = None
        self.dirty = True
        self.machine = None
        self._full = 0  # full frames still owed after a change
        self._toast: tuple[str, float] | None = None
        self.story_problems: list[str] = []  # of the last edit that failed to load (shown until one loads)
        self._loader: threading.Thread | None = None
        self._loaded = None
        self.theme = {}
        self.autoplayer = None
        if autoplay:
            from .autoplay import Autoplayer

            self.autoplayer = Autoplayer.parse(autoplay, screenshots)
        self.watcher = None
        self.audio = None
        from .voice import Voice

        # speech: a factory of game.frontends.speech.Speech (tests give a fake); started on first use.
        self.voice = Voice(speech or self._default_speech)
        self._spoken_key = None    # the screen moment self-voicing last read
        self._spoken_focus = None  # the button it last named
        if watch:
            from game.engine import StoryWatcher

            self.watcher = StoryWatcher(self.story_path)
        self._pending_notice = settings_message  # a string key: shown once the strings are loaded
        if background_load:
            # The first title frame is drawn with plain pygame; the engine and widgets load after it,
            # in a thread, while the title animates.
            self._loader = threading.Thread(target=self._load, daemon=True)
        else:
            self._load()
            self._finish_loading()

    # --- window ------------------------------------------------------------------------------

    def _open_window(self, size):
        if self.settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                pass
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    def _layout(self) -> Layout:
        w, h = self.surface.get_size()
        return Layout(w, h, TEXT_SCALE[self.settings.text_size])

    def resize(self, size: tuple[int, int]) -> None:
        """Take a new window size (from the window manager, or a test) and lay everything out again."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if self.surface.get_size() != size:
            self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        if not self.settings.fullscreen:
            self.windowed_size = size
        self.relayout()

    def relayout(self) -> None:
        """Rebuild the theme and the current screen for the window size, text size and contrast."""
        self.layout = self._layout()
        self.art.clear()
        self._fade = None
        if self.manager is not None:
            if self.screen is not None:
                self.guard(self.screen.on_exit)
            self.manager = self._new_manager()
            if self.screen is not None:
                self.guard(self.screen.on_enter)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen on or off, remembered in the settings."""
        self.change_settings(fullscreen=not self.settings.fullscreen)

    def _apply_fullscreen(self) -> None:
        try:
            if self.settings.fullscreen:
                self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        except pygame.error as exc:
            self.notify(self.ui("gui.fullscreen_unavailable", reason=exc))
            self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    # --- self-voicing -----------------------------------------------------------------------

    def _default_speech(self):
        from game.frontends.speech import Speech

        return Speech(self.data_dir / "speech")

    def voice_available(self) -> bool:
        """True when a speech engine can read the screen."""
        return self.voice.available

    def speak(self, text: str) -> None:
        """Say this now (cutting short what was being said), when self-voicing is on."""
        if self.settings.self_voicing and text:
            self.voice.say(text, self.settings.language)

    def toggle_voice(self) -> None:
        """V: self-voicing on or off (saved); with no speech engine, say why and stay silent."""
        if not self.settings.self_voicing and not self.voice.available:
            self.notify(self.ui("gui.voice.no_engine", reason=self.voice.reason))
            return
        self.change_settings(self_voicing=not self.settings.self_voicing)
        if self.settings.self_voicing:
            self.speak(self.ui("gui.voice.on"))
            self._spoken_key = None  # then read the screen again
            self._spoken_focus = None
        else:
            self.voice.stop()
            self.notify(self.ui("gui.voice.off"), 2.0)

    def voice_frame(self) -> None:
        """Read a screen when it shows something new, and a button when the keyboard reaches it."""
        if not self.settings.self_voicing or self.screen is None:
            return
        spoken = self.guard(self.screen.spoken)
        focus = getattr(self.screen, "focus", None)
        focused = focus.focused if focus is not None else None
        if spoken is not None and (id(self.screen), spoken[0]) != self._spoken_key:
            self._spoken_key = (id(self.screen), spoken[0])
            self._spoken_focus = focused  # the screen is read first; the focus is named when it moves
            self.speak(spoken[1])
        elif focused is not None and focused is not self._spoken_focus:
            self._spoken_focus = focused
            self.speak(self.guard(self.screen.spoken_label, focused))
        self.voice.tick(100)

    # --- settings ----------------------------------------------------------------------------

    def change_settings(self, **changes) -> None:
        """Change settings, apply them at once and save them for the next run."""
        before = self.settings
        self.settings = before.with_(**changes)
        if self.settings.fullscreen != before.fullscreen:
            self._apply_fullscreen()
        if self.settings.language != before.language:
            self.relocalize()
        if (self.settings.text_size, self.settings.high_contrast, self.settings.fullscreen, self.settings.language) != (
                before.text_size, before.high_contrast, before.fullscreen, before.language):
            self.relayout()
        if self.audio is not None and self.settings.music_volume != before.music_volume:
            self.audio.music(self.settings.music_volume)
        if "language" in changes:
            self.saved_language = self.settings.language  # chosen by the player: kept for the next run
        reason = save_settings(self.data_dir, self.settings.with_(language=self.saved_language))
        if reason:
            self.notify(self.ui("gui.settings.save_failed", reason=reason) if self.ui else reason)
        self.dirty = True

    # --- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        from .language import edition_of

        base, error = load_everything(self.story_path, self.data_dir / "parsed")
        edition = edition_of(base, self.settings.language, self.data_dir / "parsed") if base is not None else None
        self._loaded = (base, error, edition)

    def _use(self, edition) -> None:
        """Play this edition from now on (the screens read story, ui and machine)."""
        self.edition = edition
        self.story, self.ui, self.machine = edition.story, edition.ui, edition.machine

    def _move_to(self, edition) -> list:
        """Carry the running session onto an edition (Edition.move) and play it; the notices to show.

        When the session cannot move (its role is gone), everything stays as it was and the
        notice says why.
        """
        from game.engine import CannotMove

        notices: list = []
        if self.session is not None:
            try:
                self.session, notices = self._moved(edition)
            except CannotMove as exc:
                return [exc.notice]
        self._use(edition)
        return notices

    def relocalize(self) -> None:
        """Put the story and interface in the settings' language; the player keeps their place."""
        from .language import edition_of

        if self.base_story is None:
            return
        if self.edition is not None and self.edition.loaded is self.base_story:
            edition = self.edition.in_language(self.settings.language)  # same load: the machine is shared
        else:
            edition = edition_of(self.base_story, self.settings.language)
        for notice in self._move_to(edition):
            self.notify(self.translated(notice))
        self.art.clear()

    def _new_manager(self):
        import pygame_gui

        from game.frontends.shell.theme import build_theme, font_sizes

        # Sizes given in HTML (pixel_size) load on first use; that is intended, not worth a warning.
        warnings.filterwarnings("ignore", message="Finding font with id", category=UserWarning)
        theme = build_theme(self.layout, self.settings.high_contrast, self.settings.language)
        self.theme = theme
        manager = pygame_gui.UIManager(self.surface.get_size(), theme, enable_live_theme_updates=False)
        fonts = []
        for name, size, _ in font_sizes(theme):
            for style in ("regular", "bold", "italic"):
                fonts.append({"name": name, "point_size": size, "style": style})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the theme's own fonts are loaded already; the italics are not
            manager.preload_fonts(fonts)
        return manager

    def _finish_loading(self) -> None:
        from game.engine import SaveStore

        from .language import english_ui

        self.base_story, self.story_error, edition = self._loaded
        if edition is not None:
            self._use(edition)
        self.ui = self.ui or english_ui()
        if self._pending_notice:
            self.notify(self.ui(self._pending_notice))
            self._pending_notice = None
        from .audio import Audio

        self.audio = Audio()
        self.audio.music(self.settings.music_volume)
        self.saves = SaveStore(self.data_dir / "saves")
        self.manager = self._new_manager()
        if self.story is None:
            self.go("error", error=self.story_error, fade=False)
        elif self.role == "ensemble":  # foxbat play --ensemble: every role at once
            self.start_ensemble(fade=False)
        elif self.role is not None and self.role in self.story.roles:
            self.start_role(self.role, fade=False)
        else:
            if self.role is not None:
                self.notify(self.ui("gui.no_role", role=self.role, roles=", ".join(self.story.roles)))
            self.go("title", fade=False)

    def routes(self):
        """The desktop screens by route name."""
        from .routes import ROUTES

        return ROUTES

    @property
    def reduced_motion(self) -> bool:
        """The player's setting: no fades, no slides, no sweeping radar."""
        return self.settings.reduced_motion

    def retry_loading(self):
        """Load the story again after it failed (a writer may have fixed it): None and the title, or the error."""
        story, error = load_everything(self.story_path)
        if story is None:
            return error
        self.base_story = story
        self.relocalize()
        self.go("title")
        return None

    @property
    def loaded(self) -> bool:
        """True once the engine, the widgets and the story are ready."""
        return self.manager is not None

    # --- screens -----------------------------------------------------------------------------

    def entered(self, screen) -> None:
        """A new top screen: draw it."""
        self.dirty = True

    def transition(self, slide: bool = False) -> None:
        """Fade from what is on screen now (a screen calls this before changing its own content)."""
        self.start_fade(self.layout.px(40) if slide else 0)
        self.changed_screen = True

    def start_role(self, role: str, fade: bool = True) -> None:
        """A new session of a role, from its first scene."""
        from game.engine import Session

        self.art.clear()  # the last role's pictures are not needed any more
        self.session = Session.start(self.story, role, language=self.settings.language, machine=self.machine)
        self.autosave()
        self.go("scene", fade=fade)

    def start_ensemble(self, fade: bool = True) -> None:
        """Every role at once, on one timeline: the scene screens play the seat whose turn it is (and show its card)."""
        from .ensemble_seat import EnsembleSeat

        self.art.clear()
        self.session = EnsembleSeat(self.edition.start_ensemble(), self.ui)
        self.session.announce()
        self.autosave()
        self.go("scene", fade=fade)

    def restore_saved(self, data):
        """A saved game on the current edition: a Session, or an EnsembleSeat for every role at once; and notices."""
        from game.engine import Session, is_ensemble_save

        from .ensemble_seat import EnsembleSeat

        if is_ensemble_save(data):
            ensemble, notices = self.edition.restore_ensemble(data)
            seat = EnsembleSeat(ensemble, self.ui)
            seat.announce()
            return seat, notices
        return Session.restore(self.story, data, self.machine)

    def _moved(self, edition):
        """The running session (or ensemble) on another edition, and the notices (Edition.move)."""
        if hasattr(self.session, "move_onto"):
            return self.session.move_onto(edition)
        return edition.move(self.session)

    def continue_session(self, session, messages=()) -> None:
        """Carry on a loaded session."""
        self.session = session
        # A finished game goes on at its debrief: the ending scene would only lead there again.
        ending = "timeline" if hasattr(session, "ensemble") else "debrief"
        self.go(ending if session.is_finished else "scene")
        for message in messages:
            self.notify(self.translated(message))

    def to_title(self, message: str | None = None) -> None:
        """Back to the title screen (the autosave stays)."""
        if message:
            self.notify(message)
        self.go("title")

    def sound(self, name: str) -> None:
        """Play one of the game's sounds at the player's sound volume (silent without a device)."""
        if self.audio is not None:
            self.audio.play(name, self.settings.sound_volume)

    def reload_story(self) -> None:
        """Load the story again after a writer changed it; carry on where the player was (Edition.move)."""
        from game.engine import CannotMove

        from .language import edition_of

        base, error = load_everything(self.story_path, self.data_dir / "parsed")
        if base is None:
            self.story_problems = problem_lines(error)
            # the writer's terminal gets them too, in lint's form, so an editor can jump to the line
            print("\n".join(self.story_problems), file=sys.stderr, flush=True)
            self.dirty = True
            return
        if self.story_problems:
            self.story_problems = []
            self.dirty = True
        edition = edition_of(base, self.settings.language, self.data_dir / "parsed")
        moved = None
        if self.session is not None:
            try:
                moved = self._moved(edition)
            except CannotMove as exc:  # the last good story keeps running
                self.notify(self.translated(exc.notice))
                return
        self.base_story = base
        self._use(edition)
        self.art.clear()
        notices = []
        if moved is not None:
            session, notices = moved
            self.continue_session(session)
        self.notify(" ".join([self.ui("gui.story_reloaded"), *(self.translated(n) for n in notices)]))

    def autosave(self) -> None:
        """Keep the session in the autosave slot; a failure is shown but never stops play."""
        from game.engine import AUTOSAVE, SaveError

        if self.session is None or self.saves is None:
            return
        try:
            self.saves.write(AUTOSAVE, self.session.save(), self.session.scene.title or self.session.scene_id)
        except SaveError as exc:
            self.notify(str(exc))

    def translated(self, message) -> str:
        """A notice from the engine in the player's language (its English when it carries no key)."""
        key = getattr(message, "key", None)
        if key and self.ui is not None:
            try:
                return self.ui(key, **message.values)
            except KeyError:
                pass
        return str(message)

    def notify(self, text: str, seconds: float = 6.0) -> None:
        """A message banner at the bottom of the window."""
        self._toast = (text, seconds)
        self.dirty = True

    @property
    def message(self) -> str | None:
        """The message on screen now, if any."""
        return self._toast[0] if self._toast else None

    # --- the loop ----------------------------------------------------------------------------

    def recover(self, exc: Exception) -> None:
        """After a screen failed: say so, go back to the title, keep the autosave."""
        traceback.print_exception(exc, file=sys.stderr)
        failed = self.forget_screens()
        error = f"{type(exc).__name__}: {exc}"
        text = self.ui("gui.something_wrong", error=error) if self.ui else error
        self.notify(text, 10)
        try:
            if getattr(failed, "name", "") == "title":
                self.go("error", error=text, fade=False)
            else:
                self.go("title", fade=False)
        except Exception:  # noqa: BLE001 - the title itself is broken: stop rather than loop
            traceback.print_exc()
            self.running = False
        self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        """One event: window events here, everything else to the widgets and then the screen."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            size = self.surface.get_size() if event.type == pygame.WINDOWSIZECHANGED else event.size
            if self.loaded and size != (self.layout.width, self.layout.height):
                self.resize(size)
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED):
            self.dirty = True
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_v and self.loaded:
            self.toggle_voice()
            self.dirty = True
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5 and self.loaded:
            self.guard(self.reload_story)  # writers: see an edit at once, without restarting
            self.dirty = True
            return
        if not self.loaded or self.screen is None:
            return
        self.dirty = True
        # Screens see every event too: a tap anywhere completes the typewriter, even on a widget.
        self.dispatch(event)

    def step(self, events, dt: float) -> bool:
        """One frame: events, updates, and a draw when something changed. True when it drew."""
        if self._loader is not None and self.frames_drawn > 0:
            if self._loader.ident is None:
                self._loader.start()
            elif not self._loader.is_alive():
                self._loader = None
                self._finish_loading()
        for event in normalise(events, self.surface.get_size()):
            self.handle(event)
        animating = False
        if self.loaded and self.screen is not None:
            import pygame_gui

            # Events pygame_gui posted while handling these (link clicks), in the same frame.
            for event in pygame.event.get(eventtype=[pygame_gui.UI_TEXT_BOX_LINK_CLICKED]):
                self.guard(self.screen.handle_event, event)
            self.manager.update(dt)
            if self.run_later():
                self.dirty = True
            animating = bool(self.guard(self.screen.update, dt))
            # the watcher follows real time: dt is capped, and a still window waits up to 0.5 s per frame
            if self.watcher is not None and self.watcher.tick(self.elapsed if self.elapsed is not None else dt):
                self.guard(self.reload_story)
            if self.autoplayer is not None:
                self.autoplayer.tick(self, dt)
                animating = True
            self.voice_frame()
        else:
            animating = self.title_art.update(dt) or True
        if self._fade is not None:
            self._fade.update(dt)
            animating = True
        if self._toast is not None:
            text, left = self._toast
            left -= dt
            self._toast = (text, left) if left > 0 else None
            animating = animating or self._toast is None
            self.dirty = self.dirty or self._toast is None
        if self.dirty or self._fade is not None or self._toast is not None or self.autoplayer is not None \
                or not self.loaded:
            self._full = 2  # pygame_gui finishes some redraws a frame late, so draw twice after a change
        if self._full > 0:
            self._full -= 1
            self.draw()
            return True
        if animating:
            # Only the screen's own animation moved (the typewriter): redraw just that part if it can.
            # a partial redraw would paint the scene over the problems panel: draw whole frames while it shows
            rects = (self.guard(self.screen.draw_partial, self.surface)
                     if self.screen is not None and not self.story_problems else None)
            if rects:
                pygame.display.update(rects)
                self.frames_drawn += 1
            else:
                self.draw()
            return True
        if self.changed_screen:
            self.tidy()
        return False

    def draw_screen(self, surface: pygame.Surface) -> None:
        """The screen, its widgets, and a ring round the button the keyboard is on."""
        super().draw_screen(surface)
        self.draw_focus_ring(surface)

    def draw_focus_ring(self, surface: pygame.Surface) -> None:
        """Keyboard focus looks unlike mouse hover: hover lights the border, focus adds a ring outside it."""
        focus = getattr(self.screen, "focus", None)
        button = focus.focused if focus is not None else None
        if button is None or not button.alive() or not button.visible:
            return
        px = self.layout.px
        colour = (255, 235, 0) if self.settings.high_contrast else (244, 240, 224)
        ring = button.rect.inflate(2 * px(5), 2 * px(5))
        pygame.draw.rect(surface, (0, 0, 0), ring.inflate(2 * px(2), 2 * px(2)), max(1, px(2)), border_radius=px(8))
        pygame.draw.rect(surface, colour, ring, max(2, px(3)), border_radius=px(7))

    def draw(self) -> None:
        """Draw the current frame and show it."""
        surface = self.surface
        if not self.loaded or self.screen is None:
            self.title_art.draw(surface)
        else:
            self.draw_screen(surface)
        self.draw_fade(surface)
        if self._toast is not None:
            self._draw_toast(surface, self._toast[0])
        if self.story_problems:
            self._draw_problems(surface)
        pygame.display.flip()
        self.frames_drawn += 1
        self.dirty = False

    def _draw_problems(self, surface: pygame.Surface) -> None:
        """The broken edit's problems over the screen, while the last good story plays on."""
        font = self.fonts.get(self.layout.font(15))
        count = len(self.story_problems)
        draw_problems(surface, self.layout, font, self.ui("gui.story_problems", count=count), self.story_problems,
                      self.ui("gui.more_problems", count=count - MAX_LINES))

    def _draw_toast(self, surface: pygame.Surface, text: str) -> None:
        layout = self.layout
        from game.frontends.shell.script import face_for

        font = self.fonts.get(layout.font(17), face=face_for(self.settings.language, text))
        width = min(layout.content.width - 2 * layout.margin, layout.px(900))
        rendered = font.render(text, True, (255, 230, 176), wraplength=width - layout.px(24))
        box = pygame.Rect(0, 0, rendered.get_width() + layout.px(24), rendered.get_height() + layout.px(14))
        box.midbottom = (layout.content.centerx, layout.height - layout.px(12))
        pygame.draw.rect(surface, (42, 26, 8), box, border_radius=layout.px(4))
        pygame.draw.rect(surface, (255, 176, 0), box, max(1, layout.px(2)), border_radius=layout.px(4))
        surface.blit(rendered, (box.x + layout.px(12), box.y + layout.px(7)))

    @property
    def fps(self) -> int:
        """Frames a second: 60 while things fade or type, less where only a slow animation runs (the title)."""
        if not self.loaded or self._fade is not None or self.autoplayer is not None or self.screen is None:
            return 60
        return getattr(self.screen, "frame_rate", 60)

    @property
    def still(self) -> bool:
        """True when nothing moves, so the loop may sleep until the next event."""
        if not self.loaded or self._fade is not None or self._toast is not None or self.autoplayer is not None:
            return False
        if self.voice.waiting:
            return False  # an utterance is being made: play it as soon as it is ready
        return not self.dirty and self._full == 0 and not (self.screen is not None and self.screen.update(0.0))

    def close(self) -> None:
        """Close the window and let go of everything the game held (safe to call twice)."""
        if self._loader is not None and self._loader.is_alive():
            self._loader.join()  # the loading thread still uses pygame's fonts
        self.autoplayer = None
        self.voice.close()
        if self.watcher is not None:
            self.watcher.close()  # its change-notice thread would outlive the window
            self.watcher = None
        super().close()


def run_desktop(story_path, data_dir, role=None, lang=None, autoplay=None, screenshots=None, watch=False) -> str | None:
    """Open the window and play; "no-display" when no window can be opened, else "ok"."""
    started = time.perf_counter()
    from game.frontends.shell.host import use_plain_framebuffer

    use_plain_framebuffer()  # before the display starts: SDL reads it when the window is made
    try:
        pygame.display.init()
        # With no display SDL may quietly pick its offscreen driver: that is no window for a player.
        requested = os.environ.get("SDL_VIDEODRIVER", "")
        if pygame.display.get_driver() in ("offscreen", "dummy") and requested not in ("offscreen", "dummy"):
            pygame.quit()
            return "no-display"
        app = App(Path(story_path), Path(data_dir), role=role, lang=lang, autoplay=autoplay,
                  screenshots=Path(screenshots) if screenshots else None, background_load=True, watch=watch)
    except pygame.error:
        return "no-display"
    app.started = started
    try:
        app.run()
    finally:
        app.close()
    return "ok"
