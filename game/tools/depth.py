"""How much a role rewards replaying: long alternatives, no guessing by position, few one-option scenes."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field

from game.engine import LoadedStory, Role

from .playtest import random_playthroughs

#: The targets of the depth issue, per role.
MIN_MEAN_CHOICES = 11.0
MAX_QUICK_END_SHARE = 0.25  # alternatives that can reach an ending within one more choice
MAX_EARLY_ALTERNATIVE_ENDINGS = 1  # non-historical endings within three choices of the start
EARLY = 3
MAX_POSITION_SHARE = 0.5  # of the record's choices, in any one list position
MAX_SINGLE_OPTION_SCENES = 2


@dataclass
class Depth:
    """One role's replay figures, each beside its target."""

    role: str
    mean_choices: float
    alternatives: list[str] = field(default_factory=list)  # 'scene/choice' departing from the record
    quick_ends: list[str] = field(default_factory=list)    # of those, the ones an ending follows at once
    early_endings: list[str] = field(default_factory=list)  # alternative endings within EARLY choices
    positions: Counter = field(default_factory=Counter)     # 1-based list position of each record choice
    single_option: list[str] = field(default_factory=list)

    @property
    def top_position_share(self) -> float:
        """The share of record choices in the most common list position (0 with no decisions)."""
        total = sum(self.positions.values())
        return max(self.positions.values()) / total if total else 0.0

    def misses(self) -> list[str]:
        """Each target this role misses, in words."""
        found = []
        if self.mean_choices < MIN_MEAN_CHOICES:
            found.append(f"{self.mean_choices:.1f} choices per random playthrough (target at least {MIN_MEAN_CHOICES:g})")
        if len(self.quick_ends) > MAX_QUICK_END_SHARE * len(self.alternatives):
            found.append(f"{len(self.quick_ends)} of {len(self.alternatives)} alternatives reach an ending within "
                         f"one more choice (target at most a quarter)")
        if len(self.early_endings) > MAX_EARLY_ALTERNATIVE_ENDINGS:
            found.append(f"{len(self.early_endings)} non-historical endings within {EARLY} choices of the start "
                         f"(target at most {MAX_EARLY_ALTERNATIVE_ENDINGS})")
        if self.top_position_share > MAX_POSITION_SHARE:
            found.append(f"one list position holds {self.top_position_share:.0%} of the record's choices "
                         f"(target at most half)")
        if len(self.single_option) > MAX_SINGLE_OPTION_SCENES:
            found.append(f"{len(self.single_option)} single-option scenes (target at most {MAX_SINGLE_OPTION_SCENES})")
        return found


def measure(story: LoadedStory, role_id: str, runs: int = 1000, seed: int = 11) -> Depth:
    """The replay figures of one role: random playthroughs for the mean, the scene graph for the rest."""
    role = story.roles[role_id]
    report = random_playthroughs(story, role_id, runs, seed)
    depth = Depth(role_id, report.steps / max(runs, 1))
    for scene_id, scene in role.scenes.items():
        if not scene.is_ending and len(scene.choices) == 1:
            depth.single_option.append(scene_id)
        if len(scene.choices) < 2:
            continue
        for choice in scene.choices:
            if choice.record == "actual":
                continue
            key = f"{scene_id}/{choice.id}"
            depth.alternatives.append(key)
            if _ending_within_one(role, choice.goto):
                depth.quick_ends.append(key)
    depth.positions = record_positions(role)
    distance = choices_from_start(role)
    depth.early_endings = sorted(
        s for s, d in distance.items()
        if d <= EARLY and role.scenes[s].is_ending and role.scenes[s].ending.kind != "historical")
    return depth


def record_positions(role: Role) -> Counter:
    """How many of the role's record choices sit in each 1-based list position (scenes of 2+ choices)."""
    positions: Counter = Counter()
    for scene in role.scenes.values():
        if len(scene.choices) >= 2:
            for index, choice in enumerate(scene.choices, start=1):
                if choice.record == "actual":
                    positions[index] += 1
    return positions


def choices_from_start(role: Role) -> dict[str, int]:
    """The fewest choices from the role's start to each scene, ignoring conditions (breadth first)."""
    distance = {role.start: 0} if role.start in role.scenes else {}
    queue = deque(distance)
    while queue:
        scene_id = queue.popleft()
        for choice in role.scenes[scene_id].choices:
            if choice.goto in role.scenes and choice.goto not in distance:
                distance[choice.goto] = distance[scene_id] + 1
                queue.append(choice.goto)
    return distance


def _ending_within_one(role: Role, scene_id: str) -> bool:
    """True when the scene is an ending or offers a choice that goes straight to one."""
    scene = role.scenes.get(scene_id)
    if scene is None:
        return False
    return scene.is_ending or any(c.goto in role.scenes and role.scenes[c.goto].is_ending for c in scene.choices)
