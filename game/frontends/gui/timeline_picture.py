"""The ensemble debrief's picture: a lane per role on one time axis, the record, the player's moves, the links.

`plan()` works out every position (tests assert on it); `draw()` paints a plan in the period look:
the pilot's lane on the radar scope, the police commander's on notebook paper, the diplomat's on
telex paper, the links as amber connectors from one seat's choice to the scene it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from game.engine import moment_key
from game.frontends.shell import palette as P

Point = tuple[int, int]


@dataclass(frozen=True)
class Mark:
    """One scene the player went through, on its lane: a move, a departure from the record, an off-record scene, the ending."""

    role: str
    scene: str
    when: str
    choice: str | None
    pos: Point
    kind: str  # "move" | "departure" | "off_record" | "ending"


@dataclass(frozen=True)
class Connector:
    """A link that acted: from the choice in one lane to the scene in another lane it changed."""

    start: Point
    end: Point
    cause_role: str
    role: str
    scene: str


@dataclass(frozen=True)
class Label:
    """A piece of text on the picture and the rectangle it takes."""

    rect: pygame.Rect
    text: str
    kind: str  # "lane" | "date" | "time" | "legend"


@dataclass(frozen=True)
class LaneBox:
    """Where one role's lane is: the whole band, the track the marks sit on, and the record's line."""

    role: str
    band: pygame.Rect
    track: pygame.Rect
    record_y: int
    off_y: int


@dataclass
class Plan:
    """Every position of the picture in one rectangle."""

    rect: pygame.Rect
    lanes: list[LaneBox] = field(default_factory=list)
    record: dict[str, list[int]] = field(default_factory=dict)  # role -> x of each recorded scene
    marks: list[Mark] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    separators: list[int] = field(default_factory=list)  # x where a new date starts
    legend: list[tuple[str, pygame.Rect]] = field(default_factory=list)  # (kind, swatch rect)
    radius: int = 5

    def lane(self, role: str) -> LaneBox:
        """The lane of a role."""
        return next(lane for lane in self.lanes if lane.role == role)

    def mark_at(self, point: Point, slack: int = 4) -> Mark | None:
        """The mark under a point (the nearest within its radius and some slack)."""
        best, distance = None, (self.radius + slack) ** 2
        for mark in self.marks:
            d = (mark.pos[0] - point[0]) ** 2 + (mark.pos[1] - point[1]) ** 2
            if d <= distance:
                best, distance = mark, d
        return best


#: The legend's entries in order: (kind, interface-string key).
LEGEND = (("record", "gui.timeline.legend_record"), ("move", "gui.timeline.legend_moves"),
          ("departure", "gui.timeline.legend_departure"), ("link", "gui.timeline.legend_link"),
          ("clock", "gui.timeline.legend_clock"))


def plan(lanes, links, rect: pygame.Rect, names: dict[str, str], measure: Callable[[str], tuple[int, int]],
         date_text: Callable[[str], str], time_text: Callable[[str], str | None], legend: list[str],
         scale: float = 1.0, historical: dict[str, bool] | None = None) -> Plan:
    """Lay out the lanes (engine Lane list) and links (LinkChange list) in rect.

    measure(text) gives a label's size; date_text(when) and time_text(when) the axis labels in
    the reader's language (None: no time to show); legend the legend's texts (see LEGEND);
    historical: {role: True} when that seat's ending is the record's (the record lists choices only).
    """
    historical = historical or {}
    px = lambda v: max(1, round(v * scale))  # noqa: E731 - a local shorthand
    result = Plan(pygame.Rect(rect))
    line_h = measure("Ag")[1]
    pad, gap = px(10), px(6)
    inner = rect.inflate(-2 * pad, -2 * pad)

    # The legend first, wrapped to as many rows as it needs: the lanes take what is left.
    swatch = px(22)
    legend_items = []
    x, row = inner.x, 0
    for (kind, _), text in zip(LEGEND, legend):
        w = swatch + px(6) + measure(text)[0]
        if x > inner.x and x + w > inner.right:
            x, row = inner.x, row + 1
        legend_items.append((kind, text, x, row, w))
        x += w + px(18)
    legend_h = (row + 1) * (line_h + gap)
    legend_top = inner.bottom - legend_h + gap
    for kind, text, x, row, w in legend_items:
        y = legend_top + row * (line_h + gap)
        result.legend.append((kind, pygame.Rect(x, y + line_h // 2 - px(4), swatch, px(8))))
        text_w = min(measure(text)[0], inner.right - (x + swatch + px(6)))
        result.labels.append(Label(pygame.Rect(x + swatch + px(6), y, text_w, line_h), text, "legend"))

    # Columns: one per moment any lane touches, in time order (simultaneous scenes share one).
    points = [p for lane in lanes for p in (*lane.record, *lane.played)]
    keys = sorted({moment_key(p.when) for p in points})
    column = {key: i for i, key in enumerate(keys)}
    when_of = {}
    for p in points:
        when_of.setdefault(moment_key(p.when), p.when)
    axis_h = 2 * line_h + gap          # dates, in two rows so that neighbours need not collide
    times_h = line_h + gap             # hours of the timed scenes, under the lanes
    lanes_top = inner.y + axis_h
    lanes_h = max(3 * px(30), legend_top - gap - times_h - lanes_top)
    count = max(1, len(lanes))
    band_h = lanes_h // count
    col_w = inner.width / max(1, len(keys))

    def x_of(when: str) -> int:
        return int(inner.x + (column[moment_key(when)] + 0.5) * col_w)

    result.radius = max(3, min(px(7), int(col_w * 0.32), band_h // 6))
    for i, lane in enumerate(lanes):
        band = pygame.Rect(inner.x, lanes_top + i * band_h, inner.width, band_h - px(3))
        name_h = line_h + px(2)
        track = pygame.Rect(band.x, band.y + name_h, band.width, band.height - name_h)
        record_y = track.y + int(track.height * 0.38)
        off_y = track.y + int(track.height * 0.76)
        result.lanes.append(LaneBox(lane.role, band, track, record_y, off_y))
        name = names.get(lane.role, lane.role)
        result.labels.append(Label(pygame.Rect(band.x + px(8), band.y + px(1), min(measure(name)[0], band.width - px(16)),
                                               line_h), name, "lane"))
        result.record[lane.role] = [x_of(p.when) for p in lane.record]
        recorded = {}
        for p in lane.record:
            recorded.setdefault(p.scene, p.choice)
        for p in lane.played:
            on_record = p.scene in recorded or (p.choice is None and historical.get(lane.role, False))
            if p.choice is None:
                kind = "ending"
            elif on_record and p.choice != recorded[p.scene]:
                kind = "departure"
            else:
                kind = "move" if on_record else "off_record"
            y = record_y if on_record else off_y
            result.marks.append(Mark(lane.role, p.scene, p.when, p.choice, (x_of(p.when), y), kind))

    # The date axis: a separator where each date starts; its label where it fits, in one of two rows,
    # the dates with the most scenes first (6 September must not lose its label to its neighbours).
    starts = [i for i, key in enumerate(keys) if i == 0 or keys[i - 1][0] != key[0]]
    spans = {i: (starts[n + 1] if n + 1 < len(starts) else len(keys)) - i for n, i in enumerate(starts)}
    result.separators = [int(inner.x + i * col_w) for i in starts if i]
    rows: list[list[pygame.Rect]] = [[], []]
    for i in sorted(starts, key=lambda i: (-spans[i], i)):
        text = date_text(when_of[keys[i]][:10])
        w, h = measure(text)
        left = int(inner.x + i * col_w)
        for r in (0, 1):
            label = pygame.Rect(left + px(3), inner.y + r * (line_h + gap // 2), w, h)
            if label.right <= inner.right and not any(label.inflate(2 * gap, 0).colliderect(o) for o in rows[r]):
                result.labels.append(Label(label, text, "date"))
                rows[r].append(label)
                break
    # The hours of the timed scenes, where they fit without touching each other.
    right = inner.x - gap
    times_y = lanes_top + count * band_h + px(2)
    for key in keys:
        text = time_text(when_of[key])  # None for a scene the record dates by day or month only
        if not text:
            continue
        w, h = measure(text)
        label = pygame.Rect(x_of(when_of[key]) - w // 2, times_y, w, h)
        if label.x >= right + gap and label.right <= inner.right and label.x >= inner.x:
            result.labels.append(Label(label, text, "time"))
            right = label.right

    # The links: from the cause's mark (its choice; for a gauge, the seat's last move before) to the scene changed.
    by_scene = {(m.role, m.scene): m for m in reversed(result.marks)}  # the first visit of each scene
    seen = set()
    for change in links:
        target = by_scene.get((change.role, change.scene))
        if target is None:
            continue
        for name in change.causes:
            role, _, rest = name.partition(".")
            scene, dot, _ = rest.partition(".")
            start = by_scene.get((role, scene)) if dot else None
            if start is None:
                earlier = [m for m in result.marks if m.role == role and m.pos[0] <= target.pos[0]]
                start = earlier[-1] if earlier else None
            if start is None or (start.pos, target.pos) in seen:
                continue
            seen.add((start.pos, target.pos))
            result.connectors.append(Connector(start.pos, target.pos, role, change.role, change.scene))
    return result


@dataclass(frozen=True)
class LaneColours:
    """One lane's look: its paper, the record's line, the player's marks, its writing."""

    paper: tuple
    record: tuple
    mark: tuple
    text: tuple
    departure: tuple


LANE_LOOKS = {
    "pilot": LaneColours((8, 26, 16), P.PHOSPHOR_DIM, P.PHOSPHOR, P.PHOSPHOR, (255, 96, 72)),        # radar scope
    "police": LaneColours((232, 224, 196), (170, 158, 128), P.INK, P.INK, P.STAMP_RED),              # notebook
    "diplomat": LaneColours((240, 234, 214), (172, 170, 156), (24, 62, 112), P.INK, P.STAMP_RED),   # telex
}
HIGH_CONTRAST = LaneColours((0, 0, 0), (150, 150, 150), (255, 255, 255), (255, 255, 255), (255, 235, 0))
LINK = P.AMBER


def lane_colours(role: str, high_contrast: bool = False) -> LaneColours:
    """The colours of a role's lane."""
    return HIGH_CONTRAST if high_contrast else LANE_LOOKS.get(role, LANE_LOOKS["pilot"])


def draw(surface: pygame.Surface, layout: Plan, render: Callable[[str, tuple], pygame.Surface],
         scale: float = 1.0, high_contrast: bool = False) -> None:
    """Paint a plan: the lanes on their papers, the dates, the record, the player's path, the links, the legend."""
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    rect = layout.rect
    panel = pygame.Surface(rect.size, pygame.SRCALPHA)
    panel.fill((4, 12, 8, 235) if not high_contrast else (0, 0, 0, 255))
    surface.blit(panel, rect)
    pygame.draw.rect(surface, P.PHOSPHOR_DIM if not high_contrast else (255, 255, 255), rect, max(1, px(2)))
    for lane in layout.lanes:
        look = lane_colours(lane.role, high_contrast)
        pygame.draw.rect(surface, look.paper, lane.band)
        if lane.role == "police" and not high_contrast:  # the notebook's red margin and blue rules
            for y in range(lane.track.y + px(10), lane.band.bottom, px(14)):
                pygame.draw.line(surface, (176, 196, 214), (lane.band.x, y), (lane.band.right - 1, y))
            pygame.draw.line(surface, (206, 96, 88), (lane.band.x + px(4), lane.band.y),
                             (lane.band.x + px(4), lane.band.bottom - 1), max(1, px(2)))
        elif lane.role == "diplomat" and not high_contrast:  # telex fan-fold: pale green bands, sprocket holes
            for n, y in enumerate(range(lane.band.y, lane.band.bottom, px(16))):
                if n % 2:
                    pygame.draw.rect(surface, (222, 234, 214), (lane.band.x, y, lane.band.width, px(16)))
        elif not high_contrast:  # the scope's faint graticule
            for y in range(lane.track.y + px(8), lane.band.bottom, px(12)):
                pygame.draw.line(surface, (14, 40, 26), (lane.band.x, y), (lane.band.right - 1, y))
    for x in layout.separators:
        pygame.draw.line(surface, (90, 110, 96), (x, layout.lanes[0].band.y if layout.lanes else rect.y),
                         (x, layout.lanes[-1].band.bottom if layout.lanes else rect.bottom), 1)
    for lane in layout.lanes:
        look = lane_colours(lane.role, high_contrast)
        xs = layout.record.get(lane.role, [])
        if xs:  # the record: a thin line with a tick at each of its scenes
            pygame.draw.line(surface, look.record, (xs[0], lane.record_y), (xs[-1], lane.record_y), max(1, px(2)))
            for x in xs:
                pygame.draw.line(surface, look.record, (x, lane.record_y - px(6)), (x, lane.record_y + px(6)), max(1, px(2)))
        marks = [m for m in layout.marks if m.role == lane.role]
        for a, b in zip(marks, marks[1:]):  # the player's path, bending away where it left the record
            pygame.draw.line(surface, look.mark, a.pos, b.pos, max(1, px(2)))
        r = layout.radius
        for mark in marks:
            if mark.kind == "ending":
                square = pygame.Rect(0, 0, 2 * r, 2 * r)
                square.center = mark.pos
                pygame.draw.rect(surface, look.mark, square)
            elif mark.kind == "departure":
                pygame.draw.circle(surface, look.departure, mark.pos, r + px(4))
                pygame.draw.circle(surface, look.paper, mark.pos, r + px(1))
                pygame.draw.circle(surface, look.mark, mark.pos, r - px(1))
            elif mark.kind == "off_record":
                pygame.draw.circle(surface, look.mark, mark.pos, r, max(1, px(2)))
            else:
                pygame.draw.circle(surface, look.mark, mark.pos, r)
    for connector in layout.connectors:
        _arrow(surface, connector.start, connector.end, px, layout.radius, high_contrast)
    for label in layout.labels:
        if label.kind == "lane":
            colour = lane_colours(_role_of(layout, label), high_contrast).text
        elif label.kind == "legend" or label.kind == "date":
            colour = (226, 222, 206)
        else:
            colour = (170, 190, 176)
        rendered = render(label.text, colour)
        surface.blit(rendered, label.rect.topleft, pygame.Rect(0, 0, label.rect.width, label.rect.height))
    for kind, swatch in layout.legend:
        _swatch(surface, kind, swatch, px, layout.radius, high_contrast)


def _role_of(layout: Plan, label: Label) -> str:
    return next((lane.role for lane in layout.lanes if lane.band.collidepoint(label.rect.topleft)), "pilot")


def _arrow(surface, start: Point, end: Point, px, radius: int, high_contrast: bool) -> None:
    """A connector with a dark edge (it crosses light and dark lanes) and an arrowhead at the scene it changed."""
    colour = (255, 235, 0) if high_contrast else LINK
    sx, sy = start
    ex, ey = end
    length = max(1.0, ((ex - sx) ** 2 + (ey - sy) ** 2) ** 0.5)
    ux, uy = (ex - sx) / length, (ey - sy) / length
    tip = (ex - ux * (radius + px(3)), ey - uy * (radius + px(3)))
    base = (sx + ux * (radius + px(2)), sy + uy * (radius + px(2)))
    pygame.draw.line(surface, (0, 0, 0), base, tip, max(3, px(5)))
    pygame.draw.line(surface, colour, base, tip, max(2, px(3)))
    size = px(10)
    left = (tip[0] - ux * size - uy * size * 0.6, tip[1] - uy * size + ux * size * 0.6)
    right = (tip[0] - ux * size + uy * size * 0.6, tip[1] - uy * size - ux * size * 0.6)
    pygame.draw.polygon(surface, (0, 0, 0), [tip, left, right], max(1, px(2)))
    pygame.draw.polygon(surface, colour, [tip, left, right])
    pygame.draw.circle(surface, colour, (int(sx), int(sy)), radius + px(3), max(1, px(2)))


def _swatch(surface, kind: str, rect: pygame.Rect, px, radius: int, high_contrast: bool) -> None:
    """The legend's little picture of each kind of mark."""
    cy = rect.centery
    if kind == "record":
        colour = (150, 150, 150) if high_contrast else (190, 180, 150)
        pygame.draw.line(surface, colour, (rect.x, cy), (rect.right, cy), max(1, px(2)))
        for x in (rect.x + px(4), rect.right - px(4)):
            pygame.draw.line(surface, colour, (x, cy - px(5)), (x, cy + px(5)), max(1, px(2)))
    elif kind == "move":
        colour = (255, 255, 255) if high_contrast else P.PHOSPHOR
        pygame.draw.line(surface, colour, (rect.x, cy), (rect.right, cy), max(1, px(2)))
        pygame.draw.circle(surface, colour, rect.center, radius)
    elif kind == "departure":
        pygame.draw.circle(surface, (255, 235, 0) if high_contrast else (255, 96, 72), rect.center, radius + px(4))
        pygame.draw.circle(surface, (0, 0, 0), rect.center, radius + px(1))
        pygame.draw.circle(surface, (255, 255, 255) if high_contrast else P.PHOSPHOR, rect.center, radius - px(1))
    elif kind == "clock":  # a dial for the axis's one clock (Japan time)
        colour = (255, 255, 255) if high_contrast else (190, 180, 150)
        r = max(3, rect.height // 2 + px(3))
        centre = (rect.centerx, cy)
        pygame.draw.circle(surface, colour, centre, r, max(1, px(1)))
        pygame.draw.line(surface, colour, centre, (centre[0], cy - r + px(2)), max(1, px(1)))
        pygame.draw.line(surface, colour, centre, (centre[0] + r - px(3), cy), max(1, px(1)))
    else:
        _arrow(surface, (rect.x + px(3), cy), (rect.right, cy), px, 0, high_contrast)
