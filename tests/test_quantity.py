"""The one function that turns Chinese quantities into English."""

import pytest

from scripts.model.quantity import QuantityError, english_quantity, expand_placeholders


@pytest.mark.parametrize("chinese, english", [
    ("5.13万亩", "51,300 mu (about 3,420 ha)"),
    ("4.55万亩", "45,500 mu (about 3,033 ha)"),
    ("0.52万亩", "5,200 mu (about 347 ha)"),
    ("1337.7亩", "1,337.7 mu (about 89.2 ha)"),
    ("6000万斤", "60 million jin (30,000 tonnes)"),
    ("9.3亿元", "930 million yuan"),
    ("0.3亿元", "30 million yuan"),
    ("2.49亿元", "249 million yuan"),
    ("8611万元", "86.11 million yuan"),
    ("3520万元", "35.2 million yuan"),
    ("500万元", "5 million yuan"),
    ("15000元", "15,000 yuan"),
    ("2.96万头", "29,600 head"),
    ("1.29万", "12,900"),
    ("83万", "830,000"),
    ("12亿元", "1.2 billion yuan"),
])
def test_english_quantity(chinese, english):
    assert english_quantity(chinese) == english


@pytest.mark.parametrize("text", ["", "万亩", "5.13万公顷", "five", "5.13 万亩", "1,000元"])
def test_what_is_not_a_quantity_is_refused(text):
    with pytest.raises(QuantityError):
        english_quantity(text)


def test_placeholders_are_expanded_in_a_sentence():
    assert expand_placeholders("sowed {5.13万亩} of grain and invested {2.49亿元}") == \
        "sowed 51,300 mu (about 3,420 ha) of grain and invested 249 million yuan"
    assert expand_placeholders("no placeholder, 7.1%") == "no placeholder, 7.1%"
