"""Latvian and English stop words: function words a search should not count."""

from __future__ import annotations

from youthbot.text.normalize import fold

__all__ = ["ENGLISH_STOPWORDS", "LATVIAN_STOPWORDS"]

# The stopwords-iso Latvian list (the same 161 words as Lucene's Latvian stop set).
_ISO_LV = """
aiz ap apakš apakšpus ar arī augšpus bet bez bija biji biju bijām bijāt būs būsi būsiet
būsim būt būšu caur diemžēl diezin droši dēļ esam esat esi esmu gan gar iekam iekams
iekām iekāms iekš iekšpus ik ir it itin iz ja jau jeb jebšu jel jo jā ka kamēr kaut kolīdz
kopš kā kļuva kļuvi kļuvu kļuvām kļuvāt kļūs kļūsi kļūsiet kļūsim kļūst kļūstam kļūstat
kļūsti kļūstu kļūt kļūšu labad lai lejpus līdz līdzko ne nebūt nedz nekā nevis nezin no
nu nē otrpus pa par pat pie pirms pret priekš pār pēc starp tad tak tapi taps tapsi
tapsiet tapsim tapt tapāt tapšu taču te tiec tiek tiekam tiekat tieku tik tika tikai tiki
tikko tiklab tiklīdz tiks tiksiet tiksim tikt tiku tikvien tikām tikāt tikšu tomēr topat
turpretim turpretī tā tādēļ tālab tāpēc un uz vai var varat varēja varēji varēju varējām
varējāt varēs varēsi varēsiet varēsim varēt varēšu vien virs virspus vis viņpus zem
ārpus šaipus
"""

# Personal, possessive, reflexive and demonstrative pronouns in their case forms.
_PRONOUNS = """
es manis man mani manī mēs mūsu mums mūs mūsos tu tevis tev tevi tevī jūs jūsu jums jūsos
viņš viņa viņam viņu viņā viņai viņi viņas viņiem viņām viņus viņos viņās
sevis sev sevi sevī
mans mana manu manam manai manā manas maniem manām manus manos manās
tavs tava tavu tavam tavai tavā tavi tavas taviem tavām tavus tavos tavās
savs sava savu savam savai savā savi savas saviem savām savus savos savās
tas tam to tajā tai tanī tie tās tiem tām tos tajos tajās tanīs
šis šī šā šo šim šai šajā šinī šie šīs šiem šīm šos šajos šajās
tāds tāda tādu tādam tādai tādā tādi tādas tādiem tādām tādus tādos tādās
šāds šāda šādu šādam šādai šādā šādi šādas šādiem šādām šādus šādos šādās
viss visa visu visam visai visā visi visas visiem visām visus visos visās
"""

# Question words (interrogative pronouns and adverbs) in their case forms.
_QUESTION_WORDS = """
kas ko kam kur kad kurp kurienes cik kāpēc kādēļ kālab kāda kāds kādu kādam kādai kādā
kādi kādas kādiem kādām kādus kādos kādās kurš kura kuru kuram kurai kurā kuri kuras
kuriem kurām kurus kuros kurās kuram kurā
"""

# Further forms of "būt" and a few particles the iso list lacks.
_EXTRA = """
būtu bijis bijusi bijuši bijušas esot vēl ļoti arīdzan gan vai kā jeb
"""


def _with_folded(words: str) -> frozenset[str]:
    """The words plus their diacritic-free spellings ("kāpēc" also as "kapec")."""
    base = set(words.split())
    return frozenset(base | {fold(w) for w in base})


#: Latvian stop words, lower-case, with and without diacritics.
LATVIAN_STOPWORDS: frozenset[str] = _with_folded(_ISO_LV + _PRONOUNS + _QUESTION_WORDS + _EXTRA)

#: A standard small English stop list (function words and question words), lower-case.
ENGLISH_STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom whose why will with would you
    your yours yourself yourselves
    must may might shall ought also many much come comes came
    """.split()
)
