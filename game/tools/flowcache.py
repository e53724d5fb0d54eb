"""Lint's cache of each role's play-search findings, keyed by exactly what the search and its checks read.

The state search is most of a lint. Its findings for a role depend only on that role's
variables, start, scenes, endings and choices (ids, targets, `if:` and `set:`), on the values
of other roles its links read from the record, and on the code of the search; not on any text
a player reads. So a re-lint after editing words, history or translations, or one role's
choices, searches again only the roles whose inputs changed. Findings are kept unplaced (see
checks_flow.Finding) and placed in the files as they are now. The pack sits beside the parse
cache and follows its rules: marshal (plain data only), bounded reads, written by atomic
replace, holding exactly the roles of the last lint; anything unreadable is a miss.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

from game.engine import LoadedStory, foreign_reads, record_values, scene_reads
from game.safefiles import ReadRefused, read_bounded

from .explore import MAX_STATES

#: Bump when the shape of a finding changes.
FORMAT = b"foxbat-flow-1"
MAX_PACK_BYTES = 64 * 1024 * 1024
#: The code whose behaviour the findings depend on: a change to any of them is a miss.
_CODE = ("explore.py", "liveness.py", "checks_flow.py")
_ENGINE_CODE = ("conditions.py", "rules.py", "links.py")


def _code_digest() -> bytes:
    """A digest of the search's own source files (so an upgraded foxbat never reuses old findings)."""
    digest = hashlib.blake2b(FORMAT, digest_size=16)
    here = Path(__file__).resolve().parent
    engine = here.parent / "engine"
    for path in [here / name for name in _CODE] + [engine / name for name in _ENGINE_CODE]:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.digest()


def role_key(story: LoadedStory, role_id: str, code: bytes) -> bytes:
    """The digest of every input of one role's search and of the checks over it."""
    role = story.roles[role_id]
    variables = tuple((name, v.type, v.initial, v.min, v.max, v.bounds if v.type == "int" else None) for name, v in role.variables.items())
    scenes = tuple(
        (scene_id, scene.is_ending,
         tuple((c.id, c.goto, c.condition, c.effects if isinstance(c.effects, (str, type(None))) else tuple(c.effects))
               for c in scene.choices))
        for scene_id, scene in role.scenes.items())
    record = ()
    if foreign_reads(story.rules, role_id):
        record = tuple(
            (scene_id, tuple(sorted(record_values(story.story, story.rules, role_id, scene_id, names).items())))
            for scene_id, scene in role.scenes.items()
            for names in [sorted(scene_reads(story.rules, role_id, scene, scene_id))] if names)
    # repr, not marshal: marshal's bytes depend on which equal strings happen to be one object
    raw = repr((role_id, role.start, variables, scenes, record, MAX_STATES)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(raw, digest_size=16, key=code).digest()


class FlowCache:
    """One pack of findings per story folder, in a folder beside the parse cache's packs."""

    def __init__(self, folder: Path | str, root: Path | str):
        self.folder = Path(folder)
        name = str(Path(root).absolute()).encode("utf-8", "surrogatepass")
        self.pack = self.folder / f"{hashlib.sha256(FORMAT + name).hexdigest()[:32]}.flow"
        self.code = _code_digest()
        self._stored = self._load()
        self._kept: dict[bytes, list] = {}

    def get(self, key: bytes):
        """The findings stored under a key, or None."""
        found = self._stored.get(key)
        if found is not None:
            self._kept[key] = found
        return found

    def put(self, key: bytes, findings) -> None:
        """Remember a role's findings for the pack written by save()."""
        self._kept[key] = findings

    def _load(self) -> dict:
        try:
            entry = marshal.loads(read_bounded(self.pack, MAX_PACK_BYTES))
        except (ReadRefused, EOFError, ValueError, TypeError):
            return {}
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == FORMAT and isinstance(entry[1], dict)):
            return {}
        return entry[1]

    def save(self) -> None:
        """Write the pack when its roles changed; errors are ignored (the cache is only an optimisation)."""
        if self._kept == self._stored:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                marshal.dump((FORMAT, self._kept), stream)
            os.replace(temporary, self.pack)
        except (OSError, ValueError):
            pass
