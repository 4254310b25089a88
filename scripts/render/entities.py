"""The glossary and the named entities (projects, parks and towns, enterprises) as the pages list
them: in pinyin order by kind, and each entity with its figures, its other names and the sentences
that name it."""

from __future__ import annotations

import unicodedata

from scripts.model.figures import figure_by_id
from scripts.model.records import ENTITY_KINDS, GlossaryEntry, SiteData

GLOSSARY_KINDS = ("formula", "slogan", "programme", "enterprise", "project", "park", "place", "organization")


def occurrences(site: SiteData, entry: GlossaryEntry) -> list[str]:
    """The ids of the sentences whose Chinese contains the term."""
    return [sentence.id for paragraph in site.paragraphs for sentence in paragraph.sentences
            if entry.zh in sentence.text]


def toneless(pinyin: str) -> str:
    """"Xí Jìnpíng" -> "xi jinping": the key a reader alphabetizes pinyin by."""
    decomposed = unicodedata.normalize("NFD", pinyin.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def glossary_order(entry: GlossaryEntry) -> tuple[str, str, str]:
    """By pinyin without tones, then with tones, then by the characters."""
    return toneless(entry.pinyin), entry.pinyin.casefold(), entry.zh


def glossary_sections(site: SiteData) -> list[dict]:
    """Each kind of term with its entries in pinyin order (the same order in both languages)."""
    sections = []
    for kind in GLOSSARY_KINDS:
        entries = sorted((entry for entry in site.glossary if entry.kind == kind), key=glossary_order)
        if entries:
            sections.append({"kind": kind, "entries": entries})
    return sections


def entities(site: SiteData) -> list[dict]:
    """Projects, parks and enterprises, in that order; projects with an investment first; each in
    speech order, with its figures, the entries that are the same thing under another name, and
    the sentences that name it by any of them."""
    by_id = figure_by_id(site)
    aliases: dict[str, list[GlossaryEntry]] = {}
    for entry in site.glossary:
        if entry.same_as:
            aliases.setdefault(entry.same_as, []).append(entry)
    listed = [{"entry": entry, "kind": entry.entity_kind, "figures": [by_id[figure] for figure in entry.figures],
               "aliases": aliases.get(entry.id, []),
               "sentences": sorted({sentence for named in (entry, *aliases.get(entry.id, []))
                                    for sentence in occurrences(site, named)})}
              for entry in site.glossary if entry.entity_kind and not entry.same_as]
    return sorted(listed, key=lambda entity: (ENTITY_KINDS.index(entity["kind"]), not entity["figures"],
                                              (entity["sentences"] or ["~"])[0]))


def entity_sentences(listed: list[dict]) -> list[tuple[str, list[GlossaryEntry]]]:
    """Every sentence naming an entity, once, in speech order, with the entities it names."""
    names: dict[str, list[GlossaryEntry]] = {}
    for entity in listed:
        for sentence_id in entity["sentences"]:
            names.setdefault(sentence_id, []).append(entity["entry"])
    return sorted(names.items())
