"""Read one YAML file safely into plain data, remembering where every key and value came from."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SourceLocation, error

# The C loader is ~5x faster; both give node marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 200_000  # far above any real story file; a billion-laughs file blows past it before expanding
MAX_BYTES = 8 * 1024 * 1024

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "omap", "set")
}


@dataclass
class YamlDocument:
    """A YAML file as plain Python data plus the location of each key and value in it."""

    path: str
    data: Any
    values: dict[tuple, SourceLocation] = field(default_factory=dict)
    keys: dict[tuple, SourceLocation] = field(default_factory=dict)

    def locate(self, path: tuple, key: bool = False) -> SourceLocation:
        """The location of the value (or key) at a data path, or its nearest enclosing one."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or (self.values.get(path[:end]) if key else None)
            if found is not None:
                return found
        return SourceLocation(self.path, 1, 1)


def display_path(path: Path | str) -> str:
    """A path as a writer wants to read it: relative to the working folder when inside it."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one file; on failure return None and the problems, never raise."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("E007", SourceLocation(shown), f"cannot read file: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [error("E007", SourceLocation(shown), f"file is larger than {MAX_BYTES // 1024 // 1024} MB")]
    text, problem = _decode(raw, shown)
    if problem:
        return None, [problem]
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text that came from `shown`; on failure return None and the problems."""
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [error("E002", SourceLocation(shown, 1, 1), "file is empty", "a story file needs at least one key")]
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = SourceLocation(shown, mark.line + 1, mark.column + 1) if mark else SourceLocation(shown)
        reason = exc.problem or "invalid YAML"
        if exc.context:
            reason = f"{exc.context}, {reason}"
        return None, [error("E003", where, f"YAML syntax error: {reason}", _syntax_hint(reason))]
    except yaml.YAMLError as exc:
        return None, [error("E003", SourceLocation(shown, 1, 1), f"YAML syntax error: {exc}")]
    if root is None:
        return None, [error("E002", SourceLocation(shown, 1, 1), "file is empty")]
    problems = _check_tags_and_size(root, shown)
    if problems:
        return None, problems
    document = YamlDocument(shown, None)
    duplicates: list[Problem] = []
    # A constructor per file: it caches what it builds, so a shared one would grow forever.
    document.data = _convert(root, (), document, duplicates, yaml.constructor.SafeConstructor())
    return (None, duplicates) if duplicates else (document, [])


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


def _syntax_hint(reason: str) -> str:
    if "tab" in reason:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in reason:
        return "a value containing ': ' must be quoted, or use '>' for a block of text"
    if "could not find expected ':'" in reason or "simple key" in reason:
        return "check the indentation and that every key ends with ':'"
    return "check the indentation and quoting near this line"


def _check_tags_and_size(root: yaml.Node, shown: str) -> list[Problem]:
    """Refuse unsafe tags, recursive aliases and alias bombs before anything is expanded."""
    problems: list[Problem] = []
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise _Recursive(node)
        if node.tag not in _SAFE_TAGS and not problems:
            mark = node.start_mark
            problems.append(error(
                "E005", SourceLocation(shown, mark.line + 1, mark.column + 1),
                f"tag '{node.tag}' is not allowed", "story files hold plain text, numbers, lists and mappings",
            ))
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > MAX_NODES:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                total += size(key_node) + size(value_node)
                if total > MAX_NODES:
                    break
        in_progress.discard(key)
        sizes[key] = total
        return total

    try:
        total = size(root)
    except _Recursive as exc:
        mark = exc.node.start_mark
        return [error("E006", SourceLocation(shown, mark.line + 1, mark.column + 1), "an alias refers to itself")]
    except RecursionError:
        return [error("E006", SourceLocation(shown, 1, 1), "the file is nested too deeply")]
    if problems:
        return problems
    if total > MAX_NODES:
        return [error(
            "E006", SourceLocation(shown, 1, 1),
            f"aliases would expand to more than {MAX_NODES:,} values",
            "this looks like an alias bomb; write the values out instead of nesting aliases",
        )]
    return []


class _Recursive(Exception):
    def __init__(self, node: yaml.Node):
        super().__init__("recursive alias")
        self.node = node


def _convert(node: yaml.Node, path: tuple, document: YamlDocument, problems: list[Problem], constructor) -> Any:
    """Plain Python data from a node tree, recording marks and catching duplicate keys."""
    mark = node.start_mark
    document.values.setdefault(path, SourceLocation(document.path, mark.line + 1, mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, constructor) if isinstance(key_node, yaml.ScalarNode) else _convert(key_node, path, document, problems, constructor)
            if isinstance(key, (list, dict)):
                key = str(key)
            key_mark = key_node.start_mark
            key_location = SourceLocation(document.path, key_mark.line + 1, key_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(error("E003", key_location, "merge keys ('<<') are not supported",
                                      "write the keys out in full"))
                continue
            if key in first_seen:
                problems.append(error(
                    "E004", key_location,
                    f"duplicate key '{key}' (first defined at line {first_seen[key].line})",
                    "YAML keeps only the last one; rename or remove one of them",
                ))
                continue
            first_seen[key] = key_location
            document.keys[path + (key,)] = key_location
            result[key] = _convert(value_node, path + (key,), document, problems, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (index,), document, problems, constructor) for index, child in enumerate(node.value)]
    return _scalar(node, constructor)


def _scalar(node: yaml.ScalarNode, constructor) -> Any:
    """The value of a scalar; dates stay text (the story format keeps times as written)."""
    if node.tag == "tag:yaml.org,2002:str" or node.tag == "tag:yaml.org,2002:timestamp":
        return unicodedata.normalize("NFC", node.value)
    if node.tag == "tag:yaml.org,2002:binary":
        return node.value
    value = constructor.construct_object(node, deep=True)
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value
