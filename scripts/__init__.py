"""The site's generator, in the order a build runs it; each folder imports only from the ones above it:

- model/    the typed records of data/ and what they mean: quantities and units, periods, the
            arithmetic of relations, targets and outcomes (pure functions, no files);
- load/     data/ read with the line of every field, and every check of it (`FILE:LINE` problems);
- render/   pages, downloads, link-preview cards and citations from the records (pure: data in,
            text or bytes out), with the page registry, the templates and the interface strings;
- build/    load -> validate -> render -> write into docs/, the caches that make it fast and the
            `make build` that runs MkDocs;
- publish/  the MkDocs side: the hooks that regenerate before each build, name the pages, write
            the 404 pages, sitemaps and the search index;
- tools/    for maintainers, apart from the pipeline: `make serve`, `make draft`, `make bench`,
            the static server of the tests, the project copies they edit.
"""

from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent  # the project whose code this process runs
