"""Checks on what the player reads and sees: word limits, time order, images, translations."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from game.engine import LoadedStory, Problem, Role, error, warning

from .checks_flow import scene_at
from .components import strongly_connected
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


#: The longest route a time-order error spells out; a longer one shows its ends around '...'.
ROUTE_SHOWN = 8
#: Scenes the routes of all time-order errors of a role may visit, per scene of the role: past it,
#: routes are shortened to their ends, so a story with thousands of such errors still lints quickly.
ROUTE_BUDGET_PER_SCENE = 4


def check_time_order(story: LoadedStory) -> list[Problem]:
    """E319: a scene whose `when` is earlier than a scene before it on some path.

    Linear in the scenes and choices: the latest moment before each scene is carried along the
    story graph once (loops taken as one), rather than searched backwards from every scene.
    """
    problems = []
    for role in story.roles.values():
        parsed: dict[str, Moment | None] = {}
        moments = {s: parsed[scene.when] if scene.when in parsed else parsed.setdefault(scene.when, Moment.parse(scene.when))
                   for s, scene in role.scenes.items()}
        successors = {s: [c.goto for c in scene.choices if c.goto in role.scenes] for s, scene in role.scenes.items()}
        before = _latest_before(role, moments, successors)
        routes = _Routes(successors, ROUTE_BUDGET_PER_SCENE * (len(role.scenes) + 50))
        reached = reachable_scenes(role)
        for scene_id in role.scenes:
            here = moments[scene_id]
            if scene_id not in reached or here is None:
                continue
            latest = before[scene_id].culprit(here, moments)
            if latest is None:
                continue
            route = " -> ".join(routes.between(latest, scene_id))
            problems.append(error(
                "E319", story.locate(role.id, "scenes", scene_id, "when"),
                f"time goes backwards: scene '{scene_id}' is at {role.scenes[scene_id].when}, but it can follow "
                f"'{latest}' at {role.scenes[latest].when} ({route})",
                "fix one of the times; remember the offset: Primorye is +10:00, Japan +09:00"))
    return problems


class _Latest:
    """The latest moments among a set of scenes, kept per kind of comparison, each with its scene.

    Moments of different precision compare at the precision they share, and times with and without
    an offset compare differently, so one maximum is not enough; these five are. Slots: 0 year-month
    moments by (year, month); 1 dates by (year, month, day); 2 times by local clock; 3 times with an
    offset as instants; 4 times without an offset by local clock. Each slot holds (key, scene id).
    """

    __slots__ = ("slots",)

    def __init__(self, slots=None):
        self.slots = list(slots) if slots is not None else [None] * 5

    def add(self, moment: "Moment", scene_id: str) -> None:
        """Take one scene's moment into account."""
        local = moment.local
        if moment.precision == 1:
            self._offer(0, (local.year, local.month), scene_id)
        elif moment.precision == 2:
            self._offer(1, (local.year, local.month, local.day), scene_id)
        else:
            wall = local.replace(tzinfo=None)
            self._offer(2, wall, scene_id)
            if moment.aware:
                self._offer(3, local, scene_id)
            else:
                self._offer(4, wall, scene_id)

    def merge(self, other: "_Latest") -> None:
        """Take every moment of another set into account."""
        for slot, held in enumerate(other.slots):
            if held is not None:
                self._offer(slot, *held)

    def _offer(self, slot: int, key, scene_id: str) -> None:
        held = self.slots[slot]
        if held is None or key > held[0] or (key == held[0] and scene_id < held[1]):
            self.slots[slot] = (key, scene_id)

    def culprit(self, here: "Moment", moments: dict) -> str | None:
        """The latest scene of the set that is certainly after `here` (the earliest id on a tie), or None."""
        local = here.local
        day = (local.year, local.month, local.day)
        month = day[:2]
        firing = []
        p1, p2, wall, instant, naive = self.slots
        if p1 is not None and p1[0] > month:
            firing.append(p1[1])
        if p2 is not None and (p2[0][:2] > month if here.precision == 1 else p2[0] > day):
            firing.append(p2[1])
        if here.precision < 3:
            if wall is not None and _truncate(wall[0], here.precision) > _truncate(local, here.precision):
                firing.append(wall[1])
        elif here.aware:
            if instant is not None and instant[0] > local:
                firing.append(instant[1])
            if naive is not None and naive[0] > local.replace(tzinfo=None):
                firing.append(naive[1])
        elif wall is not None and wall[0] > local:
            firing.append(wall[1])
        if not firing:
            return None
        return max(sorted(firing), key=lambda s: moments[s].sort_key)


def _latest_before(role: Role, moments: dict, successors: dict[str, list[str]]) -> dict[str, _Latest]:
    """For each scene, the latest moments of every scene from which a chain of choices leads to it.

    A scene counts as before itself only through a loop. One pass over the loops-collapsed graph.
    """
    components = strongly_connected(role.scenes, successors)
    component_of = {scene: number for number, members in enumerate(components) for scene in members}
    inherited = [_Latest() for _ in components]
    before: dict[str, _Latest] = {}
    for number, members in enumerate(components):
        own = _Latest()
        for scene in members:
            if moments[scene] is not None:
                own.add(moments[scene], scene)
        looped = len(members) > 1 or members[0] in successors[members[0]]
        onward = _Latest(inherited[number].slots)
        onward.merge(own)
        here = onward if looped else inherited[number]
        for scene in members:
            before[scene] = here
            for target in successors[scene]:
                other = component_of[target]
                if other != number:
                    inherited[other].merge(onward)
    return before


class _Routes:
    """Shortest chains of scenes between two scenes, for messages, within a budget of scenes visited."""

    def __init__(self, successors: dict[str, list[str]], budget: int):
        self.successors = successors
        self.budget = budget

    def between(self, start: str, end: str) -> list[str]:
        """The shortest chain from start to end, its middle elided when long or when the budget is spent."""
        parent: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue and end not in parent and self.budget > 0:
            current = queue.popleft()
            self.budget -= 1
            for target in self.successors[current]:
                if target not in parent:
                    parent[target] = current
                    queue.append(target)
        if end not in parent:
            return [start, "...", end]
        chain, node = [end], parent[end]
        while node is not None:
            chain.append(node)
            node = parent[node]
        chain.reverse()
        return chain if len(chain) <= ROUTE_SHOWN else chain[:3] + ["..."] + chain[-3:]


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
