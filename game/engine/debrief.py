"""The player's path beside the record: per decision, what they chose and what really happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .model import Choice, History, Quote, Role, Scene, Story
from .state import SessionState
from .rules import Rules
from .turning_points import TurningPoint, turning_points


@dataclass(frozen=True)
class DecisionReview:
    """One decision: the player's choice, the real person's, and the record behind it."""

    scene_id: str
    scene: Scene
    chosen: Choice | None  # None for a historical decision the player never reached
    actual: Choice | None

    @property
    def matched(self) -> bool:
        """True when the player did what the real person did."""
        return self.chosen is not None and self.actual is not None and self.chosen.id == self.actual.id

    @property
    def reached(self) -> bool:
        """False for a decision on the historical path that this playthrough never came to."""
        return self.chosen is not None

    @property
    def history(self) -> History | None:
        """What actually happened at this moment."""
        return self.scene.history

    @property
    def disputed(self) -> bool:
        """True when the sources disagree about this moment."""
        return self.scene.history is not None and self.scene.history.status == "contested"


@dataclass(frozen=True)
class Departure:
    """Where the path first left the record: the scene, the player's choice and the record's."""

    scene: str
    chosen: str
    actual: str


@dataclass(frozen=True)
class Debrief:
    """A whole playthrough set beside the record."""

    role: Role
    decisions: list[DecisionReview]
    ending: Scene | None
    missed: list[DecisionReview] = field(default_factory=list)
    departure: Departure | None = None  # where the path first left the record
    turns: list[TurningPoint] = field(default_factory=list)  # earlier choices that opened or closed later ones

    @property
    def matches(self) -> int:
        """How many decisions matched the record."""
        return sum(1 for d in self.decisions if d.matched)

    @property
    def total(self) -> int:
        """How many decisions the player made that have a record."""
        return sum(1 for d in self.decisions if d.actual is not None)

    @property
    def summary(self) -> str:
        """'You matched the record at N of M decisions.'"""
        return f"You matched the record at {self.matches} of {self.total} decision{'s' * (self.total != 1)}."

    @property
    def historical_ending(self) -> bool:
        """True when the playthrough ended where history did."""
        return self.ending is not None and self.ending.ending is not None and self.ending.ending.kind == "historical"


def build_debrief(story: Story, state: SessionState, rules: Rules) -> Debrief:
    """Set a finished or abandoned playthrough beside the record (rules: the story's, as its machine holds them)."""
    role = story.roles[state.role]
    reviews = []
    visited = set()
    for step in state.path:
        scene = role.scenes.get(step.scene)
        if scene is None or not scene.is_decision:
            continue
        visited.add(step.scene)
        reviews.append(DecisionReview(step.scene, scene, scene.choice(step.choice), actual_choice(scene)))
    missed = [
        DecisionReview(scene_id, role.scenes[scene_id], None, actual_choice(role.scenes[scene_id]))
        for scene_id in historical_path(role)
        if role.scenes[scene_id].is_decision and scene_id not in visited
    ]
    current = role.scenes.get(state.scene)
    ending = current if current is not None and current.is_ending else None
    return Debrief(role, reviews, ending, missed, first_departure(reviews), turning_points(story, state, rules))


def first_departure(reviews: list[DecisionReview]) -> Departure | None:
    """The first decision where the player chose otherwise than the real person, or None."""
    for review in reviews:
        if review.reached and review.actual is not None and not review.matched:
            return Departure(review.scene_id, review.chosen.id, review.actual.id)
    return None


def actual_choice(scene: Scene) -> Choice | None:
    """The choice the real person took in a scene, if the record marks one."""
    return next((c for c in scene.choices if c.record == "actual"), None)


def historical_path(role: Role) -> list[str]:
    """The scene ids along the record: the `actual` choice at decisions, the first choice elsewhere."""
    path: list[str] = []
    seen: set[str] = set()  # a set beside the list: a 50,000-scene record is walked in linear time
    scene_id = role.start
    while scene_id in role.scenes and scene_id not in seen:
        path.append(scene_id)
        seen.add(scene_id)
        scene = role.scenes[scene_id]
        if not scene.choices:
            break
        choice = actual_choice(scene) or scene.choices[0]
        scene_id = choice.goto
    return path


def scene_depths(role: Role) -> dict[str, int]:
    """Each reachable scene's distance in choices from the role's start (the story map's columns)."""
    found = {role.start: 0}
    queue = [role.start]
    while queue:
        scene_id = queue.pop(0)
        scene = role.scenes.get(scene_id)
        if scene is None:
            continue
        for choice in scene.choices:
            if choice.goto not in found and choice.goto in role.scenes:
                found[choice.goto] = found[scene_id] + 1
                queue.append(choice.goto)
    return found


def divergence(player: list[str], record: list[str]) -> tuple[str | None, str | None]:
    """Where the player's path left the record, and where it met it again (None when it never did)."""
    for i, scene_id in enumerate(player):
        if i >= len(record) or record[i] != scene_id:
            parted = player[i - 1] if i > 0 else None
            rest = set(record[i:])
            met = next((s for s in player[i:] if s in rest), None)
            return parted, met
    return None, None


def departure_sentence(debrief: Debrief, ui: Callable[..., str]) -> str | None:
    """'You left the record at ...' in the player's language, or None when the path never left it."""
    departure = debrief.departure
    if departure is None:
        return None
    scene = debrief.role.scenes[departure.scene]
    return ui("debrief.departure", scene=scene.title or departure.scene,
              chosen=scene.choice(departure.chosen).text, actual=scene.choice(departure.actual).text)


def turn_sentence(role: Role, turn: TurningPoint, ui: Callable[..., str]) -> str:
    """One turning point in the player's language: which earlier choice opened or closed which later one."""
    cause_scene, scene = role.scenes[turn.cause_scene], role.scenes[turn.scene]
    return ui("debrief.turn_opened" if turn.opened else "debrief.turn_closed",
              cause=cause_scene.choice(turn.cause_choice).text, cause_scene=cause_scene.title or turn.cause_scene,
              choice=scene.choice(turn.choice).text, scene=scene.title or turn.scene)


def quote_words(quote: Quote, ui: Callable[..., str], translated: bool = False) -> str:
    """A quote's words (or its translation) as a reader sees them: in quotation marks, or marked as a summary."""
    words = (quote.translation if translated else quote.quote).strip()
    return ui("quote.summary", text=words) if quote.summary else f"\u201c{words}\u201d"
