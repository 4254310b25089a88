"""`make draft SEED=seeds/<file>.txt`: a first draft of the data of a new speech, for review.

    python -m scripts.tools.draft seeds/<file>.txt [--out drafts/<stem>] [--compare data]

    seed  -> sentences (scripts/model/speech.py, the ids the site uses)
          -> proposals: the document's header, every sentence, every number as a figure or an
             exclusion (value, unit, quote, period, kind), period words, glossary candidates
          -> drafts/<stem>/*.yaml, every proposal marked `draft: true`
          -> with --compare: how far the proposals agree with confirmed data, and where not

Nothing here knows a particular speech: the proposals come from the words of Chinese
government speeches (the units of UNITS, cue words for kinds, period words read by jionlp's
time parser against the speech's date). A proposal is a guess to check, never data: the
validator refuses every record still marked `draft: true` (scripts/load/checks.py, draft_marks).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from cn2an import cn2an

from scripts import PROJECT
from scripts.model.numbers import LITERALS, MONTHS, ORDINAL, Mention, mentions
from scripts.model.quantity import UNITS, counts_things
from scripts.model.speech import Paragraph, split_speech

ROOT = PROJECT

# ------------------------------------------------------------------ the words a proposal reads

# Each Chinese unit form (万元, 个百分点, 人次) and the unit id it writes, longest forms first: a
# form is read right after the number, its 万 or 亿 included.
UNIT_FORMS = sorted(((form, unit) for unit, (forms, _, _) in UNITS.items() for form in forms),
                    key=lambda pair: -len(pair[0]))
UNIT_OF_FORM: dict[str, str] = {}
for _form, _unit in UNIT_FORMS:
    UNIT_OF_FORM.setdefault(_form, _unit)  # the first unit UNITS lists for a shared form (户, 只)

CLAUSE_END = re.compile(r"[,，;；。！？:：]")  # a list's 、 stays inside its clause
# Cue words of a figure's kind, tried on its clause in the order of kind_of.
RANK = re.compile(r"第\d+位|位列|排名|排在|居全")
CHANGE = re.compile(r"同比|增长|下降|增速|提高|减少|增加|降低|高于|低于|快于|比去年")
SHARE = re.compile(r"占|比例|比重|[^增]率")
ALLOCATION = re.compile(r"资金|专项债|补助|奖补")
SIZE = re.compile(r"总投资")
TARGET = re.compile(r"力争|确保|目标")  # in any part; in the parts that set tasks every figure is proposed as one
THRESHOLD = re.compile(r"底线|最低")  # a floor; 以内 and 控制在 are a target's ceiling
# Words that make a number a part of a date or a name, never a figure.
YEAR = re.compile(r"^(19|20)\d\d$")
FOLLOWED_BY_DAY = re.compile(r"^日")
# Period words: the clause's, else its sentence's, else (其中) the sentence it continues.
PERIOD_WORDS = re.compile(r"上半年以来|年初以来|今年以来|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|"
                          r"\d+[—\-至]\d+月|截至\d+月底|全年|年内|年底|年末|今年")
AMOUNT_WORDS = re.compile(r"累计|总投资")  # a period only the quote itself can state
HOUSEHOLDS = re.compile(r"人口|人家|农户|脱贫|贫困|住户|居民|家庭")  # 户 counting households, not firms
QUOTED_NAME = re.compile(r"“[^”]*”")
LISTED_AFTER = re.compile(r"(?:[和、至与及或][\d.]+[万亿]?)*[和、至与及或](?P<last>[\d.]+[万亿]?)")  # 和2.0 in 1.4和2.0个百分点
CONTINUES = re.compile(r"^其中")
QUOTED_TERM = re.compile(r"“([^”]{2,20})”")
NUMBERED_FORMULA = re.compile(r"[一二两三四五六七八九十百千]+[^\d，,。；;、“”《》()（）]{1,3}"
                              r"(?:[一二两三四五六七八九十百千]+[^\d，,。；;、“”《》()（）]{1,3})+")
CHINESE_NUMERAL_QUANTITY = re.compile(r"“(零)”|全[市省区]第([一二三四五六七八九十])")


@dataclass
class Proposal:
    """One number of the speech: a figure or an exclusion, with what the draft proposes for it."""

    sentence: str
    text: str                 # the number as scripts/model/numbers.py reads it (the validator's unit)
    value: str = ""
    unit: str | None = None
    quote: str = ""
    period: str | None = None
    kind: str | None = None
    numeral: str | None = None
    excluded: str | None = None   # the reason, for a number that is not a figure
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ periods

def speech_date(paragraphs: tuple[Paragraph, ...]) -> date | None:
    """The speech's date, from a header line that is one (2024年8月22日)."""
    for paragraph in paragraphs[:4]:
        found = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", paragraph.text)
        if found:
            return date(*map(int, found.groups()))
    return None


def time_parser():
    """jionlp's parse_time, imported quietly (it prints a banner on import)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp
    return jionlp.parse_time


def span_of(words: str, spoken: date) -> tuple[date, date | None] | None:
    """The days a period's words cover, read against the speech's date; None if unreadable."""
    months = re.fullmatch(r"(\d+)[—\-至](\d+)月", words)  # 1—7月: jionlp reads these wrongly
    if months:
        first, last = int(months[1]), int(months[2])
        return date(spoken.year, first, 1), month_end(spoken.year, last)
    until = re.fullmatch(r"截至(\d+)月底", words)
    if until:
        return date(spoken.year, 1, 1), month_end(spoken.year, int(until[1]))
    if words in {"年内", "今年"}:
        words = "全年"
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = time_parser()(words, time_base=datetime(spoken.year, spoken.month, spoken.day).timestamp())
    except Exception:  # noqa: BLE001 (jionlp raises ValueError and others on words it cannot read)
        return None
    start, end = parsed["time"]
    end_day = None if end == "inf" else datetime.fromisoformat(end).date()
    return datetime.fromisoformat(start).date(), end_day


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return date.fromordinal(date(year + month // 12, month % 12 + 1, 1).toordinal() - 1)


def period_id(words: str, spoken: date) -> str | None:
    """A period id for the words (2024-H1, 2024, 2024-to-date, 2024-Q1, 2024-01-to-07 ...)."""
    if words == "累计":
        return "cumulative"
    if words == "总投资":
        return "whole-project"
    span = span_of(words, spoken)
    if span is None:
        return None
    (start, end), year = span, spoken.year
    if end is None or end == spoken:
        return f"{year}-to-date" if start == date(year, 1, 1) else None
    if start.month == 11 and end == date(year, 12, 31):
        return f"{year}-year-end"
    named = {((1, 1), (6, 30)): "H1", ((7, 1), (12, 31)): "H2", ((1, 1), (12, 31)): "",
             ((1, 1), (3, 31)): "Q1", ((4, 1), (6, 30)): "Q2", ((7, 1), (9, 30)): "Q3", ((10, 1), (12, 31)): "Q4",
             ((1, 1), (9, 30)): "Q1-Q3"}
    key = ((start.month, start.day), (end.month, end.day))
    if key in named:
        return f"{year}-{named[key]}" if named[key] else str(year)
    return f"{year}-{start.month:02d}-to-{end.month:02d}"


def period_words(text: str) -> list[str]:
    return PERIOD_WORDS.findall(text)


# ------------------------------------------------------------------ numbers

def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of the sentence that holds sentence[start:end]: between two marks of
    punctuation, without them."""
    before = max((match.end() for match in CLAUSE_END.finditer(sentence, 0, start)), default=0)
    after = CLAUSE_END.search(sentence, end)
    return sentence[before:after.start() if after else len(sentence)].strip()


def unit_after(mention: str, after: str) -> tuple[str | None, str]:
    """The unit id a number is written with, and the text after the number that writes it: its
    own 万/亿 and unit (5.13万亩, 7.1%), else the longest unit form that follows (个百分点, 人次)."""
    own = re.sub(r"^[\d.]+[余多]?", "", mention)  # 万亩, %, 万, or nothing
    if own in UNIT_OF_FORM:
        return UNIT_OF_FORM[own], ""
    written = own + after
    for form, unit in UNIT_FORMS:
        if written.startswith(form):
            return unit, form[len(own):]
    return None, ""


def kind_of(clause: str, following: str, unit: str | None, part: int) -> str:
    """A kind proposed from the cue words of the number's clause and the part of the speech
    it stands in (the first part reviews; the later ones set tasks)."""
    if unit == "rank" or RANK.search(clause):
        return "rank"
    if SIZE.search(clause):
        return "size"
    if part > 1 and ALLOCATION.search(clause):
        return "allocation"
    if re.match(r"以上[^，,。；;]", following) or THRESHOLD.search(clause):
        return "threshold"
    if part > 1 or TARGET.search(clause):
        return "target"
    if unit in {"percent", "percentage point"} and CHANGE.search(clause) or unit == "day" and CHANGE.search(clause):
        return "change"
    if unit == "percent" and SHARE.search(clause):
        return "share"
    return "count" if unit and counts_things(unit) else "result"


def part_numbers(paragraphs: tuple[Paragraph, ...]) -> dict[str, int]:
    """The number of the part (一、二、…) each sentence stands in; 0 before the first."""
    numbers, part = {}, 0
    for paragraph in paragraphs:
        part += paragraph.kind == "part"
        for sentence in paragraph.sentences:
            numbers[sentence.id] = part
    return numbers


def exclusion_reason(mention: str, after: str) -> str | None:
    """Why a number is not a figure (a date, a year, a name with digits), or None."""
    if LITERALS.fullmatch(mention):
        return "Part of a name that contains digits, not a quantity."
    if MONTHS.fullmatch(mention):
        return "A period of months, not a quantity." if "—" in mention else "A date (a month of the year)."
    if YEAR.match(mention) and after.startswith("年"):
        return "A year, in a date or a name."
    if YEAR.match(mention):
        return "A year in a name, not a quantity."
    if FOLLOWED_BY_DAY.match(after):
        return "The day of a date."
    if after.startswith("个多月") or after.startswith("个月"):
        return "A length of time, not a measured quantity."
    return None


def propose_period(clause: str, before: str, sentence_words: list[str], inherited: list[str], part: int,
                   spoken: date) -> tuple[str | None, str | None]:
    """The period of a figure: 总投资 in its clause, or 累计 there or earlier in its sentence
    (累计完成A,B,C); else the period words of its clause, else of its sentence, else of the
    sentence it continues (其中); else the speech's own time: its first part reports the year
    to date, the later parts set tasks for the year. And a note if the words could not be read."""
    amount = AMOUNT_WORDS.findall(clause) or (["累计"] if "累计" in before else [])
    words = amount or period_words(clause) or sentence_words or inherited
    if not words:
        return (f"{spoken.year}-to-date" if part <= 1 else str(spoken.year)), None
    read = period_id(words[0], spoken)
    return read, None if read else f"period words {words[0]!r} not read"


def unit_of(mention: str, after: str, clause: str) -> tuple[str | None, str]:
    """The unit of a number and the text after it that writes it. A number listed before
    another (1.4和2.0个百分点) takes the unit of the last; 户 counts households only where the
    clause speaks of them (脱贫人口476户), else items (企业215户)."""
    unit, written = unit_after(mention, after)
    listed = LISTED_AFTER.match(after)
    if unit is None and listed:
        unit, _ = unit_after(listed["last"], after[listed.end():])
    if unit == "household" and not HOUSEHOLDS.search(clause):
        unit = "item"  # 户 counts enterprises and market entities too
    return unit, written


def placed(text: str) -> list[tuple[Mention, int]]:
    """The numbers of a sentence as the validator reads them, each with where it starts, in
    the order of the text (scripts/model/numbers.py reads names and dates first)."""
    taken: list[int] = []
    found = []
    for mention in mentions(text):
        whole = rf"(?<![\d.]){re.escape(mention.chinese)}" + (r"(?![\d.]\d|\d)" if mention.chinese[-1].isdigit() else "")
        start = next(match.start() for match in re.finditer(whole, text) if match.start() not in taken)
        taken.append(start)
        found.append((mention, start))
    return sorted(found, key=lambda pair: pair[1])


def propose_numbers(paragraphs: tuple[Paragraph, ...], spoken: date) -> list[Proposal]:
    """A proposal for every number the validator reads in the speech, in speech order, and for
    the Chinese numerals that are quantities (“零”火点, 全市第一)."""
    parts = part_numbers(paragraphs)
    proposals: list[Proposal] = []
    previous_words: list[str] = []
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            text, part = sentence.text, parts[sentence.id]
            words = period_words(text)
            inherited = previous_words if CONTINUES.match(text) else []
            names = [match.span() for match in QUOTED_NAME.finditer(text)]
            for mention, start in placed(text):
                end = start + len(mention.chinese)
                after = text[end:]
                proposal = Proposal(sentence.id, mention.chinese)
                reason = exclusion_reason(mention.chinese, after)
                if paragraph.kind in {"title", "date", "speaker"}:
                    reason = reason or "Part of the speech's header (its title, date or speaker)."
                if not reason and any(left < start and end < right for left, right in names):
                    reason = "Part of a quoted name, not a quantity."
                if reason:
                    proposal.excluded = reason
                    proposals.append(proposal)
                    continue
                proposal.value = re.match(r"[\d.]+", ORDINAL.sub(lambda m: m[1], mention.chinese))[0]
                if ORDINAL.fullmatch(mention.chinese):
                    proposal.unit, written = "rank", "位" if after.startswith("位") else ""
                else:
                    proposal.unit, written = unit_of(mention.chinese, after, clause_around(text, start, end))
                proposal.quote = clause_around(text, start, end + len(written))
                proposal.period, note = propose_period(proposal.quote, text[:start], words, inherited, part, spoken)
                proposal.kind = kind_of(proposal.quote, text[end + len(written):], proposal.unit, part)
                proposal.notes += [note] if note else []
                proposal.notes += [] if proposal.unit else ["no unit found after the number"]
                proposals.append(proposal)
            for match in CHINESE_NUMERAL_QUANTITY.finditer(text):
                proposals.append(numeral_proposal(sentence.id, text, match, words, inherited, part, spoken))
            if words:
                previous_words = words
    return proposals


def numeral_proposal(sentence_id: str, text: str, match: re.Match, words: list[str], inherited: list[str],
                     part: int, spoken: date) -> Proposal:
    """A quantity the speech writes in a Chinese numeral: “零”火点 (a count), 全市第一 (a rank)."""
    zero, rank = match[1], match[2]
    numeral = zero or rank
    quote = clause_around(text, match.start(), match.end())
    period, note = propose_period(quote, text[:match.start()], words, inherited, part, spoken)
    unit = "rank" if rank else (unit_after("", text[match.end():])[0] or "item")
    return Proposal(sentence_id, numeral, value=str(cn2an(numeral, "smart")), unit=unit, quote=quote,
                    period=period, kind="rank" if rank else kind_of(quote, "", unit, part),
                    numeral=f"第{numeral}" if rank else numeral, notes=[note] if note else [])


def glossary_candidates(paragraphs: tuple[Paragraph, ...]) -> list[dict]:
    """Quoted terms (“…”) and numbered formulas (两不愁三保障), each once, with the first sentence
    that has it; explanations left to write."""
    found: dict[str, str] = {}
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            for term in [*QUOTED_TERM.findall(sentence.text), *NUMBERED_FORMULA.findall(sentence.text)]:
                found.setdefault(term, sentence.id)
    return [{"zh": term, "first_in": sentence_id, "draft": True} for term, sentence_id in found.items()]


# ------------------------------------------------------------------ the draft files

def header(paragraphs: tuple[Paragraph, ...], seed: Path, spoken: date | None) -> dict:
    """document.yaml's fields the speech's header lines give, each to review."""
    lines = [paragraph.text for paragraph in paragraphs[:4]]
    speaker = lines[2].split() if len(lines) > 2 else []
    return {"draft": True, "source": {"file": seed.as_posix()},
            "title": {"zh": lines[0] if lines else "", "en": ""},
            "speaker": {"name": {"zh": speaker[-1] if speaker else "", "en": ""},
                        "office": {"zh": " ".join(speaker[:-1]), "en": ""}},
            "date": spoken.isoformat() if spoken else "",
            "date_as_written": (re.search(r"\d{4}年\d{1,2}月\d{1,2}日", lines[1]) or [""])[0] if len(lines) > 1 else ""}


def speech_records(paragraphs: tuple[Paragraph, ...], hints: dict[str, str]) -> dict:
    """speech.yaml: every sentence with its id and its Chinese; the English left to write, with
    the known renderings of the terms it holds as hints."""
    records = {}
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            terms = sorted((term for term in hints if term in sentence.text), key=len, reverse=True)
            record = {"zh": sentence.text, "en": "", "draft": True}
            if terms:
                record["hints"] = [f"{term}: {hints[term]}" for term in terms[:8]]
            records[sentence.id] = record
    return records


def figure_records(proposals: Iterable[Proposal]) -> list[dict]:
    records, counts = [], {}
    for proposal in proposals:
        if proposal.excluded:
            continue
        stem = f"{proposal.sentence}-{proposal.unit or 'number'}".replace(" ", "-").replace(",", "")
        counts[stem] = counts.get(stem, 0) + 1
        record = {"id": f"{stem}-{counts[stem]}", "draft": True, "label": {"zh": "", "en": ""},
                  "value": proposal.value, "unit": proposal.unit, "kind": proposal.kind, "period": proposal.period,
                  "source": {"sentence": proposal.sentence, "quote": proposal.quote, "quote_en": ""}}
        if proposal.numeral:
            record["numeral"] = proposal.numeral
        if proposal.notes:
            record["review"] = "; ".join(proposal.notes)
        records.append(record)
    return records


def exclusion_records(proposals: Iterable[Proposal]) -> list[dict]:
    return [{"sentence": proposal.sentence, "text": proposal.text, "reason": proposal.excluded, "draft": True}
            for proposal in proposals if proposal.excluded]


def period_records(proposals: Iterable[Proposal], known: set[str]) -> list[dict]:
    """The periods the proposals use that the known vocabulary lacks."""
    ids = sorted({proposal.period for proposal in proposals if proposal.period and proposal.period not in known})
    return [{"id": period, "zh": "", "en": "", "draft": True} for period in ids]


def dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)


# ------------------------------------------------------------------ agreement with confirmed data

@dataclass(frozen=True)
class Agreement:
    name: str
    agreed: int
    compared: int

    @property
    def share(self) -> float:
        return self.agreed / self.compared if self.compared else 1.0


def compare(proposals: list[Proposal], sentence_ids: list[str], data: Path) -> tuple[list[Agreement], list[str]]:
    """How the proposals agree with the confirmed data of the same speech: sentence ids, numbers
    accounted for, and each figure's value and unit, period and kind; and every disagreement."""
    confirmed: dict[tuple[str, str], list[dict]] = {}
    for figure in read_yaml(data / "figures.yaml") or []:
        written = figure.get("numeral", "").removeprefix("第") or str(figure["value"])
        for source in (figure["source"], *figure.get("also_in", [])):
            confirmed.setdefault((source["sentence"], written), []).append(figure)
    excluded = {(item["sentence"], item["text"]) for item in read_yaml(data / "figures-excluded.yaml") or []}
    confirmed_ids = list(read_yaml(data / "speech.yaml") or {})
    tallies = {"value and unit": [0, 0], "period": [0, 0], "kind": [0, 0]}
    disagreements: list[str] = []

    def tally(measure: str, field: str, proposal: Proposal, figure: dict) -> None:
        proposed = getattr(proposal, field)
        tallies[measure][1] += 1
        if proposed == figure[field]:
            tallies[measure][0] += 1
        else:
            disagreements.append(f"{proposal.sentence} {proposal.text}: {field} {proposed}, confirmed "
                                 f"{figure[field]} ({figure['id']})")

    for proposal in proposals:
        key = (proposal.sentence, proposal.numeral.removeprefix("第") if proposal.numeral else proposal.value)
        matches = confirmed.get(key, [])
        if proposal.excluded or not matches:
            if proposal.excluded and (proposal.sentence, proposal.text) not in excluded:
                disagreements.append(f"{proposal.sentence} {proposal.text}: excluded ({proposal.excluded}), "
                                     "but confirmed as a figure")
            elif not proposal.excluded:
                tallies["value and unit"][1] += 1
                disagreements.append(f"{proposal.sentence} {proposal.text}: proposed as a figure, but confirmed "
                                     + ("excluded" if (proposal.sentence, proposal.text) in excluded else "nowhere"))
            continue
        figure = next((match for match in matches if match["unit"] == proposal.unit), matches[0])
        tally("value and unit", "unit", proposal, figure)
        if figure["source"]["sentence"] == proposal.sentence:  # a second mention has the first one's
            tally("period", "period", proposal, figure)
            tally("kind", "kind", proposal, figure)
    numbers = [proposal for proposal in proposals if not proposal.numeral]
    same_ids = sum(1 for left, right in zip(sentence_ids, confirmed_ids) if left == right)
    accounted = sum(1 for proposal in numbers if proposal.excluded or (proposal.sentence, proposal.value) in confirmed)
    table = [Agreement("sentences and their ids", same_ids, max(len(sentence_ids), len(confirmed_ids))),
             Agreement("numbers proposed as a figure or excluded", accounted, len(numbers)),
             *(Agreement(measure, *counts) for measure, counts in tallies.items())]
    return table, disagreements


def agreement_table(table: list[Agreement]) -> str:
    rows = ["| measure | agreed | of | share |", "| --- | --- | --- | --- |"]
    rows += [f"| {row.name} | {row.agreed} | {row.compared} | {row.share:.0%} |" for row in table]
    return "\n".join(rows)


# ------------------------------------------------------------------ the command

def draft(seed: Path, out: Path, vocabulary: Path) -> list[Proposal]:
    """Write the draft folder for the seed; return the number proposals. `vocabulary` is a data
    folder whose glossary gives the hints for the translator and whose periods are known."""
    paragraphs = split_speech(seed.read_text(encoding="utf-8"))
    spoken = speech_date(paragraphs) or date.today()
    proposals = propose_numbers(paragraphs, spoken)
    glossary = read_yaml(vocabulary / "glossary.yaml") or []
    hints = {entry["zh"]: entry["en"] for entry in glossary}
    known_periods = {period["id"] for period in read_yaml(vocabulary / "periods.yaml") or []}
    out.mkdir(parents=True, exist_ok=True)
    note = (f"# A draft made by `make draft` from {seed.as_posix()}: every record is a proposal marked\n"
            "# `draft: true`. Check each against the speech, correct it, and delete its `draft` line;\n"
            "# the validator refuses any record still marked.\n")
    files = {"document.yaml": header(paragraphs, seed, spoken),
             "speech.yaml": speech_records(paragraphs, hints),
             "figures.yaml": figure_records(proposals),
             "figures-excluded.yaml": exclusion_records(proposals),
             "periods.yaml": period_records(proposals, known_periods),
             "glossary.yaml": glossary_candidates(paragraphs)}
    for name, value in files.items():
        (out / name).write_text(note + dump(value), encoding="utf-8")
    return proposals


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def confirmed_data_of(seed: Path) -> Path | None:
    """data/, if it holds the confirmed data of this very seed (its document names it)."""
    document = read_yaml(ROOT / "data" / "document.yaml") or {}
    named = (document.get("source") or {}).get("file")
    return ROOT / "data" if named and (ROOT / named).resolve() == seed.resolve() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("--out", type=Path, help="the draft folder (default: drafts/<seed's name>)")
    parser.add_argument("--compare", type=Path, help="confirmed data of the same speech to measure the draft "
                                                     "against (default: data/, when it is this seed's)")
    arguments = parser.parse_args(argv)
    seed = arguments.seed
    if not seed.is_file():
        print(f"{seed}: no such file (name a speech's text, e.g. SEED=seeds/<file>.txt)", file=sys.stderr)
        return 1
    out = arguments.out or ROOT / "drafts" / seed.stem
    proposals = draft(seed, out, ROOT / "data")
    figures = sum(1 for proposal in proposals if not proposal.excluded)
    print(f"Draft written to {out}: {figures} figures and {len(proposals) - figures} excluded numbers proposed, "
          "each marked `draft: true` for review.")
    confirmed = arguments.compare or confirmed_data_of(seed)
    if confirmed:
        sentence_ids = [sentence.id for paragraph in split_speech(seed.read_text(encoding="utf-8"))
                        for sentence in paragraph.sentences]
        table, disagreements = compare(proposals, sentence_ids, confirmed)
        print(f"\nAgreement with the confirmed data in {confirmed}:\n{agreement_table(table)}")
        if disagreements:
            print(f"\n{len(disagreements)} disagreements (the draft's proposal, then the confirmed value):\n"
                  + "\n".join(disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
