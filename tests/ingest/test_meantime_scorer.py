"""The MEANTIME scorer used by benchmarks/extraction_quality.py, on a hand-made document."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import meantime_scorer as ms  # noqa: E402

DOC = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en" url="x">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">2</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Analyst</token>
<token number="7" sentence="2" t_id="8">Jo</token>
<token number="8" sentence="2" t_id="9">Smith</token>
<token number="9" sentence="2" t_id="10">said</token>
<token number="10" sentence="2" t_id="11">Acme</token>
<token number="11" sentence="2" t_id="12">'s</token>
<token number="12" sentence="2" t_id="13">A1</token>
<token number="13" sentence="2" t_id="14">jet</token>
<token number="14" sentence="2" t_id="15">flew</token>
<token number="15" sentence="2" t_id="16">yesterday</token>
<token number="16" sentence="2" t_id="17">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="13"/><token_anchor t_id="14"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type=""><token_anchor t_id="11"/></ENTITY_MENTION>
<TIMEX3 m_id="20" type="DATE" value="2008-05-02" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2008-05-01" functionInDocument="NONE"><token_anchor t_id="16"/></TIMEX3>
<ENTITY m_id="30" ent_type="ORG" TAG_DESCRIPTOR="Acme"/>
<ENTITY m_id="31" ent_type="PER" TAG_DESCRIPTOR="Jo Smith"/>
<ENTITY m_id="32" ent_type="PRO" TAG_DESCRIPTOR="A1 jet"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="5"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="3"/><target m_id="31"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><target m_id="32"/></REFERS_TO>
</Relations>
</Document>
"""


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "t.xml"
    path.write_text(DOC, encoding="utf-8")
    return ms.read_meantime(path)


def test_text_is_rebuilt_from_tokens(doc):
    assert (
        doc.text
        == "Acme wins\n\nMay 2, 2008\n\nAnalyst Jo Smith said Acme's A1 jet flew yesterday."
    )
    assert doc.dct == "2008-05-02"
    assert [t["text"] for t in doc.timexes] == ["May 2, 2008", "yesterday"]


def test_gold_actor_mentions_are_innermost_named_per_org_loc(doc):
    gold = [doc.text[m.start : m.end] for m in ms.gold_actor_mentions(doc)]
    assert gold == ["Acme", "Jo Smith", "Acme"]


def test_actor_scoring(doc):
    at = doc.text.index
    system = [
        {"start": 0, "end": 4, "kind": "organisation"},
        {"start": at("Jo"), "end": at("Jo") + 8, "kind": "person"},
        {"start": at("A1"), "end": at("A1") + 2, "kind": "other"},  # a product: wrong
    ]
    totals = {}
    ms.score_actors(doc, system, totals)
    summary = ms.summarise_actors(totals)
    assert summary["gold_mentions"] == 3 and summary["system_mentions"] == 3
    assert summary["recall"] == pytest.approx(66.67)
    assert summary["precision"] == pytest.approx(66.67)
    assert summary["typed_precision"] == pytest.approx(66.67)


def test_timex_scoring_strict_relaxed_value(doc):
    at = doc.text.index("yesterday")
    system = [
        {
            "start": doc.text.index("May"),
            "end": doc.text.index("May") + 3,
            "type": "DATE",
            "value": "2008-05",
        },
        {"start": at, "end": at + 9, "type": "DATE", "value": "2008-05-01"},
    ]
    totals = {}
    ms.score_timexes(doc.timexes, system, doc.window_end, totals)
    summary = ms.summarise_timexes(totals)
    assert summary["relaxed_f1"] == 100.0
    assert summary["strict_f1"] == 50.0
    assert summary["value_f1"] == 50.0
