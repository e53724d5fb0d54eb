"""Checks on what the player reads and sees: word limits, time order, images, translations."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from game.engine import LoadedStory, Problem, Role, error, warning

from .checks_flow import scene_at
from .explore import reachable_scenes

#: The kiosk shows a scene on one screen without scrolling, at a size a visitor reads standing.
MAX_SCENE_WORDS = 90
MAX_DOSSIER_WORDS = 150


def story_folder(story: LoadedStory) -> Path:
    """The folder the story was loaded from (the location of the story as a whole)."""
    return Path(story.locate().path)


def check_scene_length(story: LoadedStory) -> list[Problem]:
    """W317: scene text over 90 words; W318: dossier text over 150 words (too long for the kiosk)."""
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            words = len(scene.text.split())
            if words > MAX_SCENE_WORDS:
                problems.append(warning(
                    "W317", story.locate(role.id, "scenes", scene_id, "text"),
                    f"scene '{scene_id}' has {words} words of text; the kiosk fits {MAX_SCENE_WORDS}",
                    "cut it, or move background into a 'dossier:' document"))
            for index, document in enumerate(scene.dossier):
                words = len(document.text.split())
                if words > MAX_DOSSIER_WORDS:
                    problems.append(warning(
                        "W318", story.locate(role.id, "scenes", scene_id, "dossier", index, "text"),
                        f"dossier '{document.id}' in scene '{scene_id}' has {words} words; keep it under "
                        f"{MAX_DOSSIER_WORDS}", "split it into two documents, or cut it"))
    return problems


@dataclass(frozen=True)
class Moment:
    """A `when` value with its precision: 1 year-month, 2 date, 3 date and time."""

    precision: int
    local: datetime
    aware: bool

    @classmethod
    def parse(cls, when: str) -> "Moment | None":
        """The moment of a `when` string, or None when it cannot be read."""
        try:
            if "T" in when:
                moment = datetime.fromisoformat(when)
                return cls(3, moment, moment.tzinfo is not None)
            if len(when) == 7:
                return cls(1, datetime.strptime(when, "%Y-%m"), False)
            return cls(2, datetime.fromisoformat(when), False)
        except ValueError:
            return None

    @property
    def sort_key(self) -> datetime:
        """A naive datetime for ordering (UTC when the offset is known)."""
        if self.aware:
            return self.local.astimezone(timezone.utc).replace(tzinfo=None)
        return self.local

    def is_after(self, other: "Moment") -> bool:
        """True when this moment is certainly later than the other, at the precision both share."""
        if self.precision == 3 and other.precision == 3:
            if self.aware and other.aware:
                return self.local > other.local  # aware datetimes compare as instants, offsets included
            return self.local.replace(tzinfo=None) > other.local.replace(tzinfo=None)
        shared = min(self.precision, other.precision)
        return _truncate(self.local, shared) > _truncate(other.local, shared)


def _truncate(moment: datetime, precision: int) -> tuple:
    return (moment.year, moment.month) if precision == 1 else (moment.year, moment.month, moment.day)


def check_time_order(story: LoadedStory) -> list[Problem]:
    """E319: a scene whose `when` is earlier than a scene before it on some path."""
    problems = []
    for role in story.roles.values():
        moments = {s: Moment.parse(scene.when) for s, scene in role.scenes.items()}
        reached = reachable_scenes(role)
        earlier = _predecessors(role)
        for scene_id in role.scenes:
            here = moments[scene_id]
            if scene_id not in reached or here is None:
                continue
            culprits = [a for a in _ancestors(scene_id, earlier) if moments[a] is not None and moments[a].is_after(here)]
            if not culprits:
                continue
            latest = max(sorted(culprits), key=lambda a: moments[a].sort_key)
            route = " -> ".join(_route(role, latest, scene_id))
            problems.append(error(
                "E319", story.locate(role.id, "scenes", scene_id, "when"),
                f"time goes backwards: scene '{scene_id}' is at {role.scenes[scene_id].when}, but it can follow "
                f"'{latest}' at {role.scenes[latest].when} ({route})",
                "fix one of the times; remember the offset: Primorye is +10:00, Japan +09:00"))
    return problems


def _predecessors(role: Role) -> dict[str, set[str]]:
    earlier: dict[str, set[str]] = {s: set() for s in role.scenes}
    for scene_id, scene in role.scenes.items():
        for choice in scene.choices:
            if choice.goto in earlier:
                earlier[choice.goto].add(scene_id)
    return earlier


def _ancestors(scene_id: str, earlier: dict[str, set[str]]) -> set[str]:
    """Every scene from which some chain of choices leads to this one (itself only through a loop)."""
    seen: set[str] = set()
    stack = list(earlier[scene_id])
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(earlier[current])
    return seen


def _route(role: Role, start: str, end: str) -> list[str]:
    """The shortest chain of scenes from start to end."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for choice in role.scenes[current].choices:
            if choice.goto in role.scenes and choice.goto not in parent:
                parent[choice.goto] = current
                queue.append(choice.goto)
        if end in parent and end != start:
            break
    chain, node = [end], parent.get(end)
    while node is not None and node != start:
        chain.append(node)
        node = parent.get(node)
    return [start] + chain[::-1]


def check_images(story: LoadedStory) -> list[Problem]:
    """E320: a scene image that is not in assets/images/."""
    images = story_folder(story).resolve().parent / "assets" / "images"
    problems = []
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            if not scene.image:
                continue
            name = scene.image.removeprefix("assets/images/")
            target = (images / name).resolve()
            if images.resolve() not in target.parents or not target.is_file():
                problems.append(error(
                    "E320", story.locate(role.id, "scenes", scene_id, "image"),
                    f"scene '{scene_id}' shows image '{scene.image}', which is not in assets/images/",
                    "put the file in assets/images/ and give its name relative to that folder"))
    return problems


def check_translations(story: LoadedStory) -> list[Problem]:
    """Translations missing or older than their English (W330-W332, E130-E131): none while story/i18n/ is absent.

    The translation format and its coverage check belong to game/tools/translations.py (the i18n
    work); lint only runs that check, so writers see stale translations beside everything else.
    """
    root = story_folder(story)
    if not (root / "i18n").is_dir():
        return []
    from .translations import check_translations as translation_problems  # only when there is something to check

    return translation_problems(story.story, root)
