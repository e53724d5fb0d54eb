"""The story map as an SVG for print: scenes in columns by depth, the record and the player's path drawn over them.

Drawn for paper: the record is a thick grey-amber line, the player's path a dashed dark line, so the
two stay apart in black and white as well as in colour.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from game.engine import Role, divergence, scene_depths

WIDTH = 1000  # SVG user units; the page scales the picture to its column width
ROW = 46  # vertical room per scene in the busiest column
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 24, 44, 30
RADIUS = 7
FONT_SIZE = 15  # of the labels, in SVG units (the template's font-size)


@dataclass(frozen=True)
class MapNode:
    """One scene's dot: where it is and how it is drawn."""

    scene_id: str
    x: float
    y: float
    style: str  # "both", "record", "player" or "other"
    ending: bool
    number: str  # the player's decision number beside it, or ""


@dataclass(frozen=True)
class MapLabel:
    """A word placed on the map (parting, meeting, endings)."""

    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class StoryMap:
    """Everything the SVG template draws."""

    width: float
    height: float
    edges: list[tuple[float, float, float, float]]
    record_points: str
    player_points: str
    nodes: list[MapNode]
    labels: list[MapLabel]


def layout_story_map(role: Role, player: list[str], record: list[str], decision_numbers: dict[str, int],
                     parted_text: str, met_text: str, ending_titles: dict[str, str]) -> StoryMap:
    """Place every reachable scene and the two paths; labels come translated from the caller."""
    depth = scene_depths(role)
    columns: dict[int, list[str]] = {}
    for scene_id, d in depth.items():
        columns.setdefault(d, []).append(scene_id)
    count = max(columns) + 1 if columns else 1
    rows = max((len(ids) for ids in columns.values()), default=1)
    inner_height = ROW * rows
    height = MARGIN_TOP + inner_height + MARGIN_BOTTOM
    placed: dict[str, tuple[float, float]] = {}
    for d, ids in columns.items():
        x = MARGIN_X + (WIDTH - 2 * MARGIN_X) * (d + 0.5) / count
        for i, scene_id in enumerate(ids):
            placed[scene_id] = (round(x, 1), round(MARGIN_TOP + inner_height * (i + 0.5) / len(ids), 1))
    edges = [(*placed[s], *placed[c.goto]) for s in placed for c in role.scenes[s].choices if c.goto in placed]
    on_record, on_path = set(record), set(player)
    nodes = []
    for scene_id, (x, y) in placed.items():
        style = ("both" if scene_id in on_record and scene_id in on_path else "player" if scene_id in on_path
                 else "record" if scene_id in on_record else "other")
        number = decision_numbers.get(scene_id)
        nodes.append(MapNode(scene_id, x, y, style, role.scenes[scene_id].is_ending, str(number) if number else ""))
    # Parting and meeting go above their dots, the first reaching left and the second right, so two
    # neighbouring columns never write over each other; ending titles go below and to the left.
    labels = []
    parted, met = divergence(player, record)
    for scene_id, text, anchor, dx in ((parted, parted_text, "end", 4), (met, met_text, "start", -4)):
        if scene_id in placed:
            x, y = placed[scene_id]
            labels.append(MapLabel(x + dx, y - RADIUS - 24, text, anchor))
    for scene_id, title in ending_titles.items():
        if scene_id in placed:
            x, y = placed[scene_id]
            labels.append(MapLabel(x + RADIUS + 4, y + RADIUS + 22, title, "end"))
    labels = [_inside(label) for label in labels]
    return StoryMap(WIDTH, height, edges, _points(placed, record, -2), _points(placed, player, 2), nodes, labels)


def _text_width(text: str) -> float:
    """About how wide a label is drawn: full-width (CJK) characters one em, others a little over half."""
    return sum(FONT_SIZE if unicodedata.east_asian_width(ch) in "WF" else FONT_SIZE * 0.56 for ch in text)


def _inside(label: MapLabel) -> MapLabel:
    """The label moved sideways, if need be, so that none of it falls off the picture's edges."""
    width = _text_width(label.text)
    left = {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    x = min(max(label.x, left + 2), WIDTH - 2 - (width - left))
    return MapLabel(x, label.y, label.text, label.anchor)


def _points(placed: dict[str, tuple[float, float]], path: list[str], dy: float) -> str:
    """An SVG polyline's points along a path, nudged up or down so the two paths never hide each other."""
    return " ".join(f"{placed[s][0]},{placed[s][1] + dy}" for s in path if s in placed)
