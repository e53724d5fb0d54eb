"""The attract loop's live lines: what share of visitors did what the real person did."""

from __future__ import annotations

from game.engine import Story, UiText, actual_choice, historical_path

from .stats import StatsStore
from .strings import text


def attract_lines(story: Story, stats: StatsStore, ui: UiText, roles: list[str]) -> list[str]:
    """Sentences such as '64 % of visitors chose “Land at Hakodate”, as Belenko did', only past min_sessions.

    A share that rounds to 0 % is left out: "0 % of visitors chose ..." reads as broken, not as news.
    """
    lines = []
    for role_id in roles:
        role = story.roles[role_id]
        person = role.name
        for scene_id in historical_path(role):
            scene = role.scenes[scene_id]
            actual = actual_choice(scene)
            if actual is None:
                continue
            share = stats.share(role_id, scene_id, actual.id)
            if share.percent:
                lines.append(text(ui, "stat_line", percent=share.percent, choice=actual.text.rstrip("."),
                                  person=person))
        for scene_id, scene in role.scenes.items():
            if scene.ending is not None and scene.ending.kind == "historical":
                share = stats.ending_share(role_id, scene_id)
                if share.percent:
                    lines.append(text(ui, "ending_line", percent=share.percent, person=person,
                                      ending=scene.ending.title))
    return lines
