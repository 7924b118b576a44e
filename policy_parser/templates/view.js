// policy_parser view: reads the JSON payload, draws the tree, the source and the table.
// Offsets in the payload count code points (Python's str indices); JS strings count UTF-16
// units, so a character outside the BMP (𠀀) shifts every later offset by one: toUnits maps them.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("payload").textContent);
  const source = data.source;
  const sourceEl = document.getElementById("source");
  const treeEl = document.getElementById("tree");
  const info = document.getElementById("selection-info");
  const nodes = new Map();

  const toUnits = (function () {
    if (!/[\uD800-\uDFFF]/.test(source)) return (i) => i;
    const units = [0];
    for (const ch of source) units.push(units[units.length - 1] + ch.length);
    return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
  })();
  // UTF-16 units back to code points: the units before a caret, counted as Python counts.
  const toPoints = (u) => Array.from(source.slice(0, u)).length;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // The source as three text runs, the middle one marked: textContent only, never innerHTML.
  function highlight(start, end, kind, block) {
    const a = toUnits(start), b = toUnits(end);
    sourceEl.textContent = "";
    sourceEl.append(source.slice(0, a));
    const mark = el("mark", { id: "highlight", class: kind }, source.slice(a, b));
    sourceEl.append(mark, source.slice(b));
    mark.scrollIntoView({ block: block || "center" });
    return mark;
  }

  // Mark a node in the tree (its ancestors opened) without touching the source.
  function markNode(node) {
    document.querySelectorAll(".node.selected").forEach((n) => n.classList.remove("selected"));
    const li = document.querySelector(`li[data-id="${node.id}"]`);
    const label = li.querySelector(":scope > .node");
    label.classList.add("selected");
    for (let p = li.parentElement.closest("li"); p; p = p.parentElement.closest("li")) {
      p.classList.remove("collapsed");
      setToggle(p);
    }
    label.scrollIntoView({ block: "nearest" });
  }

  function select(node, block) {
    markNode(node);
    info.textContent = `${node.path}  [${node.start}, ${node.end})`;
    highlight(node.start, node.end, node.type, block);
  }

  // The innermost node whose span holds the code-point offset `at` (children come after
  // their parent, so the last match in pre-order is the deepest).
  function nodeAt(at) {
    let found = null;
    nodes.forEach((node) => { if (node.start <= at && at < node.end) found = node; });
    return found;
  }

  // Clicking in the text selects the section it stands in: 甲 in （一）'s text picks （一）.
  function onSourceClick() {
    const sel = window.getSelection();
    if (!sel.rangeCount || !sel.isCollapsed) return;  // a drag selects text to copy
    const caret = sel.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(sourceEl);
    before.setEnd(caret.startContainer, caret.startOffset);
    const node = nodeAt(toPoints(before.toString().length));
    if (node) select(node, "nearest");
  }

  function setToggle(li) {
    const t = li.querySelector(":scope > .toggle");
    if (!t.classList.contains("leaf")) {
      const open = !li.classList.contains("collapsed");
      t.textContent = open ? "▾" : "▸";
      t.setAttribute("aria-expanded", String(open));
    }
  }

  function addNode(parent, node) {
    nodes.set(node.id, node);
    const li = el("li", { "data-id": node.id, "data-path": node.path, class: node.type, role: "treeitem" });
    const toggle = el("button", { type: "button", class: "toggle", title: "collapse / expand" });
    if (!node.children.length) toggle.classList.add("leaf");
    toggle.addEventListener("click", () => { li.classList.toggle("collapsed"); setToggle(li); });
    const label = el("button", { type: "button", class: "node", title: node.path }, node.label);
    label.addEventListener("click", () => select(node));
    li.append(toggle, label);
    if (node.children.length) {
      const ul = el("ul", { role: "group" });
      node.children.forEach((child) => addNode(ul, child));
      li.append(ul);
    }
    setToggle(li);
    parent.append(li);
  }

  function setAll(collapsed) {
    treeEl.querySelectorAll("li").forEach((li) => {
      if (li.querySelector(":scope > ul")) li.classList.toggle("collapsed", collapsed);
      setToggle(li);
    });
  }

  function drawTable() {
    const head = document.querySelector("#table thead tr");
    const body = document.querySelector("#table tbody");
    const titles = { body: "body", role: "role", clause: "task / clause", path: "section", deadline: "deadline" };
    data.columns.forEach((c) => head.append(el("th", { "data-column": c }, titles[c] || c)));
    data.rows.forEach((row) => {
      const tr = el("tr", { "data-body": row.body });
      data.columns.forEach((c) => tr.append(el("td", { "data-column": c }, row[c])));
      tr.addEventListener("click", () => {
        const owner = [...nodes.values()].find((n) => n.path === row.path);
        if (owner) markNode(owner);
        info.textContent = `${row.body} (${row.role})  ${row.path}`;
        highlight(row.start, row.end, "body");
      });
      body.append(tr);
    });
    const select = document.getElementById("body-select");
    [...new Set(data.rows.map((r) => r.body))].sort().forEach((b) => select.append(el("option", { value: b }, b)));
    const text = document.getElementById("body-filter");
    const apply = () => {
      const exact = select.value, part = text.value.trim();
      let shown = 0;
      body.querySelectorAll("tr").forEach((tr) => {
        const b = tr.dataset.body;
        const keep = (!exact || b === exact) && (!part || b.includes(part));
        tr.classList.toggle("hidden", !keep);
        if (keep) shown += 1;
      });
      document.getElementById("row-count").textContent = `${shown} of ${data.rows.length} rows`;
    };
    select.addEventListener("change", apply);
    text.addEventListener("input", apply);
    apply();
  }

  document.getElementById("doc-title").textContent = data.title || "(untitled)";
  document.getElementById("doc-number").textContent = data.doc_number || "";
  sourceEl.textContent = source;
  data.tree.forEach((node) => addNode(treeEl, node));
  sourceEl.addEventListener("click", onSourceClick);
  document.getElementById("expand-all").addEventListener("click", () => setAll(false));
  document.getElementById("collapse-all").addEventListener("click", () => setAll(true));
  drawTable();
  document.body.dataset.ready = "true";
})();
