"""Every interface string of the chat app, in Latvian (default) and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Strings:
    """The text the chat app shows; one instance per interface language.

    Fields with ``{name}`` placeholders are filled with ``str.format``.
    """

    # App and layout
    app_title: str
    question_placeholder: str
    you: str
    sources_title: str
    sources_empty: str
    passage_empty: str
    passage_meta: str
    passage_open_hint: str
    no_date: str

    # Key bindings (footer)
    key_cancel: str
    key_sources: str
    key_directory: str
    key_help: str
    key_quit: str
    key_open_document: str
    key_close: str
    key_citation: str

    # Status line
    status_documents: str
    status_chunks: str
    status_model: str
    status_llm: str
    status_no_index: str
    status_building: str
    status_checking: str
    llm_off: str
    llm_connected: str
    llm_unreachable: str
    llm_checking: str

    # Index building
    build_first_run: str
    build_stage: str
    stage_read: str
    stage_embed: str
    stage_write: str
    build_done: str
    build_failed_files: str
    build_busy: str
    build_nothing_to_index: str

    # Answers
    answer_searching: str
    answer_waiting_index: str
    answer_cancelled: str
    answer_failed: str
    mode_extractive: str
    mode_llm: str
    mode_fallback: str
    unverified_mark: str
    unverified_legend: str
    not_answered: str
    closest_passages: str

    # Commands
    help_markdown: str
    unknown_command: str
    export_usage: str
    export_done: str
    export_failed: str
    export_empty: str
    llm_usage: str
    llm_enabled: str
    llm_disabled: str
    llm_not_configured: str
    cleared: str
    no_index_yet: str
    quit_hint: str

    # Notifications
    error_title: str
    warning_title: str
    llm_fallback: str
    unexpected_error: str
    hint_index_missing: str
    hint_index_locked: str
    hint_index_not_writable: str
    hint_model: str
    hint_llm: str
    hint_document_missing: str
    document_missing: str
    os_permission: str
    os_not_found: str
    os_is_directory: str
    os_no_space: str
    os_read_only: str
    os_other: str
    hint_input: str

    # Export (Markdown)
    export_heading: str
    export_question: str
    export_sources: str
    export_closest: str
    export_span: str

    # Document screen
    document_meta: str

    # Directory screen
    directory_title: str
    tab_events: str
    tab_people: str
    filter_place: str
    filter_org: str
    filter_person: str
    filter_date_from: str
    filter_date_to: str
    col_date: str
    col_title: str
    col_place: str
    col_organisers: str
    col_people: str
    col_name: str
    col_roles: str
    col_orgs: str
    col_mentions: str
    directory_empty: str
    directory_unavailable: str
    directory_hint: str
    directory_detail: str


LV = Strings(
    app_title="Youthbot — jaunatnes darba projekti",
    question_placeholder="Uzdodiet jautājumu vai ierakstiet /help",
    you="Jūs",
    sources_title="Avoti",
    sources_empty="Šeit parādīsies atbildes avoti.",
    passage_empty=(
        "Izvēlieties avotu: klikšķis vai taustiņi 1–9 (kad jautājuma lauks ir tukšs),"
        " lai redzētu citēto vietu."
    ),
    passage_meta="{date} · {path}",
    passage_open_hint="o — atvērt visu dokumentu",
    no_date="bez datuma",
    key_cancel="Atcelt",
    key_sources="Avoti",
    key_directory="Katalogs",
    key_help="Palīdzība",
    key_quit="Iziet",
    key_open_document="Atvērt dokumentu",
    key_close="Aizvērt",
    key_citation="Avots",
    status_documents="Dokumenti: {n}",
    status_chunks="fragmenti: {n}",
    status_model="modelis: {model}",
    status_llm="LLM: {state}",
    status_no_index="Indeksa nav",
    status_building="Veido indeksu…",
    status_checking="Pārbauda indeksu…",
    llm_off="izslēgts",
    llm_connected="savienots",
    llm_unreachable="nav sasniedzams",
    llm_checking="pārbauda…",
    build_first_run="Indekss nav atrasts — veidoju to no mapes {corpus}.",
    build_stage="{stage}: {done}/{total}",
    stage_read="Lasa dokumentus",
    stage_embed="Iegulst teikumus",
    stage_write="Raksta indeksu",
    build_done=(
        "Indekss gatavs: pievienoti {added}, mainīti {changed}, dzēsti {removed};"
        " kopā {chunks} fragmenti."
    ),
    build_failed_files="Faili, ko neizdevās nolasīt ({n}): {files}",
    build_busy="Indekss jau tiek veidots; pagaidiet, līdz tas beidzas.",
    build_nothing_to_index=(
        "Mapē {corpus} nav dokumentu. Ielieciet tur failus un palaidiet /reindex."
    ),
    answer_searching="Meklēju avotos…",
    answer_waiting_index="Gaidu, kamēr indekss būs gatavs…",
    answer_cancelled="Atbilde atcelta.",
    answer_failed="Atbildi neizdevās sagatavot.",
    mode_extractive="Ekstraktīva atbilde: teikumi citēti no avotiem.",
    mode_llm="LLM atbilde ({model}).",
    mode_fallback="LLM nebija pieejams, tāpēc atbilde ir ekstraktīva.",
    unverified_mark="⚠",
    unverified_legend="⚠ — teikumu neapstiprina citētie avoti (nepārbaudīts).",
    not_answered="Dokumentos atbilde netika atrasta.",
    closest_passages="Atbilde netika atrasta; avotu panelī ir tuvākie fragmenti.",
    help_markdown="""\
**Komandas**

| Komanda | Ko dara |
| --- | --- |
| `/help` | parāda šo palīdzību |
| `/sources` | parāda vai paslēpj avotu paneli |
| `/reindex` | atjaunina indeksu no mapes {corpus} (tikai mainītos failus) |
| `/export FAILS.md` | saglabā sarunu ar citātiem Markdown failā |
| `/clear` | notīra sarunu |
| `/llm on` vai `/llm off` | ieslēdz vai izslēdz LLM atbildes |
| `/directory` | pasākumu un cilvēku katalogs |

**Taustiņi:** ↑/↓ — iepriekšējie jautājumi; Esc vai Ctrl+C — atcelt atbildi;
PgUp/PgDn — ritināt sarunu; Tab — pāriet uz avotiem; 1–9 — izvēlēties avotu un o — atvērt
dokumentu (kad jautājuma lauks ir tukšs); Ctrl+Q — iziet.
""",
    unknown_command="Nezināma komanda {command}. Komandu sarakstu parāda /help.",
    export_usage="Norādiet failu: /export FAILS.md",
    export_done="Saruna saglabāta failā {path}.",
    export_failed="Neizdevās saglabāt {path}: {reason}. Norādiet citu ceļu.",
    export_empty="Nav ko saglabāt: saruna vēl ir tukša.",
    llm_usage="Lietojums: /llm on vai /llm off",
    llm_enabled="LLM atbildes ieslēgtas.",
    llm_disabled="LLM atbildes izslēgtas; atbildes būs ekstraktīvas.",
    llm_not_configured=(
        "LLM nav iestatīts: norādiet YOUTHBOT_LLM_URL un YOUTHBOT_LLM_MODEL un palaidiet"
        " lietotni vēlreiz."
    ),
    cleared="Saruna notīrīta.",
    no_index_yet="Indeksa vēl nav. Palaidiet /reindex, lai to izveidotu no mapes {corpus}.",
    quit_hint="Lai izietu no lietotnes, spiediet Ctrl+Q.",
    error_title="Kļūda",
    warning_title="Uzmanību",
    llm_fallback=(
        "LLM galapunkts neatbildēja ({reason}). Parādīta ekstraktīva atbilde;"
        " pārbaudiet YOUTHBOT_LLM_URL vai izslēdziet LLM ar /llm off."
    ),
    unexpected_error="Negaidīta kļūda: {error}. Lietotne turpina darboties.",
    hint_index_missing="Palaidiet /reindex, lai izveidotu indeksu.",
    hint_index_locked="Pagaidiet, līdz otrs process beidz indeksēt, un mēģiniet vēlreiz.",
    hint_index_not_writable="Norādiet rakstāmu indeksa mapi ar --index.",
    hint_model="Pārbaudiet modeļa nosaukumu (--model vai YOUTHBOT_MODEL).",
    hint_llm="Pārbaudiet YOUTHBOT_LLM_URL vai izslēdziet LLM ar /llm off.",
    hint_document_missing="Dokuments ir pārvietots vai dzēsts; palaidiet /reindex.",
    document_missing=(
        "Dokuments {name} vairs nav indeksā (pārvietots vai dzēsts); palaidiet /reindex."
    ),
    os_permission="nav atļaujas",
    os_not_found="šāda mape nav",
    os_is_directory="tā ir mape, nevis fails",
    os_no_space="diskā nav vietas",
    os_read_only="disks ir tikai lasāms",
    os_other="sistēmas kļūda {code}",
    hint_input="Pārrakstiet jautājumu un mēģiniet vēlreiz.",
    export_heading="Youthbot saruna",
    export_question="Jautājums",
    export_sources="Avoti",
    export_closest="Tuvākie fragmenti",
    export_span="rakstzīmes {start}–{end}",
    document_meta="{date} · {path} · citētā vieta: rakstzīmes {start}–{end}",
    directory_title="Katalogs: pasākumi un cilvēki",
    tab_events="Pasākumi",
    tab_people="Cilvēki",
    filter_place="Vieta",
    filter_org="Organizācija",
    filter_person="Persona",
    filter_date_from="No (GGGG-MM-DD)",
    filter_date_to="Līdz (GGGG-MM-DD)",
    col_date="Datums",
    col_title="Nosaukums",
    col_place="Vieta",
    col_organisers="Organizatori",
    col_people="Cilvēki",
    col_name="Vārds",
    col_roles="Lomas",
    col_orgs="Organizācijas",
    col_mentions="Minējumi",
    directory_empty="Nekas netika atrasts.",
    directory_unavailable="Katalogs šim indeksam nav pieejams: {reason}",
    directory_hint="Enter — atvērt avotu; Esc — atpakaļ uz sarunu.",
    directory_detail="{date} · {place} · {organisers}\n{title}",
)

EN = Strings(
    app_title="Youthbot — youth-work projects",
    question_placeholder="Ask a question or type /help",
    you="You",
    sources_title="Sources",
    sources_empty="The sources of an answer appear here.",
    passage_empty=(
        "Select a source: click, or keys 1–9 (when the question box is empty), to see the"
        " cited place."
    ),
    passage_meta="{date} · {path}",
    passage_open_hint="o — open the whole document",
    no_date="no date",
    key_cancel="Cancel",
    key_sources="Sources",
    key_directory="Directory",
    key_help="Help",
    key_quit="Quit",
    key_open_document="Open document",
    key_close="Close",
    key_citation="Source",
    status_documents="Documents: {n}",
    status_chunks="chunks: {n}",
    status_model="model: {model}",
    status_llm="LLM: {state}",
    status_no_index="No index",
    status_building="Building the index…",
    status_checking="Checking the index…",
    llm_off="off",
    llm_connected="connected",
    llm_unreachable="unreachable",
    llm_checking="checking…",
    build_first_run="No index found — building it from {corpus}.",
    build_stage="{stage}: {done}/{total}",
    stage_read="Reading documents",
    stage_embed="Embedding sentences",
    stage_write="Writing the index",
    build_done=(
        "Index ready: {added} added, {changed} changed, {removed} removed; {chunks} chunks in all."
    ),
    build_failed_files="Files that could not be read ({n}): {files}",
    build_busy="The index is already being built; wait until it finishes.",
    build_nothing_to_index="{corpus} holds no documents. Put files there and run /reindex.",
    answer_searching="Searching the sources…",
    answer_waiting_index="Waiting for the index to be ready…",
    answer_cancelled="Answer cancelled.",
    answer_failed="The answer could not be prepared.",
    mode_extractive="Extractive answer: sentences quoted from the sources.",
    mode_llm="LLM answer ({model}).",
    mode_fallback="The LLM was unavailable, so this answer is extractive.",
    unverified_mark="⚠",
    unverified_legend="⚠ — the cited sources do not back this sentence (unverified).",
    not_answered="The documents do not hold the answer.",
    closest_passages="No answer found; the sources panel lists the closest passages.",
    help_markdown="""\
**Commands**

| Command | What it does |
| --- | --- |
| `/help` | shows this help |
| `/sources` | shows or hides the sources panel |
| `/reindex` | updates the index from {corpus} (changed files only) |
| `/export FILE.md` | saves the conversation with its quotes as Markdown |
| `/clear` | clears the conversation |
| `/llm on` or `/llm off` | turns LLM answers on or off |
| `/directory` | directory of events and people |

**Keys:** ↑/↓ — earlier questions; Esc or Ctrl+C — cancel the answer;
PgUp/PgDn — scroll the conversation; Tab — go to the sources; 1–9 — select a source and
o — open the document (when the question box is empty); Ctrl+Q — quit.
""",
    unknown_command="Unknown command {command}. /help lists the commands.",
    export_usage="Name a file: /export FILE.md",
    export_done="Conversation saved to {path}.",
    export_failed="Could not save {path}: {reason}. Name another path.",
    export_empty="Nothing to save: the conversation is empty.",
    llm_usage="Usage: /llm on or /llm off",
    llm_enabled="LLM answers on.",
    llm_disabled="LLM answers off; answers will be extractive.",
    llm_not_configured=(
        "No LLM is set up: set YOUTHBOT_LLM_URL and YOUTHBOT_LLM_MODEL and start the app again."
    ),
    cleared="Conversation cleared.",
    no_index_yet="There is no index yet. Run /reindex to build it from {corpus}.",
    quit_hint="To quit the app, press Ctrl+Q.",
    error_title="Error",
    warning_title="Warning",
    llm_fallback=(
        "The LLM endpoint failed ({reason}). Showing an extractive answer;"
        " check YOUTHBOT_LLM_URL or turn the LLM off with /llm off."
    ),
    unexpected_error="Unexpected error: {error}. The app keeps running.",
    hint_index_missing="Run /reindex to build the index.",
    hint_index_locked="Wait until the other process finishes indexing, then try again.",
    hint_index_not_writable="Choose a writable index directory with --index.",
    hint_model="Check the model name (--model or YOUTHBOT_MODEL).",
    hint_llm="Check YOUTHBOT_LLM_URL or turn the LLM off with /llm off.",
    hint_document_missing="The document was moved or deleted; run /reindex.",
    document_missing="{name} is no longer in the index (moved or deleted); run /reindex.",
    os_permission="permission denied",
    os_not_found="no such folder",
    os_is_directory="that is a folder, not a file",
    os_no_space="the disk is full",
    os_read_only="the disk is read-only",
    os_other="system error {code}",
    hint_input="Rephrase the question and try again.",
    export_heading="Youthbot conversation",
    export_question="Question",
    export_sources="Sources",
    export_closest="Closest passages",
    export_span="characters {start}–{end}",
    document_meta="{date} · {path} · cited place: characters {start}–{end}",
    directory_title="Directory: events and people",
    tab_events="Events",
    tab_people="People",
    filter_place="Place",
    filter_org="Organisation",
    filter_person="Person",
    filter_date_from="From (YYYY-MM-DD)",
    filter_date_to="To (YYYY-MM-DD)",
    col_date="Date",
    col_title="Title",
    col_place="Place",
    col_organisers="Organisers",
    col_people="People",
    col_name="Name",
    col_roles="Roles",
    col_orgs="Organisations",
    col_mentions="Mentions",
    directory_empty="Nothing found.",
    directory_unavailable="The directory is not available for this index: {reason}",
    directory_hint="Enter — open the source; Esc — back to the conversation.",
    directory_detail="{date} · {place} · {organisers}\n{title}",
)

_BY_LANG = {"lv": LV, "en": EN}


def strings_for(lang: str) -> Strings:
    """The interface strings for ``lang`` (``lv`` or ``en``); Latvian for anything else.

    Args:
        lang: The ``Settings.lang`` value.

    Returns:
        The matching :class:`Strings`.
    """
    return _BY_LANG.get(lang, LV)
