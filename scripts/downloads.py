"""The figures dataset as files to download: CSV (UTF-8 with BOM, so Excel reads the Chinese),
JSON, and a Frictionless data package describing both. Pure functions, data in, text out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import PurePosixPath

from scripts.figures import display_value, value_text
from scripts.interface import date_text
from scripts.model import SiteData
from scripts.relations import amount, computed_relations

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
    ("value_zh", "string", "The value as the speech writes it, with its unit"),
    ("value_en", "string", "The value in English (mu with hectares, jin with tonnes)"),
    ("kind", "string", "A figure's: result, change, share, count, rank, target, threshold, allocation or size; "
                       "a derived record's formula: share, days, sum, difference, base or total"),
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
    ("also_sentences", "string", "Ids of other sentences that state the same figure, space-separated"),
    ("formula", "string", "A derived record's formula, with the input values as the speech writes them"),
    ("inputs", "string", "Ids of the figures a derived record is computed from, space-separated"),
    ("data_version", "string", "Version of this dataset (data/versions.yaml)"),
]


def dataset_title(site: SiteData) -> str:
    return f"{site.document.site_title.en}: figures"


def citation_parts(site: SiteData, language: str = "en") -> list[tuple[str, str | None]]:
    """How to cite the dataset in one language, as (text, language of the text if not the page's)."""
    document = site.document
    latest = site.versions[0] if site.versions else None
    if language == "zh":
        version = f"数据版本{latest.version}（{date_text(latest.date, 'zh')}）；" if latest else ""
        return [(f"《{document.site_title.zh}》数据集，依据{document.speaker.office.zh}{document.speaker.name.zh}"
                 f"《{document.title.zh}》（{date_text(document.date, 'zh')}）整理；{version}"
                 f"原文SHA-256校验值 {document.source.sha256}。", None)]
    version = f" Data version {latest.version} ({date_text(latest.date, 'en')})." if latest else ""
    return [(f"{document.site_title.en}, dataset derived from: {document.speaker.name.en}, "
             f"\"{document.title.en}\" (", None), (document.title.zh, "zh"),
            (f"), {date_text(document.date, 'en')}.{version} Source text SHA-256 {document.source.sha256}.", None)]


def citation_record(site: SiteData) -> dict[str, str]:
    """The facts a reference manager needs to cite the dataset (scripts/citations.py formats them)."""
    document, latest = site.document, site.versions[0]
    return {"key": f"{PurePosixPath(document.source.file).stem}-figures-{latest.version}",
            "title": dataset_title(site), "author": document.site_title.en, "version": latest.version,
            "date": latest.date.isoformat(), "url": "downloads.html",
            "note": (f"Dataset derived from: {document.speaker.name.en}, \"{document.title.en}\" (in Chinese), "
                     f"{document.date.isoformat()}; the Chinese text prevails")}


def citation(site: SiteData, language: str = "en") -> str:
    """How to cite the dataset, as plain text."""
    return "".join(text for text, _ in citation_parts(site, language))


def records(site: SiteData) -> list[dict[str, str | float | int | bool]]:
    """Every figure of the speech, then every value this site computed from them (derived)."""
    version = site.versions[0].version if site.versions else ""
    figures = [{
        "id": figure.id, "derived": False, "topic": figure.topic, "label_zh": figure.label.zh,
        "label_en": figure.label.en, "value": figure.value, "unit": figure.unit,
        "value_zh": display_value(figure, "zh"), "value_en": display_value(figure, "en"),
        "kind": figure.kind, "period": figure.period, "basis": figure.basis or "",
        "qualifier": figure.qualifier or "", "headline": figure.headline,
        "related": figure.related.figure if figure.related else "",
        "note_zh": figure.related.note.zh if figure.related else "",
        "note_en": figure.related.note.en if figure.related else "",
        "sentence": figure.source.sentence, "quote": figure.source.quote,
        "also_sentences": " ".join(source.sentence for source in figure.also_in),
        "formula": "", "inputs": "", "data_version": version,
    } for figure in site.figures]
    derived = [{
        "id": computed.relation.id, "derived": True, "topic": computed.inputs[0].topic,
        "label_zh": computed.relation.label.zh, "label_en": computed.relation.label.en,
        "value": float(computed.shown) if computed.decimals else int(computed.shown), "unit": computed.unit,
        "value_zh": amount(computed, "zh"), "value_en": amount(computed, "en"),
        "kind": computed.relation.kind, "period": "", "basis": "", "qualifier": "", "headline": False,
        "related": computed.relation.stated or "",
        "note_zh": computed.relation.note.zh if computed.relation.note else "",
        "note_en": computed.relation.note.en if computed.relation.note else "",
        "sentence": "", "quote": "", "also_sentences": "",
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
    return value_text(value) if name == "value" else spreadsheet_safe(value)


def figures_csv(site: SiteData) -> str:
    """CSV text; written with a BOM (utf-8-sig) so that Excel opens the Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _, _ in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    for row in records(site):
        writer.writerow({name: cell_text(name, value) for name, value in row.items()})
    return buffer.getvalue()


def figures_json(site: SiteData) -> str:
    latest = site.versions[0] if site.versions else None
    payload = {"title": dataset_title(site), "license": LICENSE["name"], "citation": citation(site),
               "version": latest.version if latest else "", "version_date": latest.date.isoformat() if latest else "",
               "source": site.document.source.file, "figures": records(site)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def datapackage(site: SiteData) -> str:
    """A Frictionless data package describing the CSV and the JSON."""
    fields = [{"name": name, "type": kind, "description": description} for name, kind, description in COLUMNS]
    package = {
        "name": f"{PurePosixPath(site.document.source.file).stem}-figures",
        "title": dataset_title(site),
        **({"version": site.versions[0].version} if site.versions else {}),
        "description": "Every figure the speech gives, each with its source sentence and verbatim Chinese quote. "
                       "The Chinese text of the speech is authoritative; English labels are unofficial. " + CSV_NOTE,
        "licenses": [LICENSE],
        "sources": [{"title": f"{site.document.title.zh} ({site.document.date.isoformat()})",
                     "path": site.document.source.file}],
        "citation": citation(site),
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "description": CSV_NOTE,
             "encoding": "utf-8-sig", "schema": {"fields": fields, "primaryKey": ["id"]}},
            {"name": "figures-json", "path": "figures.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8"},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


DOWNLOAD_NAMES = ("figures.csv", "figures.json", "datapackage.json")


def download_files(site: SiteData) -> dict[str, bytes]:
    """Every download, keyed by its path under docs/downloads/."""
    return {"figures.csv": figures_csv(site).encode("utf-8-sig"),
            "figures.json": figures_json(site).encode("utf-8"),
            "datapackage.json": datapackage(site).encode("utf-8")}
