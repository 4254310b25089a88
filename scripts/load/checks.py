"""The checks of data/: each takes a parsed data file (for its lines) and the values it reads,
and yields every `Problem` it finds. Nothing here reads files, writes or prints; which check
runs on which file, with which inputs, is listed in scripts/load/validate.py.
"""

from __future__ import annotations

import hashlib
import re
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from scripts.load.yamlfile import FieldPath, Problem, YamlDocument, dotted
from scripts.model.figures import (
    CARD_LABEL_LIMITS,
    CHINESE_QUALIFIERS,
    chinese_wording,
    value_text,
)
from scripts.model.languages import LANGUAGES
from scripts.model.numbers import mentions, missing_numbers, numeral_value
from scripts.model.outcomes import NO_OUTCOME, assess, comparable_units, is_target
from scripts.model.points import period_mentions, plain_runs, references
from scripts.model.quantity import (
    UNITS,
    QuantityError,
    counts_things,
    expand_placeholders,
)
from scripts.model.records import (
    ChallengeGroup,
    ChartSpec,
    Document,
    Exclusion,
    Figure,
    FigureSource,
    GlossaryEntry,
    MainPoint,
    Outcome,
    OutcomeSource,
    Period,
    Relation,
    SpeechSentence,
    Topic,
    Verbatim,
    Version,
)
from scripts.model.relations import DAY_KINDS, KINDS, compute, divisor
from scripts.model.speech import Paragraph
from scripts.model.terms import find_terms, form_pattern, term_forms

Translation = dict[str, SpeechSentence]
HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
NUMBER_TEXT = re.compile(r"\d+(?:\.\d+)?")
NUMBER_WRITTEN = re.compile(r"\d(?:[\d.,]*\d)?")  # a number typed into a main point: 7.1, 1,200


def at(file: YamlDocument, path: FieldPath, message: str) -> Problem:
    """A problem with the field at `path` of `file`, on the line where that field is written."""
    return Problem(file.path, file.line_of(path), dotted(path), message, path)


# The fields `make draft` (scripts/tools/draft.py) writes into its proposals, and what to do with each.
DRAFT_FIELDS = {
    "draft": "an unconfirmed proposal of `make draft`: check the record against the speech, correct it, "
             "then delete this line",
    "hints": "the glossary's renderings offered to the translator by `make draft`: delete this line",
    "review": "a note of `make draft` on what it could not tell: settle it, then delete this line",
    "first_in": "where `make draft` found the term: delete this line once the entry is written",
}


def draft_marks(file: YamlDocument) -> Iterator[Problem]:
    """Every field `make draft` left in a record (draft: true, its notes), on its line: a draft
    is never published unreviewed."""
    data = file.data
    records = (data.items() if isinstance(data, dict) and not DRAFT_FIELDS.keys() & data.keys()
               else enumerate(data) if isinstance(data, list) else [((), data)])
    for key, record in records:
        if not isinstance(record, dict):
            continue
        path = () if key == () else (key,)
        for name in sorted(DRAFT_FIELDS.keys() & record.keys()):
            yield at(file, (*path, name), DRAFT_FIELDS[name])


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
    "dict_type": "expected a group of fields (indented 'name: value' lines)",
    "model_type": "expected a group of fields (indented 'name: value' lines)",
    "too_short": "too few items",
    "too_long": "too many items",
}
_FOUND = {"string_type", "date_type", "list_type", "dict_type", "model_type", "number_type", "int_type", "float_type",
          "bool_type"}
_UNION_BRANCHES = {"int", "float"}


def schema_problems(file: YamlDocument, error: ValidationError) -> list[Problem]:
    """Pydantic's errors as located, plain-language problems (one per field)."""
    problems, seen = [], set()
    for item in error.errors(include_url=False):
        path: FieldPath = tuple(item["loc"])
        if path and path[-1] in _UNION_BRANCHES:  # one error per field, not one per type of a union
            path, item = path[:-1], {**item, "type": "number_type"}
            if path in seen:
                continue
            seen.add(path)
        message = _EXPECTED.get(item["type"], item["msg"])
        if item["type"] in _FOUND:
            message += f", found {_describe(item['input'])}"
        elif item["type"] == "string_pattern_mismatch":
            message += f" (expected {item['ctx']['pattern']})"
        elif item["type"] in {"too_short", "too_long"}:
            message += f" (expected {_count_expectation(item['ctx'])})"
        problems.append(at(file, path, message))
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


# The document and its seed

SEEDS = "seeds"


def read_speech(file: YamlDocument, document: Document, root: Path) -> tuple[str | None, list[Problem]]:
    """The speech's text from seeds/, and a problem if it is not the text the data was checked
    against (the text is still returned then, so the sentences it changed can be named)."""
    where = ("source", "file")
    seeds = (root / SEEDS).resolve()
    seed = (root / document.source.file).resolve()
    if seed.parent != seeds:
        return None, [at(file, where, f"{document.source.file!r} is not a file in {SEEDS}/ (expected "
                                      f"{SEEDS}/NAME.txt, the speech this data is about)")]
    try:
        seed_bytes = seed.read_bytes()
    except OSError:
        return None, [at(file, where, f"{document.source.file} not found (restore it with git)")]
    try:
        text = seed_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return None, [at(file, where, f"{document.source.file} is not UTF-8 text (restore it with git)")]
    actual = hashlib.sha256(seed_bytes).hexdigest()
    if actual != document.source.sha256:
        return text, [at(file, ("source", "sha256"),
                         f"{document.source.file} has changed (SHA-256 {actual}, expected {document.source.sha256}); "
                         f"restore it with 'git checkout -- {document.source.file}'")]
    return text, []


def check_date(file: YamlDocument, document: Document) -> Iterator[Problem]:
    written = f"{document.date.year}年{document.date.month}月{document.date.day}日"
    if document.date_as_written != written:
        yield at(file, ("date_as_written",), f"{document.date_as_written!r} does not match date {document.date} "
                                             f"(expected {written!r})")


def check_parts(file: YamlDocument, document: Document, paragraphs: tuple[Paragraph, ...]) -> Iterator[Problem]:
    """One summary for each numbered part (一、二、三、) the speech has."""
    parts = sum(paragraph.kind == "part" for paragraph in paragraphs)
    if len(document.parts) != parts:
        yield at(file, ("parts",), f"{len(document.parts)} summaries for the speech's {parts} parts; "
                                   "give one per part, in order")


def verbatim_fields(record: BaseModel, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every (path, text) of a field marked Verbatim, anywhere inside `record`."""
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if any(isinstance(meta, Verbatim) for meta in info.metadata):
            yield (*path, name), value
        elif isinstance(value, list) and verbatim_items(info.annotation):
            yield from (((*path, name, index), item) for index, item in enumerate(value))
        elif isinstance(value, BaseModel):
            yield from verbatim_fields(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from verbatim_fields(item, (*path, name, index))


def verbatim_items(annotation) -> bool:
    """Whether a list field's items are marked Verbatim (list[VerbatimText])."""
    return any(isinstance(meta, Verbatim) for item in typing.get_args(annotation)
               for meta in getattr(item, "__metadata__", ()))


def check_quotes(file: YamlDocument, records: BaseModel | list[BaseModel], speech: str) -> Iterator[Problem]:
    """Each verbatim field, in one record or a list of them, occurs in the speech exactly as written."""
    located = list(enumerate(records)) if isinstance(records, list) else [(None, records)]
    for index, record in located:
        for path, text in verbatim_fields(record, () if index is None else (index,)):
            if text not in speech:
                yield at(file, path, f"{text!r} is not in the speech (copy it exactly from the seed, "
                                     "including half-width punctuation)")


# Records with ids

def repeats(values: list[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first occurrence) of every value that occurred before."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            yield index, first[value]
        first.setdefault(value, index)


def check_unique_ids(file: YamlDocument, records: list[BaseModel]) -> Iterator[Problem]:
    """No two records of a list share an id: pages and links find records by id."""
    for index, first in repeats([record.id for record in records]):
        yield at(file, (index, "id"), f"{records[index].id!r} is also the id of the record on line "
                                      f"{file.line_of((first, 'id'))}; give each its own id, or merge them")


def check_known_ids(file: YamlDocument, named: Iterator[tuple[FieldPath, str]], known: set[str] | dict,
                    what: str, where: str) -> Iterator[Problem]:
    """Every (path, id) in `named` is one of `known`."""
    for path, name in named:
        if name not in known:
            yield at(file, path, f"unknown {what} {name!r} (expected an id from {where})")


# The translation

def check_translation_covers_speech(file: YamlDocument, translation: Translation,
                                    paragraphs: tuple[Paragraph, ...]) -> Iterator[Problem]:
    """Every sentence of the seed is translated, none is stale, none is left over."""
    sentences = {sentence.id: sentence.text for paragraph in paragraphs for sentence in paragraph.sentences}
    for sentence_id, text in sentences.items():
        if sentence_id not in translation:
            yield Problem(file.path, file.last_line, sentence_id,
                          f"missing: the speech has this sentence, add it with its English (zh: {text!r})")
        elif translation[sentence_id].zh != text:
            yield at(file, (sentence_id, "zh"), f"stale: the speech now reads {text!r}; update zh and check the "
                                                "English against it")
    for sentence_id in translation:
        if sentence_id not in sentences:
            yield at(file, (sentence_id,), "unknown sentence id: the speech has no such sentence (remove it)")


def check_english(file: YamlDocument, translation: Translation) -> Iterator[Problem]:
    """Each English sentence: no Chinese left in it, valid placeholders, every number given."""
    for sentence_id, sentence in translation.items():
        path = (sentence_id, "en")
        try:
            english = expand_placeholders(sentence.en)
        except QuantityError as error:
            yield at(file, path, f"bad placeholder: {error}")
            continue
        if HAN.search(english):
            yield at(file, path, f"Chinese left in the English ({''.join(HAN.findall(english))!r}); translate it")
            continue
        for mention in missing_numbers(sentence.zh, english):
            yield at(file, path, f"the number {mention.chinese!r} is not in the English "
                                 f"(expected {' or '.join(repr(form) for form in mention.forms)})")


def check_terms_translated(file: YamlDocument, translation: Translation,
                           glossary: list[GlossaryEntry]) -> Iterator[Problem]:
    """Where a glossary term's Chinese occurs in a sentence (and is not part of a longer term,
    as 双减 is of 双控双减), its English or a variant is in the translation, found as the pages
    find it to link it (whole words, case as written): names and slogans are rendered the same
    way everywhere, and every one is linked to its entry."""
    chinese_forms, english_forms = term_forms(glossary, "zh"), term_forms(glossary, "en")
    entries = {entry.id: entry for entry in glossary}
    for sentence_id, sentence in translation.items():
        linked = {entry_id for _, _, entry_id in find_terms(expand_placeholders(sentence.en), english_forms)}
        for entry_id in sorted({entry_id for _, _, entry_id in find_terms(sentence.zh, chinese_forms)} - linked):
            entry = entries[entry_id]
            yield at(file, (sentence_id, "en"),
                     f"glossary term {entry.zh} is not rendered as {entry.en!r} (whole words, case as written); "
                     "use it, or add the English used here to its variants in data/glossary.yaml")


def check_headwords_used(file: YamlDocument, glossary: list[GlossaryEntry],
                         translation: Translation) -> Iterator[Problem]:
    """Each glossary entry's English headword is the form the translation uses, in at least one
    sentence that has the term: a headword the text never uses would explain words no reader meets."""
    chinese_forms = term_forms(glossary, "zh")
    english_with: dict[str, list[str]] = {}  # entry id -> the English of the sentences that have the term
    for sentence in translation.values():
        for entry_id in {entry_id for _, _, entry_id in find_terms(sentence.zh, chinese_forms)}:
            english_with.setdefault(entry_id, []).append(expand_placeholders(sentence.en))
    for index, entry in enumerate(glossary):
        english = english_with.get(entry.id, [])
        if english and not any(form_pattern(entry.en).search(text) for text in english):
            used = " or ".join(repr(variant) for variant in entry.variants) or "other words"
            yield at(file, (index, "en"), f"{entry.en!r} is in no sentence that has {entry.zh} (the text uses "
                                          f"{used}); make the headword the form the translation uses")


# The glossary

def check_glossary_entries(file: YamlDocument, glossary: list[GlossaryEntry]) -> Iterator[Problem]:
    """Each term once, and its English names free of Chinese."""
    for index, first in repeats([entry.zh for entry in glossary]):
        yield at(file, (index, "zh"), f"{glossary[index].zh!r} is also the term on line {file.line_of((first, 'zh'))}; "
                                      "merge the two entries")
    for index, entry in enumerate(glossary):
        for path, value in (((index, "en"), entry.en),
                            *(((index, "variants", number), variant) for number, variant in enumerate(entry.variants))):
            if HAN.search(value):
                yield at(file, path, "Chinese in the English name; write pinyin or English")


def check_entities(file: YamlDocument, glossary: list[GlossaryEntry]) -> Iterator[Problem]:
    """Each project, enterprise and park says what the speech says of it; an entry that is the
    same thing as another names an entry of those kinds that is not itself the same as a third."""
    by_id = {entry.id: entry for entry in glossary}
    for index, entry in enumerate(glossary):
        if entry.entity_kind and entry.said is None and entry.same_as is None:
            yield at(file, (index, "kind"), f"{entry.zh} is a {entry.kind} without `said` (add said: with zh: and en:, "
                                            "a short phrase each: what the speech says of it)")
        if entry.same_as is None:
            continue
        other = by_id.get(entry.same_as)
        if other is None or other is entry:
            yield at(file, (index, "same_as"), f"unknown entry {entry.same_as!r} (expected the id of another "
                                               "entry of data/glossary.yaml)")
        elif not entry.entity_kind or not other.entity_kind or other.same_as:
            yield at(file, (index, "same_as"), f"{entry.zh} and {other.zh} cannot be listed as one (expected "
                                               "two projects, enterprises or parks, the other without same_as)")


def check_glossary_figures(file: YamlDocument, glossary: list[GlossaryEntry], figures: list[Figure]) -> Iterator[Problem]:
    named = (((index, "figures", number), figure_id)
             for index, entry in enumerate(glossary) for number, figure_id in enumerate(entry.figures))
    yield from check_known_ids(file, named, {figure.id for figure in figures}, "figure", "data/figures.yaml")


# Figures

def check_figures(file: YamlDocument, figures: list[Figure], topics: list[Topic],
                  translation: Translation) -> Iterator[Problem]:
    """Topics and related figures known, and every figure quoted verbatim from the sentence it
    names, with its value, unit and qualifier as the speech writes them."""
    topic_ids = {topic.id for topic in topics}
    by_id = {figure.id: figure for figure in figures}
    ids = set(by_id)
    for index, figure in enumerate(figures):
        if figure.topic not in topic_ids:
            yield at(file, (index, "topic"), f"unknown topic {figure.topic!r} (expected one of: "
                                             f"{', '.join(sorted(topic_ids))})")
        if message := kind_problem(figure):
            yield at(file, (index, "kind"), message)
        if figure.related and figure.related.figure not in ids - {figure.id}:
            yield at(file, (index, "related", "figure"), f"unknown figure {figure.related.figure!r} "
                                                         "(expected the id of another figure)")
        elif figure.related and (other := by_id[figure.related.figure]).unit != figure.unit:
            yield at(file, (index, "related", "figure"), f"{other.id} is in {other.unit!r}, this figure in "
                                                         f"{figure.unit!r}: not comparable (a related figure measures "
                                                         "the same thing in the same unit; else remove `related`)")
        for number, source in enumerate(figure.also_in):
            path = (index, "also_in", number)
            yield from source_problems(file, path, (*path, "quote"), source, figure, translation)
        found = list(source_problems(file, (index, "source"), (index, "value"), figure.source, figure, translation))
        yield from found
        if not found and figure.numeral is None:
            yield from (at(file, (index, field), message) for field, message in wording_problems(figure))


def kind_problem(figure: Figure) -> str | None:
    """One rule for a count and a result: a count is a number of things, a result an amount measured."""
    counted = counts_things(figure.unit)
    if figure.kind not in {"count", "result"} or (figure.kind == "count") == counted:
        return None
    return (f"{figure.kind}, but {figure.unit!r} {'counts things' if counted else 'measures an amount'} (expected "
            f"kind: {'count' if counted else 'result'}: a count is a number of items, households, people or head; "
            "a result an amount of area, length, money or weight)")


def source_problems(file: YamlDocument, path: FieldPath, value_path: FieldPath, source: FigureSource, figure: Figure,
                    translation: Translation) -> Iterator[Problem]:
    """A source of the figure (at path) names a sentence and quotes it exactly, and the quote has
    the figure's value (else a problem at value_path)."""
    sentence = translation.get(source.sentence)
    if sentence is None:
        yield at(file, (*path, "sentence"), f"unknown sentence {source.sentence!r} (expected an id from data/speech.yaml)")
        return
    quoted = source.quote in sentence.zh
    if not quoted:
        yield at(file, (*path, "quote"), f"{source.quote!r} is not in sentence {source.sentence} (expected words "
                                         f"copied exactly from: {sentence.zh!r})")
    elif figure.numeral is not None:
        yield from numeral_problems(file, path[:1], source, figure)
    elif (written := value_text(figure.value)) not in NUMBER_TEXT.findall(source.quote):
        yield at(file, value_path, f"{written} is not in the quote {source.quote!r} (expected the number exactly as "
                                   "the speech writes it, or the Chinese numeral it writes in `numeral`)")
    if source.quote_en not in sentence.en:
        yield at(file, (*path, "quote_en"), f"{source.quote_en!r} is not in the English of sentence {source.sentence} "
                                            f"(expected words copied exactly from: {sentence.en!r})")
    elif quoted and (missing := missing_numbers(source.quote, expand_placeholders(source.quote_en))):
        yield at(file, (*path, "quote_en"), f"{source.quote_en!r} does not give {', '.join(m.chinese for m in missing)} "
                                            f"of the quote {source.quote!r} (expected the English words that "
                                            "translate the quote, its numbers among them)")


def numeral_problems(file: YamlDocument, path: FieldPath, source: FigureSource, figure: Figure) -> Iterator[Problem]:
    """A figure the speech writes in a Chinese numeral (“零”火点, 全市第一): the numeral is in the
    quote and reads as the value."""
    numeral = figure.numeral or ""
    if numeral not in source.quote:
        yield at(file, (*path, "numeral"), f"{numeral!r} is not in the quote {source.quote!r} (expected the "
                                           "Chinese numeral as the quote writes it)")
        return
    read = numeral_value(numeral.removeprefix("第"))
    if read is None or Decimal(str(read)) != Decimal(value_text(figure.value)):
        yield at(file, (*path, "value"), f"{value_text(figure.value)}, but the numeral {numeral!r} reads "
                                         f"{'as nothing' if read is None else read} (expected the value the numeral writes)")


def check_periods(file: YamlDocument, figures: list[Figure], periods: list[Period],
                  translation: Translation) -> Iterator[Problem]:
    """Every figure's period is one of data/periods.yaml, as the speech states it: the period
    whose words its quote says (累计), else the one whose words its sentence says (上半年), else
    one that no words state. A figure whose period is stated outside its quote and sentence
    names the sentence that states it (`source.period_in`)."""
    by_id = {period.id: period for period in periods}
    for index, figure in enumerate(figures):
        period = by_id.get(figure.period)
        if period is None:
            yield at(file, (index, "period"), f"unknown period {figure.period!r} (expected an id from "
                                              f"data/periods.yaml: {', '.join(by_id)})")
            continue
        stating = figure.source.period_in or figure.source.sentence
        sentence = translation.get(stating)
        if sentence is None:
            if figure.source.period_in:
                yield at(file, (index, "source", "period_in"), f"unknown sentence {stating!r} "
                                                               "(expected an id from data/speech.yaml)")
            continue
        if figure.source.period_in:
            said = [(other, word, f"sentence {stating}") for other in periods
                    for word in other.quote_says + other.sentence_says if word in sentence.zh]
        else:
            said = ([(other, word, "the quote") for other in periods for word in other.quote_says
                     if word in figure.source.quote]
                    or [(other, word, f"sentence {stating}") for other in periods for word in other.sentence_says
                        if word in sentence.zh])
        if said and period not in [other for other, _, _ in said]:
            yield at(file, (index, "period"), f"{period.id}, but {said[0][2]} says "
                                              f"{', '.join(word for _, word, _ in said)} "
                                              f"(expected {' or '.join(dict.fromkeys(other.id for other, _, _ in said))})")
        elif not said and (period.sentence_says or period.quote_says):
            unstated = [other.id for other in periods if not (other.sentence_says or other.quote_says)]
            yield at(file, (index, "period"), f"{period.id} is stated by "
                                              f"{' or '.join(period.quote_says + period.sentence_says)}, which "
                                              f"neither the quote nor sentence {stating} says (expected a period no "
                                              f"words state: {', '.join(unstated)}; or name the sentence that states it in "
                                              "source.period_in)")


def wording_problems(figure: Figure) -> Iterator[tuple[str, str]]:
    """(field, message) where the figure's unit or qualifier disagrees with how its quote words it:
    the unit must follow the number (3520余万元, 61件次), the qualifier match 余, 以上 or 突破."""
    wording, written = chinese_wording(figure), value_text(figure.value)
    if wording is None:
        forms = UNITS[figure.unit][0]
        yield "unit", (f"{figure.unit!r} is written {' or '.join(forms)}, which does not follow {written} in the quote "
                       f"{figure.source.quote!r} (expected the unit of the words right after the number, 余 allowed "
                       "between them: see UNITS in scripts/model/quantity.py, e.g. 5.13万亩 is '10,000 mu')")
    elif figure.qualifier not in (wording.qualifiers or {None}):
        words = {qualifier: word for word, qualifier in CHINESE_QUALIFIERS.items()}
        stated = f"{figure.qualifier!r} ({words[figure.qualifier]})" if figure.qualifier else "missing"
        expected = (" or ".join(f"qualifier: {qualifier}" for qualifier in sorted(wording.qualifiers))
                    if wording.qualifiers else "no qualifier: remove this field")
        yield "qualifier", (f"{stated}, but the quote writes {wording.text!r} (expected {expected}, "
                            "as the speech words it: 余 is more-than, 以上 at-least, 突破 exceeds)")


def check_exclusions(file: YamlDocument, exclusions: list[Exclusion], translation: Translation) -> Iterator[Problem]:
    for index, exclusion in enumerate(exclusions):
        sentence = translation.get(exclusion.sentence)
        if sentence is None:
            yield at(file, (index, "sentence"), f"unknown sentence {exclusion.sentence!r} "
                                                "(expected an id from data/speech.yaml)")
            continue
        numbers = [mention.chinese for mention in mentions(sentence.zh)]
        if exclusion.text not in numbers:
            yield at(file, (index, "text"), f"{exclusion.text!r} is not a number of sentence {exclusion.sentence} "
                                            f"(expected one of: {', '.join(numbers)})")


def check_coverage(file: YamlDocument, figures: list[Figure], exclusions: list[Exclusion],
                   translation: Translation) -> Iterator[Problem]:
    """Every number of the speech is a figure or an excluded number: nothing is left out."""
    excluded = {(exclusion.sentence, exclusion.text) for exclusion in exclusions}
    for sentence_id, sentence in translation.items():
        available = [value_text(figure.value) for figure in figures
                     for source in (figure.source, *figure.also_in) if source.sentence == sentence_id]
        for mention in mentions(sentence.zh):
            if (sentence_id, mention.chinese) in excluded:
                continue
            numbers = NUMBER_TEXT.findall(mention.chinese)
            if all(number in available for number in numbers):
                for number in numbers:
                    available.remove(number)
                continue
            yield Problem(file.path, file.last_line, sentence_id,
                          f"the number {mention.chinese!r} of this sentence is neither a figure nor excluded "
                          f"(add it to {file.path}, or to data/figures-excluded.yaml with a reason)")


# Challenges and charts

def check_challenges(file: YamlDocument, groups: list[ChallengeGroup], translation: Translation) -> Iterator[Problem]:
    """Every sentence a challenge names exists in the speech."""
    def named(index: int, group: ChallengeGroup) -> Iterator[tuple[FieldPath, str]]:
        yield (index, "intro"), group.intro
        for item_index, item in enumerate(group.items):
            yield (index, "items", item_index, "heading"), item.heading
            yield from (((index, "items", item_index, "detail", n), sentence) for n, sentence in enumerate(item.detail))
        yield from (((index, "outro", n), sentence) for n, sentence in enumerate(group.outro))

    for index, group in enumerate(groups):
        yield from check_known_ids(file, named(index, group), translation, "sentence", "data/speech.yaml")


def check_charts(file: YamlDocument, charts: list[ChartSpec], figures: list[Figure]) -> Iterator[Problem]:
    """Every figure of a chart exists, and all of one chart's figures share unit, period and basis:
    a chart compares like with like, never a first-half count with a differently measured target."""
    by_id = {figure.id: figure for figure in figures}
    for index, chart in enumerate(charts):
        named = (((index, "figures", position), figure_id) for position, figure_id in enumerate(chart.figures))
        yield from check_known_ids(file, named, by_id, "figure", "data/figures.yaml")
        drawn = [(position, by_id[figure_id]) for position, figure_id in enumerate(chart.figures) if figure_id in by_id]
        for position, figure in drawn[1:]:
            first = drawn[0][1]
            differences = [name for name in ("unit", "period", "basis") if getattr(figure, name) != getattr(first, name)]
            if differences:
                name = differences[0]
                yield at(file, (index, "figures", position),
                         f"{figure.id!r} has {name} {getattr(figure, name)!r}, but {first.id!r} has "
                         f"{getattr(first, name)!r} (a chart's figures must share unit, period and basis; "
                         "draw the others in a chart of their own)")


# Relations

def check_relations(file: YamlDocument, relations: list[Relation], figures: list[Figure]) -> Iterator[Problem]:
    """Every relation's figures exist and fit its kind (their number and units), and where the
    speech states the result, the computed value agrees with it or a note says how they differ."""
    by_id = {figure.id: figure for figure in figures}
    for index, relation in enumerate(relations):
        found = list(relation_problems(file, index, relation, by_id))
        yield from found
        if found:
            continue
        computed = compute(relation, by_id)
        if computed.agrees is False and relation.note is None:
            stated = f"{'at least ' if relation.at_least else ''}{value_text(computed.stated.value)}"
            yield at(file, (index, "stated"), f"the computed {relation.kind}, {computed.formula} = "
                                              f"{computed.shown}, differs from {stated} ({relation.stated}) "
                                              "beyond its rounding (expected a `note`, in both languages, saying "
                                              "so neutrally: the Chinese text prevails)")


def relation_problems(file: YamlDocument, index: int, relation: Relation, figures: dict[str, Figure]) -> Iterator[Problem]:
    count, units, _ = KINDS[relation.kind]
    if relation.id in figures:
        yield at(file, (index, "id"), f"{relation.id!r} is also the id of a figure; the downloads list both in one "
                                      "table, so give the relation its own id")
    named = [((index, "inputs", number), figure_id) for number, figure_id in enumerate(relation.inputs)]
    if relation.stated:
        named.append(((index, "stated"), relation.stated))
    unknown = list(check_known_ids(file, iter(named), figures, "figure", "data/figures.yaml"))
    if unknown:
        yield from unknown
        return
    if len(relation.inputs) != count if count else len(relation.inputs) < 2:
        yield at(file, (index, "inputs"), f"a {relation.kind} takes {count or 'two or more'} figures, not "
                                          f"{len(relation.inputs)} (see `kind` in the schema for their order)")
        return
    inputs = [figures[figure_id] for figure_id in relation.inputs]
    for number, figure in enumerate(inputs):
        expected = units[min(number, len(units) - 1)]
        expected = inputs[0].unit if expected == "same" else expected
        if expected is not None and figure.unit != expected:
            yield at(file, (index, "inputs", number), f"{figure.id} is in {figure.unit!r}, but input {number + 1} of "
                                                      f"a {relation.kind} is in {expected!r}")
    if divisor(relation, inputs) == 0:
        yield at(file, (index, "inputs"), f"a {relation.kind} of these figures divides by zero (check the values "
                                          f"of {', '.join(relation.inputs)})")
    if (relation.kind in DAY_KINDS) != (relation.days_of is not None):
        yield at(file, (index, "days_of" if relation.days_of else "kind"),
                 "days_of is for a relation of kind days or rest, which needs it (the year or half-year, 2024 or 2024-H1)")
    if relation.at_least and not relation.stated:
        yield at(file, (index, "at_least"), "at_least needs the figure it compares with, in `stated`")
    if relation.stated in relation.inputs:
        yield at(file, (index, "stated"), f"{relation.stated} is one of the inputs: a relation cannot check a figure "
                                          "against itself (name the figure that states the result)")
    if relation.days_of and relation.kind in DAY_KINDS and (share := inputs[-1]).period != relation.days_of:
        yield at(file, (index, "days_of"), f"{relation.days_of}, but {share.id} is a share of {share.period} "
                                           f"(expected days_of: {share.period!r})")


# Versions

def check_versions(file: YamlDocument, versions: list[Version], document: Document) -> Iterator[Problem]:
    """Newest first: each version higher than the next and not dated before it, none before the speech."""
    for index, version in enumerate(versions):
        if version.date < document.date:
            yield at(file, (index, "date"), f"{version.date} is before the speech ({document.date}); a version "
                                            "of its data cannot be")
        if index + 1 < len(versions):
            older = versions[index + 1]
            if tuple(map(int, version.version.split("."))) <= tuple(map(int, older.version.split("."))):
                yield at(file, (index, "version"), f"{version.version} is not higher than {older.version} below it "
                                                   "(expected the newest version first)")
            if version.date < older.date:
                yield at(file, (index, "date"), f"{version.date} is before {older.date}, the date of "
                                                f"{older.version} below it (expected the newest version first)")


# Where the speech was published, and the sources published after it

WEB_SCHEMES = ("http", "https")


def address_problem(address: str) -> str | None:
    """Why an address is not a web address a reader can open, or None if it is one."""
    parts = urlsplit(address)
    if parts.scheme not in WEB_SCHEMES or not parts.netloc or any(character.isspace() for character in address):
        return (f"{address!r} is not a web address (expected one starting http:// or https://, "
                "as the browser's address bar shows it)")
    return None


def check_publication(file: YamlDocument, document: Document) -> Iterator[Problem]:
    """The speech's address is a web address, and its dates follow the speech and each other."""
    published = document.published
    problem = address_problem(published.url)
    if problem:
        yield at(file, ("published", "url"), problem)
    if published.posted < document.date:
        yield at(file, ("published", "posted"), f"{published.posted} is before the speech ({document.date}); "
                                                "give the day the page says it was posted")
    if published.retrieved < published.posted:
        yield at(file, ("published", "retrieved"), f"{published.retrieved} is before the speech was posted "
                                                   f"({published.posted}); give the day its text was taken")


def check_sources(file: YamlDocument, sources: list[OutcomeSource], document: Document) -> Iterator[Problem]:
    """Each source is a web address published after the speech (an outcome cannot come before it)."""
    for index, source in enumerate(sources):
        problem = address_problem(source.url)
        if problem:
            yield at(file, (index, "url"), problem)
        for name in ("delivered", "posted"):
            day = getattr(source, name)
            if day is not None and day < document.date:
                yield at(file, (index, name), f"{day} is before the speech ({document.date}): a source of outcomes "
                                              "comes after it")
        if source.delivered and source.posted < source.delivered:
            yield at(file, (index, "posted"), f"{source.posted} is before the day it was delivered ({source.delivered})")


# The main points

def check_points(file: YamlDocument, points: list[MainPoint], figures: list[Figure],
                 periods: list[Period]) -> Iterator[Problem]:
    """Every number of a main point is a reference to a figure that exists, and each point, in each
    language, names the period of every figure it cites, in the words of data/periods.yaml, and no
    other period: a data edit cannot leave a stale number or period in a point."""
    by_id = {figure.id: figure for figure in figures}
    period_by_id = {period.id: period for period in periods}
    for index, point in enumerate(points):
        for language in LANGUAGES:
            path, text = (index, language), getattr(point, language)
            cited = references(text)
            unknown = [figure_id for figure_id in cited if figure_id not in by_id]
            for figure_id in unknown:
                yield at(file, path, f"{{{figure_id}}} is not a figure (expected the id of a figure of data/figures.yaml, "
                                     "written in braces: {gdp-growth-h1})")
            plain = plain_runs(text)
            if "{" in plain or "}" in plain:
                yield at(file, path, "a brace that opens or closes no reference; write a figure as {figure-id}")
            written = NUMBER_WRITTEN.search(plain)
            if written:
                yield at(file, path, f"{written[0]!r} is written out; write the figure's id in braces instead, "
                                     "{figure-id}, so that the point always shows the data's value")
            if unknown:
                continue
            needed = list(dict.fromkeys(by_id[figure_id].period for figure_id in cited))
            wordless = [period_id for period_id in needed if period_id in period_by_id
                        and not period_by_id[period_id].words]
            for period_id in wordless:
                yield at(file, path, f"cites a figure of period {period_id}, which has no `words` in data/periods.yaml; "
                                     "add the words that name it")
            named = period_mentions(text, periods, language)
            for period_id in needed:
                if period_id not in named and period_id not in wordless:
                    words = " or ".join(repr(word) for word in getattr(period_by_id[period_id].words, language))
                    figure_ids = ", ".join(figure_id for figure_id in cited if by_id[figure_id].period == period_id)
                    yield at(file, path, f"cites {figure_ids} of period {period_id} without naming it "
                                         f"(expected {words})")
            for period_id in dict.fromkeys(named):
                if period_id not in needed:
                    yield at(file, path, f"names period {period_id}, which none of the figures it cites is of "
                                         f"({', '.join(f'{i}: {by_id[i].period}' for i in cited) or 'it cites none'}); "
                                         "reword it or cite the figure")


def check_card_labels(file: YamlDocument, figures: list[Figure]) -> Iterator[Problem]:
    """A key figure's label on a card fits the card without being cut: short, in both languages."""
    for index, figure in enumerate(figures):
        if not figure.headline:
            continue
        label = figure.card_label or figure.label
        for language in LANGUAGES:
            text, limit = getattr(label, language), CARD_LABEL_LIMITS[language]
            if len(text) > limit:
                field = "card_label" if figure.card_label else "label"
                yield at(file, (index, field, language), f"{len(text)} characters, too long for a key-figure card "
                                                         f"(at most {limit}); give a shorter card_label")


# Outcomes

def check_outcomes(file: YamlDocument, outcomes: list[Outcome], figures: list[Figure], topics: list[Topic],
                   periods: list[Period], sources: list[OutcomeSource], translation: Translation) -> Iterator[Problem]:
    """Every outcome answers a known figure once, from a known source, for a period and in a unit
    that compare with the figure's; a target's status agrees with its comparator and the values."""
    by_id = {figure.id: figure for figure in figures}
    topic_by_id = {topic.id: topic for topic in topics}
    period_by_id = {period.id: period for period in periods}
    source_ids = {source.id for source in sources}
    answered: dict[str, int] = {}
    for index, outcome in enumerate(outcomes):
        found = list(outcome_problems(file, index, outcome, by_id, topic_by_id, period_by_id, source_ids))
        if outcome.figure is not None and outcome.figure in answered:
            found.append(at(file, (index, "figure"), f"{outcome.figure} is answered already, on line "
                                                     f"{file.line_of((answered[outcome.figure], 'figure'))}; "
                                                     "give each figure one outcome"))
        if outcome.figure is not None:
            answered.setdefault(outcome.figure, index)
        yield from found
        figure = by_id.get(outcome.figure or "")
        if found or figure is None or not is_target(figure, topic_by_id) or outcome.status == NO_OUTCOME:
            continue
        assessed = assess(figure, translation[figure.source.sentence].zh, outcome, by_id)
        if assessed.status != outcome.status:
            comparator = assessed.comparator
            words = f"{comparator.word}: {comparator.kind}" if comparator.word else "no comparator word: reach"
            yield at(file, (index, "status"), f"{outcome.status}, but the outcome, {assessed.compared.normalize():f}, "
                                              f"against the target {value_text(figure.value)} ({words}) is "
                                              f"{assessed.status} (correct the status or the values)")


def outcome_problems(file: YamlDocument, index: int, outcome: Outcome, figures: dict[str, Figure],
                     topics: dict[str, Topic], periods: dict[str, Period], source_ids: set[str]) -> Iterator[Problem]:
    if outcome.source not in source_ids:
        yield at(file, (index, "source"), f"unknown source {outcome.source!r} (expected an id from data/sources.yaml)")
    figure = figures.get(outcome.figure) if outcome.figure else None
    if outcome.figure and figure is None:
        yield at(file, (index, "figure"), f"unknown figure {outcome.figure!r} (expected an id from data/figures.yaml)")
        return
    target = figure is not None and is_target(figure, topics)
    incomparable = outcome.status == NO_OUTCOME
    if incomparable and outcome.note is None:
        yield at(file, (index, "status"), f"{NO_OUTCOME} needs a `note`, in both languages, saying why the source's "
                                          "figure does not answer the target")
    if outcome.status and not target:
        answers = "no figure" if figure is None else f"{figure.id}, which is not one of the targets of part two"
        yield at(file, (index, "status"), f"a status is for a target; this outcome answers {answers} (remove it)")
    if target and outcome.status is None:
        yield at(file, (index, "status"), f"missing: {figure.id} is a target (expected met, not-met or {NO_OUTCOME})")
    for name in ("value", "unit", "period", "vintage"):
        if getattr(outcome, name) is None and not incomparable:
            yield at(file, (index, name), "missing (add this field)")
    if outcome.period is not None and outcome.period not in periods:
        yield at(file, (index, "period"), f"unknown period {outcome.period!r} (expected an id from data/periods.yaml: "
                                          f"{', '.join(periods)})")
        return
    if figure is not None and outcome.unit is not None and not comparable_units(outcome.unit, figure.unit):
        yield at(file, (index, "unit"), f"{outcome.unit!r}, but {figure.id} is in {figure.unit!r}, and there is no "
                                        "conversion between them (give the outcome in the figure's unit)")
    if outcome.since is not None:
        yield from since_problems(file, index, outcome, figure if target else None, figures, periods)
    elif target and not incomparable and outcome.period and outcome.period != figure.period:
        whole = periods[figure.period].within
        hint = (f"; for a target of {figure.period}, an outcome of {whole} needs `since`, the speech's figure "
                "for the part of the year before" if whole == outcome.period else "")
        yield at(file, (index, "period"), f"{outcome.period}, but the target is for {figure.period}{hint}")


def since_problems(file: YamlDocument, index: int, outcome: Outcome, target: Figure | None,
                   figures: dict[str, Figure], periods: dict[str, Period]) -> Iterator[Problem]:
    """`since` subtracts the speech's figure for the part of the year before the target's part:
    for a target of a part of a period, answered by an outcome for the whole period."""
    since = figures.get(outcome.since)
    if since is None:
        yield at(file, (index, "since"), f"unknown figure {outcome.since!r} (expected an id from data/figures.yaml)")
        return
    if target is None:
        yield at(file, (index, "since"), "since is for a target of part of a period (remove it)")
        return
    whole = periods[target.period].within
    if whole is None or outcome.period != whole:
        yield at(file, (index, "since"), f"the target is for {target.period}, which data/periods.yaml puts within "
                                         f"{whole or 'no other period'}, and the outcome is for {outcome.period}: "
                                         "since subtracts the part before from an outcome for the whole")
    elif periods.get(since.period) is None or periods[since.period].within != whole or since.period == target.period:
        yield at(file, (index, "since"), f"{since.id} is of period {since.period}; expected a figure of another "
                                         f"part of {whole} than {target.period}")
    if not comparable_units(since.unit, target.unit):
        yield at(file, (index, "since"), f"{since.id} is in {since.unit!r}, but {target.id} is in {target.unit!r}")


def check_period_parts(file: YamlDocument, periods: list[Period]) -> Iterator[Problem]:
    ids = {period.id for period in periods}
    for index, period in enumerate(periods):
        if period.within is not None and (period.within not in ids or period.within == period.id):
            yield at(file, (index, "within"), f"unknown period {period.within!r} (expected the id of another period)")
