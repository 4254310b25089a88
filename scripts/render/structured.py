"""schema.org descriptions (JSON-LD) of the speech (on the home pages) and of the dataset (on the
downloads pages), for search engines and dataset search. Pure: data in, plain dicts out.

Addresses are written relative to the site's root ("downloads/figures.csv"); the theme makes
them absolute under the configured site URL when it writes the page (scripts/publish/hooks.py,
`json_ld`), since only the build knows where the site is published.
"""

from __future__ import annotations

from scripts.model.records import SiteData
from scripts.render.citations import dataset_title
from scripts.render.downloads import DOWNLOAD_NAMES, LICENSE

CONTEXT = "https://schema.org"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


def speech(site: SiteData) -> dict:
    """The speech as a work, in Chinese, where it was published, with this site's English translation."""
    document, published = site.document, site.document.published
    return {
        "@type": "CreativeWork", "genre": "speech",
        "name": document.title.zh, "alternateName": document.title.en, "inLanguage": "zh",
        "author": {"@type": "Person", "name": document.speaker.name.zh, "alternateName": document.speaker.name.en,
                   "jobTitle": document.speaker.office.zh},
        "dateCreated": document.date.isoformat(),
        "locationCreated": {"@type": "Place", "name": document.place.zh, "alternateName": document.place.en},
        "about": {"@type": "Event", "name": document.meeting.zh, "alternateName": document.meeting.en,
                  "startDate": document.date.isoformat()},
        "url": published.url,
        "datePublished": published.posted.isoformat(),
        "publisher": {"@type": "GovernmentOrganization", "name": published.publisher.zh,
                      "alternateName": published.publisher.en},
        "workTranslation": {"@type": "CreativeWork", "name": document.title.en, "inLanguage": "en",
                            "url": "en/speech.html", "translator": {"@type": "Organization", "name": document.site_title.en}},
    }


def dataset(site: SiteData) -> dict:
    """The figures as a dataset: what it is, who made it, what it covers and where to get it."""
    document = site.document
    latest = site.versions[0] if site.versions else None
    year = document.date.year
    return {
        "@type": "Dataset",
        "name": dataset_title(site),
        "description": ("Every figure of the speech, each with its source sentence and verbatim Chinese quote, "
                        "and the values this site computes from them (marked as derived). The Chinese text of "
                        f"the speech prevails. Source: {document.title.zh} ({document.date.isoformat()})."),
        "url": "downloads.html",
        "license": LICENSE["path"],
        "creator": {"@type": "Organization", "name": document.site_title.en, "alternateName": document.site_title.zh},
        **({"version": latest.version, "dateModified": latest.date.isoformat()} if latest else {}),
        "temporalCoverage": f"{year}-01-01/{year}-12-31",
        "spatialCoverage": {"@type": "Place", "name": document.place.zh, "alternateName": document.place.en},
        "inLanguage": ["zh", "en"],
        "isBasedOn": speech(site),
        "distribution": [{"@type": "DataDownload", "name": name, "contentUrl": f"downloads/{name}",
                          "encodingFormat": MEDIA_TYPES[name.rsplit(".", 1)[1]]} for name in DOWNLOAD_NAMES],
    }


STRUCTURED = {"index": speech, "downloads": dataset}  # the pages that describe something, and what


def structured_data(page: str, site: SiteData) -> dict | None:
    """The JSON-LD of a page, or None for a page that describes nothing."""
    described = STRUCTURED.get(page)
    return {"@context": CONTEXT, **described(site)} if described else None
