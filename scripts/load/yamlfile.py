"""Load a YAML data file into plain Python values, remembering the line of every field.

Validation messages name `file:line`, so the loader keeps, for each path of keys and list
indexes (for example ("parts", 1, "heading", "en")), the line where that field is written.

Every way a file can be unreadable is a `Problem` on the line where the mistake is, never a
traceback and never a hang: the file's size is bounded before it is read, its characters are
checked before YAML sees them, and YAML's event stream is checked for anchors, aliases and
nesting deeper than the schema allows before the document is composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FieldPath = tuple[str | int, ...]

MAX_BYTES = 2_000_000  # a data file is the text of one speech's data; the largest today is 80 KB
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in
# Characters no data file needs and a reader cannot see: control characters (YAML refuses them
# itself, with a traceback-prone error), Unicode non-characters, and the bidirectional overrides
# that can make text display in another order than it is stored.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# The longest text and the longest word (a run without spaces, in a script that breaks lines at
# spaces) any page or link-preview card can show; today's longest are 878 and 65 characters.
MAX_TEXT = 5_000
MAX_WORD = 100
_WORD = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")  # CJK text breaks between any two characters


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    file: str
    line: int
    field: str
    message: str
    path: FieldPath = ()  # the field as keys and list indexes (for not reporting one mistake twice)

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its values, and the line of each field path."""

    path: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()  # keys written twice, values YAML cannot read; the rest is usable

    def line_of(self, path: FieldPath) -> int:
        """The line of `path`, or of its nearest written ancestor (for a missing field)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    @property
    def last_line(self) -> int:
        return max(self.lines.values(), default=1)


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


def load_yaml(file: Path, display_name: str, max_depth: int = 32) -> YamlDocument:
    """Parse `file`; raise YamlError (never a traceback) if it cannot be read as data.

    Duplicate keys and unreadable values are kept in `problems`, so validation can go on and
    report the file's other mistakes in the same pass. `max_depth` is how many levels of lists
    and groups the file's schema has.
    """
    text = read_text(file, display_name)
    check_events(text, display_name, max_depth)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        raise YamlError([syntax_problem(display_name, error, text)]) from None
    if root is None:
        raise YamlError([Problem(display_name, 1, "", "the file is empty (restore it from git)")])
    lines: dict[FieldPath, int] = {(): 1}  # a missing top-level field is reported on line 1
    problems: list[Problem] = []
    data = _to_python(root, (), lines, problems, display_name)
    _SCALARS.constructed_objects.clear()  # the constructor remembers every node it built
    return YamlDocument(display_name, data, lines, tuple(problems))


def read_text(file: Path, display_name: str) -> str:
    """The file's text, if it is UTF-8 of a sensible size without invisible control characters."""
    def fail(line: int, message: str) -> YamlError:
        return YamlError([Problem(display_name, line, "", message)])

    if file.exists() and not file.is_file():  # a folder, a FIFO or a device: reading one could wait forever
        raise fail(1, "not a regular file (a folder, a named pipe or a device); restore the file from git")
    try:
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail(1, "file not found (restore it from git)") from None
    except OSError as error:
        raise fail(1, f"cannot be read ({error.strerror}); check that it is a file you can read") from None
    if len(data) > MAX_BYTES:
        raise fail(1, f"larger than {MAX_BYTES // 1_000_000} MB, far more than a speech's data; "
                      "check that this is the right file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise fail(line, f"not UTF-8 text (byte 0x{data[error.start]:02x} at column {column}); "
                         "save the file as UTF-8") from None
    invisible = [(text.count("\n", 0, match.start()) + 1, match.group()) for match in _INVISIBLE.finditer(text)]
    if invisible:
        first_per_line = dict(reversed(invisible))
        raise YamlError([Problem(display_name, line, "", f"invisible character U+{ord(character):04X} "
                                 "(a control or text-direction character); delete it")
                         for line, character in sorted(first_per_line.items())])
    return text


def check_events(text: str, display_name: str, max_depth: int) -> None:
    """Refuse anchors and aliases (a few lines of them can expand to gigabytes, and no data file
    needs them) and nesting deeper than the schema allows, before anything is built from them."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlError([Problem(display_name, line, "", "anchors and aliases (&name, *name) are not "
                                         "allowed in data files; write the value out in full")])
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    raise YamlError([Problem(display_name, line, "", f"nested deeper than {max_depth} levels, "
                                             "more than this file's schema has; check the indentation")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        raise YamlError([syntax_problem(display_name, error, text)]) from None


_OPENERS = {"while scanning a quoted scalar": "a quoted text", "while parsing a flow sequence": "a '['",
            "while parsing a flow mapping": "a '{'"}


def syntax_problem(display_name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML syntax error on the line a maintainer must fix: where an unclosed quote or bracket
    opens (YAML notices it only where the file or the next item ends, or where the quote the
    text runs into closes), else where YAML stopped."""
    opener = _OPENERS.get(error.context or "")
    ends = error.problem_mark.line + 1 if error.problem_mark else "the end"
    if opener and error.context_mark is not None:
        return Problem(display_name, error.context_mark.line + 1, "",
                       f"YAML syntax error: {opener} opened on this line is not closed (YAML reached line {ends} "
                       "without finding the end); close it, or write the text without quotes")
    runaway = runaway_quote(text)
    if runaway is not None:
        return Problem(display_name, runaway, "",
                       f"YAML syntax error: a quoted text opened on this line is not closed: it runs on to line "
                       f"{ends}, where YAML stopped; close it, or write the text without quotes")
    mark = error.problem_mark or error.context_mark
    return Problem(display_name, mark.line + 1 if mark else 1, "",
                   f"YAML syntax error: {error.problem or error.context} (check indentation, and quote text that "
                   "contains ': ' or starts with a symbol)")


def runaway_quote(text: str) -> int | None:
    """The line of the last quoted text before a syntax error that runs over several lines: no
    data file writes quoted text over more than one line, so that is a closing quote missing."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            if isinstance(token, yaml.ScalarToken) and token.style in {'"', "'"} \
                    and token.end_mark.line > token.start_mark.line:
                last = token.start_mark.line + 1
    except yaml.YAMLError:
        return last
    return None


_SCALARS = yaml.SafeLoader("")


def _to_python(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int],
               problems: list[Problem], display_name: str) -> Any:
    """Build plain values from the YAML node tree, recording lines; collect duplicate keys and
    values YAML cannot read (such as the date 2024-13-01) in `problems`."""
    if path == () and isinstance(node, yaml.SequenceNode) and node.value:
        lines[path] = node.value[0].start_mark.line + 1  # a problem of the whole list: at its first record
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
    value = _scalar(node, path, problems, display_name)
    if isinstance(value, str):
        problems.extend(Problem(display_name, node.start_mark.line + 1, dotted(path), message, path)
                        for message in text_problems(value))
    return value


def text_problems(text: str) -> list[str]:
    """What no page can show in a text, after YAML has read it (its escapes, "\\u202e", decoded):
    an invisible character, more characters than any page holds, a word longer than a line."""
    found = []
    invisible = _INVISIBLE.search(text)
    if invisible:
        found.append(f"invisible character U+{ord(invisible.group()):04X} (a control or text-direction character, "
                     "written as an escape); delete it")
    if len(text) > MAX_TEXT:
        found.append(f"{len(text):,} characters, more than any page shows (at most {MAX_TEXT:,}); check that this "
                     "is the right text")
    else:
        word = max(_WORD.findall(text), key=len, default="")
        if len(word) > MAX_WORD:
            found.append(f"a word of {len(word):,} characters ({word[:20]}…), longer than a line of any page or "
                         f"card (at most {MAX_WORD}); break it with spaces")
    return found


def _scalar(node: yaml.Node, path: FieldPath, problems: list[Problem], display_name: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        problems.append(Problem(display_name, node.start_mark.line + 1, dotted(path),
                                "a key must be plain text, not a list or group", path))
        return f"<line {node.start_mark.line + 1}>"
    try:
        return _SCALARS.construct_object(node)
    except (ValueError, OverflowError, yaml.YAMLError) as error:
        problems.append(Problem(display_name, node.start_mark.line + 1, dotted(path),
                                f"{node.value!r} cannot be read ({error}); correct the value", path))
        return None
