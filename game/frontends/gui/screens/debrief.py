"""After an ending: each decision beside the record, sources one click away, and the story map."""

from __future__ import annotations

import pygame
import pygame_gui

from game.engine import build_debrief, departure_sentence, format_moment, historical_path, turn_sentence

from game.frontends.shell import palette as P
from ..story_map import draw_story_map, node_at, node_position
from game.frontends.shell.richtext import Span, b, i
from game.frontends.shell.script import face_for
from .base import Screen


class DebriefScreen(Screen):
    """Your path beside the record."""

    name = "debrief"

    def __init__(self, app, role: str | None = None):
        super().__init__(app)
        self.role_id = role  # in an ensemble: the seat whose debrief this is (the last to move when None)
        self.debrief = build_debrief(app.story, self.played.state, app.machine.rules)
        self.quotes: list[tuple[object, str]] = []  # (quote, the claim it backs), linked as q<index>
        self.map_rect = pygame.Rect(0, 0, 0, 0)
        self.saver = None  # the thread writing "Save for class", while it runs
        self.saved_note = ""  # its result for the player, shown by update()

    @property
    def played(self):
        """The session this debrief is of: the seat asked for in an ensemble, else the game played."""
        session = self.app.session
        ensemble = getattr(session, "ensemble", None)
        if ensemble is not None and self.role_id in ensemble.sessions:
            return ensemble.sessions[self.role_id]
        return session

    def rows_html(self, rich=None) -> str:
        """One block per decision: your choice, what really happened, the sources as links."""
        rich = rich or self.rich("#debrief_text", 10**6)
        self.quotes = []
        ui = self.ui
        parts = []
        for review in self.debrief.decisions:
            parts.append(self.row(review, rich))
        if self.debrief.missed:
            parts.append(rich.block(b(ui("gui.debrief.missed"))))
            parts.extend(self.row(review, rich) for review in self.debrief.missed)
        turns = self.turns_html(rich)
        if turns:
            parts.append(turns)
        if self.debrief.role.epilogue:
            parts.append(rich.block(b(ui("debrief.next"))) + "<br>" + rich.block(self.debrief.role.epilogue))
        if self.debrief.role.question:
            parts.append(rich.block(i(self.debrief.role.question)))
        return "<br><br>".join(parts) or rich.block(ui("gui.debrief.none"))

    def turns_html(self, rich) -> str:
        """Where the path left the record, and which earlier choices opened or closed later ones ('' if none)."""
        debrief, ui = self.debrief, self.ui
        departure = departure_sentence(debrief, ui)
        lines = ([departure] if departure else []) + [turn_sentence(debrief.role, t, ui) for t in debrief.turns]
        if not lines:
            return ""
        return "<br>".join([rich.block(b(ui("debrief.turns_heading"))), *(rich.block("• " + line) for line in lines)])

    def row(self, review, rich) -> str:
        """One decision as HTML."""
        ui = self.ui
        scene = review.scene
        if not review.reached:
            mark = Span(ui("gui.debrief.not_reached"), colour="#8FA89A")
        elif review.matched:
            mark = Span(ui("gui.debrief.matched"), colour="#50FF82")
        else:
            mark = Span(ui("gui.debrief.different"), colour="#FFB000")
        lines = [rich.block(b(scene.title or review.scene_id), "  ", i(format_moment(scene.when, self.ui)), "  ", mark)]
        if review.matched:
            lines.append(rich.block(b(ui("gui.debrief.you_as_record")), " " + review.chosen.text))
        else:
            if review.chosen is not None:
                lines.append(rich.block(b(ui("gui.debrief.you")), " " + review.chosen.text))
            if review.actual is not None:
                lines.append(rich.block(b(ui("gui.debrief.record")), " " + review.actual.text))
        history = review.history
        if history is not None:
            if history.status == "contested":
                lines.append(rich.block(b(ui("debrief.contested") + ":", colour="#FF7060"), " " + ui("gui.debrief.disagree")))
            elif history.status == "dramatized":
                lines.append(rich.block(i(ui("gui.debrief.dramatized"))))
            lines.append(rich.block(b(ui("gui.debrief.what_happened")), " " + history.what_happened))
            if history.dramatized:
                lines.append(rich.block(i(ui("debrief.invented_detail", text=history.dramatized.strip()))))
            for version in history.versions:
                lines.append(rich.block("• ", i(ui("gui.debrief.one_version")), " " + version.claim + " ",
                                        *self.links(version.sources, version.claim)))
            if history.sources:
                lines.append(rich.block(b(ui("debrief.sources")), " ", *self.links(history.sources, history.what_happened)))
        return "<br>".join(lines)

    def links(self, quotes, claim: str) -> list:
        """Each source once, as a link to its first quote; further quotes from it as numbered links (Spans)."""
        by_source: dict[str, list[int]] = {}
        for quote in quotes:
            self.quotes.append((quote, claim))
            by_source.setdefault(quote.source, []).append(len(self.quotes) - 1)
        out: list = []
        for key, indexes in by_source.items():
            if out:
                out.append("; ")
            source = self.app.story.sources.get(key)
            out.append(Span(source.title if source else key, href=f"q{indexes[0]}"))
            if len(indexes) > 1:
                out.append(f" ({self.ui('gui.debrief.quotes')} ")
                for n, index in enumerate(indexes, start=1):
                    out += [Span(str(n), href=f"q{index}"), " " if n < len(indexes) else ""]
                out.append(")")
        return out

    def build(self) -> None:
        """Rows on the left; the count, the ending, the map and the buttons on the right."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        usable = content.width - 3 * m
        left_w = int(usable * 0.58)
        right_x = content.x + 2 * m + left_w
        right_w = content.right - m - right_x
        ui = self.ui
        self.label(pygame.Rect(content.x + m, m // 2, left_w, layout.px(44)), ui("gui.debrief.title"), "#screen_title")
        top = m // 2 + layout.px(52)
        self.rows = self.text(pygame.Rect(content.x + m, top, left_w, layout.height - top - m),
                              self.rows_html(self.rich("#debrief_text", left_w)), "#debrief_text")
        d = self.debrief
        ending = d.ending.ending if d.ending is not None and d.ending.ending is not None else None
        rich = self.rich("#debrief_text", right_w)
        # The score stands on its own line: measured in its large size, it would shorten the lines after it.
        summary = (rich.block(b(ui("gui.debrief.score", matches=d.matches, total=d.total), size=layout.font(28)))
                   + "<br>" + rich.block(ui("gui.debrief.score_tail")))
        if ending is not None:
            key = "gui.debrief.reached_historical" if d.historical_ending else "gui.debrief.reached_other"
            summary += "<br>" + rich.block(ui(key, ending=ending.title))
        summary += "<br>" + rich.block(i(ui("gui.debrief.click_source")))
        self.summary = self.text(pygame.Rect(right_x, m // 2, right_w, -1), summary, "#debrief_text")
        if self.summary.rect.height > layout.px(220):  # a long translation scrolls rather than squeeze the map away
            self.summary.set_dimensions((right_w, layout.px(220)))
        buttons_h = layout.px(48)
        gap = layout.px(10)
        bottom = layout.height - m
        names = [(ui("gui.debrief.sources_button"), self.open_sources), (ui("gui.debrief.for_class"), self.save_for_class),
                 (ui("gui.debrief.again"), self.again), (ui("gui.debrief.to_title"), self.title)]
        if hasattr(self.app.session, "ensemble"):  # back to every seat on one time axis
            names.insert(0, (ui("gui.debrief.timeline_button"), self.timeline))
        # As many buttons to a row as their words allow in this language: all in one row, two, or one.
        texts = [t for t, _ in names]
        per_row = next((n for n in (len(names), 2) if self.needed_width(texts) <= (right_w - gap * (n - 1)) // n), 1)
        width = (right_w - gap * (per_row - 1)) // per_row
        rows = -(-len(names) // per_row)
        for n, (text, action) in enumerate(names):
            row, column = divmod(n, per_row)
            y = bottom - (rows - row) * (buttons_h + gap) + gap
            self.button(pygame.Rect(right_x + column * (width + gap), y, width, buttons_h), text, action)
        buttons_h = rows * (buttons_h + gap) - gap
        legend_h = layout.px(28)
        self.map_rect = pygame.Rect(right_x, self.summary.rect.bottom + m,
                                    right_w, bottom - buttons_h - m - legend_h - self.summary.rect.bottom - m)
        # The map takes the keyboard too: focused, Left and Right walk along your path, naming each scene.
        self.map_button = self.button(self.map_rect.copy(), "", self.step_map, "#map_focus")
        self.focus.set(0)

    def spoken(self):
        """The debrief as self-voicing reads it: the score and the ending, then each decision beside the record."""
        from ..voice import plain

        return ("debrief",), " ".join([self.ui("gui.debrief.title") + ".", plain(self.summary.html_text),
                                       plain(self.rows.html_text)])

    @property
    def player_path(self) -> list[str]:
        """The scenes the player went through, in order."""
        session = self.played
        return [step.scene for step in session.state.path] + [session.scene_id]

    @property
    def map_focused(self) -> bool:
        """True while the keyboard is on the story map."""
        return getattr(self, "map_button", None) is not None and self.focus.focused is self.map_button

    def step_map(self, step: int = 1) -> None:
        """Move the map's cursor along the player's path (Enter on the map steps forward too)."""
        path = self.player_path
        self.map_cursor = (getattr(self, "map_cursor", -1) + step) % len(path)
        self.app.dirty = True
        speak = getattr(self.app, "speak", None)
        if speak is not None:
            speak(self.scene_caption(path[self.map_cursor]))

    def scene_caption(self, scene_id: str) -> str:
        """A scene's title and date, as the map names it."""
        scene = self.debrief.role.scenes[scene_id]
        return f"{scene.title or scene_id} · {format_moment(scene.when, self.ui)}"

    def open_sources(self) -> None:
        """Every source of the debrief as a list of buttons (for the keyboard)."""
        self.app.open("sources", quotes=self.quotes)

    def open_quote(self, index: int) -> None:
        """One quote with its reference."""
        quote, claim = self.quotes[index]
        self.app.open("quote", quote=quote, claim=claim)

    def save_for_class(self) -> None:
        """Write this debrief as PDF and HTML into the documents folder, in the background, and say where."""
        import threading

        from game.classroom.documents import documents_folder, save_for_class

        if self.saver is not None and self.saver.is_alive():
            return
        app, ui, folder = self.app, self.ui, documents_folder()
        app.notify(ui("gui.debrief.saving"), seconds=120)

        ensemble = getattr(app.session, "ensemble", None)
        # an ensemble's class documents cover every seat: one debrief per role, written side by side
        states = [seat.state for seat in ensemble.sessions.values()] if ensemble is not None else [app.session.state]

        def work() -> None:
            try:
                problems = [save_for_class(app.edition, state, folder).problem for state in states]
                self.saved_note = ui("gui.debrief.saved_html" if any(problems) else "gui.debrief.saved", folder=folder)
            except Exception as exc:  # noqa: BLE001 - a failed save must never end the player's game
                self.saved_note = ui("gui.debrief.save_failed", reason=str(exc) or type(exc).__name__)

        self.saver = threading.Thread(target=work, name="save-for-class", daemon=True)
        self.saver.start()

    def update(self, dt: float) -> bool:
        """Show where "Save for class" wrote, once it has (the notice is set here, on the window's thread)."""
        if self.saved_note:
            self.app.notify(self.saved_note, seconds=12)
            self.saved_note = ""
        return super().update(dt)

    def timeline(self) -> None:
        """Every seat on one time axis (after an ensemble)."""
        self.app.go("timeline")

    def again(self) -> None:
        """Choose a role again."""
        self.app.go("roles")

    def title(self) -> None:
        """Back to the title."""
        self.app.to_title()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Source links, S for the sources list, P to save for class, PageUp/PageDown scroll the rows."""
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED and str(event.link_target).startswith("q"):
            index = int(str(event.link_target)[1:])
            self.app.later(lambda: self.open_quote(index))
            return True
        if event.type == pygame.KEYDOWN and self.map_focused and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.step_map(1 if event.key == pygame.K_RIGHT else -1)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_s:
                self.app.later(self.open_sources)
                return True
            if event.key == pygame.K_p:
                self.save_for_class()
                return True
            if self.page(self.rows, event.key):
                return True
            if event.key == pygame.K_ESCAPE:
                # A menu, not the title: from the title, Continue would lead straight back into the ending.
                self.app.later(lambda: self.app.open("debrief_menu"))
                return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The role's background, the story map and its legend."""
        size = surface.get_size()
        role = self.debrief.role
        cache = self.app.art
        if self.app.settings.high_contrast:
            surface.fill((0, 0, 0))
        else:
            from game.frontends.shell import art

            surface.blit(cache.get(("role_bg", role.id, size), lambda: art.role_background(role.id, size)), (0, 0))
        rect = self.map_rect
        if rect.width <= 0 or rect.height <= 0:
            return
        layout = self.app.layout
        panel = pygame.Surface(rect.size, pygame.SRCALPHA)
        panel.fill((4, 12, 8, 225))
        surface.blit(panel, rect)
        pygame.draw.rect(surface, P.PHOSPHOR_DIM, rect, max(1, layout.px(2)))
        player = self.player_path
        font = self.app.fonts.get(layout.font(13), face=face_for(self.language))
        draw_story_map(surface, rect, role, player, historical_path(role), font, layout.scale,
                       labels=(self.ui("gui.debrief.parted"), self.ui("gui.debrief.met")))
        y = rect.bottom + layout.px(6)
        x = rect.x
        font = self.app.fonts.get(layout.font(13), face=face_for(self.language))
        for colour, text in ((P.AMBER, self.ui("gui.debrief.legend_record")), (P.PHOSPHOR, self.ui("gui.debrief.legend_path")),
                             ((230, 226, 200), self.ui("gui.debrief.legend_both"))):
            pygame.draw.line(surface, colour, (x, y + layout.px(9)), (x + layout.px(20), y + layout.px(9)), max(2, layout.px(3)))
            rendered = font.render(text, True, (226, 222, 206))
            surface.blit(rendered, (x + layout.px(26), y))
            x += layout.px(26) + rendered.get_width() + layout.px(18)

    def draw_over(self, surface: pygame.Surface) -> None:
        """The names of the scenes where you started and ended, and of the scene under the mouse or the keyboard."""
        layout = self.app.layout
        role = self.debrief.role
        path = self.player_path
        ends = [path[0], path[-1]]
        record = historical_path(role)
        if record and record[-1] not in ends:
            ends.append(record[-1])
        for scene_id in ends:
            self.draw_caption(surface, scene_id, quiet=True)
        point = pygame.mouse.get_pos()
        hovered = node_at(role, self.map_rect, point, layout.scale) if self.map_rect.collidepoint(point) else None
        if hovered is not None:
            self.draw_caption(surface, hovered, point)
        elif self.map_focused and getattr(self, "map_cursor", -1) >= 0:
            scene_id = path[self.map_cursor]
            node = node_position(role, self.map_rect, scene_id, layout.scale)
            if node is not None:
                pygame.draw.circle(surface, (255, 255, 255), node, max(6, layout.px(11)), max(2, layout.px(2)))
                self.draw_caption(surface, scene_id, node)

    def draw_caption(self, surface: pygame.Surface, scene_id: str, point=None, quiet: bool = False) -> None:
        """A scene's name in a box above a point on the map (its node when no point is given)."""
        layout = self.app.layout
        role = self.debrief.role
        if point is None:
            point = node_position(role, self.map_rect, scene_id, layout.scale)
            if point is None:
                return
        scene = role.scenes[scene_id]
        text = (scene.title or scene_id) if quiet else self.scene_caption(scene_id)
        font = self.app.fonts.get(layout.font(13 if quiet else 15), bold=not quiet, face=face_for(self.language, text))
        label = font.render(text, True, (226, 222, 206) if quiet else (255, 236, 190))
        box = label.get_rect(midbottom=(point[0], point[1] - layout.px(12))).inflate(layout.px(12), layout.px(6))
        box.clamp_ip(self.map_rect)
        pygame.draw.rect(surface, (12, 18, 14) if quiet else (30, 22, 8), box, border_radius=layout.px(3))
        pygame.draw.rect(surface, P.PHOSPHOR_DIM if quiet else P.AMBER, box, 1, border_radius=layout.px(3))
        surface.blit(label, label.get_rect(center=box.center))

    def autoplay(self, auto) -> bool:
        """Open the first source once, then stop the autoplay."""
        if self.quotes and not auto.seen("quote"):
            auto.mark("quote")
            self.open_quote(0)
            return True
        auto.finish(self.app)
        return True
