"""Load a YAML file into plain Python values, remembering the line of every field.

Validation messages name `file:line`, so the loader keeps, for each path of keys and list
indexes (for example ("parts", 1, "heading", "en")), the line where that field is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    file: str
    line: int
    field: str
    message: str
    path: FieldPath = ()  # the field as keys and list indexes, for renaming it (see validate.parse_list)

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its values, and the line of each field path."""

    path: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()  # values YAML could read no sense into; the rest is usable

    def line_of(self, path: FieldPath) -> int:
        """The line of `path`, or of its nearest written ancestor (for a missing field)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


class YamlError(Exception):
    """The file could not be read as YAML at all; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def dotted(path: FieldPath) -> str:
    """("parts", 1, "heading") -> "parts[1].heading"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml(file: Path, display_name: str) -> YamlDocument:
    """Parse `file`; raise YamlError (never a traceback) if it is not well-formed YAML.

    Duplicate keys and unreadable values are kept in `problems`, so validation can go on and
    report the file's other mistakes in the same pass.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlError([Problem(display_name, 1, "", "file not found (restore it from git)")])
    except UnicodeDecodeError as error:
        raise YamlError([Problem(display_name, 1, "", f"not UTF-8 text ({error.reason}); save it as UTF-8")])
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when built in
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError([Problem(display_name, line, "", f"YAML syntax error: {error.problem} "
                                 "(check indentation, and quote text that contains ': ' or starts with a symbol)")])
    if root is None:
        raise YamlError([Problem(display_name, 1, "", "the file is empty (restore it from git)")])
    lines: dict[FieldPath, int] = {(): 1}  # a missing top-level field is reported on line 1
    problems: list[Problem] = []
    data = _to_python(root, (), lines, problems, display_name)
    return YamlDocument(display_name, data, lines, tuple(problems))


_SCALARS = yaml.SafeLoader("")


def _to_python(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int],
               problems: list[Problem], display_name: str) -> Any:
    """Build plain values from the YAML node tree, recording lines; collect duplicate keys and
    values YAML cannot read (such as the date 2024-13-01) in `problems`."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, problems, display_name)
            child = (*path, key)
            if key in mapping:
                problems.append(Problem(display_name, key_node.start_mark.line + 1, dotted(child),
                                        f"written twice (first on line {lines[child]}); keep one", child))
                continue
            lines[child] = key_node.start_mark.line + 1
            mapping[key] = _to_python(value_node, child, lines, problems, display_name)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, index), lines, problems, display_name)
                for index, item in enumerate(node.value)]
    return _scalar(node, path, problems, display_name)


def _scalar(node: yaml.Node, path: FieldPath, problems: list[Problem], display_name: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        problems.append(Problem(display_name, node.start_mark.line + 1, dotted(path),
                                "a key must be plain text, not a list or group", path))
        return f"<line {node.start_mark.line + 1}>"
    try:
        return _SCALARS.construct_object(node)
    except (ValueError, yaml.YAMLError) as error:
        problems.append(Problem(display_name, node.start_mark.line + 1, dotted(path),
                                f"{node.value!r} cannot be read ({error}); correct the value", path))
        return None
