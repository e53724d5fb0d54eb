"""Walk every path of a role through the Session API, optionally saving and restoring at each step."""

from __future__ import annotations

import json

from game.engine import Edition, Session, Story


def round_trip(session: Session) -> Session:
    """The session after a save to JSON text and a restore, as a player's reload would do."""
    data = json.loads(json.dumps(session.save()))
    restored, messages = Session.restore(session.story, data, session.machine)
    assert messages == []
    return restored


def all_playthroughs(story: Story, role: str, restore_each_step: bool, limit: int = 5000) -> list[list[str]]:
    """Every sequence of choice ids from the start to an ending (depth-first)."""
    finished: list[list[str]] = []

    def walk(session: Session) -> None:
        if len(finished) >= limit:
            return
        if restore_each_step:
            session = round_trip(session)
        if session.is_finished:
            finished.append([step.choice for step in session.path])
            return
        for choice in session.choices:
            session.choose(choice.id)
            walk(session)
            session.undo()

    walk(Edition.build(story).start(role))
    return finished
