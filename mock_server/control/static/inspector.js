// The inspector at /_mock/: polls the control verbs' JSON every second and shows what the mock saw
// and did. Everything is built with DOM calls and textContent (request bodies are shown, never run).
// Verbs used: overview (GET /_mock/), tasks, requests, webhooks, audio_files, audio_picture, and the
// buttons' advance, complete, fail, reset, tick, set_progression, inject_fault, clear_faults, set_credits.
"use strict";

const POLL_MS = 1000;
const REQUESTS_SHOWN = 200;
const view = {
  selected: null, // task id
  tasks: [],
  webhooks: [],
  seen: new Map(), // last JSON text drawn, per part of the page
  expanded: new Set(), // journal entries whose bodies are open
  pictures: new Map(), // "<task>/<file>" -> picture JSON
  filesShown: null, // "<task>|<state>" whose files are on the page
};
const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---- talking to the control API ----------------------------------------------------------------

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

async function call(method, path, body) {
  const options = { method, headers: { Accept: "application/json" }, cache: "no-store" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  try {
    const response = await fetch(path, options);
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.message || response.statusText);
    showMessage(`${method} ${path}: done`, false);
  } catch (error) {
    showMessage(`${method} ${path}: ${error.message}`, true);
  }
  await refresh();
}

function showMessage(text, isError) {
  const box = $("message");
  box.textContent = text;
  box.className = isError ? "error" : "";
  box.hidden = false;
  clearTimeout(showMessage.timer);
  showMessage.timer = setTimeout(() => (box.hidden = true), isError ? 8000 : 2500);
}

function changed(part, value) {
  const text = JSON.stringify(value);
  if (view.seen.get(part) === text) return false;
  view.seen.set(part, text);
  return true;
}

let polling = false;
async function refresh() {
  if (polling) return;
  polling = true;
  try {
    // each part on its own: one failing route (a 500 in the journal, say) leaves the others live
    const parts = await Promise.allSettled([
      getJson("/_mock/"),
      getJson("/_mock/tasks"),
      getJson(`/_mock/requests?limit=${REQUESTS_SHOWN}`),
      getJson("/_mock/webhooks"),
    ]);
    const [overview, tasks, requests, webhooks] = parts.map((part) => (part.status === "fulfilled" ? part.value : null));
    if (tasks) view.tasks = tasks;
    if (webhooks) view.webhooks = webhooks;
    if (overview && changed("overview", overview)) renderOverview(overview);
    if (changed("tasks", [view.tasks, view.selected])) renderTasks();
    if (requests && changed("requests", requests)) renderRequests(requests);
    if (webhooks && changed("webhooks", webhooks)) {
      $("count-webhooks").textContent = `(${webhooks.length})`;
      renderDeliveries($("tab-webhooks"), webhooks, true);
    }
    if (changed("detail", [view.selected, selectedTask(), view.webhooks])) renderDetail();
    const failed = parts.filter((part) => part.status === "rejected").map((part) => part.reason.message);
    if (failed.length) setLive("down", `${failed.length} of ${parts.length} reads failed: ${failed[0]}`);
    else setLive("ok", `updated ${new Date().toLocaleTimeString("en-GB")}`);
  } finally {
    polling = false;
  }
}

function setLive(kind, text) {
  const badge = $("live-state");
  badge.className = kind;
  badge.textContent = text;
}

// ---- formatting --------------------------------------------------------------------------------

function clockTime(seconds) {
  const date = new Date(seconds * 1000);
  return `${date.toLocaleTimeString("en-GB", { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

function stateClass(state) {
  if (/fail/i.test(state)) return "state failed";
  if (/complete|done|delivered/i.test(state)) return "state done";
  return "state running";
}

function shortId(id) {
  return id && id.length > 12 ? `${id.slice(0, 8)}…` : id || "";
}

function clipped(text) {
  // a signed storage URL's query is longer than the screen: cut it, the whole text on hover
  return el("span", { class: "clipped", title: text }, text);
}

function pretty(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

// ---- the header: overview, faults, credits -----------------------------------------------------

function renderOverview(overview) {
  $("count-tasks").textContent = overview.tasks;
  $("count-pending").textContent = overview.pending_webhooks;
  $("count-faults").textContent = overview.faults.length;
  if (document.activeElement !== $("progression")) $("progression").value = overview.progression;
  const faults = overview.faults.map((fault) => el("li", { class: "mono" }, describeFault(fault)));
  $("faults").replaceChildren(...(faults.length ? faults : [el("li", { class: "empty" }, "No faults injected.")]));
  const balances = Object.entries(overview.credits).map(([key, balance]) =>
    el("tr", {}, el("td", { class: "mono" }, key), el("td", {}, balance)),
  );
  const note = overview.credits_enabled ? "No key has called the mock yet." : "Charging is off (--no-credits).";
  $("credits").tBodies[0].replaceChildren(...(balances.length ? balances : [el("tr", {}, el("td", { colspan: 2, class: "empty" }, note))]));
}

function describeFault(fault) {
  return Object.entries(fault)
    .filter(([, value]) => value !== null && value !== 0)
    .map(([name, value]) => `${name}=${value}`)
    .join("  ");
}

// ---- tasks -------------------------------------------------------------------------------------

function renderTasks() {
  const rows = [...view.tasks].reverse().map((task) =>
    el(
      "tr",
      { "data-task-id": task.id, class: task.id === view.selected ? "selected" : null, onclick: () => select(task.id) },
      el("td", { class: "mono", title: task.id }, shortId(task.id)),
      el("td", {}, task.lifecycle),
      el("td", { class: "mono" }, task.owner),
      el("td", {}, el("span", { class: stateClass(task.state) }, task.state)),
      el("td", {}, `${task.step} · ${task.polls}`),
      el("td", {}, clockTime(task.created_at)),
    ),
  );
  $("tasks").tBodies[0].replaceChildren(...rows);
  $("tasks-empty").hidden = rows.length > 0;
  if (view.selected === null && view.tasks.length) select(view.tasks[view.tasks.length - 1].id);
}

function select(taskId) {
  view.selected = taskId;
  renderTasks();
  renderDetail();
}

function selectedTask() {
  return view.tasks.find((task) => task.id === view.selected) || null;
}

function renderDetail() {
  const task = selectedTask();
  $("detail-empty").hidden = task !== null;
  $("detail-body").hidden = task === null;
  if (task === null) return;
  $("detail-title").textContent = `Task ${task.id}`;
  $("detail-state").className = stateClass(task.state);
  $("detail-state").textContent = task.state;
  const rows = facts(task).flatMap(([name, value, wide]) => [el("dt", {}, name), el("dd", { class: wide ? "wide" : null }, value)]);
  $("detail-facts").replaceChildren(...rows);
  $("timeline").replaceChildren(...timeline(task));
  $("detail-json").textContent = pretty({ results: task.results, request: task.request });
  const deliveries = view.webhooks.filter((delivery) => delivery.task_id === task.id);
  renderDeliveries($("task-webhooks"), deliveries, false);
  renderFiles(task);
}

function facts(task) {
  const found = [
    ["product", task.lifecycle],
    ["owner key", task.owner],
    ["created", clockTime(task.created_at)],
    ["progression", `step ${task.step}, polled ${task.polls} time(s)`],
    ["webhook URL", task.webhook_url || "none", true],
  ];
  if (task.error) found.push(["error", task.error, true]);
  if (task.planned_failure) found.push(["planned failure", task.planned_failure, true]);
  if (task.charges.length) found.push(["charged for", task.charges.join(", "), true]);
  return found;
}

function timeline(task) {
  return task.history.map((change) =>
    el(
      "li",
      {},
      el("span", { class: stateClass(change.state) }, change.state),
      el("span", { class: "when" }, `${clockTime(change.at)}  (+${(change.at - task.created_at).toFixed(3)} s)`),
    ),
  );
}

// ---- result files: players and pictures --------------------------------------------------------

async function renderFiles(task) {
  const shown = `${task.id}|${task.state}`;
  if (view.filesShown === shown) return; // keep players (and what they are playing) as they are
  view.filesShown = shown;
  const box = $("files");
  let files;
  try {
    files = await getJson(`/_mock/tasks/${encodeURIComponent(task.id)}/audio`);
  } catch (error) {
    box.replaceChildren(el("p", { class: "empty" }, error.message));
    return;
  }
  if (view.filesShown !== shown) return;
  box.replaceChildren(...(files.length ? files.map((file) => fileBlock(task, file)) : [el("p", { class: "empty" }, "No audio files.")]));
}

function fileBlock(task, file) {
  const numbers = el("span", { class: "numbers" }, "measuring…");
  const block = el(
    "div",
    { class: "file", "data-file": file.name },
    el(
      "header",
      {},
      el("strong", {}, file.name),
      el("span", { class: file.kind === "preview" ? "state running" : "state done" }, file.kind),
      el("audio", { controls: true, preload: "none", src: file.url }),
      el("a", { href: file.url, download: "" }, "download"),
      numbers,
    ),
  );
  showPicture(task, file, block, numbers);
  return block;
}

async function showPicture(task, file, block, numbers) {
  const cacheKey = `${task.id}/${file.name}`;
  try {
    let picture = view.pictures.get(cacheKey);
    if (!picture) {
      picture = await getJson(`/_mock/tasks/${encodeURIComponent(task.id)}/audio/${encodeURIComponent(file.name)}`);
      view.pictures.set(cacheKey, picture);
    }
    const integrated = picture.integrated_lufs === null ? "silent" : `${picture.integrated_lufs} LUFS integrated`;
    const peak = picture.sample_peak_dbfs === null ? "" : `, peak ${picture.sample_peak_dbfs} dBFS`;
    numbers.textContent = `${picture.duration} s, ${picture.sample_rate} Hz, ${picture.channels} ch, ${integrated}${peak}`;
    block.append(drawPicture(picture));
  } catch (error) {
    numbers.textContent = error.message;
  }
}

// ---- webhook deliveries ------------------------------------------------------------------------

function renderDeliveries(box, deliveries, withTask) {
  if (!deliveries.length) {
    box.replaceChildren(el("p", { class: "empty" }, "No webhook deliveries."));
    return;
  }
  const shown = withTask ? [...deliveries].reverse() : deliveries;
  box.replaceChildren(...shown.map((delivery) => deliveryBlock(delivery, withTask)));
}

function deliveryBlock(delivery, withTask) {
  const reported = delivery.payload.state || delivery.payload.status || "(no state)";
  return el(
    "div",
    { class: `delivery ${delivery.state}`, "data-delivery": delivery.id },
    el("span", { class: stateClass(reported) }, reported),
    " → ",
    el("span", { class: "mono" }, delivery.url),
    `  ${delivery.state}`,
    withTask ? el("span", { class: "task mono", title: delivery.task_id }, `task ${shortId(delivery.task_id)}`) : null,
    el("ol", { class: "attempts" }, ...delivery.attempts.map(attemptLine)),
    el("details", {}, el("summary", {}, "payload"), el("pre", {}, pretty(delivery.payload))),
  );
}

function attemptLine(attempt) {
  const answer = attempt.status_code === null ? `error: ${attempt.error}` : `HTTP ${attempt.status_code}`;
  const retry = attempt.retry_in === null ? "" : `, retry in ${attempt.retry_in} s`;
  return el(
    "li",
    { class: "attempt", value: attempt.number },
    `attempt ${attempt.number}: ${answer}, ${attempt.duration_ms.toFixed(1)} ms, ${attempt.outcome}${retry}`,
    el("span", { class: "when" }, `  ${attempt.started_at}`),
  );
}

// ---- the request journal -----------------------------------------------------------------------

function renderRequests(entries) {
  $("count-requests").textContent = `(${entries.length})`;
  // the fault form offers the operations seen (reading /openapi.json would land in the journal)
  const operations = [...new Set(entries.map((entry) => entry.operation).filter(Boolean))].sort();
  $("operations").replaceChildren(...operations.map((operation) => el("option", { value: operation })));
  const rows = [];
  for (const entry of [...entries].reverse()) {
    const id = `${entry.time}|${entry.method}|${entry.path}|${entry.status}`;
    const toggle = () => {
      view.expanded.has(id) ? view.expanded.delete(id) : view.expanded.add(id);
      renderRequests(entries);
    };
    rows.push(
      el(
        "tr",
        { class: "entry", onclick: toggle },
        el("td", {}, clockTime(entry.time)),
        el("td", { class: "mono" }, entry.method),
        el("td", { class: "mono" }, clipped(entry.path + (entry.query ? `?${entry.query}` : ""))),
        el("td", { class: "mono" }, entry.operation || ""),
        el("td", { class: "mono" }, entry.key || ""),
        el("td", { class: "mono", title: entry.task_id || "" }, shortId(entry.task_id)),
        el("td", { class: `status-${String(entry.status)[0]}` }, entry.status),
      ),
    );
    if (view.expanded.has(id)) rows.push(bodiesRow(entry));
  }
  $("requests").tBodies[0].replaceChildren(...rows);
}

function bodiesRow(entry) {
  const shown = (body) => (body === null || body === undefined ? "(none kept)" : pretty(body));
  return el(
    "tr",
    { class: "bodies" },
    el(
      "td",
      { colspan: 7 },
      el(
        "div",
        { class: "pair" },
        el("div", {}, el("h4", {}, "request body"), el("pre", {}, shown(entry.body))),
        el("div", {}, el("h4", {}, `response ${entry.status}`), el("pre", {}, shown(entry.response))),
      ),
    ),
  );
}

// ---- buttons and forms -------------------------------------------------------------------------

function taskCall(action, body) {
  if (view.selected) call("POST", `/_mock/tasks/${encodeURIComponent(view.selected)}/${action}`, body);
}

function wireControls() {
  $("advance").addEventListener("click", () => taskCall("advance", {}));
  $("complete").addEventListener("click", () => taskCall("complete", {}));
  $("fail").addEventListener("click", () => taskCall("fail", { message: $("fail-message").value }));
  $("tick").addEventListener("click", () => call("POST", "/_mock/tick", {}));
  $("reset").addEventListener("click", () => {
    view.selected = null;
    view.pictures.clear();
    view.filesShown = null;
    call("POST", "/_mock/reset", {});
  });
  $("progression-form").addEventListener("submit", (event) => {
    event.preventDefault();
    call("PUT", "/_mock/progression", { policy: $("progression").value });
  });
  $("fault-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const fault = { status: Number($("fault-status").value), count: Number($("fault-count").value) };
    if ($("fault-operation").value.trim()) fault.operation = $("fault-operation").value.trim();
    call("POST", "/_mock/faults", fault);
  });
  $("clear-faults").addEventListener("click", () => call("DELETE", "/_mock/faults"));
  $("credits-form").addEventListener("submit", (event) => {
    event.preventDefault();
    call("PUT", "/_mock/credits", { credits: Number($("credits-value").value) });
  });
  for (const tab of document.querySelectorAll("[data-tab]")) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll("[data-tab]")) {
        other.setAttribute("aria-selected", String(other === tab));
        $(`tab-${other.dataset.tab}`).hidden = other !== tab;
      }
    });
  }
}

let timer = null;
function setPolling(on) {
  clearInterval(timer);
  timer = on ? setInterval(refresh, POLL_MS) : null;
  if (on) refresh();
  else setLive("", "paused");
}

wireControls();
$("live").addEventListener("change", (event) => setPolling(event.target.checked));
setPolling(true);
