"""The window's ensemble: every role at once, shown to the scene screens as the session of the seat to play."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from game.engine import Ensemble, cause_words, format_moment


@dataclass(frozen=True)
class SeatCard:
    """What the scene screen shows at a change of seat: who, where and when; the other seats' last moves."""

    role: str
    moment: int        # the length of that seat's path when it was made: the card belongs to that one scene
    heading: str       # 'name · where · when'
    meanwhile: str     # the other seats' last moves in one line ('' before anyone moved)
    ended: str = ""    # the seat that has just reached its ending, if one has
    premise: str = ""  # this seat's premise, once another seat has broken it: its day goes on as it happened

    @property
    def line(self) -> str:
        """The card as one line (the terminal's form, and self-voicing's)."""
        parts = [self.ended, self.heading, self.meanwhile, self.premise]
        return "  —  ".join(p for p in parts if p)


class EnsembleSeat:
    """An Ensemble that reads like a Session: the scene, choices and gauges of the seat whose turn it is.

    The window's screens read one session; this hands them the seat to play now and, at each change
    of seat, makes a SeatCard saying who plays, where and at what time, and the other seats' last
    moves (the scene screen lays it out above the text, so it hides nothing and waits for nothing;
    `on_card`, when given, hears its line). Once every seat has ended it reads as the last seat to
    move, so the debrief opens on that role.
    """

    def __init__(self, ensemble: Ensemble, ui, on_card: Callable[[str], None] | None = None):
        self.ensemble = ensemble
        self.ui = ui
        self.on_card = on_card
        self.shown_seat: str | None = None
        self.seat_card: SeatCard | None = None  # the card of the latest change of seat
        self._ended = ""  # a seat that reached its ending, said on the next card

    @property
    def current(self):
        """The session of the seat to play (the last to move once all have ended)."""
        return self.ensemble.session

    def __getattr__(self, name):
        # scene, scene_id, state, choices, gauges, story, machine... come from the seat to play
        return getattr(self.ensemble.session, name)

    @property
    def is_finished(self) -> bool:
        """True once every seat has reached an ending."""
        return self.ensemble.is_finished

    def card(self) -> str | None:
        """The change-of-seat line when the seat to play is not the one last shown, else None."""
        seat = self.ensemble.seat
        if seat is None or seat == self.shown_seat:
            return None
        self.shown_seat = seat
        session = self.ensemble.sessions[seat]
        heading = self._text("ensemble.card", name=session.role.name, where=session.scene.where,
                             when=format_moment(session.scene.when, self.ui))
        moves = []
        for role, step in self.ensemble.last_moves(exclude=seat).items():
            other = self.ensemble.sessions[role]
            choice = other.role.scenes[step.scene].choice(step.choice)
            moves.append(self._text("ensemble.move", name=other.role.name,
                                    choice=choice.text if choice is not None else step.choice))
        meanwhile = self._text("ensemble.meanwhile", moves=" · ".join(moves)) if moves else ""
        self.seat_card = SeatCard(seat, len(session.state.path), heading, meanwhile, self._ended,
                                  self.ensemble.premise_text(seat))
        self._ended = ""
        return self.seat_card.line

    def card_here(self) -> SeatCard | None:
        """The card to show with the scene on screen now: only on the first scene after a change of seat."""
        card, seat = self.seat_card, self.ensemble.seat
        if card is None or seat != card.role or len(self.ensemble.sessions[seat].state.path) != card.moment:
            return None
        return card

    def announce(self) -> None:
        """Make the card if the seat changed (and call on_card with its line)."""
        line = self.card()
        if line and self.on_card is not None:
            self.on_card(line)

    def choose(self, choice_id: str):
        """Take a choice in the current seat; announces the next seat when it changes."""
        move = self.ensemble.choose(choice_id)
        played = self.ensemble.sessions[move.role]
        if played.is_finished and not self.ensemble.is_finished:
            self._ended = self._text("ensemble.ended", name=played.role.name, ending=played.scene.ending.title)
        self.announce()
        return self.current.scene

    def undo(self, steps: int = 1):
        """Take back the last choices, whichever seats made them."""
        self.ensemble.undo(steps)
        self.announce()
        return self.current.scene

    def undo_to(self, index: int):
        """Go back to before the current seat's choice at `index`, undoing every later move of any seat."""
        seat = self.ensemble.seat or self.ensemble.order[-1]
        session = self.ensemble.sessions[seat]
        if not 0 <= index < len(session.state.path):
            raise IndexError(f"no choice {index} in a path of {len(session.state.path)}")
        while len(session.state.path) > index:
            self.ensemble.undo()
        self.announce()
        return self.current.scene

    def save(self) -> dict:
        """The whole ensemble as JSON-ready data."""
        return self.ensemble.save()

    def move_onto(self, edition):
        """This ensemble on another edition (an edited story, another language) and the notices."""
        moved, notices = edition.move_ensemble(self.ensemble)
        seat = EnsembleSeat(moved, edition.ui, self.on_card)
        if self.card_here() is not None:
            seat.announce()  # the card on screen, again in the new language
        else:
            seat.shown_seat = moved.seat
        return seat, notices

    def _text(self, key: str, **values) -> str:
        try:
            return self.ui(key, **values)
        except KeyError:
            return key


def timeline_days(seat: EnsembleSeat) -> list[tuple[str, list[str]]]:
    """The ensemble's moves for the debrief: (date as the reader writes it, lines 'who: scene → choice')."""
    from game.engine import link_changes

    ensemble, ui = seat.ensemble, seat.ui
    changed = {(c.role, c.scene): c for c in link_changes(ensemble)}
    days: list[tuple[str, list[str]]] = []
    for move in ensemble.moves:
        session = ensemble.sessions[move.role]
        scene = session.role.scenes[move.step.scene]
        date = format_moment(scene.when[:10], ui)
        if not days or days[-1][0] != date:
            days.append((date, []))
        choice = scene.choice(move.step.choice)
        line = f"{session.role.name}: {scene.title or move.step.scene} › {choice.text if choice else move.step.choice}"
        link = changed.get((move.role, move.step.scene))
        if link is not None:
            causes = "; ".join(cause_words(ensemble.story, name) for name in link.causes)
            line += "  — " + seat._text("ensemble.link", causes=causes)  # (Noto Sans has no arrows)
        days[-1][1].append(line)
    return days
