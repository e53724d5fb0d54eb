"""The teacher's pack: lesson plan, questions per role, the disputed points as an exercise, the source sheet.

Built from the loaded story, so it says exactly what the game says; its fixed wording comes from the
interface strings (story/i18n/<lang>/ui.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Edition, format_moment

from .citations import full_citation
from .debrief_page import Account, history_parts

PLAN_STEPS = 6  # classroom.plan.step1 ... step6 in ui.yaml
GOALS = 3


@dataclass(frozen=True)
class DisputedPoint:
    """One contested moment of a role, with every account."""

    role_name: str
    title: str
    when: str
    where: str
    accounts: list[Account]


def pack_context(edition: Edition, version: str) -> dict:
    """Everything templates/pack.html.j2 draws, in the edition's language."""
    story, ui = edition.story, edition.ui
    roles = []
    disputed = []
    for role in story.roles.values():
        decisions = [f"{scene.title or scene_id} ({format_moment(scene.when, ui)})"
                     for scene_id, scene in role.scenes.items() if scene.is_decision]
        roles.append({"name": role.name, "title": role.title, "summary": role.summary.strip(),
                      "question": role.question.strip(), "decisions": decisions})
        for scene_id, scene in role.scenes.items():
            if scene.history is not None and scene.history.status == "contested":
                parts = history_parts(story, ui, scene.history)
                disputed.append(DisputedPoint(role.name, scene.title or scene_id, format_moment(scene.when, ui),
                                              scene.where, parts["accounts"]))
    sources = [{"citation": full_citation(source, key), "language": source.language,
                "reliability": " ".join(source.reliability.split())} for key, source in story.sources.items()]
    return {
        "story_title": story.title, "roles": roles, "disputed": disputed, "sources": sources,
        "plan": [(ui(f"classroom.plan.step{n}_time"), ui(f"classroom.plan.step{n}")) for n in range(1, PLAN_STEPS + 1)],
        "goals": [ui(f"classroom.plan.goal{n}") for n in range(1, GOALS + 1)],
        "footer": ui("classroom.footer", version=version, story_version=story.version), "t": ui,
    }
