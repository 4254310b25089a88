"""data/ and the seed: the speech is unchanged, and the real data is valid and verbatim."""

import hashlib

import yaml

from scripts.build.generate import load_site_data
from scripts.load.checks import verbatim_fields
from tests.conftest import ROOT


def test_seed_is_unchanged_since_the_data_was_checked():
    document = yaml.safe_load((ROOT / "data/document.yaml").read_text(encoding="utf-8"))
    seed = ROOT / document["source"]["file"]
    assert seed.parent == ROOT / "seeds"
    assert hashlib.sha256(seed.read_bytes()).hexdigest() == document["source"]["sha256"]


def test_real_data_is_valid():
    site_data = load_site_data(ROOT)
    assert site_data.document.date.isoformat() == "2024-08-22"
    assert len(site_data.document.parts) == 3


def test_every_verbatim_field_occurs_in_the_speech():
    site_data = load_site_data(ROOT)
    quotes = dict(verbatim_fields(site_data.document))
    assert ("title", "zh") in quotes and ("meeting", "zh") in quotes
    for text in quotes.values():
        assert text in site_data.speech


def test_one_summary_for_each_part_of_the_speech():
    site_data = load_site_data(ROOT)
    assert len(site_data.document.parts) == len([p for p in site_data.paragraphs if p.kind == "part"]) == 3
