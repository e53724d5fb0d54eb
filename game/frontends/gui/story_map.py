"""A role's scenes as a map: columns by depth, the historical path and the player's drawn over them."""

from __future__ import annotations

import pygame

from game.engine import divergence, scene_depths  # shared with the printed map (game/classroom)
from game.frontends.shell import palette as P


def positions(role, rect: pygame.Rect) -> dict[str, tuple[int, int]]:
    """Where each scene's node sits inside rect."""
    depth = scene_depths(role)
    columns: dict[int, list[str]] = {}
    for scene_id, d in depth.items():
        columns.setdefault(d, []).append(scene_id)
    count = max(columns) + 1 if columns else 1
    placed = {}
    for d, ids in columns.items():
        x = rect.x + (rect.width * (d + 0.5)) // count
        for i, scene_id in enumerate(ids):
            y = rect.y + (rect.height * (i + 0.5)) // len(ids)
            placed[scene_id] = (int(x), int(y))
    return placed


def node_position(role, rect: pygame.Rect, scene_id: str, scale: float) -> tuple[int, int] | None:
    """Where a scene's node is drawn on a map in rect (the same inset as draw_story_map)."""
    return positions(role, rect.inflate(-int(40 * scale), -int(40 * scale))).get(scene_id)


def node_at(role, rect: pygame.Rect, point, scale: float) -> str | None:
    """The scene whose node is under a point (for the mouse), or None."""
    pos = positions(role, rect.inflate(-int(40 * scale), -int(40 * scale)))
    reach = max(8, int(12 * scale))
    for scene_id, (x, y) in pos.items():
        if (x - point[0]) ** 2 + (y - point[1]) ** 2 <= reach * reach:
            return scene_id
    return None


def draw_story_map(surface: pygame.Surface, rect: pygame.Rect, role, player: list[str], record: list[str], font,
                   scale: float, labels=("you parted", "met again")) -> None:
    """Every scene and choice, the record in amber, the player's path in green, parting and meeting marked."""
    pos = positions(role, rect.inflate(-int(40 * scale), -int(40 * scale)))
    thin = max(1, int(scale))
    for scene_id, (x, y) in pos.items():
        for choice in role.scenes[scene_id].choices:
            if choice.goto in pos:
                pygame.draw.line(surface, (60, 80, 70), (x, y), pos[choice.goto], thin)
    width = max(2, int(3 * scale))
    # The record and the player's path run side by side, each a line's width off the centre, so
    # where they agree both colours show, and where they part each can be followed on its own.
    for path, colour, side in ((record, P.AMBER, -1), (player, P.PHOSPHOR, 1)):
        points = [pos[s] for s in path if s in pos]
        for a, b in zip(points, points[1:]):
            dx, dy = b[0] - a[0], b[1] - a[1]
            length = max(1.0, (dx * dx + dy * dy) ** 0.5)
            nx, ny = -dy / length * side * width * 0.5, dx / length * side * width * 0.5
            a2, b2 = (a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny)
            pygame.draw.line(surface, colour, a2, b2, width)
            pygame.draw.circle(surface, colour, (round(b2[0]), round(b2[1])), width // 2)
    on_record, on_path = set(record), set(player)
    radius = max(4, int(7 * scale))
    for scene_id, (x, y) in pos.items():
        scene = role.scenes[scene_id]
        colour = (90, 110, 100)
        if scene_id in on_record and scene_id in on_path:
            colour = (230, 226, 200)
        elif scene_id in on_path:
            colour = P.PHOSPHOR
        elif scene_id in on_record:
            colour = P.AMBER
        pygame.draw.circle(surface, colour, (x, y), radius)
        if scene.is_ending:
            pygame.draw.circle(surface, colour, (x, y), radius + max(2, int(3 * scale)), max(1, int(scale)))
    for label, place in divergence_labels(pos, divergence(player, record), labels, font.size, radius, rect):
        surface.blit(font.render(label, True, (255, 236, 190)), place)


def divergence_labels(pos: dict, scenes: tuple, labels: tuple, size, radius: int, rect: pygame.Rect) -> list:
    """Where 'you parted' and 'met again' go: under their scene, above it when the first label is in the way.

    Two neighbouring scenes would otherwise print one word over the other; each stays inside the map.
    """
    placed: list[tuple[str, pygame.Rect]] = []
    for scene_id, text in zip(scenes, labels):
        if scene_id not in pos:
            continue
        x, y = pos[scene_id]
        w, h = size(text)
        box = pygame.Rect(x - w // 2, y + radius + 2, w, h)
        if any(box.colliderect(other) for _, other in placed):
            box.bottom = y - radius - 2
        box.clamp_ip(rect)
        placed.append((text, box))
    return [(text, box.topleft) for text, box in placed]
