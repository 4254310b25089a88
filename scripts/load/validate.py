"""Validate data/, as one declarative list: each data file, its parser, and each check with the
file its problems are about and the values it reads.

    files = load_data(root)          # every data file read safely (scripts/load/yamlfile.py)
    site = validate(files, root)     # SiteData, or DataError listing every problem at once

A check runs once every value it reads is available, so one broken file does not hide the
problems of the others. Every problem is named one way: `FILE:LINE: RECORD: field: message`,
where RECORD is a record's id (or [index] if it has none) in files that list records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from scripts.load import checks
from scripts.load.yamlfile import Problem, YamlDocument, YamlError, dotted, load_yaml
from scripts.model.records import (
    ChallengeGroup,
    ChartSpec,
    Document,
    Exclusion,
    Figure,
    GlossaryEntry,
    MainPoint,
    Outcome,
    OutcomeSource,
    Period,
    Relation,
    SentenceId,
    SiteData,
    SpeechSentence,
    Topic,
    Version,
)
from scripts.model.speech import split_speech


@dataclass(frozen=True)
class DataFile:
    """A file of data/: where it is, the name its parsed value goes by, and its schema."""

    name: str
    path: str
    adapter: TypeAdapter
    records: bool = True  # a list of records, or a mapping of records by id; else one record

    def schema_depth(self) -> int:
        """How many levels of lists and groups the schema allows: deeper nesting is refused
        before parsing."""
        schema = self.adapter.json_schema()
        definitions = schema.get("$defs", {})

        def depth(node: dict) -> int:
            if "$ref" in node:
                return depth(definitions[node["$ref"].rsplit("/", 1)[-1]])
            branches = [depth(branch) for key in ("anyOf", "oneOf", "allOf") for branch in node.get(key, [])]
            if node.get("type") == "array":
                return 1 + depth(node.get("items", {}))
            if node.get("type") == "object":
                children = [*node.get("properties", {}).values(), *node.get("patternProperties", {}).values()]
                if isinstance(node.get("additionalProperties"), dict):
                    children.append(node["additionalProperties"])
                return 1 + max(map(depth, children), default=0)
            return max(branches, default=0)

        return depth(schema)


DATA_FILES = (
    DataFile("document", "data/document.yaml", TypeAdapter(Document), records=False),
    DataFile("translation", "data/speech.yaml", TypeAdapter(dict[SentenceId, SpeechSentence])),
    DataFile("glossary", "data/glossary.yaml", TypeAdapter(list[GlossaryEntry])),
    DataFile("topics", "data/topics.yaml", TypeAdapter(list[Topic])),
    DataFile("periods", "data/periods.yaml", TypeAdapter(list[Period])),
    DataFile("figures", "data/figures.yaml", TypeAdapter(list[Figure])),
    DataFile("exclusions", "data/figures-excluded.yaml", TypeAdapter(list[Exclusion])),
    DataFile("challenges", "data/challenges.yaml", TypeAdapter(list[ChallengeGroup])),
    DataFile("charts", "data/charts.yaml", TypeAdapter(list[ChartSpec])),
    DataFile("relations", "data/relations.yaml", TypeAdapter(list[Relation])),
    DataFile("versions", "data/versions.yaml", TypeAdapter(Annotated[list[Version], Field(min_length=1)])),
    DataFile("points", "data/points.yaml", TypeAdapter(Annotated[list[MainPoint], Field(min_length=5, max_length=8)])),
    DataFile("sources", "data/sources.yaml", TypeAdapter(list[OutcomeSource])),
    DataFile("outcomes", "data/outcomes.yaml", TypeAdapter(list[Outcome])),
)


@dataclass(frozen=True)
class Check:
    """`run(file, *inputs)` yields the problems of data file `file` (a DataFile name); `inputs`
    names parsed files, derived values or "root". A check that produces a value returns
    (value, problems) and names it in `produces`. With `after_clean`, it runs only when nothing
    before it found a problem (its messages would only repeat theirs); with `clean`, only when
    the data files named there have none (a point that cites a figure with a wrong period would
    only repeat the figure's problem)."""

    run: Callable[..., Any]
    file: str
    inputs: tuple[str, ...]
    produces: str | None = None
    after_clean: bool = False
    clean: tuple[str, ...] = ()


CHECKS = (
    Check(checks.read_speech, "document", ("document", "root"), produces="speech"),
    Check(lambda file, speech: (split_speech(speech), []), "document", ("speech",), produces="paragraphs"),  # pure
    Check(checks.check_date, "document", ("document",)),
    Check(checks.check_publication, "document", ("document",)),
    Check(checks.check_quotes, "document", ("document", "speech")),
    Check(checks.check_parts, "document", ("document", "paragraphs")),
    Check(checks.check_translation_covers_speech, "translation", ("translation", "paragraphs")),
    Check(checks.check_english, "translation", ("translation",)),
    Check(checks.check_unique_ids, "glossary", ("glossary",)),
    Check(checks.check_glossary_entries, "glossary", ("glossary",)),
    Check(checks.check_entities, "glossary", ("glossary",)),
    Check(checks.check_quotes, "glossary", ("glossary", "speech")),
    Check(checks.check_terms_translated, "translation", ("translation", "glossary"), after_clean=True),
    Check(checks.check_headwords_used, "glossary", ("glossary", "translation"), after_clean=True),
    Check(checks.check_unique_ids, "topics", ("topics",)),
    Check(checks.check_unique_ids, "figures", ("figures",)),
    Check(checks.check_figures, "figures", ("figures", "topics", "translation")),
    Check(checks.check_unique_ids, "periods", ("periods",)),
    Check(checks.check_quotes, "periods", ("periods", "speech")),
    Check(checks.check_period_parts, "periods", ("periods",)),
    Check(checks.check_periods, "figures", ("figures", "periods", "translation"), clean=("periods",)),
    Check(checks.check_glossary_figures, "glossary", ("glossary", "figures")),
    Check(checks.check_exclusions, "exclusions", ("exclusions", "translation")),
    Check(checks.check_coverage, "figures", ("figures", "exclusions", "translation"), after_clean=True),
    Check(checks.check_unique_ids, "challenges", ("challenges",)),
    Check(checks.check_challenges, "challenges", ("challenges", "translation")),
    Check(checks.check_unique_ids, "charts", ("charts",)),
    Check(checks.check_charts, "charts", ("charts", "figures")),
    Check(checks.check_unique_ids, "relations", ("relations",)),
    Check(checks.check_relations, "relations", ("relations", "figures"), after_clean=True),
    Check(checks.check_versions, "versions", ("versions", "document")),
    Check(checks.check_card_labels, "figures", ("figures",)),
    Check(checks.check_points, "points", ("points", "figures", "periods"), clean=("figures", "periods")),
    Check(checks.check_unique_ids, "sources", ("sources",)),
    Check(checks.check_sources, "sources", ("sources", "document")),
    Check(checks.check_unique_ids, "outcomes", ("outcomes",)),
    Check(checks.check_outcomes, "outcomes", ("outcomes", "figures", "topics", "periods", "sources", "translation"),
          clean=("figures", "topics", "periods", "sources")),
)


class DataError(Exception):
    """data/ has problems; `problems` lists every one, cause first: file by file in the order of
    DATA_FILES (a file after the files it refers to, so a wrong figure comes before the charts
    that draw it), then line by line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=cause_first)
        super().__init__(format_problems(self.problems))


def cause_first(problem: Problem) -> tuple[int, str, int]:
    """Sort key: the file's place in DATA_FILES (files outside it, like the seed, first), then line."""
    order = [data_file.path for data_file in DATA_FILES]
    place = order.index(problem.file) + 1 if problem.file in order else 0
    return place, problem.file, problem.line


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    return "\n".join([*map(str, problems), f"{count} problem{'s' if count != 1 else ''} in data/."])


def load_data(root: Path) -> dict[str, YamlDocument | YamlError]:
    """Every data file, read and parsed as YAML, or the error that made it unreadable."""
    loaded: dict[str, YamlDocument | YamlError] = {}
    for data_file in DATA_FILES:
        try:
            loaded[data_file.name] = load_yaml(root / data_file.path, data_file.path, data_file.schema_depth())
        except YamlError as error:
            loaded[data_file.name] = error
    return loaded


def validate(loaded: dict[str, YamlDocument | YamlError], root: Path) -> SiteData:
    """Parse each file with its schema and run every check; return the site's data or raise
    DataError with every problem of every file."""
    values: dict[str, Any] = {"root": root}
    documents = {name: document for name, document in loaded.items() if isinstance(document, YamlDocument)}
    problems = [problem for error in loaded.values() if isinstance(error, YamlError) for problem in error.problems]
    for data_file in DATA_FILES:
        if data_file.name in documents:
            value, found = parse(documents[data_file.name], data_file.adapter)
            problems += found
            if value is not None:
                values[data_file.name] = value
    paths = {data_file.name: data_file.path for data_file in DATA_FILES}
    for check in CHECKS:
        unclean = {paths[name] for name in check.clean} & {problem.file for problem in problems}
        if not all(name in values for name in check.inputs) or (check.after_clean and problems) or unclean:
            continue
        result = check.run(documents[check.file], *(values[name] for name in check.inputs))
        if check.produces:
            value, result = result
            if value is not None:
                values[check.produces] = value
        problems += result
    if problems:
        raise DataError([named(problem, documents) for problem in problems])
    return SiteData(values["document"], values["speech"], values["paragraphs"], values["translation"],
                    tuple(values["glossary"]), tuple(values["topics"]), tuple(values["figures"]),
                    tuple(values["challenges"]), tuple(values["charts"]), tuple(values["periods"]),
                    tuple(values["relations"]), tuple(values["versions"]), tuple(values["points"]),
                    tuple(values["sources"]), tuple(values["outcomes"]))


def parse(document: YamlDocument, adapter: TypeAdapter) -> tuple[Any, list[Problem]]:
    """The file's records, typed by its schema. The YAML's own problems (keys written twice,
    unreadable values) are always reported, the schema's only for fields YAML did not already
    name; a file with either kind gives no records (checks against it would only repeat them).
    A file with records still marked as `make draft` proposals gives none either."""
    if marks := list(checks.draft_marks(document)):  # an unreviewed draft: nothing of it is published
        return None, [*document.problems, *marks]
    try:
        records = adapter.validate_python(document.data)
    except ValidationError as error:
        named_by_yaml = {problem.field for problem in document.problems}
        return None, [*document.problems, *(problem for problem in checks.schema_problems(document, error)
                                            if problem.field not in named_by_yaml)]
    return (None if document.problems else records), list(document.problems)


def named(problem: Problem, documents: dict[str, YamlDocument]) -> Problem:
    """Name the field of a problem one way: `RECORD: field` in files of records, where RECORD is
    the record's id (or [index]), and the dotted field path in a file that is one record."""
    data_file = next((data_file for data_file in DATA_FILES if data_file.path == problem.file), None)
    if not problem.path or data_file is None or not data_file.records or data_file.name not in documents:
        return problem
    data, head, rest = documents[data_file.name].data, problem.path[0], problem.path[1:]
    record = head
    if isinstance(head, int):
        item = data[head] if isinstance(data, list) and head < len(data) else None
        record = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else f"[{head}]"
    return replace(problem, field=f"{record}: {dotted(rest)}" if rest else str(record))
