"""The site's languages: every Localized text of data/ has a field of each, and the site a version
of each page in each. The default prevails (the speech's own language) and is the site's root."""

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
