"""The JSON API over HTTP against a real server, model, FAISS and SQLite: the CLI's contract."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from web_helpers import CORPUS, QUESTION, UNANSWERABLE, LiveServer, wait_for

from youthbot.pipeline import Pipeline

ANSWER_KEYS = {"question", "answered", "answer", "mode", "citations", "passages", "sentences"}


def test_ask_returns_the_ask_json_object_with_spans_that_match_the_documents(
    server: LiveServer, pipeline: Pipeline
) -> None:
    response = httpx.post(f"{server.url}/api/ask", json={"question": QUESTION}, timeout=60)
    assert response.status_code == 200
    body = response.json()
    assert ANSWER_KEYS <= set(body) and body["answered"] and body["mode"] == "extractive"
    # the same object the CLI prints (`ask --json`), from the same pipeline
    expected = pipeline.ask(QUESTION, use_llm=False).to_dict()
    assert body == json.loads(json.dumps(expected, ensure_ascii=False))
    for citation in body["citations"]:
        assert f"[{citation['n']}]" in body["answer"]
        doc = httpx.get(f"{server.url}/api/document", params={"doc": citation["doc"]}).json()
        assert doc["text"][citation["start"] : citation["end"]] == citation["quote"]
        span = httpx.get(
            f"{server.url}/api/span",
            params={"doc": citation["doc"], "start": citation["start"], "end": citation["end"]},
        ).json()
        assert span["quote"] == citation["quote"]
        assert span["context"][span["start"] - span["context_start"] :].startswith(span["quote"])


def test_ask_streams_server_sent_events_ending_in_the_answer_object(server: LiveServer) -> None:
    with httpx.stream(
        "POST",
        f"{server.url}/api/ask",
        json={"question": QUESTION},
        headers={"Accept": "text/event-stream"},
        timeout=60,
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    events = [block for block in text.split("\n\n") if block.strip()]
    last = events[-1].splitlines()
    assert last[0] == "event: answer"
    body = json.loads(last[1].removeprefix("data: "))
    assert body["answered"] and body["citations"]


def test_unanswerable_question_says_so_with_the_closest_passages(server: LiveServer) -> None:
    body = httpx.post(f"{server.url}/api/ask", json={"question": UNANSWERABLE}, timeout=60).json()
    assert body["answered"] is False and body["citations"] == []
    assert body["passages"]


def test_search_returns_the_search_json_object(server: LiveServer, pipeline: Pipeline) -> None:
    response = httpx.get(f"{server.url}/api/search", params={"q": "Liepājas jauniešu māja", "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "Liepājas jauniešu māja" and len(body["passages"]) == 3
    expected = [p.to_dict() for p in pipeline.search("Liepājas jauniešu māja", 3)]
    assert body["passages"] == json.loads(json.dumps(expected, ensure_ascii=False))


def test_stats_and_directory_match_the_cli(server: LiveServer, pipeline: Pipeline) -> None:
    from dataclasses import asdict

    stats = httpx.get(f"{server.url}/api/stats").json()
    assert stats == json.loads(json.dumps(asdict(pipeline.stats())))
    everything = httpx.get(f"{server.url}/api/directory/events").json()
    liepaja = httpx.get(f"{server.url}/api/directory/events", params={"place": "Liepājā"}).json()
    assert liepaja and len(liepaja) < len(everything)
    assert [e["title"] for e in liepaja] == [
        e["title"] if isinstance(e, dict) else e.title
        for e in pipeline.facts.events(place="Liepājā")
    ]
    people = httpx.get(f"{server.url}/api/directory/people", params={"org": "Kurzemes"}).json()
    assert people and all(p["mentions"] for p in people)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "says"),
    [
        ("post", "/api/ask", {"json": {"question": "   "}}, 400, "empty"),
        ("post", "/api/ask", {"json": {"question": "Kas? " * 600}}, 400, "too long"),
        ("post", "/api/ask", {"json": {}}, 400, "question"),
        (
            "post",
            "/api/ask",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "",
        ),
        ("post", "/api/ask", {"json": {"question": "Kas?", "mode": "magic"}}, 400, "mode"),
        ("get", "/api/search", {"params": {"q": "Liepāja", "k": 0}}, 400, "k"),
        ("get", "/api/search", {"params": {"q": ""}}, 400, "empty"),
        ("get", "/api/document", {"params": {"doc": "corpus/nav-tada.txt"}}, 404, "nav-tada"),
        (
            "get",
            "/api/span",
            {"params": {"doc": "corpus/nav-tada.txt", "start": 0, "end": 3}},
            404,
            "",
        ),
        ("get", "/api/directory/events", {"params": {"from": "pagājušgad"}}, 400, "YYYY"),
        ("get", "/api/directory/planets", {}, 400, "kind"),
        ("get", "/api/nothing-here", {}, 404, "no such address"),
        ("delete", "/api/ask", {}, 405, "not allowed"),
    ],
)
def test_bad_input_is_a_4xx_with_one_line_of_json(
    server: LiveServer, method: str, path: str, kwargs: dict, status: int, says: str
) -> None:
    response = httpx.request(method.upper(), server.url + path, timeout=30, **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and "\n" not in body["error"] and "Traceback" not in body["error"]
    assert says.lower() in body["error"].lower()


def test_span_outside_the_document_is_refused(server: LiveServer, pipeline: Pipeline) -> None:
    doc = pipeline.search("Liepāja", 1)[0].chunk.doc
    response = httpx.get(f"{server.url}/api/span", params={"doc": doc, "start": 0, "end": 10**7})
    assert response.status_code == 400 and "outside" in response.json()["error"]


def test_openapi_schema_describes_the_api(server: LiveServer) -> None:
    schema = httpx.get(f"{server.url}/api/openapi.json").json()
    for path in ("/api/ask", "/api/search", "/api/document", "/api/span", "/api/stats"):
        assert path in schema["paths"], path
    assert "/api/directory/{kind}" in schema["paths"]
    assert "AnswerOut" in schema["components"]["schemas"]
    assert "/" not in schema["paths"]  # the page's routes are not API


def test_many_concurrent_requests_all_get_the_answer_they_would_get_alone(
    server: LiveServer, pipeline: Pipeline
) -> None:
    questions = [
        QUESTION,
        UNANSWERABLE,
        "Kas ir projekta galvenais mērķis?",
        "Who went to Lithuania?",
    ]
    alone = {q: pipeline.ask(q, use_llm=False).to_dict()["answer"] for q in questions}
    got: list[tuple[str, int, str]] = []

    def client(offset: int) -> None:
        with httpx.Client(base_url=server.url, timeout=60) as c:
            for i in range(4):
                q = questions[(offset + i) % len(questions)]
                r = c.post("/api/ask", json={"question": q})
                got.append((q, r.status_code, r.json().get("answer", r.text)))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(got) == 32
    assert all(status == 200 for _, status, _ in got)
    assert all(answer == alone[q] for q, _, answer in got)


def test_session_follow_up_carries_the_standalone_question(server: LiveServer) -> None:
    first = httpx.post(
        f"{server.url}/api/ask", json={"question": QUESTION, "session": "web-test"}, timeout=60
    ).json()
    second = httpx.post(
        f"{server.url}/api/ask",
        json={"question": "Kas tur stāstīja par darba specifiku?", "session": "web-test"},
        timeout=60,
    ).json()
    assert first["answered"]
    assert second.get("standalone_question") and second["standalone_question"] != second["question"]


def test_upload_is_indexed_incrementally_and_then_answerable(
    own_server: Callable[..., LiveServer],
) -> None:
    live = own_server()
    before = httpx.get(f"{live.url}/api/stats").json()
    text = (
        "Rūjienas jauniešu centrs “Zvaigzne”\n\n"
        "2024. gada 14. martā Rūjienas jauniešu centrā notika orientēšanās sacensības"
        " “Pavasara taka”. Sacensības organizēja jaunatnes darbiniece Ilze Kalniņa.\n"
    )
    response = httpx.post(
        f"{live.url}/api/documents",
        files=[
            ("files", ("rujiena.txt", text.encode(), "text/plain")),
            ("files", ("attels.exe", b"MZ\x00", "application/octet-stream")),
            ("files", ("tuks.txt", b"", "text/plain")),
        ],
    )
    assert response.status_code == 202
    body = response.json()
    assert [s["name"] for s in body["saved"]] == ["rujiena.txt", "tuks.txt"]
    assert body["refused"][0]["name"] == "attels.exe" and ".exe" in body["refused"][0]["error"]
    wait_for(lambda: not httpx.get(f"{live.url}/api/build").json()["running"])
    build = httpx.get(f"{live.url}/api/build").json()
    assert build["error"] is None
    assert build["last"]["added"] == ["rujiena.txt"] or build["last"]["added"][0].endswith(
        "rujiena.txt"
    )
    failed = build["last"]["failed"]
    assert len(failed) == 1 and failed[0]["path"].endswith("tuks.txt")
    corpus = Path(live.service.settings.corpus)
    assert (corpus / "rujiena.txt").read_text(encoding="utf-8") == text
    assert not (corpus / "tuks.txt").exists()  # an unreadable upload is not kept to fail again
    after = httpx.get(f"{live.url}/api/stats").json()
    assert after["documents"] == before["documents"] + 1
    answer = httpx.post(
        f"{live.url}/api/ask",
        json={"question": "Kas organizēja orientēšanās sacensības Rūjienā?"},
        timeout=60,
    ).json()
    assert answer["answered"]
    assert any(c["doc"].endswith("rujiena.txt") for c in answer["citations"])
    # the same name again with other bytes never replaces the first file
    httpx.post(
        f"{live.url}/api/documents",
        files=[("files", ("rujiena.txt", b"Cits teksts.", "text/plain"))],
    )
    wait_for(lambda: not httpx.get(f"{live.url}/api/build").json()["running"])
    assert (corpus / "rujiena.txt").read_text(encoding="utf-8") == text
    assert (corpus / "rujiena-2.txt").exists()


def test_upload_over_the_size_limit_is_refused_with_the_index_message(
    own_server: Callable[..., LiveServer],
) -> None:
    live = own_server()
    live.service.settings.max_file_mb = 0.001  # 1,000 bytes
    response = httpx.post(
        f"{live.url}/api/documents", files=[("files", ("liels.txt", b"a" * 5000, "text/plain"))]
    )
    assert response.status_code == 400
    (refused,) = response.json()["refused"]
    assert "MB" in refused["error"] or "limit" in refused["error"]


def test_watch_indexes_added_and_removed_files_while_answers_go_on(
    own_server: Callable[..., LiveServer],
) -> None:
    live = own_server(watch=True)
    corpus = Path(live.service.settings.corpus)
    documents = httpx.get(f"{live.url}/api/stats").json()["documents"]
    source = next(
        p for p in sorted(CORPUS.iterdir()) if p.suffix == ".txt" and not (corpus / p.name).exists()
    )
    new = corpus / source.name
    new.write_bytes(source.read_bytes())
    answers: list[int] = []
    stop = threading.Event()

    def ask_meanwhile() -> None:
        with httpx.Client(base_url=live.url, timeout=60) as c:
            while not stop.is_set():
                answers.append(c.post("/api/ask", json={"question": QUESTION}).status_code)

    asker = threading.Thread(target=ask_meanwhile)
    asker.start()
    try:
        wait_for(
            lambda: httpx.get(f"{live.url}/api/stats").json()["documents"] == documents + 1,
            timeout=90,
        )
        new.unlink()
        wait_for(
            lambda: httpx.get(f"{live.url}/api/stats").json()["documents"] == documents,
            timeout=90,
        )
    finally:
        stop.set()
        asker.join(60)
    assert answers and all(status == 200 for status in answers)
    assert httpx.get(f"{live.url}/api/build").json()["watching"]


def test_loopback_server_refuses_other_host_names_and_cross_site_posts(server: LiveServer) -> None:
    r = httpx.get(f"{server.url}/api/stats", headers={"Host": "evil.example:8765"})
    assert r.status_code == 403
    r = httpx.post(
        f"{server.url}/api/ask",
        json={"question": QUESTION},
        headers={"Origin": "http://evil.example"},
    )
    assert r.status_code == 403
    r = httpx.get(f"{server.url}/api/stats", headers={"Host": f"localhost:{server.port}"})
    assert r.status_code == 200


def test_server_bound_beyond_localhost_lets_no_one_in_without_the_token(
    own_server: Callable[..., LiveServer],
) -> None:
    live = own_server(host="0.0.0.0", token="s3cret-token-for-the-test")
    for method, path in (
        ("GET", "/"),
        ("GET", "/api/stats"),
        ("POST", "/api/ask"),
        ("GET", "/static/app.css"),
    ):
        r = httpx.request(method, live.url + path, json={"question": QUESTION})
        assert r.status_code == 401, path
        assert r.json() == {"error": "access token required"}
    wrong = httpx.get(f"{live.url}/api/stats", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = httpx.get(
        f"{live.url}/api/stats", headers={"Authorization": "Bearer s3cret-token-for-the-test"}
    )
    assert ok.status_code == 200
    # ?token= once: a cookie, and the address without the token
    first = httpx.get(f"{live.url}/directory?token=s3cret-token-for-the-test&place=Liep%C4%81ja")
    assert first.status_code == 303 and first.headers["location"] == "/directory?place=Liep%C4%81ja"
    assert "youthbot_token=" in first.headers["set-cookie"]
    assert "HttpOnly" in first.headers["set-cookie"]
    with httpx.Client(base_url=live.url, follow_redirects=True) as client:
        page = client.get("/?token=s3cret-token-for-the-test")
        assert page.status_code == 200 and "token" not in str(page.url)
        assert client.get("/api/stats").status_code == 200


def test_the_page_works_without_javascript_too(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as browser:
        posted = browser.post("/ask", data={"question": QUESTION})
        assert posted.status_code == 303 and posted.headers["location"].startswith("/#ex-")
        page = browser.get("/")
        assert page.status_code == 200
        assert 'class="cite"' in page.text and "<mark" in page.text
        markdown = browser.get("/export.md")
        assert markdown.headers["content-type"].startswith("text/markdown")
        assert QUESTION in markdown.text
        missing = browser.get("/document?doc=corpus/nav.txt", headers={"Accept": "text/html"})
        assert missing.status_code == 404 and "corpus/nav.txt" in missing.text
        assert "Traceback" not in missing.text
