"""Every text of the web page, in Latvian (default) and English."""

from __future__ import annotations

from dataclasses import dataclass

from youthbot.export import ExportLabels


@dataclass(frozen=True, slots=True)
class WebStrings:
    """What the page shows in one language; ``{name}`` placeholders are filled by ``format``."""

    lang: str
    app_title: str
    skip_link: str
    nav_label: str
    nav_chat: str
    nav_directory: str
    nav_documents: str
    other_lang: str
    other_lang_name: str

    status_label: str
    status_documents: str
    status_chunks: str
    status_model: str
    status_llm: str
    status_no_index: str
    status_building: str
    llm_off: str
    llm_connected: str
    llm_unreachable: str

    intro: str
    question_label: str
    question_hint: str
    ask_button: str
    export_button: str
    clear_button: str
    you: str
    searching: str
    searched_as: str
    sources_title: str
    closest_title: str
    open_document: str
    cite_label: str
    no_date: str
    span_label: str
    passage_unavailable: str
    mode_extractive: str
    mode_llm: str
    mode_fallback: str
    unverified_mark: str
    unverified_text: str
    unverified_legend: str
    not_answered: str
    not_answered_closest: str
    answer_cancelled: str
    answer_failed: str
    answer_failed_short: str

    directory_title: str
    directory_intro: str
    filter_place: str
    filter_org: str
    filter_person: str
    filter_from: str
    filter_to: str
    date_hint: str
    filter_button: str
    filter_reset: str
    events_title: str
    people_title: str
    col_date: str
    col_title: str
    col_place: str
    col_organisers: str
    col_people: str
    col_name: str
    col_roles: str
    col_orgs: str
    col_source: str
    source_link: str
    directory_empty: str
    bad_date: str

    documents_title: str
    upload_label: str
    upload_hint: str
    upload_button: str
    upload_none: str
    upload_saved: str
    upload_bad_kind: str
    upload_bad_name: str
    build_title: str
    build_idle: str
    build_running: str
    stage_read: str
    stage_embed: str
    stage_write: str
    build_done: str
    build_failed_files: str
    build_error: str
    watching: str
    stats_title: str
    stats_documents: str
    stats_chunks: str
    stats_sentences: str
    stats_model: str
    stats_llm: str
    stats_built: str

    document_meta: str
    cited_place: str
    back_to_chat: str
    document_missing: str
    error_title: str
    not_found: str
    question_empty: str
    question_too_long: str
    no_index: str
    unexpected_error: str

    export_heading: str
    export_question: str
    export_span: str

    def export_labels(self) -> ExportLabels:
        """The exporter's words in this language (the chat app exports with the same ones)."""
        return ExportLabels(
            heading=self.export_heading,
            question=self.export_question,
            sources=self.sources_title,
            closest=self.closest_title,
            span=self.export_span,
            cancelled=self.answer_cancelled,
            failed=self.answer_failed_short,
            not_answered=self.not_answered,
            mode_extractive=self.mode_extractive,
            mode_llm=self.mode_llm,
            mode_fallback=self.mode_fallback,
            unverified_mark=self.unverified_mark,
            unverified_legend=self.unverified_legend,
        )


LV = WebStrings(
    lang="lv",
    app_title="Youthbot — jaunatnes darba projekti",
    skip_link="Pāriet uz saturu",
    nav_label="Galvenā izvēlne",
    nav_chat="Saruna",
    nav_directory="Katalogs",
    nav_documents="Dokumenti",
    other_lang="en",
    other_lang_name="English",
    status_label="Stāvoklis",
    status_documents="Dokumenti: {n}",
    status_chunks="fragmenti: {n}",
    status_model="modelis: {model}",
    status_llm="LLM: {state}",
    status_no_index="Indeksa vēl nav",
    status_building="Veido indeksu…",
    llm_off="izslēgts",
    llm_connected="savienots",
    llm_unreachable="nav sasniedzams",
    intro=(
        "Uzdodiet jautājumu par jaunatnes darba projektiem. Katram atbildes teikumam ir avots:"
        " noklikšķiniet uz [1], lai redzētu citēto vietu dokumentā."
    ),
    question_label="Jūsu jautājums",
    question_hint="Piemēram: Kas organizēja tikšanos Liepājā? Var jautāt arī angliski.",
    ask_button="Jautāt",
    export_button="Lejupielādēt sarunu (Markdown)",
    clear_button="Sākt jaunu sarunu",
    you="Jūs",
    searching="Meklēju avotos…",
    searched_as="Meklēts kā: {question}",
    sources_title="Avoti",
    closest_title="Tuvākie fragmenti",
    open_document="Atvērt visu dokumentu",
    cite_label="Avots {n}",
    no_date="bez datuma",
    span_label="citētā vieta",
    passage_unavailable="Dokuments vairs nav indeksā; parādīts saglabātais fragments.",
    mode_extractive="Ekstraktīva atbilde: teikumi citēti no avotiem.",
    mode_llm="LLM atbilde ({model}).",
    mode_fallback="LLM nebija pieejams, tāpēc atbilde ir ekstraktīva.",
    unverified_mark="⚠",
    unverified_text="nav pārbaudīts avotos",
    unverified_legend="⚠ — teikumu neapstiprina citētie avoti (nepārbaudīts).",
    not_answered="Dokumentos atbilde netika atrasta.",
    not_answered_closest=(
        "Dokumentos atbilde netika atrasta. Zemāk ir tuvākie fragmenti, ko atradu."
    ),
    answer_cancelled="Atbilde atcelta.",
    answer_failed="Atbildi neizdevās sagatavot: {reason}",
    answer_failed_short="Atbildi neizdevās sagatavot.",
    directory_title="Katalogs: pasākumi un cilvēki",
    directory_intro=(
        "Pasākumi un cilvēki, kas atrasti dokumentos. Katrai rindai ir saite uz avotu."
    ),
    filter_place="Vieta",
    filter_org="Organizācija",
    filter_person="Persona",
    filter_from="No datuma",
    filter_to="Līdz datumam",
    date_hint="GGGG, GGGG-MM vai GGGG-MM-DD",
    filter_button="Atlasīt",
    filter_reset="Notīrīt filtrus",
    events_title="Pasākumi ({n})",
    people_title="Cilvēki ({n})",
    col_date="Datums",
    col_title="Pasākums",
    col_place="Vieta",
    col_organisers="Organizatori",
    col_people="Cilvēki",
    col_name="Vārds",
    col_roles="Lomas",
    col_orgs="Organizācijas",
    col_source="Avots",
    source_link="avots",
    directory_empty="Nekas netika atrasts.",
    bad_date="Datumu raksta kā GGGG, GGGG-MM vai GGGG-MM-DD (nevis „{value}”).",
    documents_title="Dokumenti un indekss",
    upload_label="Pievienot failus",
    upload_hint=(
        ".txt, .md, .html, .pdf, .docx; katrs līdz {mb} MB. Tie tiek saglabāti mapē {corpus}."
    ),
    upload_button="Augšupielādēt un indeksēt",
    upload_none="Izvēlieties vismaz vienu failu.",
    upload_saved="Saglabāti faili ({n}): {files}",
    upload_bad_kind="{file}: šādu failu nevar nolasīt; der {kinds}.",
    upload_bad_name="{file}: faila nosaukums nav derīgs.",
    build_title="Indeksēšana",
    build_idle="Indekss ir gatavs.",
    build_running="Indeksē…",
    stage_read="Lasa dokumentus",
    stage_embed="Iegulst teikumus",
    stage_write="Raksta indeksu",
    build_done=(
        "Pēdējā indeksēšana: pievienoti {added}, mainīti {changed}, dzēsti {removed},"
        " nemainīti {unchanged}; kopā {documents} dokumenti, {chunks} fragmenti."
    ),
    build_failed_files="Faili, ko neizdevās nolasīt ({n}):",
    build_error="Indeksēšana neizdevās: {reason}",
    watching="Mape {corpus} tiek uzraudzīta: jauni, mainīti un dzēsti faili tiek indeksēti paši.",
    stats_title="Indeksā",
    stats_documents="Dokumenti",
    stats_chunks="Fragmenti",
    stats_sentences="Teikumi",
    stats_model="Modelis",
    stats_llm="LLM",
    stats_built="Izveidots",
    document_meta="{date} · {path}",
    cited_place="Citētā vieta: rakstzīmes {start}–{end}",
    back_to_chat="Atpakaļ uz sarunu",
    document_missing="Dokuments {path} nav indeksā; varbūt tas ir pārvietots vai dzēsts.",
    error_title="Kļūda",
    not_found="Šāda lapa nav atrasta.",
    question_empty="Jautājums ir tukšs — ierakstiet jautājumu.",
    question_too_long="Jautājums ir par garu ({n} zīmes; ne vairāk kā {limit}).",
    no_index="Indeksa vēl nav: pievienojiet dokumentus lapā „Dokumenti”.",
    unexpected_error="Negaidīta kļūda ({error}); lapa turpina darboties.",
    export_heading="Youthbot saruna",
    export_question="Jautājums",
    export_span="rakstzīmes {start}–{end}",
)

EN = WebStrings(
    lang="en",
    app_title="Youthbot — youth-work projects",
    skip_link="Skip to content",
    nav_label="Main menu",
    nav_chat="Conversation",
    nav_directory="Directory",
    nav_documents="Documents",
    other_lang="lv",
    other_lang_name="Latviski",
    status_label="Status",
    status_documents="Documents: {n}",
    status_chunks="chunks: {n}",
    status_model="model: {model}",
    status_llm="LLM: {state}",
    status_no_index="No index yet",
    status_building="Building the index…",
    llm_off="off",
    llm_connected="connected",
    llm_unreachable="unreachable",
    intro=(
        "Ask a question about youth-work projects. Every sentence of the answer has a source:"
        " click [1] to see the cited place in its document."
    ),
    question_label="Your question",
    question_hint="For example: Who organised the meeting in Liepāja? Latvian works too.",
    ask_button="Ask",
    export_button="Download the conversation (Markdown)",
    clear_button="Start a new conversation",
    you="You",
    searching="Searching the sources…",
    searched_as="Searched as: {question}",
    sources_title="Sources",
    closest_title="Closest passages",
    open_document="Open the whole document",
    cite_label="Source {n}",
    no_date="no date",
    span_label="cited place",
    passage_unavailable="The document is no longer indexed; showing the saved passage.",
    mode_extractive="Extractive answer: sentences quoted from the sources.",
    mode_llm="LLM answer ({model}).",
    mode_fallback="The LLM was unavailable, so this answer is extractive.",
    unverified_mark="⚠",
    unverified_text="not verified against the sources",
    unverified_legend="⚠ — the cited sources do not back this sentence (unverified).",
    not_answered="The documents do not hold the answer.",
    not_answered_closest=(
        "The documents do not hold the answer. The closest passages I found are below."
    ),
    answer_cancelled="Answer cancelled.",
    answer_failed="The answer could not be prepared: {reason}",
    answer_failed_short="The answer could not be prepared.",
    directory_title="Directory: events and people",
    directory_intro="Events and people found in the documents. Every row links to its source.",
    filter_place="Place",
    filter_org="Organisation",
    filter_person="Person",
    filter_from="From date",
    filter_to="To date",
    date_hint="YYYY, YYYY-MM or YYYY-MM-DD",
    filter_button="Filter",
    filter_reset="Clear filters",
    events_title="Events ({n})",
    people_title="People ({n})",
    col_date="Date",
    col_title="Event",
    col_place="Place",
    col_organisers="Organisers",
    col_people="People",
    col_name="Name",
    col_roles="Roles",
    col_orgs="Organisations",
    col_source="Source",
    source_link="source",
    directory_empty="Nothing found.",
    bad_date="Write dates as YYYY, YYYY-MM or YYYY-MM-DD (not “{value}”).",
    documents_title="Documents and the index",
    upload_label="Add files",
    upload_hint=".txt, .md, .html, .pdf, .docx; up to {mb} MB each. They are saved in {corpus}.",
    upload_button="Upload and index",
    upload_none="Choose at least one file.",
    upload_saved="Saved files ({n}): {files}",
    upload_bad_kind="{file}: this kind of file cannot be read; use {kinds}.",
    upload_bad_name="{file}: the file name cannot be used.",
    build_title="Indexing",
    build_idle="The index is ready.",
    build_running="Indexing…",
    stage_read="Reading documents",
    stage_embed="Embedding sentences",
    stage_write="Writing the index",
    build_done=(
        "Last indexing: {added} added, {changed} changed, {removed} removed,"
        " {unchanged} unchanged; {documents} documents, {chunks} chunks in all."
    ),
    build_failed_files="Files that could not be read ({n}):",
    build_error="Indexing failed: {reason}",
    watching="{corpus} is watched: new, changed and removed files are indexed by themselves.",
    stats_title="In the index",
    stats_documents="Documents",
    stats_chunks="Chunks",
    stats_sentences="Sentences",
    stats_model="Model",
    stats_llm="LLM",
    stats_built="Built",
    document_meta="{date} · {path}",
    cited_place="Cited place: characters {start}–{end}",
    back_to_chat="Back to the conversation",
    document_missing="{path} is not in the index; it may have been moved or deleted.",
    error_title="Error",
    not_found="No such page.",
    question_empty="The question is empty — type a question.",
    question_too_long="The question is too long ({n} characters; at most {limit}).",
    no_index="There is no index yet: add documents on the Documents page.",
    unexpected_error="Unexpected error ({error}); the page keeps working.",
    export_heading="Youthbot conversation",
    export_question="Question",
    export_span="characters {start}–{end}",
)

_BY_LANG = {"lv": LV, "en": EN}


def web_strings(lang: str | None) -> WebStrings:
    """The page's texts for ``lang`` (``lv`` or ``en``); Latvian for anything else."""
    return _BY_LANG.get(lang or "lv", LV)
