"""Play by itself in the window: the historical path or random choices; a PNG of every screen."""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import actual_choice

#: Seconds a settled screen stays before autoplay acts (long enough to be seen, short for tests).
PAUSE = 0.35


class Autoplayer:
    """Drives the App: waits until a screen has settled, saves a screenshot, then takes one step."""

    def __init__(self, mode: str, seed: int | None, screenshots: Path | None, role: str | None = None,
                 pause: float = PAUSE, tour: bool | None = None):
        self.mode = mode
        self.rng = random.Random(seed)
        self.screenshots = screenshots
        self.role = role
        self.pause = pause
        self.tour = screenshots is not None if tour is None else tour
        self.waited = 0.0
        self.shots: list[Path] = []
        self._shot_keys: set[str] = set()
        self._marks: set[str] = set()
        self.queue: list = []  # menu screens to open, one by one, over the pause menu
        self.done = False

    @classmethod
    def parse(cls, spec: str, screenshots: Path | None = None, role: str | None = None) -> "Autoplayer":
        """'historical', 'random' or 'random:SEED'; ValueError otherwise."""
        mode, _, seed = spec.partition(":")
        if mode not in ("historical", "random") or (seed and not seed.isdigit()):
            raise ValueError(f"--autoplay takes historical, random or random:SEED, not '{spec}'")
        return cls(mode, int(seed) if seed else None, screenshots, role)

    def pick(self, session) -> str:
        """The choice to take: the record's (else the first), or a random open one."""
        choices = session.choices
        if self.mode == "random":
            return self.rng.choice(choices).id
        actual = actual_choice(session.scene)
        if actual is not None and actual.id in {c.id for c in choices}:
            return actual.id
        return choices[0].id

    def seen(self, mark: str) -> bool:
        """True when this one-off step was taken already."""
        return mark in self._marks

    def mark(self, mark: str) -> None:
        """Remember a one-off step."""
        self._marks.add(mark)

    def tick(self, app, dt: float) -> None:
        """After a moment on a screen: finish its text if it is still typing, else screenshot and act."""
        if self.done or app.screen is None:
            return
        if app._fade is not None:
            self.waited = 0.0
            return
        self.waited += dt
        if self.waited < self.pause:
            return
        self.waited = 0.0
        if not app.screen.settled():
            app.screen.autoplay(self)  # a scene completes its typewriter: a moment of typing is enough to see
            return
        self.capture(app)
        if self.tour and self.take_tour(app):
            return
        app.screen.autoplay(self)

    def capture(self, app) -> None:
        """A PNG of the screen as it is, once per distinct screen."""
        if self.screenshots is None:
            return
        key = app.screen.shot_name()
        if key in self._shot_keys:
            return
        app.draw()  # what the screen looks like now, with every widget change applied
        self._shot_keys.add(key)
        path = self.screenshots / f"{len(self.shots) + 1:02d}_{key}.png"
        app.screenshot(path)
        self.shots.append(path)

    def take_tour(self, app) -> bool:
        """On the first scene, visit every menu once so each has a screenshot; True when it acted."""
        screen = app.screen
        name = screen.name
        if name != "scene":
            return False
        session = app.session
        if session.scene.dossier and not self.seen(f"doc-{session.scene_id}"):
            self.mark(f"doc-{session.scene_id}")
            screen.open_document(session.scene.dossier[0])
            return True
        if screen.has_map() and not self.seen("map") and session.path:
            self.mark("map")
            screen.open_map()
            return True
        if session.path and not self.seen("menus"):
            self.mark("menus")
            # Each is pushed over the last and closed again by its own autoplay step.
            # The pause menu opens each of these in turn; each closes itself on its autoplay step.
            self.queue = [("settings", {}), ("history", {}), ("undo", {}), ("saves", {"mode": "load"})]
            app.open("pause")
            return True
        return False

    def next_queued(self, app) -> bool:
        """Open the next queued menu screen over the pause menu; False when none is left."""
        if not self.queue:
            return False
        route, data = self.queue.pop(0)
        app.open(route, **data)
        return True

    def finish(self, app) -> None:
        """The playthrough is over: close the window."""
        self.done = True
        app.running = False
