"""Play in a terminal: numbered choices, works on piped stdin, ends with the debrief."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, TextIO

from game.engine import (
    AUTOSAVE, CannotMove, ChoiceUnavailable, Debrief, Edition, Notice, ParseCache, SaveError, SaveStore, Scene, Session,
    Story, StoryError, StoryWatcher, UiText, break_lines, build_debrief, departure_sentence, format_moment, quote_words,
    strip_controls, turn_sentence,
)


class Printable:
    """A text stream that drops control characters, so no text from a story or a save drives the terminal."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        """Write the text without its control characters (newline and tab stay)."""
        self.stream.write(strip_controls(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def printable(stream: TextIO) -> TextIO:
    """The stream wrapped in Printable (once)."""
    return stream if isinstance(stream, Printable) else Printable(stream)  # type: ignore[return-value]


class LiveReload:
    """With --watch: reloads the story when its files change; a story that fails to load leaves the last good one."""

    def __init__(self, edition: Edition, out: TextIO, watcher: StoryWatcher | None = None,
                 cache: ParseCache | None = None):
        self.edition = edition
        self.out = printable(out)
        self.watcher = watcher or StoryWatcher(edition.loaded.root)
        self.cache = cache

    def refresh(self, session: Session) -> Session | None:
        """The session moved onto the reloaded story when files changed and it loads; None otherwise."""
        if not self.watcher.changed():
            return None
        ui = self.edition.ui
        changed = ", ".join(Path(p).name for p in self.watcher.changed_files[:3])
        try:
            edition = self.edition.reloaded(self.cache)
            # an ensemble (every role at once) moves seat by seat; a Session has a role
            moved, notices = edition.move(session) if hasattr(session, "role") else edition.move_ensemble(session)
        except StoryError as exc:
            self._say(f"\n[reload] {_text(ui, 'reload.broken', files=changed)}")
            self._say(str(exc))
            self._say(f"[reload] {_text(ui, 'reload.kept')}")
            return None
        except CannotMove as exc:
            self._say(f"\n[reload] {notice_text(ui, exc.notice)}")
            return None
        self.edition = edition
        self._say(f"\n[reload] {_text(edition.ui, 'reload.changed', files=changed)}")
        for notice in notices:
            self._say(f"[reload] {notice_text(edition.ui, notice)}")
        return moved

    def _say(self, line: str) -> None:
        print(line, file=self.out)


def notice_text(ui: UiText, notice: Notice) -> str:
    """A notice from the engine in the interface's language (its own English when the strings lack it)."""
    try:
        return ui(notice.key, **notice.values)
    except KeyError:
        return str(notice)


def _text(ui: UiText, key: str, **values) -> str:
    """An interface string, or its key when the strings lack it (a reload must never stop play)."""
    try:
        return ui(key, **values)
    except KeyError:
        return key


class TerminalGame:
    """A terminal front end over one Session; input and output are injected for tests."""

    def __init__(self, session: Session, read: Callable[[str], str], out: TextIO,
                 saves: SaveStore | None = None, width: int | None = None, live: LiveReload | None = None,
                 ui: UiText | None = None):
        self.session = session
        self.ui = ui or english_ui()
        self.read = read
        self.out = printable(out)
        self.saves = saves
        self.width = width or min(shutil.get_terminal_size((80, 24)).columns, 88)
        self.live = live

    def say(self, text: str = "", indent: str = "") -> None:
        """Print text wrapped to the terminal width (Japanese by character, with kinsoku)."""
        if not text:
            print(file=self.out)
            return
        for line in break_lines(text, self.width - len(indent)):
            print(indent + line, file=self.out)

    def show_scene(self) -> None:
        """The header, the text and the numbered choices of the current scene."""
        scene = self.session.scene
        self.say()
        rule = "─" * self.width
        print(rule, file=self.out)
        self.say(f"{format_moment(scene.when, self.ui)} · {scene.where}")
        if scene.title:
            self.say(scene.title.upper())
        print(rule, file=self.out)
        self.say(scene.text.strip())
        gauges = self.session.gauges
        if gauges:
            self.say("   ".join(f"{g.variable.label}: {_value(g.value)}{_unit(g.variable.unit)}" for g in gauges))
        if scene.dossier:
            self.say(self.ui("terminal.documents", count=len(scene.dossier)))
        if scene.is_ending:
            return
        self.say()
        for number, choice in enumerate(self.session.choices, start=1):
            self.say(f"{number}. {choice.text}", indent="  ")

    def show_dossier(self) -> None:
        """Every document attached to the current scene."""
        for document in self.session.scene.dossier:
            self.say()
            self.say(f"== {document.title} ({self.ui(f'document.{document.kind}')}"
                     f"{'' if document.status == 'documented' else ', ' + self.ui(f'terminal.{document.status}')}) ==")
            self.say(document.text.strip())

    @property
    def finished(self) -> bool:
        """True when play has reached its end (every seat's, in an ensemble)."""
        return self.session.is_finished

    def show_final_debrief(self) -> None:
        """The debrief shown when play ends."""
        self.show_debrief(build_debrief(self.session.story, self.session.state, self.session.machine.rules))

    def run(self) -> str:
        """Play until an ending, a quit or the end of input; returns 'ended', 'quit' or 'eof'."""
        self.show_scene()
        while not self.finished:
            try:
                answer = self.read(self.ui("terminal.prompt")).strip().lower()
            except EOFError:
                self.say()
                self.say(self.ui("terminal.input_ended"))
                self.autosave()
                return "eof"
            if self.reload_if_changed():
                if answer:
                    self.say(self.ui("terminal.changed_while_typing"))
                continue
            if not self.handle(answer):
                return "quit"
        self.autosave()
        self.show_final_debrief()
        return "ended"

    def reload_if_changed(self) -> bool:
        """With --watch: move onto the changed story between prompts and show the scene again."""
        if self.live is None:
            return False
        moved = self.live.refresh(self.session)
        if moved is None:
            return False
        self.session = moved
        self.ui = self.live.edition.ui
        self.show_scene()
        return True

    def handle(self, answer: str) -> bool:
        """Act on one line of input; False when the player quits."""
        choices = self.session.choices
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            try:
                self.session.choose(choices[int(answer) - 1].id)
            except ChoiceUnavailable as exc:
                self.say(self.ui("terminal.choice_closed", reason=exc))
                return True
            self.autosave()
            self.show_scene()
        elif answer in ("q", "quit", "exit"):
            self.autosave()
            self.say(self.ui("terminal.quit"))
            return False
        elif answer in ("u", "undo"):
            if self.session.path:
                self.session.undo()
                self.show_scene()
            else:
                self.say(self.ui("terminal.nothing_to_undo"))
        elif answer in ("d", "documents") and self.session.scene.dossier:
            self.show_dossier()
        elif answer in ("s", "save"):
            self.save("slot1")
        elif answer in ("?", "h", "help"):
            self.say(self.ui("terminal.help"))
        elif not answer:
            pass
        else:
            self.say(self.ui("terminal.pick_number", count=len(choices)) + " " + self.ui("terminal.help"))
        return True

    def saved_game(self) -> tuple[dict, str]:
        """What a save slot holds for this game, and the title it is listed under."""
        return self.session.save(), self.session.scene.title

    def save(self, slot: str) -> None:
        """Save to a slot and say so."""
        if self.saves is None:
            self.say(self.ui("terminal.no_saving"))
            return
        try:
            self.saves.write(slot, *self.saved_game())
            self.say(self.ui("terminal.saved", slot=slot))
        except SaveError as exc:
            self.say(self.ui("terminal.save_failed", reason=exc))

    def autosave(self) -> None:
        """Keep the player's progress quietly; a failure to autosave never stops play."""
        if self.saves is not None:
            try:
                self.saves.write(AUTOSAVE, *self.saved_game())
            except SaveError:
                pass

    def show_debrief(self, debrief: Debrief) -> None:
        """The path beside the record, decision by decision, with sources."""
        ending = debrief.ending
        if ending is not None and ending.ending is not None:
            self.say()
            self.say(self.ui("debrief.ending", title=ending.ending.title)
                     + (" " + self.ui("debrief.what_happened_mark") if debrief.historical_ending else ""))
            self.say(ending.ending.outcome.strip())
            if not debrief.historical_ending:
                self.say(self.ui("debrief.differs", text=ending.ending.differs.strip()))
            if ending.history is not None:
                self._history(ending.history)
        self.say()
        print("═" * self.width, file=self.out)
        self.say(self.ui("debrief.heading"))
        print("═" * self.width, file=self.out)
        for review in debrief.decisions:
            self._review(review)
        if debrief.missed:
            self.say()
            self.say(self.ui("debrief.never_reached"))
            for review in debrief.missed:
                self._review(review)
        self._turns(debrief)
        self.say()
        self.say(self.ui("debrief.summary", matches=debrief.matches, total=debrief.total))
        if debrief.role.epilogue:
            self.say()
            self.say(self.ui("debrief.next"))
            self.say(debrief.role.epilogue.strip())

    def _turns(self, debrief: Debrief) -> None:
        """Where the path left the record, and which earlier choices opened or closed later ones."""
        departure = departure_sentence(debrief, self.ui)
        if departure is None and not debrief.turns:
            return
        self.say()
        self.say(self.ui("debrief.turns_heading"))
        if departure is not None:
            self.say("- " + departure, indent="    ")
        for turn in debrief.turns:
            self.say("- " + turn_sentence(debrief.role, turn, self.ui), indent="    ")

    def _review(self, review) -> None:
        scene: Scene = review.scene
        self.say()
        mark = "=" if review.matched else ("·" if not review.reached else "≠")
        title = scene.title or review.scene_id
        self.say(f"{mark} {title} ({format_moment(scene.when, self.ui)})")
        if review.chosen is not None:
            self.say(self.ui("debrief.you", text=review.chosen.text), indent="    ")
        if review.actual is not None:
            self.say(self.ui("debrief.record", text=review.actual.text), indent="    ")
        if review.history is not None:
            self._history(review.history)

    def _history(self, history) -> None:
        """What happened, how sure the record is, and the quotes behind it."""
        label = self.ui(f"debrief.{history.status}")
        self.say(f"{label}: {history.what_happened.strip()}", indent="    ")
        if history.dramatized and history.status != "dramatized":
            self.say(self.ui("debrief.invented_detail", text=history.dramatized.strip()), indent="    ")
        for version in history.versions:
            self.say("- " + self.ui("debrief.one_version", claim=version.claim), indent="    ")
            for quote in version.sources:
                self._quote(quote)
        if history.versions and history.sources:
            self.say(self.ui("debrief.sources"), indent="    ")
        for quote in history.sources:
            self._quote(quote)

    def _quote(self, quote) -> None:
        source = self.session.story.sources.get(quote.source)
        title = source.title if source else quote.source
        self.say(f"{quote_words(quote, self.ui)} ({title})", indent="      ")
        if quote.translation:
            self.say(self.ui("debrief.translation", text=quote_words(quote, self.ui, translated=True)), indent="      ")


def _unit(unit: str) -> str:
    """'%' sits against the number; a word such as 'ft' gets a space."""
    return f" {unit}" if unit[:1].isalpha() else unit


def _value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def english_ui() -> UiText:
    """The English interface strings shipped beside the story, for callers that give none."""
    from game.engine import load_ui_strings

    from game.shipped import story_folder

    return UiText(load_ui_strings(story_folder()))


def choose_role(story: Story, read: Callable[[str], str], out: TextIO, ui: UiText | None = None) -> str | None:
    """Ask which role to play; None on end of input."""
    ui = ui or english_ui()  # read once, not at every prompt
    out = printable(out)
    roles = list(story.roles.values())
    print(story.title, file=out)
    print(file=out)
    for number, role in enumerate(roles, start=1):
        print(f"  {number}. {role.name}: {role.title}", file=out)
    while True:
        try:
            answer = read(ui("terminal.choose_role")).strip().lower()
        except EOFError:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1].id
        if answer in story.roles:
            return answer
        if answer in ("q", "quit"):
            return None
        print(ui("terminal.pick_number", count=len(roles)), file=out)
