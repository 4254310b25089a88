"""The figures dataset as files to download: CSV (UTF-8 with BOM, so Excel reads the Chinese),
JSON, and a Frictionless data package describing both. Pure functions, data in, text out."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from scripts.model.figures import amount_text, display_value, value_text
from scripts.model.outcomes import assessments
from scripts.model.quantity import UNITS, expand_placeholders
from scripts.model.records import SiteData
from scripts.model.relations import amount, computed_relations
from scripts.render.citations import citation_plain, dataset_name, dataset_title
from scripts.render.pages import BY_NAME

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
COLUMNS = [
    ("id", "string", "Identifier of the figure, or of the relation a derived record computes"),
    ("derived", "boolean", "false for a figure of the speech; true for a value this site computed from them "
                           "(see formula and inputs), which the speech does not state"),
    ("topic", "string", "Section of the speech (data/topics.yaml)"),
    ("label_zh", "string", "What the figure counts, in Chinese"),
    ("label_en", "string", "What the figure counts, in English"),
    ("value", "number", "The number as the speech writes it (a derived value: as computed, rounded)"),
    ("unit", "string", "Unit of `value` (magnitude included: 10,000 mu, 100 million yuan)"),
    ("value_base", "number", "The value in `base_unit`, the magnitude applied (5.13 in 10,000 mu is 51300 mu)"),
    ("base_unit", "string", "The unit without magnitude: mu, yuan, head, item, person, percent, day ..."),
    ("value_zh", "string", "The value as the speech writes it, with its unit"),
    ("value_en", "string", "The value in English (mu with hectares, jin with tonnes)"),
    ("kind", "string", "A figure's: result (an amount measured), change, share, count (a number of things), rank, "
                       "target, threshold, allocation or size; a derived record's formula: share, days, sum, "
                       "difference, base, total or rest"),
    ("period", "string", "Period the figure refers to, as the speech states it (data/periods.yaml)"),
    ("basis", "string", "Comparison the speech states, if any"),
    ("qualifier", "string", "at-least, more-than or exceeds, if the speech qualifies the number"),
    ("headline", "boolean", "Shown as a key figure on the home page"),
    ("related", "string", "For a target, the id of the figure it is read beside; for a derived record, the "
                          "figure that states the result, if the speech states it"),
    ("note_zh", "string", "For a target, what it and its related figure each count; for a derived record, "
                          "the editor's note; in Chinese"),
    ("note_en", "string", "The same note, in English"),
    ("sentence", "string", "Id of the source sentence in the full text"),
    ("quote", "string", "The words of the speech that give the figure (Chinese, verbatim)"),
    ("quote_en", "string", "The same words in this site's English translation"),
    ("also_sentences", "string", "Ids of other sentences that state the same figure, space-separated"),
    ("formula", "string", "A derived record's formula, with the input values as the speech writes them"),
    ("inputs", "string", "Ids of the figures a derived record is computed from, space-separated"),
    ("data_version", "string", "Version of this dataset (data/versions.yaml)"),
]


def in_base_unit(value: Decimal, unit: str) -> dict[str, float | int | str]:
    """A value in its unit without magnitude: (5.13, "10,000 mu") -> 51300 in mu."""
    _, multiplier, base = UNITS[unit]
    scaled = (value * multiplier).normalize()
    return {"value_base": int(scaled) if scaled == scaled.to_integral_value() else float(scaled), "base_unit": base}


def records(site: SiteData) -> list[dict[str, str | float | int | bool]]:
    """Every figure of the speech, then every value this site computed from them (derived)."""
    version = site.versions[0].version if site.versions else ""
    figures = [{
        "id": figure.id, "derived": False, "topic": figure.topic, "label_zh": figure.label.zh,
        "label_en": figure.label.en, "value": figure.value, "unit": figure.unit,
        **in_base_unit(Decimal(value_text(figure.value)), figure.unit),
        "value_zh": display_value(figure, "zh"), "value_en": display_value(figure, "en"),
        "kind": figure.kind, "period": figure.period, "basis": figure.basis or "",
        "qualifier": figure.qualifier or "", "headline": figure.headline,
        "related": figure.related.figure if figure.related else "",
        "note_zh": figure.related.note.zh if figure.related else "",
        "note_en": figure.related.note.en if figure.related else "",
        "sentence": figure.source.sentence, "quote": figure.source.quote,
        "quote_en": expand_placeholders(figure.source.quote_en),
        "also_sentences": " ".join(source.sentence for source in figure.also_in),
        "formula": "", "inputs": "", "data_version": version,
    } for figure in site.figures]
    derived = [{
        "id": computed.relation.id, "derived": True, "topic": computed.inputs[0].topic,
        "label_zh": computed.relation.label.zh, "label_en": computed.relation.label.en,
        "value": float(computed.shown) if computed.decimals else int(computed.shown), "unit": computed.unit,
        **in_base_unit(computed.shown, computed.unit),
        "value_zh": amount(computed, "zh"), "value_en": amount(computed, "en"),
        "kind": computed.relation.kind, "period": "", "basis": "", "qualifier": "", "headline": False,
        "related": computed.relation.stated or "",
        "note_zh": computed.relation.note.zh if computed.relation.note else "",
        "note_en": computed.relation.note.en if computed.relation.note else "",
        "sentence": "", "quote": "", "quote_en": "", "also_sentences": "",
        "formula": computed.formula, "inputs": " ".join(computed.relation.inputs), "data_version": version,
    } for computed in computed_relations(site.relations, site.figures)]
    return figures + derived


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_NOTE = ("Text cells that would start with =, +, -, @, a tab or a carriage return begin with an apostrophe "
            "in figures.csv, so that no spreadsheet runs them as a formula; figures.json has the text as written.")


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as text: a leading ' before anything it would run as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def cell_text(name: str, value: str | float | int | bool) -> str:
    """A CSV cell: true/false, a number as the speech writes it, or text a spreadsheet shows as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value_text(value)
    return spreadsheet_safe(value)


def csv_text(names: list[str], rows: list[dict]) -> str:
    """CSV text; written with a BOM (utf-8-sig) so that Excel opens the Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: cell_text(name, value) for name, value in row.items()})
    return buffer.getvalue()


def figures_csv(site: SiteData) -> str:
    return csv_text([name for name, _, _ in COLUMNS], records(site))


def publication(site: SiteData) -> dict[str, str]:
    """Where the speech was published, as the downloads give it."""
    published = site.document.published
    return {"publisher_zh": published.publisher.zh, "publisher_en": published.publisher.en,
            "column_zh": published.column.zh, "column_en": published.column.en, "url": published.url,
            "posted": published.posted.isoformat(), "retrieved": published.retrieved.isoformat(),
            "file": site.document.source.file, "sha256": site.document.source.sha256}


def about_the_data(site: SiteData, title: str) -> dict[str, object]:
    """What a JSON download says of itself: its title, license, citation, version and the speech's publication."""
    latest = site.versions[0] if site.versions else None
    return {"title": title, "license": LICENSE["name"], "citation": citation_plain(site),
            "version": latest.version if latest else "", "version_date": latest.date.isoformat() if latest else "",
            "source": site.document.source.file, "published": publication(site)}


def figures_json(site: SiteData) -> str:
    payload = {**about_the_data(site, dataset_title(site)), "figures": records(site)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


OUTCOME_COLUMNS = [
    ("id", "string", "Identifier of the outcome"),
    ("figure", "string", "The id of the speech's figure or target it answers (figures.csv); empty for an outcome "
                         "that no figure of the speech measures"),
    ("label_zh", "string", "What the outcome counts, in Chinese (this site's words)"),
    ("label_en", "string", "What the outcome counts, in English"),
    ("value", "number", "The number as the source states it; empty where none is comparable"),
    ("unit", "string", "Unit of `value` (magnitude included: 100 million yuan)"),
    ("value_zh", "string", "The value with its unit, in Chinese"),
    ("value_en", "string", "The value with its unit, in English"),
    ("period", "string", "Period the outcome covers (data/periods.yaml)"),
    ("vintage", "string", "estimate (the source says 预计), preliminary, or final"),
    ("since", "string", "For a target of the rest of the year: the speech's figure for the part before, "
                        "subtracted from the whole year's outcome"),
    ("computed", "number", "The outcome for the target's period, value less `since` (computed by this site)"),
    ("status", "string", "For a target: met, not-met or no-comparable-outcome, computed by this site from the "
                         "target's comparator as the Chinese states it"),
    ("note_zh", "string", "This site's note on the outcome, in Chinese"),
    ("note_en", "string", "The same note, in English"),
    ("source_id", "string", "Identifier of the source document"),
    ("source_publisher_zh", "string", "Who published the source, in Chinese"),
    ("source_publisher_en", "string", "Who published the source, in English"),
    ("source_title_zh", "string", "The source's title, in Chinese"),
    ("source_title_en", "string", "The source's title, in English"),
    ("source_delivered", "date", "The day the source (a report or speech) was delivered, if it was"),
    ("source_posted", "date", "The day the source was posted"),
    ("source_url", "string", "The source's address"),
    ("data_version", "string", "Version of this dataset (data/versions.yaml)"),
]


def outcome_records(site: SiteData) -> list[dict[str, str | float | int | bool]]:
    """Every outcome of data/outcomes.yaml, with its target's status and every field of its source."""
    version = site.versions[0].version if site.versions else ""
    sources = {source.id: source for source in site.sources}
    figures = {figure.id: figure for figure in site.figures}
    assessed = {item.target.id: item for item in assessments(site)}
    rows = []
    for outcome in site.outcomes:
        source, item = sources[outcome.source], assessed.get(outcome.figure or "")
        has_value, like = outcome.value is not None and outcome.unit is not None, figures.get(outcome.figure or "")
        rows.append({
            "id": outcome.id, "figure": outcome.figure or "", "label_zh": outcome.label.zh, "label_en": outcome.label.en,
            "value": outcome.value if outcome.value is not None else "", "unit": outcome.unit or "",
            "value_zh": amount_text(outcome.value, outcome.unit, "zh", like) if has_value else "",
            "value_en": amount_text(outcome.value, outcome.unit, "en") if has_value else "",
            "period": outcome.period or "", "vintage": outcome.vintage or "", "since": outcome.since or "",
            "computed": float(item.compared) if item and item.computed else "",
            "status": item.status if item else "",
            "note_zh": outcome.note.zh if outcome.note else "", "note_en": outcome.note.en if outcome.note else "",
            "source_id": source.id, "source_publisher_zh": source.publisher.zh, "source_publisher_en": source.publisher.en,
            "source_title_zh": source.title.zh, "source_title_en": source.title.en,
            "source_delivered": source.delivered.isoformat() if source.delivered else "",
            "source_posted": source.posted.isoformat(), "source_url": source.url, "data_version": version,
        })
    return rows


def outcomes_csv(site: SiteData) -> str:
    return csv_text([name for name, _, _ in OUTCOME_COLUMNS], outcome_records(site))


def outcomes_json(site: SiteData) -> str:
    """The outcomes, and every target of the speech with its status (one without an outcome too)."""
    targets = [{"figure": item.target.id, "status": item.status, "outcome": item.outcome.id if item.outcome else ""}
               for item in assessments(site)]
    payload = {**about_the_data(site, f"{dataset_title(site)}: outcomes by the year's end"),
               "targets": targets, "outcomes": outcome_records(site)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def datapackage(site: SiteData) -> str:
    """A Frictionless data package describing the CSV and the JSON."""
    fields = [{"name": name, "type": kind, "description": description} for name, kind, description in COLUMNS]
    package = {
        "name": dataset_name(site),
        "title": dataset_title(site),
        **({"version": site.versions[0].version} if site.versions else {}),
        "description": "Every figure the speech gives, each with its source sentence and verbatim Chinese quote. "
                       "The Chinese text of the speech is authoritative; English labels are unofficial. " + CSV_NOTE,
        "licenses": [LICENSE],
        "sources": [{"title": f"{site.document.title.zh} ({site.document.date.isoformat()})",
                     "path": site.document.published.url},
                    *({"title": f"{source.title.zh} ({source.posted.isoformat()})", "path": source.url}
                      for source in site.sources)],
        "citation": citation_plain(site),
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "description": CSV_NOTE,
             "encoding": "utf-8-sig", "schema": {"fields": fields, "primaryKey": ["id"]}},
            {"name": "figures-json", "path": "figures.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8"},
            {"name": "outcomes", "path": "outcomes.csv", "format": "csv", "mediatype": "text/csv",
             "description": "What later public documents state of the speech's figures and targets, with each "
                            "target's status and every field of the source. " + CSV_NOTE,
             "encoding": "utf-8-sig", "schema": {"fields": [{"name": name, "type": kind, "description": description}
                                                           for name, kind, description in OUTCOME_COLUMNS],
                                                "primaryKey": ["id"]}},
            {"name": "outcomes-json", "path": "outcomes.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8"},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


DOWNLOAD_NAMES = ("figures.csv", "figures.json", "outcomes.csv", "outcomes.json", "datapackage.json")


# The data the downloads are made from: the downloads page's (a page that reads anything else
# stops rendering, scripts/render/page.py), and this module is what that page reads it for.
DOWNLOAD_INPUTS = BY_NAME["downloads"].inputs
_made: list[tuple[tuple, dict[str, bytes]]] = []  # the last download files made, and the data they were made from


def download_files(site: SiteData) -> dict[str, bytes]:
    """Every download, keyed by its path under docs/downloads/. A generation asks three times
    (to write them, and for their sizes on each language's downloads page) with the same data:
    records that are never changed once validated, so the files are made once for those very
    objects (held here, so no other object can take their place in memory and pass for them)."""
    read = tuple(getattr(site, name) for name in DOWNLOAD_INPUTS)
    if _made and all(made is now for made, now in zip(_made[0][0], read, strict=True)):
        return dict(_made[0][1])
    files = {"figures.csv": figures_csv(site).encode("utf-8-sig"),
             "figures.json": figures_json(site).encode("utf-8"),
             "outcomes.csv": outcomes_csv(site).encode("utf-8-sig"),
             "outcomes.json": outcomes_json(site).encode("utf-8"),
             "datapackage.json": datapackage(site).encode("utf-8")}
    _made[:] = [(read, files)]
    return dict(files)
