"""Rebuild text/data/places_world.tsv: the world's countries, regions and cities in Latvian.

Run: ``python scripts/build_world_places.py`` with Babel installed (a development tool only;
youthbot reads the TSV). The names are the Unicode CLDR's Latvian ones (country and region
names, and the exemplar cities of the time zones), under the Unicode licence; a short list of
cities the time zones do not name is added by hand below. One-word names only (the gazetteer
reads one word at a time); names that are also given names or common Latvian words, and
places the Latvian gazetteer (places_lv.tsv) already holds, are left out.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "youthbot" / "text" / "data"
# Cities often named in Latvian news that no time zone is named after.
EXTRA_CITIES = (
    "Vašingtona Sanktpēterburga Venēcija Milāna Barselona Minhene Frankfurte Ženēva Kembridža "
    "Oksforda Mančestra Liverpūle Glāzgova Edinburga Telaviva Ankara Deli Mumbaja Monreāla "
    "Bostona Sanfrancisko Maiami Lasvegasa Holivuda Mosula Harkiva Odesa Ļvova Novgoroda "
    "Florence Neapole Marseļa Lione Nica Porto Sevilja Valensija Roterdama Antverpene Ķelne "
    "Drēzdene Leipciga Štutgarte Hannovere Brēmene Lībeka Rostoka Štetīne Poznaņa Vroclava "
    "Lodza Ļubļina Bratislava Zagreba Belgrada Sarajeva Skopje Sofija Bukareste Kišiņeva "
    "Tbilisi Baku Erevāna Astana Almati Taškenta Bišeka Dušanbe Ašgabata Teherāna Bagdāde "
    "Damaska Beirūta Ammāna Rijāda Doha Dubaija Kaira Tunisa Alžīra Rabata Kasablanka "
    "Nairobi Lagosa Johannesburga Keiptauna Pekina Šanhaja Honkonga Taipeja Seula Phenjana "
    "Tokija Osaka Bangkoka Hanoja Manila Džakarta Singapūra Kualalumpura Sidneja Melburna "
    "Oklenda Vankūvera Toronto Otava Čikāga Hjūstona Filadelfija Atlanta Detroita Sietla "
    "Denvera Mehiko Havana Bogota Lima Santjago Buenosairesa Montevideo Riodežaneiro Sanpaulu"
).split()


def _paradigm(name: str) -> str:
    if name.endswith("as"):
        return "fpl"
    if name.endswith("i"):
        return "mpl"
    if name.endswith("a"):
        return "a"
    if name.endswith("e"):
        return "e"
    if name.endswith("us"):
        return "m3"
    if name.endswith(("s", "š")) and not name.endswith("is"):
        return "m1"
    return "ind"


def main() -> int:
    """Write the TSV."""
    from babel import Locale
    from simplemma.strategies import DictionaryLookupStrategy

    lookup = DictionaryLookupStrategy()
    known = set()
    for line in (DATA / "places_lv.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            known.add(line.split("\t")[0])
    given = set()
    for line in (DATA / "given_names.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            given.add(line.split("\t")[0])
    lv = Locale("lv")
    rows: dict[str, str] = {}
    for code, name in lv.territories.items():
        rows.setdefault(name, "regions" if code.isdigit() else "valsts")
    for zone in lv.time_zones.values():
        city = zone.get("city")
        if city:
            rows.setdefault(city, "arvalstu_pilseta")
    for city in EXTRA_CITIES:
        rows.setdefault(city, "arvalstu_pilseta")
    lines = [
        "# base\tkind\tparadigm\tcenter: world countries, regions and cities in Latvian",
        "# From the Unicode CLDR (Latvian territory names and time-zone exemplar cities, Unicode",
        "# licence) via Babel, plus a few cities by hand.",
        "# Rebuilt by scripts/build_world_places.py.",
    ]
    for name in sorted(rows):
        if " " in name or "-" in name or "." in name or not name[:1].isupper():
            continue
        lemma = lookup.get_lemma(name.lower(), "lv")
        if name in known or name in given or (lemma is not None and lemma[:1].islower()):
            continue
        lines.append(f"{name}\t{rows[name]}\t{_paradigm(name)}\t")
    (DATA / "places_world.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines) - 4} places written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
