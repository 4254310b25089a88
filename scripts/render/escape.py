"""The one way text from data/ reaches a page: `inert(text)`.

The pages are Markdown with HTML blocks in it, and a data string may land in either. `inert`
writes every character that HTML or Markdown would act on as a numeric character reference
(`<` as `&lt;`, `*` as `&#42;`, `[` as `&#91;`), which both HTML and Markdown show as the
character itself. So the same escaped text is safe in a heading, a paragraph, a table cell, an
HTML attribute or an HTML block, and a label such as `[x](javascript:...)`, `<script>` or
`# heading` is shown exactly as written, never run or parsed. Line breaks become spaces, so a
multi-line value cannot start a heading, a list or a rule on a line of its own.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

_REFERENCES = {character: f"&#{ord(character)};" for character in "\\`*_[]{}|~#!$<>&\"'"}
_REFERENCES.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"})
_SPECIAL = re.compile("[" + re.escape("".join(_REFERENCES)) + "]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
# Markdown reads these at the start of a line as a list item, a quote or a numbered list.
_LINE_START = re.compile(r"^(?:[-+>=]|\d+(?=[.)]))")


def inert(value: Any) -> Any:
    """`value` as text that HTML and Markdown show as written (Markup passes through as it is)."""
    if isinstance(value, Markup) or value is None:
        return value
    text = _LINE_BREAKS.sub(" ", str(value))
    text = _SPECIAL.sub(lambda match: _REFERENCES[match[0]], text)
    text = _LINE_START.sub(lambda match: "".join(f"&#{ord(character)};" for character in match[0]), text)
    return Markup(text)
