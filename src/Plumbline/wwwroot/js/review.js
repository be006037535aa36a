// The TAM pass: every answer is saved at once, and never lost. Answers wait in localStorage until the server has them;
// a failed save (no network, server down) is shown as unsaved and retried until it goes through.
(function () {
  "use strict";

  function init() {
    var root = document.querySelector("[data-review]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var reviewId = root.dataset.review;
    var editable = root.dataset.editable === "true";
    var storeKey = "plumbline.review." + reviewId;
    var queue = load();
    var retryDelay = 2000, retryTimer = null, flushing = false, current = null;

    function items() { return Array.prototype.slice.call(root.querySelectorAll("[data-item]")); }
    function item(id) { return root.querySelector('[data-item="' + id + '"]'); }
    function load() { try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; } }
    function persist() { localStorage.setItem(storeKey, JSON.stringify(queue)); }

    function setState(el, text, kind) {
      var state = el.querySelector("[data-save-state]");
      state.textContent = text;
      state.className = "save-state " + (kind || "");
    }
    function setMessage(el, text) { el.querySelector("[data-item-message]").textContent = text || ""; }

    function showAnswer(el, answer) {
      el.dataset.answer = answer || "";
      el.querySelectorAll("[data-answer-value]").forEach(function (b) { b.setAttribute("aria-pressed", b.dataset.answerValue === answer ? "true" : "false"); });
      counts();
    }

    function counts() {
      var all = items(), answered = 0, no = 0, flagged = 0;
      all.forEach(function (el) {
        if (el.dataset.answer) answered++;
        if (el.dataset.answer === "No") no++;
        if (el.dataset.flagged === "true") flagged++;
      });
      set("answered", answered); set("unanswered", all.length - answered); set("no", no); set("flagged", flagged);
      var bar = root.querySelector(".progress-box .bar span");
      if (bar) { bar.style.width = (all.length ? Math.floor(100 * answered / all.length) : 0) + "%"; bar.parentNode.setAttribute("aria-valuenow", answered); }
      var pending = Object.keys(queue).length;
      var summary = root.querySelector("[data-save-summary]");
      if (summary) summary.textContent = pending ? pending + " unsaved, retrying" : "";
      if (summary) summary.className = "save-summary" + (pending ? " unsaved" : "");
    }
    function set(name, value) { var c = root.querySelector('[data-count="' + name + '"]'); if (c) c.textContent = value; }

    // A change goes into the queue first, then to the server.
    function change(el, answer) {
      var id = el.dataset.item;
      var note = el.querySelector("[data-note]").value.trim();
      showAnswer(el, answer);
      if (answer === "No" && !note) {
        setState(el, "needs a note", "warn");
        setMessage(el, "Say what you found: a No needs a note for the vCIO.");
        el.querySelector("[data-note]").focus();
        delete queue[id]; persist(); counts();
        return;
      }
      setMessage(el, "");
      queue[id] = { answer: answer || null, note: note, version: Number(el.dataset.version) };
      persist();
      setState(el, "saving…", "pending");
      counts();
      flush();
    }

    function flush() {
      if (flushing) return;
      var ids = Object.keys(queue);
      if (!ids.length) return;
      flushing = true;
      var id = ids[0], entry = queue[id], el = item(id);
      if (!el) { delete queue[id]; persist(); flushing = false; flush(); return; }
      fetch("/api/v1/reviews/" + reviewId + "/answers/" + id, {
        method: "PUT", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-Plumbline-Client": "review" },
        body: JSON.stringify(entry)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        flushing = false;
        if (queue[id] !== entry && queue[id]) { queue[id].version = result.body.version || queue[id].version; }
        if (result.status === 200) {
          el.dataset.version = result.body.version;
          if (queue[id] === entry) delete queue[id];
          persist();
          setState(el, "saved", "ok");
          retryDelay = 2000;
        } else if (result.status === 409) {
          var now = result.body.current;
          delete queue[id]; persist();
          if (now) { el.dataset.version = now.version; showAnswer(el, now.answer); el.querySelector("[data-note]").value = now.note || ""; }
          setState(el, "not saved", "error");
          setMessage(el, (result.body.detail || "Someone else changed this answer.") + (entry.answer ? " Your answer was " + entry.answer + "." : ""));
        } else if (result.status >= 400 && result.status < 500) {
          delete queue[id]; persist();
          setState(el, "not saved", "error");
          var errors = result.body.errors || {};
          var first = Object.keys(errors)[0];
          setMessage(el, first ? errors[first][0] : (result.body.detail || "The answer was refused."));
          if (result.status === 401) setMessage(el, "You were signed out. Sign in again in another tab; this answer is kept here meanwhile.");
          if (result.status === 401) { queue[id] = entry; persist(); }
        } else {
          throw new Error("server " + result.status);
        }
        counts();
        flush();
      }).catch(function () {
        flushing = false;
        setState(el, "unsaved – will retry", "error");
        counts();
        clearTimeout(retryTimer);
        retryTimer = setTimeout(flush, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
    }

    // Answers typed earlier that never reached the server (a reload while offline) come back and are sent again.
    Object.keys(queue).forEach(function (id) {
      var el = item(id);
      if (!el) { delete queue[id]; return; }
      showAnswer(el, queue[id].answer);
      el.querySelector("[data-note]").value = queue[id].note || "";
      setState(el, "unsaved – will retry", "error");
    });
    persist();
    counts();
    window.addEventListener("online", function () { retryDelay = 2000; flush(); });
    flush();

    if (editable) {
      root.addEventListener("click", function (event) {
        var button = event.target.closest("[data-answer-value]");
        if (button) { var el = button.closest("[data-item]"); focus(el); change(el, button.dataset.answerValue); }
        var send = event.target.closest("[data-flag-send]");
        if (send) flag(send.closest("[data-item]"));
      });
      var noteTimers = {};
      root.addEventListener("input", function (event) {
        if (!event.target.matches("[data-note]")) return;
        var el = event.target.closest("[data-item]");
        clearTimeout(noteTimers[el.dataset.item]);
        noteTimers[el.dataset.item] = setTimeout(function () { if (el.dataset.answer) change(el, el.dataset.answer); }, 700);
      });
      root.addEventListener("change", function (event) {
        if (event.target.matches("[data-evidence-input]")) upload(event.target);
      });
    }

    function upload(input) {
      var el = input.closest("[data-item]");
      if (!input.files.length) return;
      var data = new FormData();
      data.append("file", input.files[0]);
      setMessage(el, "Uploading " + input.files[0].name + "…");
      fetch("/api/v1/reviews/" + reviewId + "/answers/" + el.dataset.item + "/evidence", { method: "POST", credentials: "same-origin", headers: { "X-Plumbline-Client": "review" }, body: data })
        .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
        .then(function (result) {
          if (!result.ok) { setMessage(el, (result.body.errors && result.body.errors.file && result.body.errors.file[0]) || result.body.detail || "The file was not attached."); return; }
          var count = el.querySelector("[data-evidence-count]");
          count.textContent = Number(count.textContent) + 1;
          setMessage(el, "Attached " + result.body.fileName + ".");
        })
        .catch(function () { setMessage(el, "The file was not attached: no connection. Try again when you are back online."); })
        .finally(function () { input.value = ""; });
    }

    function flag(el) {
      var reason = el.querySelector("[data-flag-reason]").value;
      var comment = el.querySelector("[data-flag-comment]").value.trim();
      if (!comment) { setMessage(el, "Tell the standards committee what is wrong with the question."); return; }
      fetch("/api/v1/reviews/" + reviewId + "/flags/" + el.dataset.item, {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json", "X-Plumbline-Client": "review" }, body: JSON.stringify({ reason: reason, comment: comment })
      }).then(function (response) {
        if (!response.ok) throw new Error();
        el.dataset.flagged = "true";
        var details = el.querySelector("[data-flag]");
        details.open = false;
        details.querySelector("summary").textContent = "Flagged ✓";
        setMessage(el, "Flagged for the standards committee.");
        counts();
      }).catch(function () { setMessage(el, "The flag was not sent. Try again when you are back online."); });
    }

    // Filters and search work on the page itself, so they work offline too.
    var filter = "all";
    root.addEventListener("click", function (event) {
      var b = event.target.closest("[data-filter]");
      if (!b) return;
      filter = b.dataset.filter;
      root.querySelectorAll("[data-filter]").forEach(function (x) { x.setAttribute("aria-pressed", x === b ? "true" : "false"); });
      apply();
    });
    var search = root.querySelector("[data-review-search]");
    if (search) search.addEventListener("input", apply);
    function apply() {
      var q = search ? search.value.trim().toLowerCase() : "";
      items().forEach(function (el) {
        var show = filter === "all" || (filter === "unanswered" && !el.dataset.answer) || (filter === "no" && el.dataset.answer === "No") || (filter === "flagged" && el.dataset.flagged === "true");
        if (q && el.dataset.search.indexOf(q) < 0) show = false;
        el.hidden = !show;
      });
    }

    // Keyboard: J/K move, Y/N/A answer, Enter edits the note, Escape leaves it, F opens the flag form.
    function focus(el) {
      if (!el) return;
      if (current) current.classList.remove("current");
      current = el;
      el.classList.add("current");
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "nearest" });
    }
    function visible() { return items().filter(function (el) { return !el.hidden; }); }
    // A control keeps its own keys: Enter on "Why we ask", "Hand off" or a flag button does what that control does. The item's keys
    // (Y/N/A, Enter, F) act only when the item itself has the focus; J/K also work from the page around the items.
    document.addEventListener("keydown", function (event) {
      if (!document.body.contains(root)) return;
      var target = event.target;
      if (target.matches && target.matches("[data-note]") && event.key === "Escape") { target.closest("[data-item]").focus(); return; }
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
      var inItem = target.closest ? target.closest("[data-item]") : null;
      if (typing || event.ctrlKey || event.metaKey || event.altKey || (inItem && inItem !== target)) return;
      var list = visible(), index = list.indexOf(current), key = event.key.toLowerCase();
      var onItem = inItem;
      if (key === "j") { event.preventDefault(); focus(list[Math.min(index + 1, list.length - 1)]); }
      else if (key === "k") { event.preventDefault(); focus(list[Math.max(index - 1, 0)]); }
      else if (!onItem) return;
      else if (editable && (key === "y" || key === "n" || key === "a")) {
        event.preventDefault();
        change(onItem, key === "y" ? "Yes" : key === "n" ? "No" : "NotApplicable");
      }
      else if (key === "enter") { event.preventDefault(); onItem.querySelector("[data-note]").focus(); }
      else if (editable && key === "f") { event.preventDefault(); var d = onItem.querySelector("[data-flag]"); d.open = true; d.querySelector("[data-flag-comment]").focus(); }
    });
    root.addEventListener("focusin", function (event) { var el = event.target.closest("[data-item]"); if (el && el !== current) { if (current) current.classList.remove("current"); current = el; el.classList.add("current"); } });

    // Submitting with answers still waiting would lose them from the vCIO's view: finish saving first.
    var submit = root.querySelector("[data-submit-review]");
    if (submit) submit.addEventListener("submit", function (event) {
      var pending = Object.keys(queue).length;
      if (pending) { event.preventDefault(); event.stopImmediatePropagation(); alert(pending + " answer(s) are not saved yet. Wait until they are saved, then submit."); }
    }, true);
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("DOMContentLoaded", function () {
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener("enhancedload", init);
  });
})();
