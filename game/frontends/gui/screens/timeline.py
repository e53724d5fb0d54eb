"""After an ensemble: the three seats on one time axis, the links that acted, and every move grouped by date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pygame

from game.engine import format_moment, timeline_lanes

from game.frontends.shell import art
from game.frontends.shell.richtext import b, i
from game.frontends.shell.script import face_for
from .. import timeline_picture as picture
from ..ensemble_seat import timeline_days
from .base import Screen


JAPAN = timezone(timedelta(hours=9))


def japan_time(when: str) -> datetime | None:
    """A timed `when` as Japan's clock reads it, or None for a day or month.

    The seats' scenes are written in local time (the pilot's first ones in Primorye, UTC+10);
    one axis needs one clock, or 13:40 over Primorye would stand left of 13:08 off Hokkaido.
    """
    if "T" not in when:
        return None
    try:
        moment = datetime.fromisoformat(when)
    except ValueError:
        return None
    return moment.astimezone(JAPAN) if moment.tzinfo is not None else moment


class TimelineScreen(Screen):
    """One timeline: a lane per seat (the record, the player's moves, departures), links drawn, moves by date."""

    name = "timeline"

    def __init__(self, app):
        super().__init__(app)
        self.plan: picture.Plan | None = None
        self.cursor = -1  # the mark the keyboard is on, in the order the moves were played
        self._labels: dict[tuple, pygame.Surface] = {}  # rendered labels of the picture, by text and colour

    @property
    def ensemble(self):
        """The ensemble being debriefed."""
        return self.app.session.ensemble

    def build(self) -> None:
        """The picture across the top; the moves by date and the buttons under it (beside each other when wide)."""
        self._labels.clear()  # a new size, text size or language draws its labels afresh
        layout = self.app.layout
        content, m = layout.content, layout.margin
        ui = self.ui
        width = content.width - 2 * m
        x = content.x + m
        title = self.label(pygame.Rect(x, m // 2, width, layout.px(44)), ui("ensemble.timeline"), "#screen_title")
        top = title.rect.bottom + layout.px(6)
        bottom = layout.height - m
        seats = list(self.ensemble.sessions.values())
        names = [(ui("gui.timeline.seat_debrief", name=s.role.name), lambda r=s.state.role: self.open_seat(r))
                 for s in seats]
        names += [(ui("gui.debrief.again"), self.again), (ui("gui.debrief.to_title"), self.title)]
        button_h, gap = layout.px(44), layout.px(8)
        if layout.tall:
            picture_h = int((bottom - top) * 0.34)
            per_row = 2 if self.needed_width([t for t, _ in names]) <= (width - gap) // 2 else 1
            rows = -(-len(names) // per_row)
            buttons_top = bottom - rows * (button_h + gap) + gap
            button_w = (width - gap * (per_row - 1)) // per_row
            spots = [pygame.Rect(x + (n % per_row) * (button_w + gap), buttons_top + (n // per_row) * (button_h + gap),
                                 button_w, button_h) for n in range(len(names))]
            list_rect = pygame.Rect(x, top + picture_h + m, width, buttons_top - m - (top + picture_h + m))
        else:
            picture_h = int((bottom - top) * 0.56)
            button_w = min(max(layout.px(260), self.needed_width([t for t, _ in names])), int(width * 0.4))
            list_rect = pygame.Rect(x, top + picture_h + m, width - button_w - m, bottom - (top + picture_h + m))
            spots = [pygame.Rect(list_rect.right + m, list_rect.y + n * (button_h + gap), button_w, button_h)
                     for n in range(len(names))]
        self.picture_rect = pygame.Rect(x, top, width, picture_h)
        self.plan = self.make_plan(self.picture_rect)
        # the picture takes the keyboard: Left and Right walk the moves, naming each
        self.picture_button = self.button(self.picture_rect.copy(), "", lambda: self.step(1), "#map_focus")
        self.picture_button.spoken = ui("gui.timeline.walk")
        self.seat_buttons = []
        for (text, action), spot in zip(names, spots):
            button = self.button(spot, self.fit(text, spot.width), action)
            self.seat_buttons.append(button)
        rich = self.rich("#debrief_text", list_rect.width)
        self.moves = self.text(list_rect, self.moves_html(rich), "#debrief_text")
        self.focus.set(1)

    def make_plan(self, rect: pygame.Rect) -> picture.Plan:
        """Where everything of the picture goes at this size and in this language."""
        layout = self.app.layout
        lanes, links = timeline_lanes(self.ensemble)
        names = {role: s.role.name for role, s in self.ensemble.sessions.items()}
        for role in names:  # a seat whose premise another seat took away: its lane is the day as it happened
            if self.ensemble.premise_text(role):
                names[role] = self.ui("gui.timeline.as_it_happened", name=names[role])
        # a seat's ending sits on the record's line when it is the historical one
        historical = {role: s.scene.ending is not None and s.scene.ending.kind == "historical"
                      for role, s in self.ensemble.sessions.items()}
        return picture.plan(lanes, links, rect, names, self.measure, self.date_text, self.time_text,
                            [self.ui(key) for _, key in picture.LEGEND], layout.scale, historical)

    def font(self, text: str = ""):
        """The picture's small font, in the face that draws this text."""
        layout = self.app.layout
        size = layout.font(16 if layout.tall else 13)  # a tall window has room for larger labels
        return self.app.fonts.get(size, face=face_for(self.language, text))

    def measure(self, text: str) -> tuple[int, int]:
        """A label's size on the picture."""
        font = self.font(text)
        return font.size(text)[0], font.get_linesize()

    def date_text(self, when: str) -> str:
        """A date as the reader writes it."""
        return format_moment(when, self.ui)

    def time_text(self, when: str) -> str | None:
        """The hour of a timed scene on the axis's one clock, Japan time, as the reader writes it."""
        moment = japan_time(when)
        return self.ui("date.time", hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}") if moment else None

    def moves_html(self, rich) -> str:
        """Every move of every seat, grouped by date, with the links that acted."""
        # A seat whose premise another seat took away played its day as it happened: say so first.
        premises = [text for text in map(self.ensemble.premise_text, self.ensemble.sessions) if text]
        blocks = ["<br>".join(rich.block(i(text)) for text in premises)] if premises else []
        for date, lines in timeline_days(self.app.session):
            blocks.append(rich.block(b(date)) + "<br>" + "<br>".join(rich.block(line) for line in lines))
        return "<br><br>".join(blocks) or rich.block(self.ui("gui.debrief.none"))

    # --- keyboard and pointer ----------------------------------------------------------------

    def played_marks(self) -> list[picture.Mark]:
        """The marks in the order the moves were played, each seat's ending last."""
        if self.plan is None:
            return []
        by_scene = {(m.role, m.scene): m for m in reversed(self.plan.marks)}
        ordered = [by_scene[(mv.role, mv.step.scene)] for mv in self.ensemble.moves if (mv.role, mv.step.scene) in by_scene]
        return ordered + [m for m in self.plan.marks if m.kind == "ending"]

    def step(self, step: int = 1) -> None:
        """Move the keyboard's cursor along the moves, and say where it is."""
        marks = self.played_marks()
        if not marks:
            return
        self.cursor = (self.cursor + step) % len(marks)
        self.app.dirty = True
        self.app.speak(self.caption(marks[self.cursor]))

    def caption(self, mark: picture.Mark) -> str:
        """A mark as words: whose seat, the scene, when, and the choice made there."""
        session = self.ensemble.sessions[mark.role]
        scene = session.role.scenes[mark.scene]
        text = f"{session.role.name} · {scene.title or mark.scene} · {format_moment(scene.when, self.ui)}"
        choice = scene.choice(mark.choice) if mark.choice else None
        return text + (f" › {choice.text}" if choice is not None else "")

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Left and Right on the picture walk the moves; 1-3 open a seat's debrief; Esc the debrief menu."""
        if event.type == pygame.KEYDOWN:
            if self.focus.focused is self.picture_button and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.step(1 if event.key == pygame.K_RIGHT else -1)
                return True
            roles = list(self.ensemble.sessions)
            if pygame.K_1 <= event.key <= pygame.K_9 and event.key - pygame.K_1 < len(roles):
                role = roles[event.key - pygame.K_1]
                self.app.later(lambda: self.open_seat(role))
                return True
            if self.page(self.moves, event.key):
                return True
            if event.key == pygame.K_ESCAPE:
                self.app.later(lambda: self.app.open("debrief_menu"))
                return True
        if event.type == pygame.MOUSEMOTION and self.picture_rect.collidepoint(event.pos):
            self.app.dirty = True  # the caption follows the pointer
        return super().handle_event(event)

    def spoken(self):
        """The heading and every move by date."""
        from ..voice import plain

        return ("timeline",), self.ui("ensemble.timeline") + ". " + plain(self.moves.html_text)

    # --- actions -----------------------------------------------------------------------------

    def open_seat(self, role: str) -> None:
        """One seat's debrief: its decisions beside the record, its story map."""
        self.app.go("debrief", role=role)

    def again(self) -> None:
        """Choose a role again."""
        self.app.go("roles")

    def title(self) -> None:
        """Back to the title."""
        self.app.to_title()

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The radar-room background and the picture."""
        size = surface.get_size()
        if self.app.settings.high_contrast:
            surface.fill((0, 0, 0))
        else:
            surface.blit(self.app.art.get(("timeline_bg", size), lambda: art.dimmed(art.title_background(size), 150)), (0, 0))
        if self.plan is not None:
            picture.draw(surface, self.plan, self.render, self.app.layout.scale, self.app.settings.high_contrast)

    def render(self, text: str, colour) -> pygame.Surface:
        """A label of the picture, rendered once per screen (the picture is redrawn as the pointer moves)."""
        key = (text, tuple(colour))
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self.font(text).render(text, True, colour)
        return found

    def draw_over(self, surface: pygame.Surface) -> None:
        """The caption of the mark under the pointer, or of the one the keyboard is on."""
        if self.plan is None:
            return
        point = pygame.mouse.get_pos()
        mark = self.plan.mark_at(point) if self.picture_rect.collidepoint(point) else None
        if mark is None and self.focus.focused is self.picture_button and self.cursor >= 0:
            marks = self.played_marks()
            mark = marks[self.cursor % len(marks)] if marks else None
            if mark is not None:
                pygame.draw.circle(surface, (255, 255, 255), mark.pos, self.plan.radius + self.app.layout.px(6),
                                   max(2, self.app.layout.px(2)))
        if mark is not None:
            self.draw_caption(surface, mark)

    def draw_caption(self, surface: pygame.Surface, mark: picture.Mark) -> None:
        """A mark's words in a box above it, kept inside the picture."""
        layout = self.app.layout
        text = self.caption(mark)
        font = self.app.fonts.get(layout.font(15), bold=True, face=face_for(self.language, text))
        room = self.picture_rect.width - layout.px(24)
        label = font.render(text, True, (255, 236, 190), wraplength=room)
        box = label.get_rect(midbottom=(mark.pos[0], mark.pos[1] - layout.px(14))).inflate(layout.px(12), layout.px(6))
        if box.top < self.picture_rect.top:
            box.top = mark.pos[1] + layout.px(14)
        box.clamp_ip(self.picture_rect)
        pygame.draw.rect(surface, (30, 22, 8), box, border_radius=layout.px(3))
        pygame.draw.rect(surface, (255, 176, 0), box, 1, border_radius=layout.px(3))
        surface.blit(label, label.get_rect(center=box.center))

    def autoplay(self, auto) -> bool:
        """Open the last seat's debrief, where the autoplay carries on."""
        self.open_seat(self.app.session.current.state.role)
        return True
