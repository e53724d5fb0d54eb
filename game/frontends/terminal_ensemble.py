"""Ensemble play in a terminal: every role on one timeline, with a card at each change of seat."""

from __future__ import annotations

from typing import Callable, TextIO

from game.engine import (
    ChoiceUnavailable, Ensemble, SaveStore, UiText, build_debrief, cause_words, format_moment, link_changes,
)

from .terminal import LiveReload, TerminalGame, _text


class EnsembleTerminalGame(TerminalGame):
    """The terminal game over an Ensemble: the seat to play is the one whose scene comes first in time."""

    def __init__(self, ensemble: Ensemble, read: Callable[[str], str], out: TextIO,
                 saves: SaveStore | None = None, width: int | None = None, live: LiveReload | None = None,
                 ui: UiText | None = None):
        super().__init__(ensemble.session, read, out, saves, width, live, ui)
        self.ensemble = ensemble
        self.shown_seat: str | None = None

    def show_scene(self) -> None:
        """The seat card when the seat changes, then the scene of the seat to play."""
        self.session = self.ensemble.session
        seat = self.ensemble.seat
        if seat is not None and seat != self.shown_seat:
            self.show_card(seat)
            self.shown_seat = seat
        super().show_scene()

    def show_card(self, seat: str) -> None:
        """Who plays now, where and at what time; the other seats' last moves in a line."""
        session = self.ensemble.sessions[seat]
        scene = session.scene
        self.say()
        print("█" * self.width, file=self.out)
        self.say(_text(self.ui, "ensemble.card", name=session.role.name.upper(), where=scene.where,
                       when=format_moment(scene.when, self.ui)))
        moves = []
        for role, step in self.ensemble.last_moves(exclude=seat).items():
            other = self.ensemble.sessions[role]
            choice = other.role.scenes[step.scene].choice(step.choice)
            moves.append(_text(self.ui, "ensemble.move", name=other.role.name,
                               choice=choice.text if choice is not None else step.choice))
        if moves:
            self.say(_text(self.ui, "ensemble.meanwhile", moves=" · ".join(moves)))
        premise = self.ensemble.premise_text(seat)
        if premise:
            self.say(premise)
        print("█" * self.width, file=self.out)

    @property
    def finished(self) -> bool:
        """True when every seat has reached its ending."""
        return self.ensemble.is_finished

    def show_final_debrief(self) -> None:
        """One timeline of every seat, then each role's debrief."""
        self.show_ensemble_debrief()

    def reload_if_changed(self) -> bool:
        """With --watch: move the whole ensemble onto the changed story between prompts."""
        if self.live is None:
            return False
        moved = self.live.refresh(self.ensemble)
        if moved is None:
            return False
        self.ensemble = moved
        self.ui = self.live.edition.ui
        self.shown_seat = None
        self.show_scene()
        return True

    def handle(self, answer: str) -> bool:
        """Act on one line of input in the current seat; False when the player quits."""
        self.session = self.ensemble.session
        choices = self.session.choices
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            try:
                move = self.ensemble.choose(choices[int(answer) - 1].id)
            except ChoiceUnavailable as exc:
                self.say(self.ui("terminal.choice_closed", reason=exc))
                return True
            played = self.ensemble.sessions[move.role]
            if played.is_finished:  # this seat's ending, before the next seat's card
                self.session = played
                super().show_scene()
            self.autosave()
            if not self.ensemble.is_finished:
                self.show_scene()
            return True
        if answer in ("u", "undo"):
            if self.ensemble.order:
                self.ensemble.undo()
                self.show_scene()
            else:
                self.say(self.ui("terminal.nothing_to_undo"))
            return True
        return super().handle(answer)

    def saved_game(self) -> tuple[dict, str]:
        """The whole ensemble, listed under the scene of the seat to play."""
        return self.ensemble.save(), self.ensemble.scene.title

    def show_ensemble_debrief(self) -> None:
        """One timeline (the moves grouped by date, links marked), then each role's debrief."""
        self.say()
        print("═" * self.width, file=self.out)
        self.say(_text(self.ui, "ensemble.timeline"))
        print("═" * self.width, file=self.out)
        for role in self.ensemble.sessions:  # seats that played their day as it happened
            premise = self.ensemble.premise_text(role)
            if premise:
                self.say(premise)
        changed = {(c.role, c.scene): c for c in link_changes(self.ensemble)}
        day = None
        for move in self.ensemble.moves:
            seat = self.ensemble.sessions[move.role]
            scene = seat.role.scenes[move.step.scene]
            date = format_moment(scene.when[:10], self.ui)
            if date != day:
                self.say()
                self.say(date)
                day = date
            choice = scene.choice(move.step.choice)
            self.say(f"{seat.role.name}: {scene.title or move.step.scene} → {choice.text if choice else move.step.choice}",
                     indent="  ")
            link = changed.get((move.role, move.step.scene))
            if link is not None:
                causes = "; ".join(cause_words(self.ensemble.story, name) for name in link.causes)
                self.say("↳ " + _text(self.ui, "ensemble.link", causes=causes), indent="      ")
        for role, session in self.ensemble.sessions.items():
            self.session = session
            self.say()
            self.say(f"— {session.role.name} —")
            self.show_debrief(build_debrief(session.story, session.state, session.machine.rules))
