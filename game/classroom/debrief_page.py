"""The printable debrief of one playthrough: what the template needs, in the page's language."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from game.engine import (
    DecisionReview, Edition, History, Story, UiText, build_debrief, departure_sentence, format_moment, historical_path,
    turn_sentence,
)

from .citations import CitedQuote, cite
from .playthrough import Playthrough
from .storymap import StoryMap, layout_story_map


@dataclass(frozen=True)
class Account:
    """One version of a disputed point, with its sources."""

    label: str
    claim: str
    quotes: list[CitedQuote]


@dataclass(frozen=True)
class DecisionEntry:
    """One decision on the page."""

    number: int | None
    title: str
    when: str
    where: str
    verdict: str  # "matched", "different" or "missed"
    verdict_label: str
    you: str
    record: str
    status: str
    status_label: str
    what_happened: str
    invented: str
    accounts: list[Account] = field(default_factory=list)
    quotes: list[CitedQuote] = field(default_factory=list)


def account_label(ui: UiText, index: int) -> str:
    """'Account A', 'Account B'...: letters read the same in every language on the page."""
    return ui("classroom.account", letter=string.ascii_uppercase[index % 26])


def history_parts(story: Story, ui: UiText, history: History | None) -> dict:
    """The record of a moment: status, what happened, both versions of a dispute, the quotes."""
    if history is None:
        return {"status": "", "status_label": "", "what_happened": "", "invented": "", "accounts": [], "quotes": []}
    accounts = [Account(account_label(ui, i), version.claim.strip(), [cite(story, ui, q) for q in version.sources])
                for i, version in enumerate(history.versions)]
    invented = history.dramatized.strip() if history.dramatized else ""
    return {"status": history.status, "status_label": ui(f"classroom.status.{history.status}"),
            "what_happened": history.what_happened.strip(), "invented": invented, "accounts": accounts,
            "quotes": [cite(story, ui, q) for q in history.sources]}


def decision_entry(story: Story, ui: UiText, review: DecisionReview, number: int | None) -> DecisionEntry:
    """A decision as the page shows it."""
    scene = review.scene
    verdict = "missed" if not review.reached else "matched" if review.matched else "different"
    labels = {"missed": "gui.debrief.not_reached", "matched": "gui.debrief.matched", "different": "gui.debrief.different"}
    return DecisionEntry(
        number, scene.title or review.scene_id, format_moment(scene.when, ui), scene.where, verdict,
        ui(labels[verdict]), review.chosen.text.strip() if review.chosen else "",
        review.actual.text.strip() if review.actual else "", **history_parts(story, ui, review.history))


def debrief_context(edition: Edition, run: Playthrough, paper: str, version: str) -> dict:
    """Everything templates/debrief.html.j2 draws, in the edition's language."""
    story, ui = edition.story, edition.ui
    debrief = build_debrief(story, run.state, edition.machine.rules)
    role = debrief.role
    decisions = [decision_entry(story, ui, review, n) for n, review in enumerate(debrief.decisions, start=1)]
    missed = [decision_entry(story, ui, review, None) for review in debrief.missed]
    ending = None
    if debrief.ending is not None and debrief.ending.ending is not None:
        found = debrief.ending.ending
        key = "gui.debrief.reached_historical" if found.kind == "historical" else "gui.debrief.reached_other"
        ending = {"line": ui(key, ending=found.title), "outcome": found.outcome.strip(),
                  "differs": found.differs.strip() if found.kind != "historical" else "",
                  "history": history_parts(story, ui, debrief.ending.history)}
    return {
        "lang": ui.language, "paper": paper, "story_title": story.title, "role": role,
        "heading": ui("gui.debrief.title"), "path_line": path_line(ui, run),
        "summary": ui("debrief.summary", matches=debrief.matches, total=debrief.total),
        "ending": ending, "decisions": decisions, "departure": departure_sentence(debrief, ui) or "",
        "turns": [turn_sentence(role, turn, ui) for turn in debrief.turns], "missed": missed, "question": role.question.strip(),
        "epilogue": role.epilogue.strip(), "map": story_map(story, ui, run, debrief.decisions),
        "footer": ui("classroom.footer", version=version, story_version=story.version),
        "t": ui,
    }


def path_line(ui: UiText, run: Playthrough) -> str:
    """How the path on this page was made, for the heading."""
    return ui(f"classroom.path.{run.kind}", seed=run.detail, file=run.detail)


def story_map(story: Story, ui: UiText, run: Playthrough, reviews: list[DecisionReview]) -> StoryMap:
    """The role's map with the record and this playthrough, decisions numbered as in the list."""
    role = story.roles[run.state.role]
    player = [step.scene for step in run.state.path] + [run.state.scene]
    record = historical_path(role)
    numbers = {review.scene_id: n for n, review in enumerate(reviews, start=1)}
    endings = {s: role.scenes[s].ending.title for s in {player[-1], record[-1]} if role.scenes[s].is_ending}
    return layout_story_map(role, player, record, numbers, ui("gui.debrief.parted"), ui("gui.debrief.met"), endings)
