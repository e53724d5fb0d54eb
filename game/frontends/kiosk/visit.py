"""One visitor's visit: their language, role and session, wiped when they leave."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Session

from .stats import SessionRecord


@dataclass
class Visit:
    """Everything a visitor changed; the kiosk drops the whole object when the visit ends."""

    language: str
    started: float
    role: str | None = None
    session: Session | None = None
    recorded: bool = False
    touches: int = field(default=0)

    def record(self, now: float, timed_out: bool) -> SessionRecord | None:
        """The anonymous statistics of this visit, once; None when no role was started."""
        if self.recorded or self.session is None:
            return None
        self.recorded = True
        session = self.session
        last: dict[str, str] = {}
        for step in session.path:
            scene = session.role.scenes.get(step.scene)
            if scene is not None and scene.is_decision:
                last[step.scene] = step.choice  # a scene visited twice counts once, with the last choice
        ending = session.scene_id if session.is_finished else None
        return SessionRecord(session.state.role, self.language, max(0.0, now - self.started), timed_out, ending,
                             tuple(last.items()))
