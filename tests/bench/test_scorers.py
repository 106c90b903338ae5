"""The bench scorers' matching rules (bench/eval_directory*.py, eval_ner.py, eval_by_type.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import eval_by_type  # noqa: E402
import eval_directory as ed  # noqa: E402
import eval_ner  # noqa: E402
from eval_directory_lib import (  # noqa: E402
    Directory,
    PredEvent,
    PredOrg,
    PredPerson,
    same_date,
    same_name,
    same_org,
    same_place,
    same_role,
    stem,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("vadītājs", "vadītājai"),
        ("darbiniece", "darbiniekiem"),
        ("pārstāvji", "pārstāve"),
        ("Ventspilī", "Ventspils"),
        ("koordinatore", "koordinatoram"),
    ],
)
def test_stem_joins_case_and_gender_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_stem_keeps_different_words_apart() -> None:
    assert stem("vadītāja") != stem("vietniece")
    assert stem("dome") != stem("domātājs")


def test_person_names_compare_base_forms_only() -> None:
    assert same_name("Asta Tiškutė", "Asta Tiškute")
    assert same_name("I. Reinholde", "I.Reinholde")
    assert same_name("Zita Bērziņa-Igaune", "Zita Bērziņa- Igaune")
    assert not same_name("Ināra Miglāne", "Inārai Miglānei")
    assert not same_name("Vladislava Šķēle", "Vladislavs Šķēle")


def test_roles_match_on_the_head_word() -> None:
    assert same_role("Skrundas novada domes priekšsēdētāja", ["priekšsēdētājs"])
    assert same_role("biedrības projektu vadītāja", ["projektu vadītāja un jauniešu mentore"])
    assert not same_role("jaunatnes lietu speciāliste", ["speciālistes vietniece"])
    assert not same_role("deputāte", [])


def test_organisations_match_by_stems_aliases_and_two_thirds() -> None:
    assert same_org(["Limbažu Jauniešu centrs"], "Limbažu jauniešu centra")
    assert same_org(["Jaunatnes starptautisko programmu aģentūra", "JSPA"], "JSPA")
    assert same_org(
        ["Tērvetes novada Jauniešu iniciatīvu centrs"], "Tērvetes Jauniešu iniciatīvu centrs"
    )
    assert not same_org(
        ["Gulbenes novada dome"], "Gulbenes novada domes Izglītības, kultūras un sporta nodaļa"
    )
    assert not same_org(["Skrundas novada dome"], "Skrundas novada pašvaldība")


def test_places_join_a_town_and_its_novads_only() -> None:
    assert same_place("Gulbenes novads", "Gulbene")
    assert same_place("Lociki", "Lociku ciems")
    assert same_place(None, None)
    assert not same_place("Latvijas Nacionālā bibliotēka", "Latvija")
    assert not same_place("Balvi", None)


def test_dates_judge_only_what_the_text_says() -> None:
    assert same_date("--08-18", "2016-08-18")
    assert same_date("--08-18", "--08-18")
    assert not same_date("--08-18", "--08-19")
    assert not same_date("2023", "2023-05-21")
    assert not same_date("2024-03-04", "--03-04")


def _doc() -> ed.GoldDocument:
    return ed.GoldDocument(
        key="a.txt",
        people=(
            ed.GoldPerson(
                "Ināra Miglāne", (), ("pagasta pārvaldes vadītāja",), (("Pagasta pārvalde",),)
            ),
            ed.GoldPerson("Dace Ozola", (), (), (), optional=True),
        ),
        orgs=(ed.GoldOrg("Pagasta pārvalde", ("PP",)),),
        projects=(),
        events=(
            ed.GoldEvent(
                anchor="5. jūnijā Balvos",
                title="forums",
                date="--06-05",
                date_end=None,
                place="Balvi",
                organisers=("Pagasta pārvalde",),
                accepted=(),
                people=(),
            ),
            ed.GoldEvent(
                anchor="bet 7. jūnijā",
                title="talka",
                date="--06-07",
                date_end=None,
                place=None,
                organisers=(),
                accepted=("PP",),
                people=(),
            ),
        ),
    )


def test_score_document_counts_one_to_one() -> None:
    quote = "5. jūnijā Balvos notika forums, bet 7. jūnijā talka."
    got = Directory(
        people=[
            PredPerson("a.txt", "Ināra Miglāne", ("vadītāja",), ()),
            PredPerson("a.txt", "Inārai Miglānei", (), ()),  # a case form: a false positive
            PredPerson("a.txt", "Dace Ozola", (), ()),  # optional: counts neither way
        ],
        orgs=[PredOrg("a.txt", "Pagasta pārvaldes", "")],
        # one event for a sentence holding two: one found, one missed
        events=[
            PredEvent(
                doc="a.txt",
                title="forums",
                date="--06-05",
                date_end=None,
                place="Balvi",
                organisers=("Pagasta pārvalde",),
                people=(),
                quote=quote,
            )
        ],
    )
    score = ed.DirectoryScore()
    ed.score_document(_doc(), got, score)
    assert (score.people.tp, score.people.fp, score.people.fn) == (1, 1, 0)
    assert (score.roles.found, score.roles.total) == (1, 1)
    assert (score.person_orgs.found, score.person_orgs.total) == (0, 1)
    assert (score.orgs.tp, score.orgs.fp, score.orgs.fn) == (1, 0, 0)
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 1)
    assert (score.dated_all.found, score.dated_all.total) == (1, 2)


def test_organisers_must_be_named_or_accepted() -> None:
    doc = _doc()
    forum, talka = doc.events
    assert ed.organisers_right(doc, forum, ["Pagasta pārvalde"])
    assert not ed.organisers_right(doc, forum, [])
    assert not ed.organisers_right(doc, forum, ["Pagasta pārvalde", "Balvu novada dome"])
    assert ed.organisers_right(doc, talka, [])
    assert ed.organisers_right(doc, talka, ["Pagasta pārvalde"])  # accepted through its alias
    assert not ed.organisers_right(doc, talka, ["Balvu novada dome"])


def test_ner_text_match_two_thirds() -> None:
    assert eval_ner.text_match("Henrijam  Žakarītim", "Henrijam Žakarītim")
    assert eval_ner.text_match("SIA Servilat", "SIA Servilat”")
    assert not eval_ner.text_match(
        "Latvijas Universitātes", "Latvijas Universitātes Filoloģijas fakultātes"
    )
    assert not eval_ner.text_match("Jānis", "Jānis Bērziņš")


def test_ner_matching_is_one_to_one() -> None:
    s = eval_ner.Span
    gold = [s("d", "PER", 0, 5, "Jānis"), s("d", "PER", 20, 25, "Jānis")]
    pred = [
        s("d", "PER", 20, 25, "Jānis"),
        s("d", "PER", 20, 25, "Jānis"),
        s("d", "PER", 40, 44, "Anna"),
    ]
    pairs, misses, false = eval_ner.match_spans(gold, pred)
    assert [(g.start, p.start) for g, p in pairs] == [(20, 20)]
    assert [g.start for g in misses] == [0]
    assert [p.text for p in false] == ["Anna"]


def test_ner_documents_keep_gold_offsets() -> None:
    lines = [
        {
            "text": "Vakar runāja Inārai Miglānei.",
            "entities": [{"start": 13, "end": 28, "type": "PER", "text": "Inārai Miglānei"}],
        },
        {
            "text": "Balvu novada dome sēdēja.",
            "entities": [{"start": 0, "end": 17, "type": "ORG", "text": "Balvu novada dome"}],
        },
    ]
    (doc,) = eval_ner.make_documents(lines, per_file=10)
    assert [doc.text[x.start : x.end] for x in doc.spans] == [
        "Inārai Miglānei",
        "Balvu novada dome",
    ]


def test_rows_by_type() -> None:
    o = eval_by_type.Outcome
    rows = eval_by_type.rows_by_type(
        [
            o("q1", "who", 1, True, True),
            o("q2", "who", None, True, False),
            o("q3", "none", None, False, True),
        ]
    )
    who, none, answerable, _all = rows
    assert (who.type, who.n, who.hit5, who.right, who.wrong_ids) == ("who", 2, 1, 1, ("q2",))
    assert (none.type, none.right, none.answerable) == ("none", 1, 0)
    assert (answerable.n, answerable.right) == (2, 1)
