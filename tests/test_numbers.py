"""The number checker, on sentences shaped like the speech's."""

from cn2an import cn2an

from scripts.model.numbers import (
    ONE_CHARACTER_NUMERALS,
    mentions,
    missing_numbers,
    numeral_value,
)


def forms(chinese):
    return [(mention.chinese, mention.forms) for mention in mentions(chinese)]


def test_numbers_with_units_need_their_converted_english():
    assert forms("今年种植谷物5.13万亩、豆类4.55万亩") == [
        ("5.13万亩", ("51,300 mu (about 3,420 ha)",)), ("4.55万亩", ("45,500 mu (about 3,033 ha)",))]
    assert forms("累计发放各类补贴资金3520余万元") == [("3520余万元", ("35.2 million yuan",))]
    assert forms("确保粮食产量达到6000万斤以上") == [("6000万斤", ("60 million jin (30,000 tonnes)",))]


def test_plain_numbers_percentages_months_ordinals_and_names():
    assert forms("增速位列全市第1位,高于全省1.4和2.0个百分点") == [
        ("第1", ("first", "1st")), ("1.4", ("1.4",)), ("2.0", ("2.0",))]
    assert forms("同比增长7.1%") == [("7.1%", ("7.1%",))]
    assert forms("1—8月的运行") == [("1—8月", ("January", "August"))]
    assert forms("紧盯“3+4+3+6”重点整治任务和PM2.5") == [("3+4+3+6", ("3+4+3+6",)), ("PM2.5", ("PM2.5",))]
    assert forms("办结诉求2474件") == [("2474", ("2,474", "2474"))]
    assert forms("拆除7户企业8条生产线") == [("7", ("7", "seven")), ("8", ("8", "eight"))]


def test_missing_and_present_numbers():
    chinese = "上半年,全区地区生产总值同比增长7.1%,高于全省和全市平均水平1.4和2.0个百分点。"
    assert missing_numbers(chinese, "GDP grew 7.1%, 1.4 and 2.0 percentage points above the averages.") == []
    [missing] = missing_numbers(chinese, "GDP grew 7.1%, 1.4 and 2 percentage points above the averages.")
    assert missing.chinese == "2.0"
    # 17.1% does not count as 7.1%, nor 2,4740 as 2,474.
    assert [m.chinese for m in missing_numbers("增长7.1%", "grew 17.1%")] == ["7.1%"]
    assert [m.chinese for m in missing_numbers("2474件", "24,740 requests")] == ["2474"]
    assert missing_numbers("发放贷款1100万元", "loans of 11 million yuan") == []
    assert missing_numbers("新增合作社5个", "five new cooperatives") == []


def test_a_numeral_reads_as_cn2an_reads_it():
    """The numerals of one character are read from a table (cn2an loads slowly); each reads as
    cn2an reads it, and every other numeral is read by cn2an itself."""
    for numeral in "零〇一二两三四五六七八九十":
        assert numeral_value(numeral) == cn2an(numeral, "smart"), numeral
    assert set(ONE_CHARACTER_NUMERALS) == set("零〇一二两三四五六七八九十")
    assert [numeral_value(numeral) for numeral in ("三十五", "一百零五", "两万", "三点五")] == [35, 105, 20000, 3.5]
    assert numeral_value("第") is None and numeral_value("全市") is None
