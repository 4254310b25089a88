"""Check data/ against its schema and against the speech, collecting every problem at once.

Each check yields `Problem`s naming file, line and field, so a maintainer fixes all mistakes in
one pass. Nothing here writes files or prints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from scripts.model import Document, Verbatim
from scripts.yamlfile import FieldPath, Problem, YamlDocument, dotted

# What a maintainer should read instead of pydantic's terse error types.
_EXPECTED = {
    "missing": "missing (add this field)",
    "extra_forbidden": "unknown field (remove it, or check its spelling against the schema)",
    "string_type": "expected text",
    "string_too_short": "empty (write the text)",
    "string_pattern_mismatch": "wrong format",
    "date_type": "expected a date written YYYY-MM-DD, without quotes",
    "list_type": "expected a list (items starting with '- ')",
    "model_type": "expected a group of fields (indented 'name: value' lines)",
    "too_short": "too few items",
    "too_long": "too many items",
}


def schema_problems(document: YamlDocument, error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems."""
    problems = []
    for item in error.errors(include_url=False):
        path: FieldPath = tuple(item["loc"])
        message = _EXPECTED.get(item["type"], item["msg"])
        if item["type"] in {"string_type", "date_type", "list_type", "model_type"}:
            message += f", found {_describe(item['input'])}"
        elif item["type"] == "string_pattern_mismatch":
            message += f" (expected {item['ctx']['pattern']})"
        elif item["type"] in {"too_short", "too_long"}:
            message += f" (expected {_count_expectation(item['ctx'])})"
        problems.append(Problem(document.path, document.line_of(path), dotted(path), message))
    return problems


def _describe(value: Any) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
             dict: "a group of fields", type(None): "nothing"}
    kind = kinds.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, (int, float, str)) else kind


def _count_expectation(ctx: dict[str, Any]) -> str:
    low, high = ctx.get("min_length"), ctx.get("max_length")
    if low is not None and high is not None and low == high:
        return f"exactly {low}"
    return f"at least {low}" if low is not None else f"at most {high}"


def parse_document(document: YamlDocument) -> tuple[Document | None, list[Problem]]:
    """Parse data/document.yaml into a Document, or report why it cannot be."""
    if not isinstance(document.data, dict):
        return None, [Problem(document.path, 1, "", "expected a group of fields at the top level")]
    try:
        return Document.model_validate(document.data), []
    except ValidationError as error:
        return None, schema_problems(document, error)


def verbatim_fields(record: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every (path, text) of a field marked Verbatim, anywhere inside `record`."""
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if any(isinstance(meta, Verbatim) for meta in info.metadata):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from verbatim_fields(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from verbatim_fields(item, (*path, name, index))


def check_quotes(document: YamlDocument, record: BaseModel, speech: str) -> Iterator[Problem]:
    """Each verbatim field must occur in the speech exactly as written."""
    for path, text in verbatim_fields(record):
        if text not in speech:
            yield Problem(document.path, document.line_of(path), dotted(path),
                          f"{text!r} is not in the speech (copy it exactly from the seed, "
                          "including half-width punctuation)")


def check_seed(document: YamlDocument, record: Document, seed_bytes: bytes) -> Iterator[Problem]:
    """The speech in seeds/ must be the one the data was checked against."""
    actual = hashlib.sha256(seed_bytes).hexdigest()
    if actual != record.source.sha256:
        yield Problem(document.path, document.line_of(("source", "sha256")), "source.sha256",
                      f"{record.source.file} has changed (SHA-256 {actual}, expected "
                      f"{record.source.sha256}); restore it with 'git checkout -- {record.source.file}'")


def check_date(document: YamlDocument, record: Document) -> Iterator[Problem]:
    written = f"{record.date.year}年{record.date.month}月{record.date.day}日"
    if record.date_as_written != written:
        yield Problem(document.path, document.line_of(("date_as_written",)), "date_as_written",
                      f"{record.date_as_written!r} does not match date {record.date} "
                      f"(expected {written!r})")


def read_seed(document: YamlDocument, record: Document, root: Path) -> tuple[bytes | None, list[Problem]]:
    seed = root / record.source.file
    try:
        return seed.read_bytes(), []
    except OSError:
        return None, [Problem(document.path, document.line_of(("source", "file")), "source.file",
                              f"{record.source.file} not found (restore it with git)")]


def without_repeats(yaml_problems: tuple[Problem, ...], schema: list[Problem]) -> list[Problem]:
    """YAML's own problems, then the schema's about other fields (not the same mistake twice)."""
    fields = {problem.field for problem in yaml_problems}
    return [*yaml_problems, *(problem for problem in schema if problem.field not in fields)]


def validate_document(document: YamlDocument, root: Path) -> tuple[Document | None, str, list[Problem]]:
    """Parse and check the document; return it with the speech text, or every problem found."""
    record, problems = parse_document(document)
    if record is None or document.problems:
        return None, "", without_repeats(document.problems, problems)
    seed_bytes, problems = read_seed(document, record, root)
    if seed_bytes is None:
        return None, "", problems
    speech = seed_bytes.decode("utf-8")
    problems = [*check_seed(document, record, seed_bytes), *check_date(document, record),
                *check_quotes(document, record, speech)]
    return (None if problems else record), speech, problems
