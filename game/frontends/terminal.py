"""Play in a terminal: numbered choices, works on piped stdin, ends with the debrief."""

from __future__ import annotations

import shutil
import textwrap
from datetime import datetime
from typing import Callable, TextIO

from pathlib import Path

from game.engine import (
    AUTOSAVE, ChoiceUnavailable, Debrief, SaveError, SaveStore, Scene, Session, StateError, Story, StoryError,
    StoryWatcher, build_debrief, load_story, rebase,
)

HELP = "Type a number to choose; u = undo, d = documents, s = save, q = quit, ? = help."


def format_when(when: str) -> str:
    """'1976-09-06T13:50+09:00' as '6 September 1976, 13:50'."""
    try:
        if "T" in when:
            moment = datetime.fromisoformat(when)
            return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}"
        if len(when) == 10:
            moment = datetime.fromisoformat(when)
            return f"{moment.day} {moment:%B %Y}"
        return datetime.strptime(when, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return when


class LiveReload:
    """Reloads the story when its files change; a story that fails to load leaves the last good one running."""

    def __init__(self, root: Path | str, out: TextIO, watcher: StoryWatcher | None = None):
        self.root = Path(root)
        self.out = out
        self.watcher = watcher or StoryWatcher(self.root)

    def refresh(self, session: Session) -> Session | None:
        """A session on the reloaded story when files changed and it loads; None otherwise."""
        if not self.watcher.changed():
            return None
        changed = ", ".join(Path(p).name for p in self.watcher.changed_files[:3])
        try:
            story = load_story(self.root)
            moved, notes = rebase(session, story)
        except StoryError as exc:
            print(f"\n[reload] {changed} changed, but the story does not load:", file=self.out)
            print(str(exc), file=self.out)
            print("[reload] still playing the last good story; fix the file and save it again.", file=self.out)
            return None
        except StateError as exc:
            print(f"\n[reload] cannot move to the changed story ({exc}); still playing the last good one.",
                  file=self.out)
            return None
        print(f"\n[reload] {changed} changed: story reloaded.", file=self.out)
        for note in notes:
            print(f"[reload] {note}", file=self.out)
        return moved


class TerminalGame:
    """A terminal front end over one Session; input and output are injected for tests."""

    def __init__(self, session: Session, read: Callable[[str], str], out: TextIO,
                 saves: SaveStore | None = None, width: int | None = None, live: LiveReload | None = None):
        self.session = session
        self.read = read
        self.out = out
        self.saves = saves
        self.width = width or min(shutil.get_terminal_size((80, 24)).columns, 88)
        self.live = live

    def say(self, text: str = "", indent: str = "") -> None:
        """Print text wrapped to the terminal width."""
        if not text:
            print(file=self.out)
            return
        for paragraph in text.split("\n"):
            print(textwrap.fill(paragraph, self.width, initial_indent=indent, subsequent_indent=indent) or "",
                  file=self.out)

    def show_scene(self) -> None:
        """The header, the text and the numbered choices of the current scene."""
        scene = self.session.scene
        self.say()
        rule = "─" * self.width
        print(rule, file=self.out)
        self.say(f"{format_when(scene.when)} · {scene.where}")
        if scene.title:
            self.say(scene.title.upper())
        print(rule, file=self.out)
        self.say(scene.text.strip())
        gauges = self.session.gauges
        if gauges:
            self.say("   ".join(f"{g.variable.label}: {_value(g.value)}{g.variable.unit}" for g in gauges))
        if scene.dossier:
            self.say(f"[{len(scene.dossier)} document(s): type d to read]")
        if scene.is_ending:
            return
        self.say()
        for number, choice in enumerate(self.session.choices, start=1):
            self.say(f"{number}. {choice.text}", indent="  ")

    def show_dossier(self) -> None:
        """Every document attached to the current scene."""
        for document in self.session.scene.dossier:
            self.say()
            self.say(f"== {document.title} ({document.kind.replace('_', ' ')}"
                     f"{', dramatized' if document.status == 'dramatized' else ''}) ==")
            self.say(document.text.strip())

    def run(self) -> str:
        """Play until an ending, a quit or the end of input; returns 'ended', 'quit' or 'eof'."""
        self.show_scene()
        while not self.session.is_finished:
            try:
                answer = self.read("> ").strip().lower()
            except EOFError:
                self.say()
                self.say("Input ended. Goodbye.")
                self.autosave()
                return "eof"
            if self.reload_if_changed():
                if answer:
                    self.say("(The story changed while you typed; choose again.)")
                continue
            if not self.handle(answer):
                return "quit"
        self.autosave()
        self.show_debrief(build_debrief(self.session.story, self.session.state))
        return "ended"

    def reload_if_changed(self) -> bool:
        """With --watch: move onto the changed story between prompts and show the scene again."""
        if self.live is None:
            return False
        moved = self.live.refresh(self.session)
        if moved is None:
            return False
        self.session = moved
        self.show_scene()
        return True

    def handle(self, answer: str) -> bool:
        """Act on one line of input; False when the player quits."""
        choices = self.session.choices
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            try:
                self.session.choose(choices[int(answer) - 1].id)
            except ChoiceUnavailable as exc:
                self.say(f"That choice is not open: {exc}.")
                return True
            self.autosave()
            self.show_scene()
        elif answer in ("q", "quit", "exit"):
            self.autosave()
            self.say("Your progress is kept in the autosave. Goodbye.")
            return False
        elif answer in ("u", "undo"):
            if self.session.path:
                self.session.undo()
                self.show_scene()
            else:
                self.say("Nothing to undo yet.")
        elif answer in ("d", "documents") and self.session.scene.dossier:
            self.show_dossier()
        elif answer in ("s", "save"):
            self.save("slot1")
        elif answer in ("?", "h", "help"):
            self.say(HELP)
        elif not answer:
            pass
        else:
            self.say(f"Please type a number from 1 to {len(choices)}. {HELP}")
        return True

    def save(self, slot: str) -> None:
        """Save to a slot and say so."""
        if self.saves is None:
            self.say("Saving is not available here.")
            return
        try:
            self.saves.write(slot, self.session.save(), self.session.scene.title)
            self.say(f"Saved to {slot}.")
        except SaveError as exc:
            self.say(f"Could not save: {exc}")

    def autosave(self) -> None:
        """Keep the player's progress quietly; a failure to autosave never stops play."""
        if self.saves is not None:
            try:
                self.saves.write(AUTOSAVE, self.session.save(), self.session.scene.title)
            except SaveError:
                pass

    def show_debrief(self, debrief: Debrief) -> None:
        """The path beside the record, decision by decision, with sources."""
        ending = debrief.ending
        if ending is not None and ending.ending is not None:
            self.say()
            self.say(f"ENDING: {ending.ending.title}" + (" (what happened)" if debrief.historical_ending else ""))
            self.say(ending.ending.outcome.strip())
            if not debrief.historical_ending:
                self.say(f"How this differs from history: {ending.ending.differs.strip()}")
            if ending.history is not None:
                self._history(ending.history)
        self.say()
        print("═" * self.width, file=self.out)
        self.say("DEBRIEF: YOUR PATH BESIDE THE RECORD")
        print("═" * self.width, file=self.out)
        for review in debrief.decisions:
            self._review(review)
        if debrief.missed:
            self.say()
            self.say("Decisions on the historical path that you never reached:")
            for review in debrief.missed:
                self._review(review)
        self.say()
        self.say(debrief.summary)
        if debrief.role.epilogue:
            self.say()
            self.say("WHAT HAPPENED NEXT")
            self.say(debrief.role.epilogue.strip())

    def _review(self, review) -> None:
        scene: Scene = review.scene
        self.say()
        mark = "=" if review.matched else ("·" if not review.reached else "≠")
        title = scene.title or review.scene_id
        self.say(f"{mark} {title} ({format_when(scene.when)})")
        if review.chosen is not None:
            self.say(f"You: {review.chosen.text}", indent="    ")
        if review.actual is not None:
            self.say(f"The record: {review.actual.text}", indent="    ")
        if review.history is not None:
            self._history(review.history)

    def _history(self, history) -> None:
        """What happened, how sure the record is, and the quotes behind it."""
        label = {"documented": "Documented", "contested": "DISPUTED", "dramatized": "Dramatized"}[history.status]
        self.say(f"{label}: {history.what_happened.strip()}", indent="    ")
        for version in history.versions:
            self.say(f"- One version: {version.claim}", indent="    ")
            for quote in version.sources:
                self._quote(quote)
        for quote in history.sources:
            self._quote(quote)

    def _quote(self, quote) -> None:
        source = self.session.story.sources.get(quote.source)
        title = source.title if source else quote.source
        self.say(f"\u201c{quote.quote.strip()}\u201d ({title})", indent="      ")
        if quote.translation:
            self.say(f"Translation: \u201c{quote.translation.strip()}\u201d", indent="      ")


def _value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def play_in_terminal(story: Story, role: str, read: Callable[[str], str], out: TextIO,
                     saves: SaveStore | None = None, seed: int | None = None) -> str:
    """Start a role and play it in the terminal; returns how play ended."""
    session = Session.start(story, role, seed=seed)
    return TerminalGame(session, read, out, saves).run()


def choose_role(story: Story, read: Callable[[str], str], out: TextIO) -> str | None:
    """Ask which role to play; None on end of input."""
    roles = list(story.roles.values())
    print(story.title, file=out)
    print(file=out)
    for number, role in enumerate(roles, start=1):
        print(f"  {number}. {role.name}: {role.title}", file=out)
    while True:
        try:
            answer = read("Choose a role> ").strip().lower()
        except EOFError:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1].id
        if answer in story.roles:
            return answer
        if answer in ("q", "quit"):
            return None
        print(f"Please type a number from 1 to {len(roles)}.", file=out)
