"""Follow-up questions ("Un kas to finansēja?") rewritten as standalone questions for retrieval."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from youthbot.answer.prompts import rewrite_messages, visible_text
from youthbot.errors import LLMError
from youthbot.text.questions import leans_on_conversation as is_followup
from youthbot.types import Turn

if TYPE_CHECKING:
    from youthbot.answer.llm import LLMClient
    from youthbot.question import Question

logger = logging.getLogger(__name__)

#: How many earlier turns a rewrite looks at.
HISTORY_TURNS = 3

_WORD = re.compile(r"\w[\w\-]*\+?")
_PREFIX = re.compile(
    r"^\s*(?:standalone question|rewritten question|question|jautājums)\s*:\s*", re.IGNORECASE
)


#: Past-tense and reflexive verb endings: "organizēja", "vadīja", "rīkoja", "tikās".
_PAST_VERB = re.compile(r"(ēja|īja|āja|oja|uja|ījās|ējās|ājās|ojās)$")


def carry_key_terms(
    question: str, history: Sequence[Turn], content_words: Callable[[str], list[str]]
) -> str:
    """``question`` with the earlier questions' key terms it lacks, in their original form.

    Terms come from the previous question, and from the ones before it back to the last
    question that stood on its own.

    Args:
        question: The follow-up question.
        history: Earlier turns, oldest first.
        content_words: Latvian-normalised content words of a text.

    Returns:
        E.g. "Un kas to finansēja (projekts Starpnovadu tīklošanās Siguldā)?"; the question
        unchanged when there is nothing to add.
    """
    have = set(content_words(question))
    per_turn: list[list[str]] = []
    for turn in reversed(list(history)[-HISTORY_TURNS:]):
        terms: list[str] = []
        for token in _WORD.findall(turn.question):
            if _PAST_VERB.search(token.lower()):
                continue  # what was asked before ("organizēja") is not what is asked now
            keys = set(content_words(token))
            if keys and not keys <= have:
                terms.append(token)
                have |= keys
        per_turn.append(terms)
        if not is_followup(turn.question):
            break
    carried = [t for terms in reversed(per_turn) for t in terms]
    if not carried:
        return question
    body = question.rstrip()
    mark = "?" if body.endswith("?") else ""
    return f"{body.rstrip('?').rstrip()} ({' '.join(carried)}){mark}"


def standalone_question(
    question: Question | str,
    history: Sequence[Turn],
    *,
    client: LLMClient | None,
    content_words: Callable[[str], list[str]],
) -> str:
    """The question to retrieve with: ``question`` itself, or a rewrite that stands alone.

    Args:
        question: The question as asked: analysed (its ``followup`` decides), or its text.
        history: Earlier turns of the conversation, oldest first.
        client: The LLM to rewrite with, or None to carry the previous key terms.
        content_words: Latvian-normalised content words of a text.

    Returns:
        ``question`` unchanged when there is no history or it is already standalone; else the
        LLM's rewrite (the key-term rule when the LLM fails) or the key-term rule.
    """
    if isinstance(question, str):
        followup = is_followup(question)
    else:
        question, followup = question.text, question.followup
    if not history or not followup:
        return question
    if client is not None:
        try:
            messages = rewrite_messages(question, history[-HISTORY_TURNS:])
            rewritten = _clean(client.complete(messages))
        except LLMError as err:
            logger.warning("Follow-up rewrite by the LLM failed (%s); carrying key terms", err)
        else:
            if rewritten and len(rewritten) <= 3 * len(question) + 200:
                logger.debug("Follow-up %r rewritten as %r", question, rewritten)
                return rewritten
            logger.warning("LLM rewrite of the follow-up was unusable; carrying key terms")
    return carry_key_terms(question, history, content_words)


def _clean(reply: str) -> str:
    """The rewritten question from the model's reply: first line, no label, no quotes."""
    lines = [line.strip() for line in visible_text(reply).splitlines() if line.strip()]
    if not lines:
        return ""
    return _PREFIX.sub("", lines[0]).strip().strip("\"'“”„«»*`").strip()
