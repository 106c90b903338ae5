"""Projects and programmes: quoted names after “projekts”, their numbers, funders and runners."""

from __future__ import annotations

import re
from dataclasses import dataclass

from youthbot.directory.facts import Mention, Project
from youthbot.text.normalize import fold
from youthbot.text.orgs import OrgMention, is_modifier
from youthbot.text.tokens import quoted, sentence_of, squash, tokens

_PROJECT_WORD = re.compile(r"^(projekt|programm|konkurs|iniciatīv)", re.I)
_NUMBER = r"[A-Z0-9][A-Za-z0-9.\-/]*\d[A-Za-z0-9.\-/]*[A-Za-z0-9]"
_NUMBER_AFTER = re.compile(rf"\s*[,(]?\s*(?:Nr\.\s?)?(?P<n>{_NUMBER})")
_NR = re.compile(rf"\bNr\.\s?(?P<n>{_NUMBER})")
_FUNDING = re.compile(r"finansē|finansējum", re.I)
_RUNNING = re.compile(r"\b(īsteno|īstenoja|īstenos|koordinē|koordinēja|vada)\b")
_NOT_FUNDER_BEFORE = re.compile(r"(administrē|īsteno|koordinē)\s*$")
_PROGRAMME_HEADS = {"programma", "programmas", "programmai", "programmu", "programmā"}


@dataclass(frozen=True, slots=True)
class ProjectMention:
    """A project or programme named in the text.

    Attributes:
        name: Its name (inside the quotes), or empty when only the number is given.
        kind: ``projekts``, ``programma`` or ``konkurss``.
        number: Its number, or empty.
        start: Offset of the mention's first character.
        end: Offset just past it.
    """

    name: str
    kind: str
    number: str
    start: int
    end: int


def _kind(word: str) -> str:
    low = word.lower()
    if low.startswith("programm"):
        return "programma"
    if low.startswith("konkurs"):
        return "konkurss"
    return "projekts"


def _valid_number(n: str) -> bool:
    return ("/" in n or "-" in n or n.count(".") >= 2) and sum(c.isdigit() for c in n) >= 3


def find_projects(
    text: str, sentences: list[tuple[int, int]], orgs: list[OrgMention] | None = None
) -> list[ProjectMention]:
    """Projects named in each sentence: ``projekta “X” (Nr. …)``, ``Projekta Nr. …``,
    ``Jaunatnes politikas valsts programma``.

    Args:
        text: The whole document text.
        sentences: Sentence spans.
        orgs: Organisation mentions; a programme word inside one (``Jaunatnes starptautisko
            programmu aģentūra``) is not a programme.

    Returns:
        Mentions in text order.
    """
    org_spans = [(o.start, o.end) for o in orgs or []]
    out: list[ProjectMention] = []
    for s, e in sentences:
        toks = tokens(text, s, e)
        taken: list[tuple[int, int]] = []
        for qs, qe in quoted(text, s, e):
            before = [t for t in toks if t.end <= qs]
            word = None
            for tok in reversed(before[-7:]):
                if _PROJECT_WORD.match(tok.text):
                    word = tok
                    break
                if not is_modifier(tok) and not tok.text.endswith("+"):
                    break
            if word is None:
                continue
            number, end = "", qe + 1
            m = _NUMBER_AFTER.match(text, qe + 1, min(e, qe + 60))
            if m and _valid_number(m.group("n").rstrip(".")):
                number, end = m.group("n").rstrip("."), m.end("n")
            name = squash(text[qs:qe])
            out.append(ProjectMention(name, _kind(word.text), number, word.start, end))
            taken.append((word.start, end))
        for m in _NR.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in taken):
                continue
            number = m.group("n").rstrip(".")
            head = text[max(s, m.start() - 12) : m.start()].lower()
            if "projekt" in head and _valid_number(number):
                out.append(
                    ProjectMention("", "projekts", number, m.start(), m.start() + 4 + len(number))
                )
        for i, tok in enumerate(toks):
            if tok.text.lower() not in _PROGRAMME_HEADS:
                continue
            if any(a <= tok.start < b for a, b in org_spans):
                continue
            j = i
            while j > 0 and re.fullmatch(r" {1,2}", text[toks[j - 1].end : toks[j].start]):
                if not is_modifier(toks[j - 1]) or i - j >= 6:
                    break
                j -= 1
            while j < i and not toks[j].is_cap:
                j += 1
            if j == i or toks[j].start == s or any(a <= toks[j].start < b for a, b in taken):
                continue
            if re.match(r"\s?[“„\"«]", text[tok.end : tok.end + 3]):
                continue  # programma “Erasmus+”: the quoted name is the programme
            words = [t.text for t in toks[j:i]] + ["programma"]
            out.append(ProjectMention(" ".join(words), "programma", "", toks[j].start, tok.end))
    return sorted(out, key=lambda p: p.start)


def project_key(name: str, number: str) -> str:
    """The key joining mentions of one project: its number when known, else its folded name."""
    return f"nr:{number}" if number else f"name:{fold(squash(name))}"


def build_projects(
    doc: str,
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[ProjectMention],
    orgs: list[OrgMention],
) -> list[Project]:
    """Merge a document's project mentions and add the funders and runners the text names.

    Args:
        doc: ``Document.path``.
        text: The document text.
        sentences: Its sentence spans.
        mentions: From ``find_projects``.
        orgs: Its organisation mentions.

    Returns:
        One ``Project`` per distinct project, in order of first mention.
    """
    by_name: dict[str, str] = {}
    for m in mentions:
        if m.name and m.number:
            by_name[fold(m.name)] = m.number
    projects: dict[str, Project] = {}
    for m in mentions:
        number = m.number or by_name.get(fold(m.name), "")
        key = project_key(m.name, number)
        proj = projects.get(key)
        if proj is None:
            proj = projects[key] = Project(
                name=m.name or number, key=key, kind=m.kind, number=number
            )
        elif m.name and proj.name == proj.number:
            proj.name = m.name
        if m.kind == "projekts":
            proj.kind = "projekts"
        proj.mentions.append(
            Mention(doc, m.start, m.end, text[m.start : m.end], sentence_of(sentences, m.start))
        )
    for m in mentions:  # "Valsts izglītības attīstības aģentūras projekts “…”": who runs it
        owner = next((o for o in orgs if 0 <= m.start - o.end <= 1), None)
        proj = projects[project_key(m.name, m.number or by_name.get(fold(m.name), ""))]
        if owner is not None and m.name and owner.name not in proj.orgs:
            proj.orgs.append(owner.name)
    main = _main_project(list(projects.values()))
    orgs_in: dict[tuple[int, int], list[OrgMention]] = {}
    for o in orgs:
        span = sentence_of(sentences, o.start)
        if span is not None:
            orgs_in.setdefault(span, []).append(o)
    projects_in: dict[tuple[int, int], list[Project]] = {}
    for p in projects.values():
        for x in p.mentions:
            if x.context is not None and p not in projects_in.get(x.context, []):
                projects_in.setdefault(x.context, []).append(p)
    for s, e in sentences:
        sentence = text[s:e]
        here = projects_in.get((s, e), [])
        named = [p for p in here if p.kind == "projekts"]
        target = named[0] if named else main or (here[0] if here else None)
        if target is None:
            continue
        in_sentence = orgs_in.get((s, e), [])
        funding = _FUNDING.search(sentence) if (here or "rojekt" in sentence) else None
        if funding:
            for o in in_sentence:
                if o.start >= s + funding.start() and not _NOT_FUNDER_BEFORE.search(
                    text[max(s, o.start - 25) : o.start]
                ):
                    if o.name not in target.funders:
                        target.funders.append(o.name)
        running = _RUNNING.search(sentence)
        if running:
            verb_at = s + running.start()
            for o in in_sentence:
                near_after = 0 <= o.start - (s + running.end()) <= 2
                near_before = 0 <= verb_at - o.end <= 2
                if (near_after or near_before) and o.name not in target.orgs:
                    target.orgs.append(o.name)
    return list(projects.values())


def _main_project(projects: list[Project]) -> Project | None:
    named = [p for p in projects if p.kind == "projekts"]
    if not named:
        return None
    return max(named, key=lambda p: len(p.mentions))
