"""Check data/ against its schema and against the speech, collecting every problem at once.

Each check yields `Problem`s naming file, line and field, so a maintainer fixes all mistakes in
one pass. Nothing here writes files or prints.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from scripts.model import (ChallengeGroup, ChartSpec, Document, Exclusion, Figure, GlossaryEntry, SentenceId, SpeechSentence, Topic,
                           Verbatim)
from scripts.figures import CHINESE_QUALIFIERS, chinese_wording, value_text
from scripts.numbers import mentions, missing_numbers
from scripts.quantity import UNITS, QuantityError, expand_placeholders
from scripts.speech import Paragraph
from scripts.terms import find_terms, term_forms
from scripts.yamlfile import FieldPath, Problem, YamlDocument, dotted

# What a maintainer should read instead of pydantic's terse error types.
_EXPECTED = {
    "missing": "missing (add this field)",
    "extra_forbidden": "unknown field (remove it, or check its spelling against the schema)",
    "string_type": "expected text",
    "number_type": "expected a number, as the speech writes it",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "string_too_short": "empty (write the text)",
    "string_pattern_mismatch": "wrong format",
    "date_type": "expected a date written YYYY-MM-DD, without quotes",
    "list_type": "expected a list (items starting with '- ')",
    "model_type": "expected a group of fields (indented 'name: value' lines)",
    "too_short": "too few items",
    "too_long": "too many items",
}


_UNION_BRANCHES = {"int", "float"}


def schema_problems(document: YamlDocument, error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems."""
    problems, seen = [], set()
    for item in error.errors(include_url=False):
        path: FieldPath = tuple(item["loc"])
        if path and path[-1] in _UNION_BRANCHES:  # one error per field, not one per type of a union
            path, item = path[:-1], {**item, "type": "number_type"}
            if path in seen:
                continue
            seen.add(path)
        message = _EXPECTED.get(item["type"], item["msg"])
        if item["type"] in {"string_type", "date_type", "list_type", "model_type", "number_type", "int_type", "float_type", "bool_type"}:
            message += f", found {_describe(item['input'])}"
        elif item["type"] == "string_pattern_mismatch":
            message += f" (expected {item['ctx']['pattern']})"
        elif item["type"] in {"too_short", "too_long"}:
            message += f" (expected {_count_expectation(item['ctx'])})"
        problems.append(Problem(document.path, document.line_of(path), dotted(path), message, path))
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


def check_quotes(document: YamlDocument, record: BaseModel, speech: str, path: FieldPath = ()) -> Iterator[Problem]:
    """Each verbatim field must occur in the speech exactly as written."""
    for path, text in verbatim_fields(record, path):
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
    """Parse and check the document; return it, the speech text (whenever the seed can be read,
    so that the other files can be checked against it too) and every problem found."""
    record, problems = parse_document(document)
    if record is None or document.problems:
        return None, "", without_repeats(document.problems, problems)
    seed_bytes, problems = read_seed(document, record, root)
    if seed_bytes is None:
        return None, "", problems
    speech = seed_bytes.decode("utf-8")
    problems = [*check_seed(document, record, seed_bytes), *check_date(document, record),
                *check_quotes(document, record, speech)]
    return record, speech, problems


HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def parse_records(document: YamlDocument, adapter: TypeAdapter) -> tuple[Any, list[Problem]]:
    """Parse a whole file with a pydantic TypeAdapter, or report why it cannot be."""
    try:
        return adapter.validate_python(document.data), []
    except ValidationError as error:
        return None, without_repeats(document.problems, schema_problems(document, error))


SPEECH_ADAPTER = TypeAdapter(dict[SentenceId, SpeechSentence])
GLOSSARY_ADAPTER = TypeAdapter(list[GlossaryEntry])


def check_translation_covers_speech(document: YamlDocument, translation: dict[str, SpeechSentence],
                                    paragraphs: tuple[Paragraph, ...]) -> Iterator[Problem]:
    """Every sentence of the seed is translated, none is stale, none is left over."""
    sentences = {sentence.id: sentence.text for paragraph in paragraphs for sentence in paragraph.sentences}
    end = max(document.lines.values(), default=1)
    for sentence_id, text in sentences.items():
        if sentence_id not in translation:
            yield Problem(document.path, end, sentence_id,
                          f"missing: the speech has this sentence, add it with its English (zh: {text!r})")
        elif translation[sentence_id].zh != text:
            yield Problem(document.path, document.line_of((sentence_id, "zh")), f"{sentence_id}.zh",
                          f"stale: the speech now reads {text!r}; update zh and check the English against it")
    for sentence_id in translation:
        if sentence_id not in sentences:
            yield Problem(document.path, document.line_of((sentence_id,)), sentence_id,
                          "unknown sentence id: the speech has no such sentence (remove it)")


def check_english(document: YamlDocument, translation: dict[str, SpeechSentence]) -> Iterator[Problem]:
    """Each English sentence: no Chinese left in it, valid placeholders, every number given."""
    for sentence_id, sentence in translation.items():
        line, field = document.line_of((sentence_id, "en")), f"{sentence_id}.en"
        try:
            english = expand_placeholders(sentence.en)
        except QuantityError as error:
            yield Problem(document.path, line, field, f"bad placeholder: {error}")
            continue
        if HAN.search(english):
            leftover = "".join(HAN.findall(english))
            yield Problem(document.path, line, field, f"Chinese left in the English ({leftover!r}); translate it")
            continue
        for mention in missing_numbers(sentence.zh, english):
            yield Problem(document.path, line, field,
                          f"the number {mention.chinese!r} is not in the English "
                          f"(expected {' or '.join(repr(form) for form in mention.forms)})")


def check_glossary_entries(document: YamlDocument, glossary: list[GlossaryEntry]) -> Iterator[Problem]:
    seen_ids: dict[str, int] = {}
    seen_zh: dict[str, int] = {}
    for index, entry in enumerate(glossary):
        for value, seen, field in ((entry.id, seen_ids, "id"), (entry.zh, seen_zh, "zh")):
            if value in seen:
                yield Problem(document.path, document.line_of((index, field)), f"[{index}].{field}",
                              f"{value!r} is already entry [{seen[value]}]; merge the two entries")
            seen[value] = index
        for field, value in (("en", entry.en), *((f"variants[{n}]", v) for n, v in enumerate(entry.variants))):
            if HAN.search(value):
                yield Problem(document.path, document.line_of((index,)), f"[{index}].{field}",
                              "Chinese in the English name; write pinyin or English")


def check_terms_translated(speech_file: YamlDocument, translation: dict[str, SpeechSentence],
                           glossary: list[GlossaryEntry]) -> Iterator[Problem]:
    """Where a glossary term's Chinese occurs in a sentence (and is not part of a longer term,
    as 双减 is of 双控双减), its English or a variant is in the translation: names and slogans
    are rendered the same way everywhere."""
    forms = term_forms(glossary, "zh")
    entries = {entry.id: entry for entry in glossary}
    for sentence_id, sentence in translation.items():
        english = expand_placeholders(sentence.en).casefold()
        for entry_id in sorted({entry_id for _, _, entry_id in find_terms(sentence.zh, forms)}):
            entry = entries[entry_id]
            if not any(form.casefold() in english for form in (entry.en, *entry.variants)):
                yield Problem(speech_file.path, speech_file.line_of((sentence_id, "en")), f"{sentence_id}.en",
                              f"glossary term {entry.zh} is not rendered as {entry.en!r}; use it, or add the "
                              f"English used here to its variants in data/glossary.yaml")


def validate_translation(speech_file: YamlDocument, paragraphs: tuple[Paragraph, ...]
                         ) -> tuple[dict[str, SpeechSentence] | None, list[Problem]]:
    translation, problems = parse_records(speech_file, SPEECH_ADAPTER)
    if translation is None:
        return None, problems
    return translation, [*check_translation_covers_speech(speech_file, translation, paragraphs),
                         *check_english(speech_file, translation)]


def validate_glossary(glossary_file: YamlDocument, speech: str) -> tuple[list[GlossaryEntry] | None, list[Problem]]:
    glossary, problems = parse_records(glossary_file, GLOSSARY_ADAPTER)
    if glossary is None:
        return None, problems
    quotes = (problem for index, entry in enumerate(glossary)
              for problem in check_quotes(glossary_file, entry, speech, (index,)))
    return glossary, [*check_glossary_entries(glossary_file, glossary), *quotes]


def check_parts(document_file: YamlDocument, document: Document, paragraphs: tuple[Paragraph, ...]) -> Iterator[Problem]:
    """One summary for each numbered part (一、二、三、) the speech has."""
    parts = sum(paragraph.kind == "part" for paragraph in paragraphs)
    if len(document.parts) != parts:
        yield Problem(document_file.path, document_file.line_of(("parts",)), "parts",
                      f"{len(document.parts)} summaries for the speech's {parts} parts; give one per part, in order")


TOPICS_ADAPTER = TypeAdapter(list[Topic])
FIGURES_ADAPTER = TypeAdapter(list[Figure])
EXCLUSIONS_ADAPTER = TypeAdapter(list[Exclusion])
NUMBER_TEXT = re.compile(r"\d+(?:\.\d+)?")


def record_problem(document: YamlDocument, path: FieldPath, message: str) -> Problem:
    """A problem in a list of records, named `ID: field` when the record has an id."""
    field = dotted(path)
    if path and isinstance(path[0], int) and isinstance(document.data, list) and path[0] < len(document.data):
        record = document.data[path[0]]
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            field = f"{record['id']}: {dotted(path[1:])}" if path[1:] else record["id"]
    return Problem(document.path, document.line_of(path), field, message)


def parse_list(document: YamlDocument, adapter: TypeAdapter) -> tuple[list | None, list[Problem]]:
    """Parse a list of records; name each problem by the record's id."""
    records, problems = parse_records(document, adapter)
    return records, [record_problem(document, problem.path, problem.message)
                     if problem.path and isinstance(problem.path[0], int) else problem for problem in problems]


def check_figures(document: YamlDocument, figures: list[Figure], topics: list[Topic],
                  translation: dict[str, SpeechSentence]) -> Iterator[Problem]:
    """Ids unique, topics known, and every figure quoted verbatim from the sentence it names,
    with its value and unit as the speech writes them."""
    topic_ids = {topic.id for topic in topics}
    seen: dict[str, int] = {}
    ids = {figure.id for figure in figures}
    for index, figure in enumerate(figures):
        def problem(field: str, message: str) -> Problem:
            return record_problem(document, (index, *field.split(".")), message)

        if figure.id in seen:
            yield problem("id", f"duplicate id (also entry {seen[figure.id] + 1}); give each figure its own id")
        seen[figure.id] = index
        if figure.topic not in topic_ids:
            yield problem("topic", f"unknown topic {figure.topic!r} (expected one of: {', '.join(sorted(topic_ids))})")
        if figure.related and figure.related.figure not in ids - {figure.id}:
            yield problem("related.figure", f"unknown figure {figure.related.figure!r} (expected the id of another figure)")
        sentence = translation.get(figure.source.sentence)
        if sentence is None:
            yield problem("source.sentence", f"unknown sentence {figure.source.sentence!r} (expected an id from data/speech.yaml)")
            continue
        if figure.source.quote not in sentence.zh:
            yield problem("source.quote", f"{figure.source.quote!r} is not in sentence {figure.source.sentence} "
                                          f"(expected words copied exactly from: {sentence.zh!r})")
            continue
        written = value_text(figure.value)
        if written not in NUMBER_TEXT.findall(figure.source.quote):
            yield problem("value", f"{written} is not in the quote {figure.source.quote!r} "
                                   "(expected the number exactly as the speech writes it)")
            continue
        yield from (problem(field, message) for field, message in wording_problems(figure))


def wording_problems(figure: Figure) -> Iterator[tuple[str, str]]:
    """(field, message) where the figure's unit or qualifier disagrees with how its quote words it:
    the unit must follow the number (3520余万元, 61件次), the qualifier match 余, 以上 or 突破."""
    wording, written = chinese_wording(figure), value_text(figure.value)
    if wording is None:
        forms = UNITS[figure.unit][0]
        yield "unit", (f"{figure.unit!r} is written {' or '.join(forms)}, which does not follow {written} in the quote "
                       f"{figure.source.quote!r} (expected the unit of the words right after the number, 余 allowed "
                       "between them: see UNITS in scripts/quantity.py, e.g. 5.13万亩 is '10,000 mu')")
    elif figure.qualifier not in (wording.qualifiers or {None}):
        words = {qualifier: word for word, qualifier in CHINESE_QUALIFIERS.items()}
        stated = f"{figure.qualifier!r} ({words[figure.qualifier]})" if figure.qualifier else "missing"
        expected = (" or ".join(f"qualifier: {qualifier}" for qualifier in sorted(wording.qualifiers))
                    if wording.qualifiers else "no qualifier: remove this field")
        yield "qualifier", (f"{stated}, but the quote writes {wording.text!r} (expected {expected}, "
                            "as the speech words it: 余 is more-than, 以上 at-least, 突破 exceeds)")


def check_exclusions(document: YamlDocument, exclusions: list[Exclusion],
                     translation: dict[str, SpeechSentence]) -> Iterator[Problem]:
    for index, exclusion in enumerate(exclusions):
        sentence = translation.get(exclusion.sentence)
        if sentence is None:
            yield Problem(document.path, document.line_of((index, "sentence")), f"[{index}].sentence",
                          f"unknown sentence {exclusion.sentence!r}")
        elif exclusion.text not in [mention.chinese for mention in mentions(sentence.zh)]:
            yield Problem(document.path, document.line_of((index, "text")), f"[{index}].text",
                          f"{exclusion.text!r} is not a number of sentence {exclusion.sentence} (expected one of: "
                          f"{', '.join(mention.chinese for mention in mentions(sentence.zh))})")


def check_coverage(figures_file: YamlDocument, figures: list[Figure], exclusions: list[Exclusion],
                   translation: dict[str, SpeechSentence]) -> Iterator[Problem]:
    """Every number of the speech is a figure or an excluded number: nothing is left out."""
    excluded = {(exclusion.sentence, exclusion.text) for exclusion in exclusions}
    end = max(figures_file.lines.values(), default=1)
    for sentence_id, sentence in translation.items():
        available = [value_text(figure.value) for figure in figures if figure.source.sentence == sentence_id]
        for mention in mentions(sentence.zh):
            if (sentence_id, mention.chinese) in excluded:
                continue
            numbers = NUMBER_TEXT.findall(mention.chinese)
            if all(number in available for number in numbers):
                for number in numbers:
                    available.remove(number)
                continue
            yield Problem(figures_file.path, end, sentence_id,
                          f"the number {mention.chinese!r} of this sentence is neither a figure nor excluded "
                          f"(add it to {figures_file.path}, or to data/figures-excluded.yaml with a reason)")


CHALLENGES_ADAPTER = TypeAdapter(list[ChallengeGroup])


def check_challenges(document: YamlDocument, groups: list[ChallengeGroup],
                     translation: dict[str, SpeechSentence]) -> Iterator[Problem]:
    """Every sentence a challenge names exists in the speech."""
    for index, group in enumerate(groups):
        named = [(("intro",), group.intro)]
        for item_index, item in enumerate(group.items):
            named.append((("items", item_index, "heading"), item.heading))
            named += [(("items", item_index, "detail", n), sentence) for n, sentence in enumerate(item.detail)]
        named += [(("outro", n), sentence) for n, sentence in enumerate(group.outro)]
        for path, sentence_id in named:
            if sentence_id not in translation:
                yield record_problem(document, (index, *path),
                                     f"unknown sentence {sentence_id!r} (expected an id from data/speech.yaml)")


def check_glossary_figures(document: YamlDocument, glossary: list[GlossaryEntry], figures: list[Figure]) -> Iterator[Problem]:
    ids = {figure.id for figure in figures}
    for index, entry in enumerate(glossary):
        for number, figure_id in enumerate(entry.figures):
            if figure_id not in ids:
                yield record_problem(document, (index, "figures", number),
                                     f"unknown figure {figure_id!r} (expected an id from data/figures.yaml)")


CHARTS_ADAPTER = TypeAdapter(list[ChartSpec])


def check_charts(document: YamlDocument, charts: list[ChartSpec], figures: list[Figure]) -> Iterator[Problem]:
    """Every figure of a chart exists, and all of one chart's figures share unit, period and basis:
    a chart compares like with like, never a first-half count with a differently measured target."""
    by_id = {figure.id: figure for figure in figures}
    for index, chart in enumerate(charts):
        drawn = []
        for position, figure_id in enumerate(chart.figures):
            if figure_id not in by_id:
                yield record_problem(document, (index, "figures", position),
                                     f"unknown figure {figure_id!r} (expected an id from data/figures.yaml)")
            else:
                drawn.append(by_id[figure_id])
        for position, figure in enumerate(drawn[1:], 1):
            first = drawn[0]
            differences = [name for name in ("unit", "period", "basis") if getattr(figure, name) != getattr(first, name)]
            if differences:
                name = differences[0]
                yield record_problem(document, (index, "figures", chart.figures.index(figure.id)),
                                     f"{figure.id!r} has {name} {getattr(figure, name)!r}, but {first.id!r} has "
                                     f"{getattr(first, name)!r} (a chart's figures must share unit, period and basis; "
                                     "draw the others in a chart of their own)")
