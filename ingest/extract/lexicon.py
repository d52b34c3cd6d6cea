"""Words the temporal tagger knows: numbers, months, weekdays, units, seasons, parts of day.

Each list becomes a regular-expression alternation (longest first, so ``Sept.`` wins over
``Sep``) and a lookup table from the lower-cased word to what it means.
"""

from __future__ import annotations

import re

UNITS_1_19 = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(UNITS_1_19)}
for _index, _tens in enumerate(TENS):
    NUMBER_WORDS[_tens] = 20 + 10 * _index
    for _unit in range(1, 10):
        for _sep in ("-", " "):
            NUMBER_WORDS[f"{_tens}{_sep}{UNITS_1_19[_unit]}"] = 20 + 10 * _index + _unit
NUMBER_WORDS.update(
    {
        "a": 1,
        "an": 1,
        "one hundred": 100,
        "a hundred": 100,
        "hundred": 100,
        "a thousand": 1000,
        "one thousand": 1000,
        "a couple of": 2,
        "a couple": 2,
        "couple of": 2,
        "a dozen": 12,
        "dozen": 12,
        "half a": 0.5,
        "a half": 0.5,
    }
)
# Amounts that are counts but not a number: "several years" is PXY.
VAGUE_NUMBERS = (
    "several",
    "a few",
    "few",
    "many",
    "a number of",
    "dozens of",
    "hundreds of",
    "thousands of",
    "numerous",
    "countless",
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thurs", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name] = _number

# Unit words -> (TimeML duration letter, is a clock unit, granularity name)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "second"),
    "sec": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "min": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "hr": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "fortnight"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "yr": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
    "centurie": ("CE", False, "century"),
    "millennium": ("ML", False, "millennium"),
    "millennia": ("ML", False, "millennium"),
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

# Parts of the day -> TimeML suffix
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
}

# Spoken years: "nineteen ninety-six"
CENTURY_WORDS = {"nineteen": 19, "twenty": 20, "eighteen": 18}


def alternation(words) -> str:
    """A non-capturing regex alternation of ``words``, longest first, spaces as ``\\s+``."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in ordered]
    return "(?:" + "|".join(parts) + ")"


def number_value(text: str) -> float | None:
    """The number a count word or numeral stands for (``"two" -> 2``, ``"1,000" -> 1000``)."""
    word = " ".join(text.lower().replace("\u2011", "-").split())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    digits = word.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        value = float(digits)
        return int(value) if value.is_integer() else value
    if re.fullmatch(r"\d+\s+1/2", word):
        return int(word.split()[0]) + 0.5
    parts = word.split(" and a half")
    if len(parts) == 2 and parts[1] == "" and parts[0] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + 0.5
    return None
