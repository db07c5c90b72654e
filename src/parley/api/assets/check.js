// Public page: check a statement against the public record (POST /public/v1/channels/{id}/check).
// Hand-written, no dependencies. Builds the result with DOM nodes (never innerHTML), so
// nothing in a statement or in the record can inject markup.
"use strict";
(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const out = document.getElementById("check-result");
  const channel = form.dataset.channel;
  const words = { supported: "Supported", contradicted: "Contradicted", not_in_record: "Not in record" };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = form.elements.statement.value.trim();
    out.replaceChildren(el("p", "Checking…"));
    if (!text) { out.replaceChildren(el("p", "Write a statement first.")); return; }
    let data;
    try {
      const r = await fetch(`/public/v1/channels/${encodeURIComponent(channel)}/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ statements: [text] }),
      });
      data = await r.json();
      if (!r.ok) throw new Error((data.error && data.error.message) || `HTTP ${r.status}`);
    } catch (e) {
      out.replaceChildren(el("p", `The check failed: ${e.message}`, "bad"));
      return;
    }
    const list = el("ol");
    list.className = "claims";
    for (const c of data[0].claims) {
      const item = el("li");
      item.dataset.verdict = c.verdict;
      const head = el("p");
      head.append(el("strong", words[c.verdict] || c.verdict, `verdict ${c.verdict}`), " — “", c.text, "”");
      item.append(head, el("p", c.explanation, "meta"));
      for (const e of c.evidence) {
        const p = el("p", "", "meta");
        if (e.bundle) {
          const a = el("a", `proof bundle for entry ${e.entry}`);
          a.href = `/public/v1/channels/${encodeURIComponent(channel)}/entries/${encodeURIComponent(e.entry)}/bundle`;
          p.append("Evidence: ", a);
        } else {
          p.append(`Evidence: entry ${e.entry}`);
        }
        item.append(p);
      }
      list.append(item);
    }
    out.replaceChildren(
      el("p", "Checked against the public record only. “Not in record” is not “false”.", "meta"),
      list,
    );
    out.focus();
  });
})();
