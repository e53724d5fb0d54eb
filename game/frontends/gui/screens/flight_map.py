"""The pilot's flight on a real coastline map: the documented timeline and the player's own route."""

from __future__ import annotations

import pygame

from game.engine import break_lines, format_moment
from game.shipped import assets_folder

from .. import geo
from game.frontends.shell import palette as P
from game.frontends.shell.script import face_for
from .overlay import OverlayScreen

MAP_IMAGE = assets_folder() / "maps" / "flight_map.png"


def load_map() -> pygame.Surface | None:
    """The generated coastline map, or None when it is missing (the screen then draws plain sea)."""
    try:
        return pygame.image.load(str(MAP_IMAGE))
    except (pygame.error, FileNotFoundError):
        return None


class FlightMapScreen(OverlayScreen):
    """The map over the scene; Esc, M or Back return."""

    name = "map"

    def __init__(self, app):
        super().__init__(app)
        self.map_rect = pygame.Rect(0, 0, 0, 0)
        self.side = pygame.Rect(0, 0, 0, 0)

    def route(self) -> list[tuple[float, float, str]]:
        """(lon, lat, scene title) of every visited scene that has a place on the map, in order."""
        session = self.app.session
        role = session.role
        points = []
        for scene_id in [step.scene for step in session.path] + [session.scene_id]:
            scene = role.scenes.get(scene_id)
            if scene is not None and scene.at is not None:
                points.append((scene.at.lon, scene.at.lat, scene.title or scene_id))
        return points

    def build(self) -> None:
        """The map on the left at its own aspect, the timeline beside it, and Back."""
        layout = self.app.layout
        content, m = layout.content, layout.margin
        side_w = layout.px(350)
        avail = pygame.Rect(content.x + m, m, content.width - 3 * m - side_w, layout.height - 2 * m)
        aspect = 1440 / 861
        w = min(avail.width, int(avail.height * aspect))
        h = int(w / aspect)
        self.map_rect = pygame.Rect(avail.x, avail.y + (avail.height - h) // 2, w, h)
        self.side = pygame.Rect(self.map_rect.right + m, m, content.right - m - self.map_rect.right - m, layout.height - 2 * m)
        self.panel = self.side.inflate(-layout.px(16), -layout.px(16))
        self.side = self.panel.copy()
        self.label(pygame.Rect(self.side.x, self.side.y, self.side.width, layout.px(48)), self.ui("gui.map.title"), "#screen_title")
        back = self.ui("gui.back_esc")
        self.button(pygame.Rect(self.side.x, self.side.bottom - layout.px(48),
                                min(self.side.width, max(layout.px(200), self.needed_width([back]))), layout.px(48)),
                    back, self.close)
        self.focus.set(0)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """M closes too."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_m:
            self.app.later(self.close)
            return True
        return super().handle_event(event)

    def wrapped_text(self, font, text: str, width: int, colour=(226, 222, 206)) -> pygame.Surface:
        """Text wrapped to a width with the kinsoku-aware breaker (pygame's own wrap cuts Japanese anywhere)."""
        room = width - font.size("。")[0]  # a hanging 。 (burasage) must still fit
        return _lines_surface(font, break_lines(text, room, lambda s: font.size(s)[0]), colour)

    def to_screen(self, lon: float, lat: float) -> tuple[int, int]:
        """Lon/lat to window pixels."""
        x, y = geo.project(lon, lat, self.map_rect.width, self.map_rect.height)
        return int(self.map_rect.x + x), int(self.map_rect.y + y)

    def draw(self, surface: pygame.Surface) -> None:
        """Map, places, the documented timeline (amber, dashed) and the player's route (green)."""
        super().draw(surface)
        layout, fonts, cache = self.app.layout, self.app.fonts, self.app.art
        rect = self.map_rect

        def scaled():
            image = load_map()
            if image is None:
                plain = pygame.Surface(rect.size)
                plain.fill(P.SEA)
                return plain
            return pygame.transform.smoothscale(image.convert(), rect.size)

        surface.blit(cache.get(("flight_map", rect.size), scaled), rect)
        pygame.draw.rect(surface, P.PHOSPHOR_DIM, rect, max(1, layout.px(2)))
        small = fonts.get(layout.font(14), face=face_for(self.language))
        for name, (lon, lat) in geo.PLACES.items():
            x, y = self.to_screen(lon, lat)
            region = name.isupper()
            slug = name.lower().replace(" ", "_")
            shown = self.ui(f"gui.map.place.{slug}")
            text = small.render(shown, True, (110, 150, 130) if region else (230, 226, 210))
            if not region:
                pygame.draw.circle(surface, (230, 226, 210), (x, y), max(2, layout.px(3)))
                # Clear of the timeline's numbered markers, which sit on some of these places.
                surface.blit(text, (x + layout.px(14), y - text.get_height() // 2))
            else:
                surface.blit(text, text.get_rect(center=(x, y)))
        # The record: the MiG's track as a dashed amber line, and the documented moments numbered
        # where they happened (the Phantoms' scramble at Chitose stands apart from the track).
        track = [self.to_screen(lon, lat) for lon, lat in geo.TRACK]
        for a, b in zip(track, track[1:]):
            _dashed(surface, P.AMBER, a, b, max(2, layout.px(2)), layout.px(10))
        points = [self.to_screen(lon, lat) for _, _, lon, lat in geo.TIMELINE]
        number_font = fonts.get(layout.font(13), bold=True)
        for i, (x, y) in enumerate(points, start=1):
            pygame.draw.circle(surface, P.AMBER, (x, y), layout.px(10))
            tag = number_font.render(str(i), True, (20, 14, 4))
            surface.blit(tag, tag.get_rect(center=(x, y)))
        # The player's route, from the places of the scenes they went through.
        route = self.route()
        if len(route) >= 2:
            pygame.draw.lines(surface, P.PHOSPHOR, False, [self.to_screen(lon, lat) for lon, lat, _ in route],
                              max(2, layout.px(3)))
        for lon, lat, _ in route:
            pygame.draw.circle(surface, P.PHOSPHOR, self.to_screen(lon, lat), layout.px(5))
        self.draw_timeline(surface, route)

    def draw_timeline(self, surface: pygame.Surface, route) -> None:
        """The numbered moments of the flight and a legend, down the side."""
        layout, fonts = self.app.layout, self.app.fonts
        side = self.side
        y = side.y + layout.px(52)
        face = face_for(self.language)
        font = fonts.get(layout.font(15), face=face)
        bold = fonts.get(layout.font(15), bold=True, face=face)
        width = side.width - layout.px(34)
        for i, (time, _, _, _) in enumerate(geo.TIMELINE, start=1):
            what = self.ui(f"gui.map.moment{i}")
            pygame.draw.circle(surface, P.AMBER, (side.x + layout.px(10), y + layout.px(10)), layout.px(10))
            tag = fonts.get(layout.font(13), bold=True).render(str(i), True, (20, 14, 4))
            surface.blit(tag, tag.get_rect(center=(side.x + layout.px(10), y + layout.px(10))))
            head = bold.render(self.ui("gui.map.jst", time=time) if time else self.ui("gui.map.takeoff"), True, P.AMBER)
            surface.blit(head, (side.x + layout.px(30), y))
            body = self.wrapped_text(font, what, width)
            surface.blit(body, (side.x + layout.px(30), y + head.get_height()))
            y += head.get_height() + body.get_height() + layout.px(10)
        y += layout.px(6)
        legend = [(P.AMBER, self.ui("gui.map.legend_record")), (P.PHOSPHOR, self.ui("gui.map.legend_route"))]
        for colour, text in legend:
            pygame.draw.line(surface, colour, (side.x, y + layout.px(9)), (side.x + layout.px(22), y + layout.px(9)),
                             max(2, layout.px(3)))
            rendered = font.render(text, True, (226, 222, 206))
            surface.blit(rendered, (side.x + layout.px(30), y))
            y += rendered.get_height() + layout.px(4)
        if len(route) < 2:
            note = self.wrapped_text(font, self.ui("gui.map.route_note"), side.width, (160, 170, 160))
            if y + note.get_height() < side.bottom - layout.px(56):
                surface.blit(note, (side.x, y + layout.px(6)))
        else:
            now = self.app.session.scene
            note = self.wrapped_text(font, self.ui("gui.map.now", when=format_moment(now.when, self.ui)), side.width,
                                     (160, 170, 160))
            if y + note.get_height() < side.bottom - layout.px(56):
                surface.blit(note, (side.x, y + layout.px(6)))


def _lines_surface(font, lines: list[str], colour) -> pygame.Surface:
    """Lines rendered one under another."""
    rendered = [font.render(line, True, colour) for line in lines] or [font.render("", True, colour)]
    surface = pygame.Surface((max(r.get_width() for r in rendered), font.get_linesize() * len(rendered)), pygame.SRCALPHA)
    for n, line in enumerate(rendered):
        surface.blit(line, (0, n * font.get_linesize()))
    return surface


def _dashed(surface, colour, a, b, width: int, dash: int) -> None:
    """A dashed line from a to b."""
    ax, ay = a
    bx, by = b
    length = max(1.0, ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5)
    steps = int(length // dash)
    for i in range(0, steps, 2):
        t0, t1 = i / steps, min(1.0, (i + 1) / steps)
        pygame.draw.line(surface, colour, (ax + (bx - ax) * t0, ay + (by - ay) * t0), (ax + (bx - ax) * t1, ay + (by - ay) * t1), width)
