"""The site's pages, in the order of its navigation: the one list the renderer (scripts/render.py),
the navigation (scripts/mkdocs_hooks.py), the benchmark and the tests read.

A page NAME is rendered from scripts/templates/pages/NAME.md.j2 into docs/NAME.md (Chinese) and
docs/NAME.en.md (English); its title, description and other words are the strings NAME.* of
scripts/strings/; the data it reads is PAGE_INPUTS[NAME] in scripts/render.py.
"""

PAGES = ("index", "brief", "results", "targets", "outcomes", "checks", "projects", "challenges", "speech", "parallel",
         "glossary", "downloads", "changes", "about")
