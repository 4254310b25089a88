"""The speech cut into paragraphs and sentences, and its translation sentence by sentence."""

import hashlib
import re

import pytest

from scripts.build.generate import DataError, load_site_data
from scripts.model.numbers import missing_numbers
from scripts.model.quantity import expand_placeholders
from scripts.model.speech import split_speech
from tests.conftest import ROOT
from tests.test_validation import edit, line_of

SEED = ROOT / "seeds" / "jiangyuan-2024-08-22-district-head-speech.txt"


@pytest.fixture(scope="module")
def site():
    return load_site_data(ROOT)


def test_splitting_afresh_gives_exactly_the_stored_sentences(site):
    paragraphs = split_speech(SEED.read_text(encoding="utf-8"))
    fresh = {sentence.id: sentence.text for paragraph in paragraphs for sentence in paragraph.sentences}
    assert fresh == {sentence_id: sentence.zh for sentence_id, sentence in site.translation.items()}
    assert list(fresh) == list(site.translation)  # the data keeps the speech's order


def test_the_sentences_put_together_are_the_seed():
    text = SEED.read_text(encoding="utf-8")
    assert "\n".join(paragraph.text for paragraph in split_speech(text)) == text


def test_structure_follows_the_speech(site):
    kinds = [paragraph.kind for paragraph in site.paragraphs]
    assert kinds[:4] == ["title", "date", "speaker", "salutation"]
    parts = [paragraph.text for paragraph in site.paragraphs if paragraph.kind == "part"]
    assert [part[:2] for part in parts] == ["一、", "二、", "三、"]
    items = [paragraph.text[:2] for paragraph in site.paragraphs if paragraph.kind == "item"]
    assert items == ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "一要", "二要", "三要", "四要", "五要"]
    # As many sentences as the seed has, counted here from its text: a line holds one sentence per
    # 。！？ or ； (with the closing quotes after it), and one more for any words after the last.
    seed = (ROOT / site.document.source.file).read_text(encoding="utf-8")
    ender = r"[。！？；][”’」』]*"
    expected = sum(len(re.findall(ender, line)) + (0 if re.search(ender + "$", line) else 1) for line in seed.split("\n"))
    assert len(site.translation) == expected
    assert all(re.fullmatch(r"p\d\d-s\d\d", sentence_id) for sentence_id in site.translation)


def test_sentence_ends():
    [paragraph] = split_speech("甲。乙“丙。”丁；戊？己")
    assert [sentence.text for sentence in paragraph.sentences] == ["甲。", "乙“丙。”", "丁；", "戊？", "己"]
    assert [sentence.id for sentence in paragraph.sentences] == ["p01-s01", "p01-s02", "p01-s03", "p01-s04", "p01-s05"]


def test_every_sentence_has_an_english_translation_without_chinese(site):
    for sentence_id, sentence in site.translation.items():
        english = expand_placeholders(sentence.en)
        assert english.strip(), sentence_id
        assert not re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", english), sentence_id
        assert english != sentence.zh


def test_every_number_of_the_chinese_is_in_the_english(site):
    checked = 0
    for sentence_id, sentence in site.translation.items():
        assert missing_numbers(sentence.zh, expand_placeholders(sentence.en)) == [], sentence_id
        checked += len(re.findall(r"\d+", sentence.zh)) > 0
    assert checked > 60  # the results and targets carry figures in most sentences


def test_converted_quantities_are_not_typed_by_hand(site):
    """Amounts in mu, jin and yuan, and their conversions, come from placeholders. Hectares are the
    speech's own unit where it writes 公顷 (651.14公顷 is "651.14 ha"), typed as the speech has them."""
    for sentence_id, sentence in site.translation.items():
        outside_placeholders = re.sub(r"\{[^}]*\}", "", sentence.en)
        assert not re.search(r"\b(mu|jin|yuan|tonnes)\b|\babout [\d,.]+ ha\b", outside_placeholders), sentence_id
        hectares = re.findall(r"([\d,.]+) ha\b", outside_placeholders)
        assert hectares == re.findall(r"([\d.]+)公顷", sentence.zh), sentence_id


def test_headline_figures_are_rendered_as_official_english_gives_them(site):
    english = {sentence_id: expand_placeholders(sentence.en) for sentence_id, sentence in site.translation.items()}
    assert "51,300 mu (about 3,420 ha)" in english["p08-s03"]
    assert "930 million yuan" in english["p09-s06"]
    assert "60 million jin (30,000 tonnes)" in english["p18-s03"]
    assert "7.1%" in english["p07-s02"] and "1.4 and 2.0 percentage points" in english["p07-s02"]


def test_the_home_page_metadata_matches_the_translation(site):
    assert site.translation["p01-s01"].zh == site.document.title.zh
    assert site.translation["p01-s01"].en == site.document.title.en


def reseed(project, old: str, new: str) -> None:
    """Change the speech and record its new checksum, as a deliberate edit of the seed would."""
    seed = project / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")
    edit(project, "sha256: " + hashlib.sha256(text.encode()).hexdigest(),
         "sha256: " + hashlib.sha256(seed.read_bytes()).hexdigest())


def problems_of(project) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_site_data(project)
    return [str(problem) for problem in raised.value.problems]


def test_a_changed_sentence_in_the_seed_is_named_as_stale(project):
    reseed(project, "同比增长7.1%", "同比增长7.2%")
    line = line_of(project, "全区地区生产总值同比增长7.1%", "data/speech.yaml")
    stale = [problem for problem in problems_of(project) if "stale" in problem]
    assert len(stale) == 1
    assert stale[0].startswith(f"data/speech.yaml:{line}: p07-s02: zh: stale: the speech now reads '上半年,全区地区生产总值同比增长7.2%")


def test_a_new_sentence_in_the_seed_is_named_as_missing(project):
    reseed(project, "下面我讲三方面意见:", "下面我讲三方面意见。请大家认真听。")
    found = problems_of(project)
    assert any(": p05-s03: missing: the speech has this sentence" in problem and "请大家认真听。" in problem
               for problem in found)
    assert any(": p05-s02: zh: stale" in problem for problem in found)


def test_a_dropped_number_is_named(project):
    edit(project, "1.4 and 2.0 percentage points", "1.4 and 2 percentage points", "data/speech.yaml")
    line = line_of(project, "1.4 and 2 percentage points", "data/speech.yaml") - 1  # the `en: >-` line
    found = problems_of(project)
    assert found[0] == f"data/speech.yaml:{line}: p07-s02: en: the number '2.0' is not in the English (expected '2.0')"
    # Then the consequences: the figures whose English quote no longer matches the sentence.
    assert found[1:] and all(": source.quote_en: " in problem and "is not in the English of sentence p07-s02" in problem
                             for problem in found[1:])


def test_chinese_left_in_the_english_is_named(project):
    edit(project, "    Comrades:", "    同志们 Comrades:", "data/speech.yaml")
    [problem] = problems_of(project)
    assert problem.endswith("p04-s01: en: Chinese left in the English ('同志们'); translate it")


def test_a_bad_placeholder_is_named(project):
    edit(project, "planted {5.13万亩}", "planted {5.13万公顷}", "data/speech.yaml")
    problem, *consequences = problems_of(project)
    assert "p08-s03: en: bad placeholder: '5.13万公顷' is not a quantity" in problem
    assert all("is not in the English of sentence p08-s03" in later for later in consequences)


def test_an_unknown_sentence_id_is_named(project):
    edit(project, "p04-s01:", "p04-s09:", "data/speech.yaml")
    found = problems_of(project)
    assert any(problem.endswith("p04-s09: unknown sentence id: the speech has no such sentence (remove it)") for problem in found)
    assert any(": p04-s01: missing" in problem for problem in found)


SLOGANS_AND_FORMULAS = ("两不愁三保障", "九有六无", "千村美丽", "百村示范", "三区两镇", "一体、四镇、十景区", "1×K+5",
                        "3+4+3+6", "三管三必须", "两客一危", "专精特新", "小升规", "双控双减", "五育并举", "第一议题",
                        "河长制", "林长制", "EOD模式", "赛马机制")
# Quoted in the speech but single characters that are not terms: “零”火点 (zero fire points) and
# “快” (speed) are ordinary words, and as glossary terms they would match inside 零售 and 加快.
NOT_TERMS = {"零": "an ordinary word (zero fire points)", "快": "an ordinary word (speed)"}


def test_the_glossary_has_every_slogan_and_formula(site):
    terms = {entry.zh for entry in site.glossary}
    assert set(SLOGANS_AND_FORMULAS) <= terms
    quoted = set(re.findall(r"“([^”]+)”", site.speech))
    assert quoted - terms == set(NOT_TERMS)


def test_the_glossary_has_the_named_enterprises_projects_parks_and_places(site):
    terms = {entry.zh for entry in site.glossary}
    for name in ("林源春", "众品源", "鼎运新能源", "泰源LNG", "山水水泥", "正茂药业", "虾青素", "再生黑土", "煤化工产业园区",
                 "长白山特色食药科技产业园", "绿色低碳新材料园区", "长白山菌菇小镇", "湾沟文旅小镇", "小洋桥村", "大阳岔镇",
                 "吉林江源经济开发区", "沈白高铁", "白临高速", "五大攻坚行动方案"):
        assert any(name in term or term in name for term in terms), name
    kinds = {entry.kind for entry in site.glossary}
    assert kinds == {"formula", "slogan", "programme", "enterprise", "project", "park", "place", "organization"}
    for entry in site.glossary:
        assert entry.explanation.zh.strip() and entry.explanation.en.strip() and entry.pinyin.strip()
