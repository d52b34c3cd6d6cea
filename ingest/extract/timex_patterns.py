"""Regular-expression building blocks for the temporal tagger.

Every fragment is bounded: alternations of fixed words, digits with fixed widths, and
whitespace runs as possessive ``\\s++`` so that no input can make the engine backtrack
over the same characters twice.
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import (
    DAY_PARTS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    VAGUE_NUMBERS,
    alternation,
)

# One run of whitespace, never given back, with at most one line break: an expression does
# not run across a blank line (a headline's last word and the dateline under it).
S = r"(?:[^\S\n]++(?:\n[^\S\n]*+)?|\n[^\S\n]*+)"
_S0 = r"[^\S\n]*+(?:\n[^\S\n]*+)?"  # the same, possibly empty
HY = rf"(?:{_S0}[-\u2010\u2011\u2013]{_S0}|{S})"  # "mid-2022", "mid 2022"

MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?+)(?![\w])"

WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\.)"
)
WEEKDAY_PLURAL = r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"

DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d])"
SHORT_YEAR = r"'\d\d(?!\w)"

NUMBER_WORD = alternation(w for w in NUMBER_WORDS if w not in ("a", "an"))
DIGITS = r"(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?(?:\s++1/2)?"
NUMBER = rf"(?:{DIGITS}|{NUMBER_WORD}(?:\s++and\s++a\s++half)?|an?)"
VAGUE = alternation(VAGUE_NUMBERS)
COUNT = rf"(?:{NUMBER}(?:{HY}(?:to|or){HY}{NUMBER})?|{VAGUE})"

UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?"
    r"|months?|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia)(?![\w-])"
)
UNIT_SINGULAR = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
CALENDAR_UNIT = r"(?:week|month|year|quarter|decade|century)"

# Modifiers TimeML keeps inside the span: "nearly two years", "more than four hours".
QUANT_MOD = (
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|over|under|just|only|"
    r"more\s++than|less\s++than|fewer\s++than|at\s++least|at\s++most|up\s++to|"
    r"no\s++more\s++than|no\s++less\s++than|well\s++over|as\s++many\s++as|as\s++much\s++as|"
    r"the\s++better\s++part\s++of|a\s++period\s++of|a\s++total\s++of)\s++)"
)

# Position within a period: "early September", "mid-2022", "the end of the year".
POSITION = (
    r"(?:(?:very\s++)?(?:early|earlier|late|later|mid|middle|end|start)"
    r"|the\s++(?:end|start|beginning|middle|close|turn|dawn|height|rest|remainder|"
    r"first\s++half|second\s++half|latter\s++half|last\s++half)\s++of"
    r"|(?:end|start|beginning|middle|close|turn)\s++of)"
)

ORDINAL_WORD = alternation(ORDINALS)
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})"
SEASON = alternation(SEASONS)
DAY_PART = alternation(DAY_PARTS)

# "GMT+3": a zone with an offset, which is not GMT itself; "New York time", "Kyiv time".
TIME_ZONE = (
    r"(?:(?:GMT|UTC)[+-−]\d{1,2}(?::?\d\d)?|GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|"
    r"CEST|EET|EEST|MSK|IST|JST|KST|local\s++time|(?:[A-Z][a-z]+\s++){1,2}time(?![\w-]))"
)
AMPM = r"(?:a\.m\.|p\.m\.|am(?![\w])|pm(?![\w])|a\.m(?![\w])|p\.m(?![\w]))"

FLAGS = re.IGNORECASE


def compile_rule(pattern: str) -> re.Pattern:
    """Compile a rule pattern with word boundaries at both ends."""
    return re.compile(rf"(?<![\w$£€#@/.-]){pattern}", FLAGS)
