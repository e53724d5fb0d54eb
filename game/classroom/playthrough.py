"""The path a debrief describes: the historical record, a seeded random playthrough, or a saved game."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from game.engine import Edition, SessionState, StateError, actual_choice, is_ensemble_save

from .errors import ClassroomError

#: A playthrough longer than this is a loop in the story, not a path to print.
MAX_STEPS = 500


@dataclass(frozen=True)
class Playthrough:
    """A finished or saved run of one role, and how it was made (for the page's heading)."""

    state: SessionState
    kind: str  # "historical", "random", "save" or "played"
    detail: str = ""  # the seed, or the save file's name


def playthrough_from_spec(edition: Edition, role_id: str | None, spec: str) -> Playthrough:
    """Resolve `--path historical|random:SEED|SAVEFILE` for a role; ClassroomError on bad input."""
    story = edition.story
    if spec == "historical" or spec.startswith("random:"):
        if role_id is None:
            raise ClassroomError(f"--path {spec} needs --role (one of: {', '.join(story.roles)})")
        _check_role(story, role_id)
        if spec == "historical":
            return Playthrough(play_historical(edition, role_id), "historical")
        seed_text = spec.split(":", 1)[1]
        try:
            seed = int(seed_text)
        except ValueError:
            raise ClassroomError(f"--path random:SEED needs a whole number as SEED, not '{seed_text}'") from None
        return Playthrough(play_random(edition, role_id, seed), "random", str(seed))
    state = read_save_file(edition, Path(spec), role_id)
    if role_id is not None:
        _check_role(story, role_id)
        if state.role != role_id:
            raise ClassroomError(f"the saved game {spec} is a game of role '{state.role}', not '{role_id}'")
    return Playthrough(state, "save", Path(spec).name)


def _check_role(story, role_id: str) -> None:
    if role_id not in story.roles:
        raise ClassroomError(f"unknown role '{role_id}'; choose one of: {', '.join(story.roles)}")


def play_historical(edition: Edition, role_id: str) -> SessionState:
    """The record's path: the `actual` choice at each decision, the first open choice elsewhere."""
    session = edition.start(role_id)
    for _ in range(MAX_STEPS):
        open_ids = [c.id for c in session.choices]
        if session.is_finished or not open_ids:
            break
        actual = actual_choice(session.scene)
        session.choose(actual.id if actual is not None and actual.id in open_ids else open_ids[0])
    return session.state


def play_random(edition: Edition, role_id: str, seed: int) -> SessionState:
    """A playthrough choosing at random among the open choices, the same for the same seed everywhere."""
    rng = random.Random(f"{seed}:{role_id}")  # a string seed: the same run on every Python and platform
    session = edition.start(role_id)
    for _ in range(MAX_STEPS):
        choices = session.choices
        if session.is_finished or not choices:
            break
        session.choose(choices[rng.randrange(len(choices))].id)
    return session.state


def read_save_file(edition: Edition, path: Path, role_id: str | None = None) -> SessionState:
    """The session in a save file (a slot file as the game writes it, or its bare state).

    An ensemble save holds every role: `role_id` picks the seat whose debrief is wanted.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClassroomError(f"no such save file: {path} (or use --path historical or random:SEED)") from None
    except IsADirectoryError:
        raise ClassroomError(f"{path} is a folder, not a save file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not a saved game"
        raise ClassroomError(f"cannot read the save file {path}: {reason}") from None
    state = data.get("state") if isinstance(data, dict) and isinstance(data.get("state"), dict) else data
    if is_ensemble_save(state):
        if role_id is None:
            raise ClassroomError(f"{path} is a game of all three roles at once: add --role "
                                 f"({', '.join(edition.story.roles)}) to print one seat's debrief")
        _check_role(edition.story, role_id)
        try:
            ensemble, _ = edition.restore_ensemble(state)
        except StateError as exc:
            raise ClassroomError(f"cannot read the save file {path}: {exc}") from None
        return ensemble.sessions[role_id].state
    try:
        session, _ = edition.restore(state)
    except StateError as exc:
        raise ClassroomError(f"cannot read the save file {path}: {exc}") from None
    return session.state
