"""Person names by lexicon, shape and context, in every case and with their gender."""

from __future__ import annotations

from youthbot.text.named import find_named
from youthbot.text.spans import find_spans


def _names(text: str) -> list[str]:
    named = find_named(text)
    for h in named.people:
        assert h.start < h.end and text[h.start : h.end].strip() == text[h.start : h.end]
    return [h.name for h in named.people]


def test_dative_and_genitive_names_come_back_to_the_nominative() -> None:
    text = "Lenti pārgriezt uzticēja Inārai Miglānei, bet ziedus pasniedza Aivara Ozoliņa dēls."
    assert _names(text) == ["Ināra Miglāne", "Aivars Ozoliņš"]


def test_gender_follows_the_context() -> None:
    assert _names("Vladislava Ozola ir jaunatnes darbiniece Cēsīs.") == ["Vladislava Ozola"]
    assert _names("Darbs notika Andra Kalniņa vadībā.") == ["Andris Kalniņš"]
    assert _names("Forumu atklāja Andra Kalniņa.") == ["Andra Kalniņa"]


def test_unknown_given_name_and_surname_that_agree_in_case() -> None:
    # neither word is in the name lexicon; both carry the masculine dative
    assert _names("Pateicību pasniedza Balderam Kronītim un viņa komandai.") == ["Balders Kronītis"]


def test_a_given_name_or_a_surname_alone_is_a_person() -> None:
    assert _names("Pēc nodarbības Mārtiņu sagaidīja Ieva.") == ["Mārtiņš", "Ieva"]
    text = "Forumu vadīja Ilze Kalniņa. Kā uzsvēra Kalniņa, jauniešu balss ir svarīga."
    named = find_named(text)
    assert [h.name for h in named.people] == ["Ilze Kalniņa", "Ilze Kalniņa"]


def test_a_lone_surname_needs_a_context_when_it_is_a_common_word() -> None:
    assert _names("Nākamajā gadā Vilks plāno jaunu projektu.") == []
    assert _names("Pasākumu noslēdzot, Vilks uzsvēra komandas nozīmi.") == ["Vilks"]


def test_initials_and_double_barrelled_surnames() -> None:
    text = "Projektu vada Zita Bērziņa- Igaune. Kā stāsta Z.Bērziņa-Igaune, darbs turpināsies."
    assert _names(text) == ["Zita Bērziņa-Igaune", "Z. Bērziņa-Igaune"]


def test_things_named_after_people_are_not_people() -> None:
    text = (
        "Konkursā piedalījās A.Brigaderes pamatskolas un Jāņa Čakstes vidusskolas skolēni, "
        "bet balvu pasniedza Kr. Valdemāra ielā."
    )
    assert _names(text) == []
    orgs = [o.name for o in find_named(text).orgs]
    assert "A.Brigaderes pamatskola" in orgs


def test_capitalised_words_that_are_places_or_titles_are_not_people() -> None:
    text = (
        "Nometne notika Zīļu Lejasmuižā, kur jaunieši apmeklēja Ziemassvētku tirdziņu. "
        "Tikmēr Jauniešu diena pulcēja simtiem dalībnieku."
    )
    named = find_named(text)
    assert named.people == []
    assert "Zīļu Lejasmuiža" in [p.base for p in named.places]


def test_two_names_sharing_a_family_name_and_a_bracketed_alias() -> None:
    text = (
        "Darbnīcu vadīja Laura un Edgars Krastiņi. Uzrunu teica Inese Lāce "
        "(Inese Lāce-Bērziņa), vēstniecības padomniece."
    )
    assert _names(text) == ["Laura Krastiņa", "Edgars Krastiņš", "Inese Lāce", "Inese Lāce"]


def test_person_spans_carry_the_base_form() -> None:
    text = "Pateicību saņēma Anastasijai Smoļakovai un Jānim Zvirbulim."
    persons = [s for s in find_spans(text, kinds={"person"})]
    assert [s.value for s in persons] == ["Anastasija Smoļakova", "Jānis Zvirbulis"]
    assert [s.text for s in persons] == ["Anastasijai Smoļakovai", "Jānim Zvirbulim"]
