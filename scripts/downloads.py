"""The figures dataset as files to download: CSV (UTF-8 with BOM, so Excel reads the Chinese),
JSON, and a Frictionless data package describing both. Pure functions, data in, text out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import PurePosixPath

from scripts.figures import display_value, value_text
from scripts.model import SiteData

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
COLUMNS = [
    ("id", "string", "Identifier of the figure"),
    ("topic", "string", "Section of the speech (data/topics.yaml)"),
    ("label_zh", "string", "What the figure counts, in Chinese"),
    ("label_en", "string", "What the figure counts, in English"),
    ("value", "number", "The number as the speech writes it"),
    ("unit", "string", "Unit of `value` (magnitude included: 10,000 mu, 100 million yuan)"),
    ("value_zh", "string", "The value as the speech writes it, with its unit"),
    ("value_en", "string", "The value in English (mu with hectares, jin with tonnes)"),
    ("kind", "string", "result, change, share, count, rank, target or threshold"),
    ("period", "string", "Period the figure refers to"),
    ("basis", "string", "Comparison the speech states, if any"),
    ("qualifier", "string", "at-least, more-than or exceeds, if the speech qualifies the number"),
    ("related", "string", "Id of the first-half figure a target is read beside"),
    ("sentence", "string", "Id of the source sentence in the full text"),
    ("quote", "string", "The words of the speech that give the figure (Chinese, verbatim)"),
]


def dataset_title(site: SiteData) -> str:
    return f"{site.document.site_title.en}: figures"


def citation_parts(site: SiteData, language: str = "en") -> list[tuple[str, str | None]]:
    """How to cite the dataset in one language, as (text, language of the text if not the page's)."""
    document = site.document
    if language == "zh":
        return [(f"《{document.site_title.zh}》数据集，依据{document.speaker.office.zh}{document.speaker.name.zh}"
                 f"《{document.title.zh}》（{document.date.year}年{document.date.month}月{document.date.day}日）整理；"
                 f"原文SHA-256校验值 {document.source.sha256}。", None)]
    return [(f"{document.site_title.en}, dataset derived from: {document.speaker.name.en}, "
             f"\"{document.title.en}\" (", None), (document.title.zh, "zh"),
            (f"), {document.date:%B} {document.date.day}, {document.date.year}. Source text SHA-256 {document.source.sha256}.", None)]


def citation(site: SiteData, language: str = "en") -> str:
    """How to cite the dataset, as plain text."""
    return "".join(text for text, _ in citation_parts(site, language))


def records(site: SiteData) -> list[dict[str, str | float | int]]:
    return [{
        "id": figure.id, "topic": figure.topic, "label_zh": figure.label.zh, "label_en": figure.label.en,
        "value": figure.value, "unit": figure.unit,
        "value_zh": display_value(figure, "zh"), "value_en": display_value(figure, "en"),
        "kind": figure.kind, "period": figure.period, "basis": figure.basis or "",
        "qualifier": figure.qualifier or "", "related": figure.related.figure if figure.related else "",
        "sentence": figure.source.sentence, "quote": figure.source.quote,
    } for figure in site.figures]


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_NOTE = ("Text cells that would start with =, +, -, @, a tab or a carriage return begin with an apostrophe "
            "in figures.csv, so that no spreadsheet runs them as a formula; figures.json has the text as written.")


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as text: a leading ' before anything it would run as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def figures_csv(site: SiteData) -> str:
    """CSV text; written with a BOM (utf-8-sig) so that Excel opens the Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _, _ in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    for row in records(site):
        writer.writerow({name: value_text(value) if name == "value" else spreadsheet_safe(value)
                         for name, value in row.items()})
    return buffer.getvalue()


def figures_json(site: SiteData) -> str:
    payload = {"title": dataset_title(site), "license": LICENSE["name"], "citation": citation(site),
               "source": site.document.source.file, "figures": records(site)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def datapackage(site: SiteData) -> str:
    """A Frictionless data package describing the CSV and the JSON."""
    fields = [{"name": name, "type": kind, "description": description} for name, kind, description in COLUMNS]
    package = {
        "name": f"{PurePosixPath(site.document.source.file).stem}-figures",
        "title": dataset_title(site),
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
