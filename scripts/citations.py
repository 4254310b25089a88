"""The dataset's citation as BibTeX and CSL-JSON, for reference managers, and as a GB/T 7714
reference, the form a Chinese reader pastes (shown on the downloads pages). The generator gives the facts (scripts/downloads.py `citation_record`); the theme adds
the address, which only the build knows. Pure, and light: the MkDocs hooks import it.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

BIBTEX_SPECIAL = re.compile(r"([\\{}%&#_$~^])")
# BibTeX counts every brace, escaped or not, to find where a field ends: a brace of the text is
# written as a command whose own braces are balanced.
BIBTEX_WORDS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def bibtex_text(text: str) -> str:
    """Text as a BibTeX field value: its special characters escaped, never markup, its braces balanced."""
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_WORDS.get(match.group(1), "\\" + match.group(1)), text)


def safe_name(text: str) -> str:
    """A name of letters, digits and hyphens only, for a BibTeX key or a data package's name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "speech"


def bibtex(record: dict, site_url: str) -> str:
    """A @misc entry for the dataset (BibTeX has no dataset type that every style knows)."""
    year, month, _ = record["date"].split("-")
    fields = {
        "title": "{" + bibtex_text(record["title"]) + "}",
        "author": "{" + bibtex_text(record["author"]) + "}",
        "year": year, "month": str(int(month)), "version": bibtex_text(record["version"]),
        "url": urljoin(site_url, record["url"]), "note": bibtex_text(record["note"]),
    }
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{record['key']},\n{lines}\n}}"


def csl_json(record: dict, site_url: str) -> str:
    """A CSL-JSON item (type dataset), as Zotero and citeproc read it."""
    year, month, day = (int(part) for part in record["date"].split("-"))
    item = {"id": record["key"], "type": "dataset", "title": record["title"],
            "author": [{"literal": record["author"]}], "issued": {"date-parts": [[year, month, day]]},
            "version": record["version"], "URL": urljoin(site_url, record["url"]), "note": record["note"],
            "original-title": record["original_title"], "original-publisher": record["original_publisher"],
            "original-date": {"date-parts": [[int(part) for part in record["original_date"].split("-")]]},
            "source": record["original_url"]}
    return json.dumps([item], ensure_ascii=False, indent=2)


ACCESSED = "引用日期"  # GB/T 7714's access date: the reader's day, which the page's script writes in


def gbt7714(record: dict, site_url: str) -> str:
    """A GB/T 7714-2015 reference to the dataset as an online dataset ([DS/OL]): title, version,
    date of this version, the reader's access date (ACCESSED, filled in by the page) and address.
    It has no author: GB/T 7714 then begins with the title."""
    return (f"{record['title_zh']}[DS/OL]. 版本{record['version']}. ({record['date']})[{ACCESSED}]. "
            f"{urljoin(site_url, record['url'])}.")
