"""The staff side: the PIN pad after the corner gesture, and the staff screen behind it."""

from __future__ import annotations

import logging
import math
import time

import pygame

from game.engine import actual_choice, historical_path

from ..pin import PinEntry
from ..strings import text
from ..ui import AMBER, DIM, PHOSPHOR, TEXT, KioskScreen, face_for

log = logging.getLogger("foxbat.kiosk.staff")

STAFF_TIMEOUT = 300.0  # an open staff screen left alone returns to the visitors after this
PIN_TIMEOUT = 30.0


class _StaffSide:
    """What the PIN pad and the staff screen share: the staff language, and going back when left alone."""

    app: object
    timeout: float  # seconds without a touch before the visitors' side returns

    def words(self, key: str, **values) -> str:
        """A staff string (`kiosk.staff.<key>`) in the staff language."""
        return text(self.app.library.ui(self.app.config.staff), f"staff.{key}", **values)

    @property
    def face(self) -> str:
        """The font face that has every letter of the staff language."""
        return face_for(self.app.config.staff)

    def update(self, dt: float) -> bool:
        """Back to the visitors when nobody has touched the screen for a while."""
        if self.app.clock() - self.app.last_touch >= self.timeout:
            self.app.later(self.app.to_attract)
        return False


class PinScreen(_StaffSide, KioskScreen):
    """A numeric pad; the right PIN opens the staff screen, Cancel or 30 s alone returns to attract."""

    name = "pin"
    idle = "off"
    timeout = PIN_TIMEOUT

    def __init__(self, app):
        super().__init__(app)
        # The lockout belongs to the kiosk, not to this pad: Cancel and the gesture again do not clear it.
        self.entry = PinEntry(app.pin_check, app.pin_lock)
        log.info("staff gesture made: PIN pad opened%s", " (locked)" if self.entry.locked else "")
        self.message = self._locked_words() if self.entry.locked else ""

    def build(self) -> None:
        """The pad: 1-9, Clear, 0, OK; Cancel underneath."""
        sizing = self.app.sizing
        w, h = self.app.surface.get_size()
        key = sizing.mm(22)
        gap = sizing.mm(4)
        left = (w - (3 * key + 2 * gap)) // 2
        top = (h - (5 * key + 4 * gap)) // 2 + sizing.mm(10)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        labels = {"clear": "C", "ok": "OK"}
        for i, name in enumerate(keys):
            rect = pygame.Rect(left + (i % 3) * (key + gap), top + (i // 3) * (key + gap), key, key)
            self.button(rect, labels.get(name, name), lambda k=name: self.press(k), face="noto")
        self.button(pygame.Rect(left, top + 4 * (key + gap), 3 * key + 2 * gap, key), self.words("cancel"),
                    self.app.to_attract, "#kiosk_quiet", face=self.face)
        self.top = top

    def press(self, key: str) -> None:
        """One key of the pad."""
        result = self.entry.press(key)
        if result is True:
            self.app.open_staff()
        elif result is False:
            self.message = self.words("wrong_pin") if not self.entry.locked else self._locked_words()
        elif self.entry.locked:
            self.message = self._locked_words()
        else:
            self.message = ""

    def _locked_words(self) -> str:
        return self.words("locked", minutes=max(1, math.ceil(self.entry.lock.seconds_left / 60)))

    def draw(self, surface: pygame.Surface) -> None:
        """The dots typed so far and any message."""
        surface.fill((10, 12, 14))
        fonts = self.app.fonts
        sizing = self.app.sizing
        w = surface.get_width()
        shown = self.message or self.entry.shown or self.words("pin")
        colour = AMBER if self.message else (TEXT if self.entry.typed else DIM)
        label = fonts.get(sizing.heading, True, "noto_jp" if self.entry.shown and not self.message else self.face).render(
            shown, True, colour)
        surface.blit(label, label.get_rect(midbottom=(w // 2, self.top - sizing.mm(4))))

    def autoplay(self, rng) -> bool:
        """Staff in the soak benchmark: usually the right PIN, sometimes a wrong one."""
        pin = (self.app.config.pin or "1976") if rng.random() < 0.8 else "0000000"
        for digit in pin:
            self.press(digit)
        self.press("ok")
        return True


class StaffScreen(_StaffSide, KioskScreen):
    """Uptime, sessions, per-choice statistics, story version; export, reset, reload, back, exit."""

    name = "staff"
    idle = "off"
    timeout = STAFF_TIMEOUT

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.confirm_reset = False
        self.notice = ""

    def build(self) -> None:
        """The action buttons along the bottom (two rows on a portrait screen)."""
        app = self.app
        sizing = app.sizing
        w, h = app.surface.get_size()
        margin = sizing.margin
        actions = [
            (self.words("export"), self.export),
            (self.words("really_reset" if self.confirm_reset else "reset"), self.reset),
            (self.words("reload"), self.reload),
            (self.words("next_page"), self.next_page),
            (self.words("back"), app.to_attract),
            (self.words("exit"), app.staff_exit),
        ]
        per_row = 3 if sizing.portrait else 6
        gap = sizing.mm(3)
        width = (w - 2 * margin - (per_row - 1) * gap) // per_row
        rows = (len(actions) + per_row - 1) // per_row
        height = sizing.target + sizing.mm(4)
        top = h - margin - rows * height - (rows - 1) * gap
        for i, (label, action) in enumerate(actions):
            rect = pygame.Rect(margin + (i % per_row) * (width + gap), top + (i // per_row) * (height + gap), width,
                               height)
            self.button(rect, label, action, "#kiosk_choice" if action == self.reset and self.confirm_reset
                        else "#kiosk_button", face=self.face)
        self.bottom = top - margin
        self.blocks = self._page_blocks(w - 2 * margin)

    def _overview(self) -> list[tuple[str, tuple]]:
        app = self.app
        t = app.stats.totals
        uptime = int(app.uptime)
        words = self.words
        lines = [
            (words("uptime", days=uptime // 86400, hours=uptime % 86400 // 3600, minutes=uptime % 3600 // 60), TEXT),
            (words("sessions", today=app.stats.sessions_today, total=t.sessions, timed_out=t.timed_out), TEXT),
            (words("average", minutes=round(t.seconds / t.sessions / 60, 1) if t.sessions else 0,
                   min_sessions=app.config.min_sessions), TEXT),
            (words("version", version=app.library.version, errors=app.errors, write_errors=app.stats.write_errors),
             TEXT),
            (words("stats_file", path=app.stats.where), DIM),
        ]
        if self.notice:
            lines.append((self.notice, AMBER))
        if app.stats.state == "waiting" and getattr(app.stats.backend, "url", None):
            lines.append((words("stats_waiting", pending=app.stats.pending, reason=app.stats.backend.reason), AMBER))
        for warning in app.stats.warnings:
            shown = self.app.library.ui(self.app.config.staff)(warning.key, **warning.values)
            lines.append((words("warning", warning=shown), AMBER))
        if app.library.problems:
            # The problems themselves stay as lint prints them: whoever fixes the story reads them there too.
            lines.append((words("story_broken"), AMBER))
            lines += [(p.format().replace("\n  hint:", " —"), AMBER) for p in app.library.problems[:6]]
            if len(app.library.problems) > 6:
                lines.append((words("more_problems", count=len(app.library.problems) - 6), AMBER))
        return lines

    def _choice_lines(self) -> list[tuple]:
        """(text, colour, indent level) of each role, scene on the record and choice."""
        app = self.app
        story = app.library.story(app.config.staff)
        lines = []
        for role_id in app.roles:
            role = story.roles[role_id]
            lines.append((self.words("role_sessions", role=role.name, count=app.stats.totals.roles.get(role_id, 0)),
                          AMBER))
            for scene_id in historical_path(role):
                scene = role.scenes[scene_id]
                if actual_choice(scene) is None:
                    continue
                reached = app.stats.totals.reached.get((role_id, scene_id), 0)
                lines.append((self.words("reached", scene=scene.title or scene_id, count=reached), TEXT, 1))
                for choice in scene.choices:
                    count = app.stats.totals.choices.get((role_id, scene_id, choice.id), 0)
                    share = f" ({round(100 * count / reached)} %)" if reached else ""
                    mark = "  " + self.words("history_mark") if choice.record == "actual" else ""
                    lines.append((f"{_short(choice.text)}: {count}{share}{mark}", DIM, 2))
        return lines

    def _page_blocks(self, width: int) -> list:
        """The text blocks of the current page; their indents go to self.indents."""
        sizing = self.app.sizing
        top = sizing.margin + sizing.mm(6)
        available = self.bottom - top
        everything = ([(self.words("title"), AMBER)] + self._overview() + [(self.words("per_choice"), AMBER)]
                      + self._choice_lines())
        step = sizing.mm(8)  # one level of indent: scenes under their role, choices under their scene
        pages: list[list] = [[]]
        used = 0
        for line, colour, *level in everything:
            indent = step * (level[0] if level else 0)
            block = self.text(line, width - indent, colour=colour, face=self.face)
            if pages[-1] and used + block.height > available:
                pages.append([])
                used = 0
            pages[-1].append((block, indent))
            used += block.height
        self.page_count = len(pages)
        page = pages[self.page % len(pages)]
        self.indents = [indent for _, indent in page]
        return [block for block, _ in page]

    def _rebuild(self) -> None:
        self.on_exit()
        self.build()

    def export(self) -> None:
        """Write the statistics as CSV beside the database."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        try:
            path = self.app.stats.export_csv(self.app.stats.path.with_name(f"foxbat-stats-{stamp}.csv"))
            self.notice = self.words("exported", path=path)
        except OSError as exc:
            self.notice = self.words("export_failed", error=exc)
        self._rebuild()

    def reset(self) -> None:
        """First press asks, second press resets."""
        if self.confirm_reset:
            self.app.stats.reset()
            self.notice = self.words("was_reset")
        self.confirm_reset = not self.confirm_reset
        self._rebuild()

    def reload(self) -> None:
        """Reload the story; on failure the last good one keeps running and the problems show here."""
        if self.app.library.reload():
            self.app.blocks.clear()
            self.notice = self.words("reloaded", version=self.app.library.version)
        else:
            self.notice = self.words("not_reloaded")
        self._rebuild()

    def next_page(self) -> None:
        """The next page of figures."""
        self.page += 1
        self._rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        """The figures."""
        surface.fill((12, 14, 16))
        margin = self.app.sizing.margin
        y = margin + self.app.sizing.mm(6)
        for block, indent in zip(self.blocks, self.indents):
            y = block.draw(surface, margin + indent, y)

    def autoplay(self, rng) -> bool:
        """Staff in the soak benchmark look, maybe page, then go back."""
        if rng.random() < 0.3:
            self.next_page()
        else:
            self.app.to_attract()
        return True


def _short(text: str, limit: int = 60) -> str:
    """A choice's text cut to fit one line of the staff list."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
