"""Read one YAML file safely into plain data, remembering where every key and value came from."""

from __future__ import annotations

import os
import re
import types
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from game.safefiles import ReadRefused, read_bounded

from .errors import Problem, SourceLocation, error

# The C loader is ~5x faster; both give node marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 200_000  # far above any real story file; a billion-laughs file blows past it before expanding
MAX_BYTES = 8 * 1024 * 1024

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "omap", "set")
}


class YamlDocument:
    """A YAML file as plain Python data, and where each key and value in it came from.

    The places are worked out only when first asked for, by reading the kept text again with
    marks: a story that loads cleanly never needs them, and recording them for every node
    doubled the load time. The data is built from the same text, so the places always match.
    """

    __slots__ = ("path", "data", "_source", "_values", "_keys")

    def __init__(self, path: str, data: Any, source: str | bytes = "",
                 values: dict | None = None, keys: dict | None = None):
        self.path = path
        self.data = data
        self._source = source  # the text, or the raw UTF-8 bytes when it came from the cache
        self._values = values
        self._keys = keys

    @property
    def values(self) -> dict[tuple, tuple[int, int]]:
        """Data path -> (line, column) of each value."""
        if self._values is None:
            self._mark()
        return self._values

    @property
    def keys(self) -> dict[tuple, tuple[int, int]]:
        """Data path -> (line, column) of each mapping key."""
        if self._keys is None:
            self._mark()
        return self._keys

    def _mark(self) -> None:
        source = self._source
        text = source.decode("utf-8-sig") if isinstance(source, bytes) else source
        marked, _ = _read_marked(text, self.path)
        # The data was built from this very text, so it reads again; empty tables just in case.
        self._values, self._keys = (marked.values, marked.keys) if marked is not None else ({}, {})

    @property
    def may_hold_escapes(self) -> bool:
        """False when no text of the file can hold a control character (YAML refuses raw ones; escapes need '\\')."""
        source = self._source
        if isinstance(source, bytes):
            return b"\\" in source or b"\r" in source or b"\xc2\x85" in source
        return "\\" in source or "\r" in source or "\x85" in source

    def find(self, path: tuple) -> tuple[int, int] | None:
        """(line, column) of the value at exactly this data path, or None."""
        return self.values.get(path)

    def locate(self, path: tuple, key: bool = False) -> SourceLocation:
        """The location of the value (or key) at a data path, or its nearest enclosing one."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or (self.values.get(path[:end]) if key else None)
            if found is not None:
                return SourceLocation(self.path, *found)
        return SourceLocation(self.path, 1, 1)


def display_path(path: Path | str) -> str:
    """A path as a writer wants to read it: relative to the working folder when inside it."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative


def read_yaml(path: Path, cache=None, within: Path | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one file; on failure return None and the problems, never raise.

    Only a regular file of at most MAX_BYTES is read (and with `within`, only one inside that
    folder once links are followed). With a ParseCache, an unchanged file comes back from the
    cache without being parsed.
    """
    shown = display_path(path)
    try:
        raw = read_bounded(path, MAX_BYTES, within)
    except ReadRefused as refused:
        return None, [refusal_problem(refused, shown)]
    if cache is not None:
        hit = cache.get(raw)
        if hit is not None:
            return YamlDocument(shown, hit, raw), []
    text, problem = _decode(raw, shown)
    if problem:
        return None, [problem]
    document, problems = parse_yaml(text, shown)
    if cache is not None and document is not None:
        cache.put(raw, document.data)
    return document, problems


def refusal_problem(refused: ReadRefused, shown: str) -> Problem:
    """A file that was not read, as a writer's error: E008 for what is not a story file at all, else E007."""
    if refused.kind in (ReadRefused.OUTSIDE, ReadRefused.NOT_REGULAR):
        return error("E008", SourceLocation(shown, 1, 1), f"not read: {refused.reason}",
                     "a story reads only regular files inside its own folder; copy the file into it")
    if refused.kind == ReadRefused.TOO_LARGE:
        return error("E007", SourceLocation(shown, 1, 1), refused.reason, "split it into several files")
    return error("E007", SourceLocation(shown), refused.reason)


def parse_yaml(text: str, shown: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text that came from `shown`; on failure return None and the problems."""
    try:
        data = _read_plain(text)
    except (_Unusual, yaml.YAMLError):
        # Anything past plain mappings, lists and scalars (anchors, tags, duplicate keys, errors,
        # empty files) goes through the careful reader, which says exactly what and where.
        return _read_marked(text, shown)
    return YamlDocument(shown, data, text), []


def _read_marked(text: str, shown: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse with a mark for every node, refusing what a story must not hold."""
    builder = _MarkingBuilder(shown)
    try:
        # Events from libyaml's parser, built into data here: composing nodes first spends most
        # of its time in PyYAML's Python resolver, and we need our own pass anyway for marks,
        # duplicate keys, tags and alias budgets.
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
            if builder.problems:
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        opened = _unclosed_quote(text, mark.line + 1 if mark else text.count("\n") + 1)
        if opened is not None:
            line, column, quote = opened
            return None, [error("E003", SourceLocation(shown, line, column), f"this quote ({quote}) is never closed",
                                f"end the text with {quote} on this line, or write it as a block: 'key: >-' "
                                "and the text indented on the lines below")]
        where = SourceLocation(shown, mark.line + 1, mark.column + 1) if mark else SourceLocation(shown)
        reason = exc.problem or "invalid YAML"
        if exc.context:
            reason = f"{exc.context}, {reason}"
        return None, [error("E003", where, f"YAML syntax error: {reason}", _syntax_hint(reason))]
    except yaml.YAMLError as exc:
        return None, [error("E003", SourceLocation(shown, 1, 1), f"YAML syntax error: {exc}")]
    if builder.problems:
        return None, builder.problems
    if builder.documents == 0:
        # No document at all: blank, or only comments.
        return None, [error("E002", SourceLocation(shown, 1, 1), "file is empty", "a story file needs at least one key")]
    return YamlDocument(shown, builder.data, text, builder.values, builder.keys), []


def _decode(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """UTF-8 text (a BOM is allowed), or an error that points at the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", error(
            "E001", SourceLocation(shown, line, column),
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded)",
            "save the file as UTF-8 in your editor",
        )


#: `key: "...` or `- '...`: a value that opens a quote; group 1 is the indentation, group 2 the quote mark.
_OPENS_QUOTE = re.compile(r"""^(\s*)(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+|-\s+)?(["'])""")
_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """(line, column, mark) of a quote opened before a YAML error and still open when the next key starts.

    PyYAML reports such a slip a line or more later, in its own words; the writer needs the line
    where the quote opened. A quoted value may run over several lines, so a quote counts as
    unclosed only when a line that looks like the next key arrives before it is closed.
    """
    lines = text.split("\n")[:error_line]
    for number, line in enumerate(lines, start=1):
        opening = _OPENS_QUOTE.match(line)
        if opening is None:
            continue
        mark = opening.group(2)
        rest = line[opening.end():]
        if _closes(rest, mark):
            continue
        indent = len(opening.group(1))
        for following in lines[number:]:
            key = _KEY_LINE.match(following)
            if key is not None and len(key.group(1)) <= indent:
                return number, opening.end(), mark  # the next key came first: the quote was left open
            if _closes(following, mark):
                break
    return None


def _closes(text: str, mark: str) -> bool:
    """True when the text holds the closing quote (a doubled '' inside single quotes does not close)."""
    if mark == '"':
        return re.search(r'(?<!\\)"', text) is not None
    return re.search(r"(?<!')'(?!')", text.replace("''", "")) is not None


def _syntax_hint(reason: str) -> str:
    if "tab" in reason:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in reason:
        return "a value containing ': ' must be quoted, or use '>' for a block of text"
    if "could not find expected ':'" in reason or "simple key" in reason:
        return "check the indentation and that every key ends with ':'"
    return "check the indentation and quoting near this line"


_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers  # first character -> [(tag, regexp)]
_STR = "tag:yaml.org,2002:str"
_AS_TEXT = {_STR, "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NORMALIZE = unicodedata.normalize


def _scalar(event) -> Any:
    """The value of a scalar event; dates stay text (the story format keeps times as written)."""
    text = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return text if text.isascii() else _NORMALIZE("NFC", text)
        for candidate, pattern in _IMPLICIT.get(text[:1], ()):
            if pattern.match(text):
                tag = candidate
                break
        else:
            return text if text.isascii() else _NORMALIZE("NFC", text)
    if tag in _AS_TEXT:
        return text if text.isascii() else _NORMALIZE("NFC", text)
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    try:
        value = construct(_CONSTRUCTOR, yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style))
    except (TypeError, yaml.YAMLError, ValueError):
        value = None
    else:
        if not isinstance(value, types.GeneratorType):  # collection tags on a scalar ('!!map x') build lazily
            return value
    return _NORMALIZE("NFC", text)


class _Unusual(Exception):
    """The file uses something the plain reader leaves to the careful one."""


_NO_KEY = object()
_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocumentStart = yaml.DocumentStartEvent
_StreamEnd = yaml.StreamEndEvent
_PLAIN: dict[str, Any] = {}  # plain scalar text -> its value; values are immutable, so sharing is safe


def _read_plain(text: str) -> Any:
    """The data of a file of untagged mappings, lists and scalars, without marks.

    This is the path every clean story file takes, so it is written for speed: the innermost
    container, its kind and its pending key live in locals. It raises _Unusual for anything
    else (an anchor or alias, an explicit tag, a duplicate, merge or non-text key, no document
    or more than one) and yaml.YAMLError for a syntax error. Scalars are read exactly as the
    careful reader reads them (through the same `_scalar`).
    """
    parser = _LOADER(text)
    get_event = parser.get_event
    plain = _PLAIN
    stack: list = []  # (container, is_list, pending key) of each enclosing container
    top: Any = None  # the innermost open container
    top_is_list = False
    key: Any = _NO_KEY  # the key of `top` waiting for its value
    data: Any = None
    documents = 0
    room = MAX_NODES  # values left before the file is too big for the plain reader (the careful one reports it)
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _ScalarEvent:
                room -= 1
                if room < 0:
                    raise _Unusual
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Unusual
                opens = False
                value = event.value
                if event.implicit[0]:
                    # Plain scalars repeat (every key, 'true', 'actual'): resolve each once and
                    # share the result, which also keeps one copy of each key in memory.
                    resolved = plain.get(value, _NO_KEY)
                    if resolved is _NO_KEY:
                        resolved = _scalar(event)
                        if len(value) <= 24 and len(plain) < 8192:
                            plain[value] = resolved
                    value = resolved
                elif not value.isascii():  # quoted or block text: always a string
                    value = _NORMALIZE("NFC", value)
            elif kind is _MappingStart or kind is _SequenceStart:
                room -= 1
                if room < 0 or event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Unusual
                opens = True
                value = {} if kind is _MappingStart else []
            elif kind is _MappingEnd or kind is _SequenceEnd:
                top, top_is_list, key = stack.pop()
                continue
            elif kind is _AliasEvent:
                raise _Unusual
            elif kind is _DocumentStart:
                documents += 1
                if documents > 1:
                    raise _Unusual
                continue
            elif kind is _StreamEnd or event is None:
                break
            else:
                continue
            # Place the value: into a list, as the value of a pending key, as the whole
            # document, or as a key (text only, and neither a duplicate nor a merge key).
            if top_is_list:
                top.append(value)
            elif key is not _NO_KEY:
                top[key] = value
                key = _NO_KEY
            elif top is None:
                data = value
            elif opens or type(value) is not str or value in top or (value == "<<" and event.implicit[0]):
                raise _Unusual  # the careful reader reports these, or reads them (a number as a key)
            else:
                key = value
            if opens:
                stack.append((top, top_is_list, key))
                top, top_is_list = value, kind is _SequenceStart
    finally:
        parser.dispose()
    if documents != 1:
        raise _Unusual
    return data


class _Open:
    """A mapping or sequence being built, with what is needed to finish it."""

    __slots__ = ("value", "path", "anchor", "key", "key_location", "first_seen", "size")

    def __init__(self, value, path, anchor):
        self.value = value
        self.path = path
        self.anchor = anchor
        self.key = _NO_KEY
        self.key_location = None
        self.first_seen = {}
        self.size = 1


class _MarkingBuilder:
    """Turns parser events into plain data, recording marks and refusing what a story must not hold."""

    def __init__(self, shown: str):
        self.shown = shown
        self.data: Any = None
        # (line, column) pairs rather than SourceLocation objects: a story has hundreds of
        # thousands of nodes and building a frozen dataclass per node doubled the load time.
        self.values: dict[tuple, tuple[int, int]] = {}
        self.keys: dict[tuple, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.documents = 0
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0  # values written in the file
        self.total = 0  # values once every alias is expanded

    def _where(self, event) -> SourceLocation:
        mark = event.start_mark
        return SourceLocation(self.shown, mark.line + 1, mark.column + 1)

    @staticmethod
    def _mark(event) -> tuple[int, int]:
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1)

    def _path(self) -> tuple:
        """The data path of the value about to be added."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return top.path + (len(top.value),)
        return top.path + (top.key,) if top.key is not _NO_KEY else top.path

    def feed(self, event) -> None:
        """Take one parser event."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._check_tag(event)
            if self._count(event, 1):
                self._add(_scalar(event), event, 1, event.anchor)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check_tag(event)
            if not self._count(event, 1):
                return
            path = self._path()
            if not self._is_key_position():
                self.values.setdefault(path, self._mark(event))
            container = {} if kind is yaml.MappingStartEvent else []
            self.stack.append(_Open(container, path, event.anchor))
            if event.anchor:
                self.open_anchors.add(event.anchor)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            done = self.stack.pop()
            if done.anchor:
                self.open_anchors.discard(done.anchor)
            self._add(done.value, event, done.size, done.anchor, finished=True)
        elif kind is yaml.AliasEvent:
            if event.anchor in self.open_anchors:
                self.problems.append(error("E006", self._where(event), "an alias refers to itself"))
                return
            if event.anchor not in self.anchors:
                self.problems.append(error("E003", self._where(event), f"YAML syntax error: unknown alias '*{event.anchor}'"))
                return
            value, size = self.anchors[event.anchor]
            if self._count(event, size):
                self._add(value, event, size, None)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.problems.append(error("E003", self._where(event), "YAML syntax error: a story file holds one document",
                                           "remove the extra '---'"))

    def _is_key_position(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top.value, dict) and top.key is _NO_KEY

    def _check_tag(self, event) -> None:
        tag = event.tag
        if tag is None or tag == "!" or tag in _SAFE_TAGS:
            return
        if not self.problems:
            self.problems.append(error("E005", self._where(event), f"tag '{tag}' is not allowed",
                                       "story files hold plain text, numbers, lists and mappings"))

    def _count(self, event, size: int) -> bool:
        """Count one written value that stands for `size` values; False (and a problem) past the limits."""
        self.nodes += 1
        self.total += size
        if self.nodes > MAX_NODES:
            self.problems.append(error(
                "E009", self._where(event), f"too many values: the file holds more than {MAX_NODES:,}",
                "split it into several files (a story file holds a few scenes)",
            ))
            return False
        if self.total > MAX_NODES:
            self.problems.append(error(
                "E006", self._where(event), f"aliases would expand to more than {MAX_NODES:,} values",
                "this looks like an alias bomb; write the values out instead of nesting aliases",
            ))
            return False
        return True

    def _add(self, value, event, size: int, anchor, finished: bool = False) -> None:
        """Put a finished value into its parent (as a key or a value), keeping the size of anchored values."""
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.data = value
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.value, list):
            if not finished:
                self.values.setdefault(top.path + (len(top.value),), self._mark(event))
            top.value.append(value)
            return
        if top.key is _NO_KEY:
            key = value if not isinstance(value, (list, dict)) else str(value)
            location = self._mark(event)
            if key == "<<" and getattr(event, "implicit", (False,))[0]:
                self.problems.append(error("E003", SourceLocation(self.shown, *location), "merge keys ('<<') are not supported", "write the keys out in full"))
                return
            if key in top.first_seen:
                self.problems.append(error(
                    "E004", SourceLocation(self.shown, *location),
                    f"duplicate key '{key}' (first defined at line {top.first_seen[key][0]})",
                    "YAML keeps only the last one; rename or remove one of them",
                ))
                return
            top.first_seen[key] = location
            top.key = key
            top.key_location = location
            self.keys[top.path + (key,)] = location
            return
        if not finished:
            self.values.setdefault(top.path + (top.key,), self._mark(event))
        top.value[top.key] = value
        top.key = _NO_KEY
