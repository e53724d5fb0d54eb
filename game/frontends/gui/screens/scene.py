"""A scene: header with date, time and place; typed text; numbered choices; gauges; documents."""

from __future__ import annotations

import pygame

from game.engine import ChoiceUnavailable, format_moment

from game.frontends.shell import art
from game.frontends.shell.palette import look_of
from ..settings import CHARS_PER_SECOND
from game.frontends.shell.richtext import b, i
from game.frontends.shell.script import face_for
from game.frontends.shell.widgets import Typewriter
from ..scenery import FLIGHT_GAUGES, Look, look_of_scene, shows_flight_gauges
from .base import Screen


HINT_HEIGHT = 26  # the 'D opens the first document' line under the documents, in layout units


class SceneScreen(Screen):
    """The current scene of the session; rebuilt for every new scene."""

    name = "scene"

    def __init__(self, app):
        super().__init__(app)
        self.revealed: set[tuple[str, int]] = set()  # (scene, path length) whose text has finished typing
        self.typewriter: Typewriter | None = None
        self.choice_buttons: list = []
        self.hidden: list = []
        self.text_rect = pygame.Rect(0, 0, 0, 0)
        self.ruling: tuple[int, tuple[int, ...]] | None = None  # the notebook's margin and rules, from the text
        self.side_rects: dict[str, pygame.Rect] = {}
        self.card_rect: pygame.Rect | None = None  # the seat card, in ensemble play
        self._frame: tuple | None = None  # (what it shows, the composed background of this scene)

    @property
    def session(self):
        """The session being played."""
        return self.app.session

    @property
    def key(self) -> tuple[str, int]:
        """Which moment this is: the same scene reached again later types again."""
        return self.session.scene_id, len(self.session.path)

    def has_map(self) -> bool:
        """The flight map belongs to the pilot."""
        return self.session.state.role == "pilot"

    # --- layout ------------------------------------------------------------------------------

    def build(self) -> None:
        """Header, choices (hidden until the text has typed out), text panel, side panel."""
        app, layout, session = self.app, self.app.layout, self.session
        scene = session.scene
        content, m = layout.content, layout.margin
        self.choice_buttons, self.hidden = [], []

        # Header: scene title, then date, time and place (wrapping when long); Menu and Map on the right.
        buttons_w = max(layout.px(150), self.needed_width([self.ui("gui.scene.menu"), self.ui("gui.scene.map")]))
        right_x = content.right - m - buttons_w
        self.button(pygame.Rect(right_x, m // 2, buttons_w, layout.px(40)), self.ui("gui.scene.menu"), self.pause, focusable=False)
        head_w = right_x - content.x - 2 * m
        if self.has_map():
            map_x = right_x - layout.px(12) - buttons_w
            self.button(pygame.Rect(map_x, m // 2, buttons_w, layout.px(40)), self.ui("gui.scene.map"), self.open_map, focusable=False)
            head_w = map_x - content.x - 2 * m
        rich = self.rich("#header_box", head_w)
        header = self.text(pygame.Rect(content.x + m, m // 2, head_w, -1),
                           rich.block(b(scene.title or scene.where, size=layout.font(28))) + "<br>"
                           + rich.block(f"{self.seat_name()}{format_moment(scene.when, self.ui)}  ·  {scene.where}"),
                           "#header_box")
        header_h = max(header.rect.height, layout.px(40))
        top = m // 2 + header_h + m // 3
        # In an ensemble, the first scene after a change of seat says who plays, where and when, and the
        # other seats' last moves: laid out above the text, so it hides no choice and needs no key.
        self.card_rect = None
        card = self.seat_card()
        if card is not None:
            self.card_rect = self.card_box(card, pygame.Rect(content.x + m, top, content.width - 2 * m, -1)).rect
            top = self.card_rect.bottom + m // 3
        bottom = layout.height - m
        usable = content.width - 3 * m
        left_w = int(usable * 0.63)
        right_w = usable - left_w
        left_x = content.x + m
        right_x = left_x + left_w + m
        gauges = self.shown_gauges()
        gauge_h = (layout.px(16) + len(gauges) * self.gauge_rows()[1]) if gauges else 0
        if layout.tall:
            left_w = content.width - 2 * m
            if layout.portrait:
                # A portrait screen: the picture across the whole width (up to a quarter of the height),
                # the gauges under it, then the documents, the text and the choices, one column.
                art_h = min(int(left_w * 9 / 16), (bottom - top) // 4)
                self.side_rects = {"art": pygame.Rect(left_x, top, left_w, art_h),
                                   "gauges": pygame.Rect(left_x, top + art_h + m, left_w, gauge_h)}
                band = pygame.Rect(left_x, top, left_w, art_h + (m + gauge_h if gauges else 0))
            else:
                # A window only somewhat taller than wide: the picture and the gauges side by side in a
                # band under the header, the documents under them, then the text and the choices.
                art_w = int((left_w - m) * 0.45)
                art_h = int(art_w * 9 / 16)
                band = pygame.Rect(left_x, top, left_w, max(art_h, gauge_h))
                self.side_rects = {"art": pygame.Rect(left_x, top, art_w, art_h),
                                   "gauges": pygame.Rect(left_x + art_w + m, top, left_w - art_w - m, gauge_h)}
            # the documents first, as tall as their text wraps; a gap under the hint, or the text's
            # panel would cut the hint's last pixels off
            below = self.add_documents(pygame.Rect(left_x, band.bottom + m, left_w, bottom - band.bottom - m))
            top = below + m // 3 if scene.dossier else band.bottom + m

        # Choices first: their wrapped heights decide how much room the text gets.
        gap = layout.px(10)
        entries = []
        if scene.is_ending:
            entries.append((self.choice_rich(left_w, False).block(self.ui("gui.scene.debrief")), self.debrief, None, True))
        else:
            for number, choice in enumerate(session.choices, start=1):
                entries.append((self.choice_rich(left_w, True).block(choice.text), lambda c=choice.id: self.choose(c),
                                str(number), True))
            for choice in session.closed_choices:
                html = self.choice_rich(left_w, False).block(i(choice.text), " " + self.ui("gui.scene.closed"))
                entries.append((html, None, None, False))
        made = []
        for text, action, number, enabled in entries:
            button, children = self.wrapped(pygame.Rect(left_x, 0, left_w, layout.px(52)), text,
                                            action or (lambda: None), number, enabled)
            made.append((button, children))
        total = sum(b.rect.height for b, _ in made) + gap * max(0, len(made) - 1)
        min_text = layout.px(180)
        while made and bottom - total - m < top + min_text and not made[-1][0].is_enabled:
            button, children = made.pop()  # drop closed choices first when space is short
            for element in [button] + children:
                element.kill()
                self.widgets.remove(element) if element in self.widgets else self.children.remove(element)
            self.focus.items.pop()
            total = sum(b.rect.height for b, _ in made) + gap * max(0, len(made) - 1)
        y = bottom - total
        for button, children in made:
            dy = y - button.rect.y
            for element in [button] + children:
                element.set_relative_position((element.rect.x, element.rect.y + dy))
            y += button.rect.height + gap
            self.choice_buttons.append(button)
            self.hidden.extend([button] + children)

        # The text on its document: radar screen, notebook or telex paper.
        text_bottom = (bottom - total - m) if made else bottom
        self.text_rect = pygame.Rect(left_x, top, left_w, max(layout.px(120), text_bottom - top))
        pad = layout.px(18)
        look = look_of(session.state.role, app.settings.high_contrast)
        object_id = "#scene_text_crt" if look.document in ("crt", "plain") else "#scene_text_paper"
        inner = self.text_rect.inflate(-2 * pad, -2 * pad)
        if look.document == "notebook":
            inner.width -= layout.px(22)  # a wide left margin, ruled off in red, as on a notebook page
            inner.x += layout.px(22)
        box = self.text(inner, self.scene_html(self.rich(object_id, inner.width)), object_id)
        if layout.tall:
            box = self.fit_text_panel(box, inner, pad, made)
        self.ruling = self.ruling_of(box)

        # The side: the role's picture, the gauges, the documents.
        if not layout.tall:
            art_h = min(int(right_w * 9 / 16), (bottom - top) // 3)
            self.side_rects = {"art": pygame.Rect(right_x, top, right_w, art_h),
                               "gauges": pygame.Rect(right_x, top + art_h + m, right_w, gauge_h)}
            side_y = top + art_h + m + (gauge_h + m if gauges else 0)
            self.add_documents(pygame.Rect(right_x, side_y, right_w, bottom - side_y))

        # The typewriter, unless this moment has already been read.
        speed = CHARS_PER_SECOND[app.settings.text_speed]
        if self.key in self.revealed:
            speed = float("inf")
        self.typewriter = Typewriter(box, speed)
        if self.typewriter.done:
            self.reveal()
        else:
            for element in self.hidden:
                element.hide()

    def add_documents(self, area: pygame.Rect) -> int:
        """The scene's documents as buttons down the area, then the key hint when it fits; returns where they end."""
        layout = self.app.layout
        y = area.y
        self.documents = []
        for document in self.session.scene.dossier:
            label = self.ui("gui.scene.document_label", kind=self.kind_name(document.kind), title=document.title)
            button, children = self.wrapped(pygame.Rect(area.x, y, area.width, layout.px(44)),
                                            self.choice_rich(area.width, False).block(label),
                                            lambda d=document: self.open_document(d), None, True, "#document_button")
            self.documents.append(button)
            y = button.rect.bottom + layout.px(8)
        if self.session.scene.dossier:
            # as designed, HINT_HEIGHT; more when the text is set larger (a portrait screen, large text)
            hint_h = max(layout.px(HINT_HEIGHT), self.app.fonts.get(layout.font(15), False, face_for(self.language)).get_linesize())
            hint = pygame.Rect(area.x, y, area.width, hint_h)
            if hint.bottom <= area.bottom:
                self.label(hint, self.ui("gui.scene.document_hint"), "#small")
                y = hint.bottom
        return y

    def seat_card(self):
        """The change-of-seat card to show with this scene (ensemble play only), or None."""
        card_here = getattr(self.session, "card_here", None)
        return card_here() if card_here is not None else None

    def seat_name(self) -> str:
        """In an ensemble, whose seat this is, before the date in the header ('' when one role is played)."""
        if not hasattr(self.session, "ensemble") or self.seat_card() is not None:
            return ""  # one role played, or the seat card right under the header names the seat
        name = self.session.role.name
        if self.session.ensemble.premise_text(self.session.state.role):  # its day goes on as it happened
            name = self.ui("gui.timeline.as_it_happened", name=name)
        return f"{name}  ·  "

    def card_box(self, card, rect: pygame.Rect):
        """The seat card: whose seat it is now (the header above says where and when), then the others' last moves."""
        layout = self.app.layout
        rich = self.rich("#seat_card", rect.width)
        html = rich.block(b(self.ui("gui.scene.seat_change", name=self.session.role.name)))
        if card.ended:
            html = rich.block(i(card.ended)) + "<br>" + html
        if card.meanwhile:
            html += "<br>" + rich.block(card.meanwhile)
        if card.premise:
            html += "<br>" + rich.block(i(card.premise))
        box = self.text(rect, html, "#seat_card", passive=True)
        if box.rect.height > layout.px(120):  # a very long line of moves scrolls rather than squeeze the text away
            box.set_dimensions((rect.width, layout.px(120)))
        return box

    def english_scene(self):
        """The current scene as written in English (place names are read from it in every language)."""
        base = getattr(self.app, "base_story", None)
        role = base.roles.get(self.session.state.role) if base is not None else None
        scene = role.scenes.get(self.session.scene_id) if role is not None else None
        return scene or self.session.scene

    def scenery(self) -> Look:
        """The picture for this scene's place and hour."""
        scene = self.english_scene()
        return look_of_scene(self.session.state.role, scene.where, scene.when)

    def shown_gauges(self) -> list:
        """The role's gauges, without the jet's instruments where the jet is not (in Tokyo, in 1977)."""
        gauges = self.session.gauges
        scene = self.english_scene()
        base = getattr(self.app, "base_story", None)
        role = base.roles.get(self.session.state.role) if base is not None else None
        scenes = (role or self.session.role).scenes.values()
        if shows_flight_gauges(scenes, scene.where, scene.when):
            return gauges
        return [g for g in gauges if g.name not in FLIGHT_GAUGES]

    def fit_text_panel(self, box, inner: pygame.Rect, pad: int, made: list):
        """In a tall window, the text panel only as tall as its text, the choices right under it."""
        layout = self.app.layout
        rows = getattr(getattr(box, "text_box_layout", None), "layout_rows", None)
        if not rows:
            return box
        text_h = rows[-1].y + rows[-1].height + 2 * layout.px(8)
        panel_h = max(layout.px(200), text_h + 2 * pad + layout.px(40))
        if panel_h >= self.text_rect.height:
            return box
        self.text_rect.height = panel_h
        box.set_dimensions((inner.width, panel_h - 2 * pad))
        if made:
            dy = self.text_rect.bottom + layout.margin - made[0][0].rect.y
            for button, children in made:
                for element in [button] + children:
                    element.set_relative_position((element.rect.x, element.rect.y + dy))
        return box

    def ruling_of(self, box) -> tuple[int, tuple[int, ...]] | None:
        """Where the text box puts its first letter and each line's baseline, in the text panel's pixels."""
        origin = getattr(box, "text_wrap_rect", None)
        layout_rows = getattr(getattr(box, "text_box_layout", None), "layout_rows", None)
        if origin is None or not layout_rows:
            return None
        top = origin.y - self.text_rect.y
        baselines = tuple(top + row.y + row.y_origin - 1 for row in layout_rows
                          if top + row.y + row.y_origin < self.text_rect.height)
        return origin.x - self.text_rect.x, baselines

    def kind_name(self, kind: str) -> str:
        """A document kind as a label: "Cable", "電報"."""
        try:
            name = self.ui(f"document.{kind}")
        except KeyError:
            name = kind.replace("_", " ")
        return name[:1].upper() + name[1:]

    def scene_html(self, rich=None) -> str:
        """The scene's text, and at an ending what it means."""
        rich = rich or self.rich("#scene_text_paper", 10**6)
        scene = self.session.scene
        html = rich.paragraphs(scene.text)
        if scene.ending is not None:
            ending = scene.ending
            kind = self.ui("gui.scene.historical_ending" if ending.kind == "historical" else "gui.scene.other_ending")
            html += "<br><br>" + rich.block(b(f"{kind}: {ending.title}")) + "<br>" + rich.block(ending.outcome)
            if ending.kind != "historical":
                html += "<br>" + rich.block(i(ending.differs))
        return html

    def spoken(self):
        """The scene as self-voicing reads it: title, place and time, the text, then the numbered choices."""
        from ..voice import plain

        scene = self.session.scene
        card = self.seat_card()
        parts = [card.line if card is not None else "", scene.title or "",
                 f"{format_moment(scene.when, self.ui)}, {scene.where}.", plain(self.scene_html())]
        if scene.is_ending:
            parts.append(self.ui("gui.scene.debrief"))
        else:
            for number, choice in enumerate(self.session.choices, start=1):
                parts.append(self.ui("gui.voice.choice", number=number, text=choice.text))
        return ("scene", self.key), " ".join(p for p in parts if p)

    def reveal(self) -> None:
        """The text is all there: show the choices and put the keyboard on the first."""
        self.revealed.add(self.key)
        for element in self.hidden:
            element.show()
        # The choices changed what is on screen: a full frame (the typing frames redraw only the text).
        self.app.dirty = True
        if self.session.is_finished and self.choice_buttons:
            self.focus.set(0)

    # --- actions -----------------------------------------------------------------------------

    def choose(self, choice_id: str) -> None:
        """Take a choice and move on to the next scene."""
        self.app.transition(slide=True)
        self.app.sound("choose")
        try:
            self.session.choose(choice_id)
        except ChoiceUnavailable as exc:
            self.app.notify(self.ui("gui.scene.choice_closed", reason=exc))
            return
        self.app.autosave()
        self.rebuild_for_new_scene()

    def rebuild_for_new_scene(self) -> None:
        """Lay out the scene the session is now at."""
        self.on_exit()
        self.build()

    def debrief(self) -> None:
        """The path beside the record (after an ensemble, first every seat on one time axis)."""
        self.app.go("timeline" if hasattr(self.session, "ensemble") else "debrief")

    def pause(self) -> None:
        """The pause menu."""
        self.app.open("pause")

    def open_map(self) -> None:
        """The flight map."""
        self.app.open("flight_map")

    def open_document(self, document) -> None:
        """A document of the scene, drawn as what it is."""
        self.app.open("document", document=document)

    # --- input and frames --------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        """While typing, any key or tap completes the text; then numbers choose, Esc pauses."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.later(self.pause)
            return True
        typing = self.typewriter is not None and not self.typewriter.done
        if typing and (event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1)):
            self.typewriter.complete()
            self.reveal()
            return True
        if event.type != pygame.KEYDOWN:
            return False
        if pygame.K_1 <= event.key <= pygame.K_9 or pygame.K_KP1 <= event.key <= pygame.K_KP9:
            index = event.key - (pygame.K_1 if event.key <= pygame.K_9 else pygame.K_KP1)
            choices = self.session.choices
            if not self.session.is_finished and index < len(choices):
                self.app.later(lambda c=choices[index].id: self.choose(c))
                return True
            return False
        if event.key == pygame.K_m and self.has_map():
            self.app.later(self.open_map)
            return True
        if event.key == pygame.K_d and self.session.scene.dossier:
            self.app.later(lambda: self.open_document(self.session.scene.dossier[0]))
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus.index is None and self.session.is_finished:
            self.app.later(self.debrief)
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> bool:
        """Type the text out; True while letters appear."""
        if self.typewriter is None or self.typewriter.done:
            return False
        if self.app.fading:
            return True  # the text starts once the scene has faded in
        before = int(self.typewriter.position)
        typing = self.typewriter.update(dt)
        if int(self.typewriter.position) // 4 != before // 4:
            self.app.sound("tick")  # a teleprinter tick every few letters, not every one
        if not typing:
            self.reveal()
        return True

    def settled(self) -> bool:
        """True once the text is all there."""
        return self.typewriter is None or self.typewriter.done

    def draw(self, surface: pygame.Surface) -> None:
        """One blit: background, document, picture and gauges are composed once per scene and values."""
        size = surface.get_size()
        gauges = tuple((g.name, g.value) for g in self.shown_gauges())
        key = (self.session.state.role, self.scenery(), size, tuple(self.text_rect), self.ruling, gauges, self.app.settings.high_contrast)
        if self._frame is None or self._frame[0] != key:
            # Only the current scene's frame is kept: a full-window surface per scene would add up.
            self._frame = (key, self.compose(size))
        surface.blit(self._frame[1], (0, 0))

    def draw_partial(self, surface: pygame.Surface) -> list | None:
        """While the text types out, only the text panel changes: its background and the text box."""
        box = self.typewriter.box if self.typewriter is not None else None
        if self._frame is None or box is None or self.typewriter.done or box.scroll_bar is not None:
            return None
        rect = self.text_rect
        surface.blit(self._frame[1], rect, rect)
        surface.blit(box.image, box.rect)
        return [rect]

    def compose(self, size) -> pygame.Surface:
        """Background, the document under the text, the picture and the gauges, on one surface."""
        role = self.session.state.role
        cache = self.app.art
        high_contrast = self.app.settings.high_contrast
        if high_contrast:
            surface = pygame.Surface(size)
            if pygame.display.get_surface() is not None:
                surface = surface.convert()  # the display's format: the one blit per frame stays fast
            surface.fill((0, 0, 0))
        else:
            # A copy of the cached background is already in the display's format: no conversion.
            surface = cache.get(("role_bg", role, size), lambda: art.role_background(role, size)).copy()
        look = look_of(role, high_contrast)
        rect = self.text_rect
        surface.blit(art.document(look.document, rect.size, high_contrast, self.ruling), rect)
        picture = self.side_rects.get("art")
        if picture is not None and picture.height > 0:
            place = self.scenery()
            draw = art.PLACES.get(place.picture, art.room)
            surface.blit(cache.get(("place", place.picture, place.night, picture.size),
                                   lambda: draw(picture.size, place.night)), picture)
            pygame.draw.rect(surface, look.accent, picture, max(1, self.app.layout.px(2)))
        gauges_rect = self.side_rects.get("gauges")
        if gauges_rect is not None and gauges_rect.height > 0:
            self.draw_gauges(surface, gauges_rect, look)
        return surface

    def draw_gauges(self, surface: pygame.Surface, rect: pygame.Rect, look) -> None:
        """The visible variables as labelled bars, like the instruments they stand for."""
        layout = self.app.layout
        fonts = self.app.fonts
        panel = pygame.Surface(rect.size, pygame.SRCALPHA)
        panel.fill((4, 10, 8, 215))
        surface.blit(panel, rect)
        pygame.draw.rect(surface, look.accent, rect, max(1, layout.px(1)))
        y = rect.y + layout.px(8)
        pad = layout.px(12)
        bar_offset, row = self.gauge_rows()
        for gauge in self.shown_gauges():
            name = gauge.variable.label.upper()
            label = fonts.get(layout.font(16), True, face_for(self.language, name)).render(name, True, (220, 214, 190))
            shown = self.value_text(gauge)
            value = fonts.get(layout.font(16), True, face_for(self.language, shown)).render(shown, True, look.accent)
            surface.blit(label, (rect.x + pad, y))
            surface.blit(value, (rect.right - pad - value.get_width(), y))
            bar = pygame.Rect(rect.x + pad, y + bar_offset, rect.width - 2 * pad, layout.px(10))
            pygame.draw.rect(surface, (20, 34, 28), bar)
            fraction = gauge.fraction
            if fraction is None and isinstance(gauge.value, bool):
                fraction = 1.0 if gauge.value else 0.0
            if fraction is not None:
                colour = look.accent if fraction > 0.25 else (230, 80, 60)
                pygame.draw.rect(surface, colour, (bar.x, bar.y, int(bar.width * fraction), bar.height))
                for i in range(1, 10):
                    x = bar.x + bar.width * i // 10
                    pygame.draw.line(surface, (0, 0, 0), (x, bar.y), (x, bar.bottom - 1))
            y += row

    def gauge_rows(self) -> tuple[int, int]:
        """Where a gauge's bar starts under its label, and the height of one gauge, in pixels.

        As designed, 24 and 44 layout units; a larger label (the large text size, a portrait
        screen) pushes the bar down below the label's baseline rather than letting it cross it.
        """
        layout = self.app.layout
        font = self.app.fonts.get(layout.font(16), True, face_for(self.language))
        bar_offset = max(layout.px(24), font.get_ascent() + layout.px(5))
        return bar_offset, max(layout.px(44), bar_offset + layout.px(20))

    def value_text(self, gauge) -> str:
        """A gauge's value as the player reads it, in their language."""
        if isinstance(gauge.value, bool):
            return self.ui("gui.yes" if gauge.value else "gui.no")
        return f"{gauge.value}{gauge.variable.unit}"

    def autoplay(self, auto) -> bool:
        """Finish the text, then choose as the autoplay says; at an ending, go to the debrief."""
        if not self.settled():
            self.typewriter.complete()
            self.reveal()
            return True
        if self.session.is_finished:
            self.debrief()
            return True
        self.choose(auto.pick(self.session))
        return True

    def shot_name(self) -> str:
        """scene-<id>, or scene-<role>-<id> in an ensemble (two roles may name a scene alike: garrison)."""
        if hasattr(self.session, "ensemble"):
            return f"scene-{self.session.state.role}-{self.session.scene_id}"
        return f"scene-{self.session.scene_id}"
