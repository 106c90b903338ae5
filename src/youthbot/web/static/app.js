// youthbot web page: streamed answers, sources that open in place, live status and uploads.
// The page works without this file (forms post, links open sources by #anchor); it adds
// streaming, no reloads, and progress while indexing.
"use strict";

(function () {
  const strings = JSON.parse(document.getElementById("page-strings")?.textContent || "{}");

  // -- sources: a [n] marker or a source title opens the passage with its cited span ------
  function openSource(item, focus) {
    if (!item) return;
    const list = item.closest(".source-list");
    if (list) {
      for (const other of list.querySelectorAll(".source.open")) {
        if (other !== item) {
          other.classList.remove("open");
          other.querySelector(".source-toggle")?.setAttribute("aria-expanded", "false");
        }
      }
    }
    item.classList.add("open");
    const toggle = item.querySelector(".source-toggle");
    toggle?.setAttribute("aria-expanded", "true");
    const exchange = item.closest(".exchange");
    if (exchange) {
      for (const cite of exchange.querySelectorAll("a.cite")) {
        cite.setAttribute("aria-current", cite.getAttribute("href") === "#" + item.id ? "true" : "false");
      }
    }
    history.replaceState(null, "", "#" + item.id);
    item.scrollIntoView({ block: "nearest" });
    if (focus) toggle?.focus();
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.cite, a.source-toggle");
    if (!link) return;
    const id = link.getAttribute("href").slice(1);
    const item = document.getElementById(id);
    if (!item) return;
    event.preventDefault();
    if (link.classList.contains("source-toggle") && item.classList.contains("open")) {
      item.classList.remove("open");
      link.setAttribute("aria-expanded", "false");
      return;
    }
    openSource(item, link.classList.contains("cite"));
  });

  function openFromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const item = id && document.getElementById(id);
    if (item && item.classList.contains("source")) openSource(item, false);
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();

  // -- server-sent events over fetch ------------------------------------------------------
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (data.length) onEvent(name, JSON.parse(data.join("\n")));
      }
    }
  }

  // -- asking ---------------------------------------------------------------------------------
  const form = document.getElementById("ask-form");
  const conversation = document.getElementById("conversation");
  const askStatus = document.getElementById("ask-status");

  function pendingExchange(question) {
    const article = document.createElement("article");
    article.className = "exchange pending";
    article.setAttribute("aria-busy", "true");
    const h2 = document.createElement("h2");
    h2.className = "question";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (document.documentElement.lang === "en" ? "You" : "Jūs") + ":";
    h2.append(who, " " + question);
    const answer = document.createElement("div");
    answer.className = "answer streaming";
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = strings.searching || "…";
    article.append(h2, answer, note);
    return article;
  }

  if (form && conversation) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = form.querySelector("#question");
      const button = form.querySelector("button[type=submit]");
      const question = input.value.trim();
      if (!question) { input.focus(); return; }
      document.getElementById("intro")?.remove();
      const pending = pendingExchange(question);
      conversation.append(pending);
      pending.scrollIntoView({ block: "nearest" });
      askStatus.textContent = strings.searching || "";
      button.disabled = true;
      input.value = "";
      let streamed = "";
      try {
        const response = await fetch("/ask", {
          method: "POST",
          headers: { Accept: "text/event-stream" },
          body: new URLSearchParams({ question }),
        });
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        await readEvents(response, (name, data) => {
          if (name === "token") {
            streamed += data.delta;
            pending.querySelector(".answer").textContent = streamed;
          } else if (name === "exchange") {
            const holder = document.createElement("div");
            holder.innerHTML = data.html;
            const article = holder.firstElementChild;
            pending.replaceWith(article);
            askStatus.textContent = article.querySelector(".note")?.textContent || "";
          } else if (name === "error") {
            pending.removeAttribute("aria-busy");
            const note = pending.querySelector(".note");
            note.textContent = data.message;
            note.classList.add("warn");
            askStatus.textContent = data.message;
          }
        });
      } catch (error) {
        const note = pending.querySelector(".note");
        note.textContent = (strings.error || "Error") + ": " + error.message;
        note.classList.add("warn");
        askStatus.textContent = note.textContent;
      } finally {
        button.disabled = false;
        input.focus();
      }
    });
  }

  // -- status line and indexing progress -------------------------------------------------------
  const statusLine = document.getElementById("status-line");
  const buildSection = document.getElementById("build");
  let wasRunning = false;
  let timer = null;

  async function refreshStatus() {
    timer = null;
    let running = false;
    try {
      const response = await fetch("/ui/status", { headers: { Accept: "application/json" } });
      if (response.ok) {
        const status = await response.json();
        if (statusLine && statusLine.textContent !== status.line) statusLine.textContent = status.line;
        if (buildSection && (status.running || wasRunning)) buildSection.innerHTML = status.build_html;
        running = status.running;
        wasRunning = running;
      }
    } catch (error) {
      // the server is restarting; try again later
    }
    schedule(running ? 600 : 4000);
  }

  function schedule(ms) {
    if (timer === null) timer = setTimeout(refreshStatus, ms);
  }
  schedule(document.body.dataset.page === "documents" ? 300 : 4000);

  // -- uploads -----------------------------------------------------------------------------
  const upload = document.getElementById("upload-form");
  if (upload) {
    const result = document.getElementById("upload-result");
    upload.addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = upload.querySelector("#files");
      const button = upload.querySelector("button[type=submit]");
      if (!input.files.length) { input.focus(); return; }
      button.disabled = true;
      try {
        const response = await fetch("/api/documents", { method: "POST", body: new FormData(upload) });
        const body = await response.json();
        result.replaceChildren();
        if (body.saved?.length) {
          const ok = document.createElement("p");
          ok.className = "ok";
          const names = body.saved.map((s) => s.name).join(", ");
          ok.textContent = (strings.saved || "{files}")
            .replace("{n}", String(body.saved.length))
            .replace("{files}", names);
          result.append(ok);
        }
        const problems = [...(body.refused || []).map((r) => r.name + ": " + r.error)];
        if (body.error) problems.push(body.error);
        if (problems.length) {
          const list = document.createElement("ul");
          list.className = "errors";
          for (const line of problems) {
            const li = document.createElement("li");
            li.textContent = line;
            list.append(li);
          }
          result.append(list);
        }
        wasRunning = true;
        if (timer !== null) { clearTimeout(timer); timer = null; }
        refreshStatus();
        input.value = "";
      } catch (error) {
        result.textContent = (strings.error || "Error") + ": " + error.message;
      } finally {
        button.disabled = false;
      }
    });
  }
})();
