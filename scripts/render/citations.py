"""The one citation builder: every way the site cites its dataset and the speech is made here from
one set of facts (`citation_facts`, the only reader of the data for it) and the words of the
strings files (`citation.*`).

- the sentence on the downloads pages (`citation_text`) and in the data files (`citation_plain`);
- the record in the downloads pages' front matter (`citation_record`), which the theme writes as
  BibTeX and CSL-JSON, for reference managers, and as a GB/T 7714 reference, the form a Chinese
  reader pastes, adding the address, which only the build knows (`bibtex`, `csl_json`, `gbt7714`);
- the words of the "cite this page" line of every page's footer (`theme_citation_words`, filled
  into the strings' `theme.cite` by the MkDocs hooks with the page's title and address).

Pure, and light: the MkDocs hooks import it.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from markupsafe import Markup

from scripts.render.interface import date_text, translator

if TYPE_CHECKING:
    from scripts.model.records import SiteData

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


# ------------------------------------------------------------------ the facts, read from the data once

def citation_facts(site: SiteData, language: str) -> dict[str, str]:
    """What a citation of the dataset says, in `language`: the placeholders of the `citation.*` strings."""
    document, published = site.document, site.document.published
    latest = site.versions[0] if site.versions else None
    t = translator(language)
    return {"site": getattr(document.site_title, language), "speaker": getattr(document.speaker.name, language),
            "office": getattr(document.speaker.office, language), "title": getattr(document.title, language),
            "title_zh": document.title.zh, "date": date_text(document.date, language),
            "publisher": getattr(published.publisher, language), "posted": date_text(published.posted, language),
            "url": published.url, "sha256": document.source.sha256,
            "version": latest.version if latest else "", "version_date": date_text(latest.date, language) if latest else "",
            "version_text": t.plain("citation.version", version=latest.version, date=date_text(latest.date, language))
            if latest else ""}


def dataset_name(site: SiteData) -> str:
    """The dataset's name in safe characters, from the speech's file name (the data package's
    name; with its version, the BibTeX key)."""
    return f"{safe_name(PurePosixPath(site.document.source.file).stem)}-figures"


def dataset_title(site: SiteData, language: str = "en") -> str:
    return translator(language).plain("citation.dataset_title", site=getattr(site.document.site_title, language))


def citation_text(site: SiteData, language: str) -> Markup:
    """How to cite the dataset, as the downloads page shows it (the Chinese title marked as Chinese)."""
    facts = citation_facts(site, language)
    original = Markup(f'<span lang="zh">{escape(facts["title_zh"], quote=True)}</span>')
    return translator(language)("citation.dataset", **facts, original=original)


def citation_plain(site: SiteData, language: str = "en") -> str:
    """How to cite the dataset, as plain text (the data files)."""
    facts = citation_facts(site, language)
    return translator(language).plain("citation.dataset", **facts, original=facts["title_zh"])


def citation_record(site: SiteData) -> dict[str, str]:
    """The facts a reference manager needs to cite the dataset (bibtex, csl_json and gbt7714 format them)."""
    document, latest, published = site.document, site.versions[0], site.document.published
    iso = {"date": document.date.isoformat(), "posted": published.posted.isoformat()}
    return {"key": f"{dataset_name(site)}-{latest.version}",
            "title": dataset_title(site, "en"), "title_zh": dataset_title(site, "zh"),
            "author": document.site_title.en, "version": latest.version,
            "date": latest.date.isoformat(), "url": "downloads.html",
            "original_title": document.title.zh, "original_publisher": published.publisher.zh,
            "original_date": published.posted.isoformat(), "original_url": published.url,
            "note": translator("en").plain("citation.note", **{**citation_facts(site, "en"), **iso})}


def theme_citation_words(site: SiteData, language: str) -> dict[str, str]:
    """The data's words in the footer's "cite this page" line (the strings' theme.cite)."""
    facts = citation_facts(site, language)
    return {"version": facts["version"], "version_date": facts["version_date"], "publisher": facts["publisher"],
            "posted": facts["posted"], "speech_url": facts["url"]}
