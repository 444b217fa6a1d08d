// The studio page: open a scenario, edit its plan, and see the answer the
// server simulates for every edit. An answer is "settled" when it answers
// the latest edit on all its days; while a newer edit is being simulated
// the figures shown are marked as not settled.
import { api, clientId } from "./api.js";
import { PlanEditors } from "./editors.js";
import { DayReplay } from "./replay.js";

const $ = (id) => document.getElementById(id);
const state = { path: null, outline: null, editors: null, edit: 0, answered: -1, timer: null, plans: [] };

function setStatus(text, kind) {
  const status = $("status");
  status.textContent = text;
  status.className = `status ${kind}`;
  document.body.dataset.settled = kind === "settled" ? "true" : "false";
}

function problemText(problem) {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.key_path}: found ${problem.found}; allowed: ${problem.allowed}`;
}

function showProblems(problems, target) {
  target.replaceChildren(...problems.map((problem) => {
    const item = document.createElement("p");
    item.className = "problem";
    item.textContent = typeof problem === "string" ? problem : problemText(problem);
    return item;
  }));
}

function showAnswer(answer) {
  const verdicts = answer.verdicts;
  const cost = answer.cost ? ` · cost ${Math.round(answer.cost.mean)} yuan a day (95% CI ${Math.round(answer.cost.ci_low)} – ${Math.round(answer.cost.ci_high)})` : "";
  $("headline").innerHTML = "";
  const line = document.createElement("p");
  line.id = "verdict-counts";
  line.textContent = `Targets: ${verdicts.pass} pass, ${verdicts.inconclusive} inconclusive, ${verdicts.fail} fail${cost}`;
  line.className = verdicts.fail > 0 ? "fail" : verdicts.inconclusive > 0 ? "inconclusive" : "pass";
  $("headline").append(line);
  // Tables and charts are drawn by the server's Report module, as in report.html.
  $("key-figures").innerHTML = answer.key_figures_html;
  $("targets-table").innerHTML = answer.targets_html;
  $("costs").innerHTML = answer.cost_html;
  $("floor-plan").innerHTML = answer.floor_plan_svg ?? "<p class=\"hint\">This scenario has no floor plan (<code>layout:</code>).</p>";
  $("charts").innerHTML = answer.charts_svg.join("");
  $("variant").textContent = answer.variant_yaml;
  state.editors.showOnDuty(answer.on_duty);
  $("notes").replaceChildren(...answer.notes.map((note) => {
    const item = document.createElement("li");
    item.textContent = note;
    return item;
  }));
}

async function evaluate() {
  const edit = ++state.edit;
  setStatus("not settled: simulating the latest edit…", "pending");
  const { status, json } = await api.evaluate(state.path, state.editors.draft(), clientId);
  if (edit !== state.edit) return; // a newer edit is on its way
  if (status === 200) {
    state.answered = edit;
    state.editors.showProblems([]);
    showProblems([], $("problems"));
    showProblems([], $("staffing-problems"));
    showAnswer(json);
    setStatus(`settled: ${json.days} days, seed ${json.seed}, ${json.seconds.toFixed(2)} s`, "settled");
  } else if (status === 422) {
    const unclaimed = state.editors.showProblems(json.problems);
    showProblems(unclaimed, $("staffing-problems"));
    setStatus(`not settled: ${json.problems.length} problem${json.problems.length === 1 ? "" : "s"} in the plan; the figures are those of the last valid plan`, "problem");
  } else if (status !== 409) {
    showProblems([json.error?.message ?? `HTTP ${status}`], $("problems"));
    setStatus("not settled: the server refused the edit", "problem");
  }
}

function edited() {
  clearTimeout(state.timer);
  setStatus("not settled: editing…", "pending");
  state.timer = setTimeout(evaluate, 150);
}

async function open(path) {
  state.path = path;
  const { status, json } = await api.outline(path);
  if (status !== 200) {
    showProblems(json.problems ?? [json.error?.message ?? `HTTP ${status}`], $("problems"));
    setStatus("this scenario cannot be opened", "problem");
    return;
  }
  showProblems([], $("problems"));
  state.outline = json;
  state.plans = [{ name: "today", draft: {} }];
  showPlans();
  $("comparison-section").hidden = true;
  showEditors(json);
  history.replaceState(null, "", `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), scenario: path })}`);
  await evaluate();
}

// Saves the plan as a variant file (extends: the opened scenario, plus the
// changes), or shows the file it would write. The server refuses to replace
// a file it did not write.
async function save(write) {
  const file = $("save-file").value.trim();
  if (!file) { $("save-result").textContent = "Name the file, e.g. what-if/lunch-plan.yaml."; return; }
  const { status, json } = await api.save(state.path, state.editors.draft(), file, write);
  const text = $("save-text");
  if (status === 200) {
    text.hidden = false;
    text.textContent = json.text;
    $("save-result").textContent = write ? `Saved ${json.file}: outletsim run, check and compare take it as it is.` : `Preview of ${json.file}:`;
  } else {
    text.hidden = true;
    const problem = json.problems?.[0];
    $("save-result").textContent = problem ? problemText(problem) : (json.error?.message ?? `HTTP ${status}`);
  }
}

function showEditors(outline) {
  state.editors = new PlanEditors(outline, edited);
  state.editors.render($("staffing"), $("layout"), $("targets"), $("floor"), $("shifts"));
}

// The opened scenario's outline with a kept plan's values laid over it.
function outlineWith(draft) {
  const outline = structuredClone(state.outline);
  for (const group of outline.windows) if (draft.windows?.[group.name]) group.open = [...draft.windows[group.name]];
  if (draft.greeters && outline.greeters) outline.greeters = [...draft.greeters];
  if (draft.guides) outline.guides = [...draft.guides];
  for (const kiosk of outline.kiosks) if (draft.kiosks?.[kiosk.name] !== undefined) kiosk.count = draft.kiosks[kiosk.name];
  if (draft.seats !== undefined) outline.seats = draft.seats;
  if (draft.standing !== undefined) outline.standing = draft.standing;
  for (const edit of draft.targets ?? []) if (outline.targets[edit.index]) outline.targets[edit.index].bounds = [...edit.bounds];
  if (draft.roster) outline.planned_roster = structuredClone(draft.roster);
  if (draft.layout && outline.layout) {
    for (const zone of outline.layout.zones) {
      const edited = draft.layout.zones?.[zone.name];
      if (edited) { zone.area = edited.area; if (edited.at) zone.at = [...edited.at]; }
    }
    if (draft.layout.doors) outline.layout.doors = draft.layout.doors.map((pair) => [...pair]);
  }
  return outline;
}

function showPlans() {
  $("plans").replaceChildren(...state.plans.map((plan, index) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = plan.name;
    const open = document.createElement("button");
    open.type = "button";
    open.textContent = "Open";
    open.addEventListener("click", () => { showEditors(outlineWith(plan.draft)); evaluate(); });
    item.append(name, open);
    if (index > 0) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove";
      remove.addEventListener("click", () => { state.plans.splice(index, 1); showPlans(); });
      item.append(remove);
    }
    return item;
  }));
  $("compare").disabled = state.plans.length < 2;
}

function keep(event) {
  event.preventDefault();
  const name = $("plan-name").value.trim();
  if (!name) return;
  const draft = state.editors.draft();
  const existing = state.plans.findIndex((plan) => plan.name === name);
  if (existing >= 0) state.plans[existing].draft = draft;
  else if (state.plans.length < 6) state.plans.push({ name, draft });
  $("plan-name").value = "";
  showPlans();
}

// The kept plans on the same days: paired differences, what changed, every target.
async function compare() {
  $("comparison-section").hidden = false;
  $("comparison-status").textContent = `Simulating ${state.plans.length} plans on the same days…`;
  const { status, json } = await api.compare(state.path, state.plans, clientId);
  if (status === 200) {
    $("comparison").innerHTML = json.tables_html;
    $("comparison-charts").innerHTML = json.charts_svg.join("");
    $("comparison-status").textContent = `${json.comparison.plans.join(" vs ")}: ${json.comparison.replications} days, seed ${json.comparison.seed}; differences against ${json.comparison.plans[0]}.`;
  } else if (status !== 409) {
    const problem = json.problems?.[0];
    $("comparison-status").textContent = problem ? problemText(problem) : (json.error?.message ?? `HTTP ${status}`);
  }
}

// The optimizer's search, its progress streamed; the page stays usable
// (edits are still answered) and the result opens as a plan.
async function optimize(event) {
  event.preventDefault();
  const limits = { search_days: Number($("search-days").value), validation_days: Number($("validation-days").value),
                   budget_seconds: Number($("budget").value) };
  $("optimize").disabled = true;
  $("optimize-cancel").disabled = false;
  $("optimize-result").replaceChildren();
  $("optimize-progress").textContent = "Starting the search…";
  await api.optimize(state.path, state.editors.draft(), limits, clientId, (event) => {
    if (event.event === "progress") {
      const cost = event.best_cost === null ? "none yet" : `${Math.round(event.best_cost)} yuan a day`;
      $("optimize-progress").textContent = `evaluation ${event.evaluation} [${event.phase}]: best cost ${cost}, targets met ${event.targets_met}/${event.targets}`;
    } else if (event.event === "done") {
      showOptimized(event);
    } else {
      $("optimize-progress").textContent = event.message;
    }
  });
  $("optimize").disabled = false;
  $("optimize-cancel").disabled = true;
}

function showOptimized(result) {
  if (!result.found) { $("optimize-progress").textContent = `No plan: ${result.message}.`; return; }
  const verdicts = result.verdicts;
  const interval = (low, high) => `95% CI ${Math.round(low)} – ${Math.round(high)}`;
  const saving = !result.saving ? ""
    : result.saving.mean >= 0 ? `, saving ${Math.round(result.saving.mean)} yuan a day against the plan it started from (${interval(result.saving.ci_low, result.saving.ci_high)})`
    : `, ${Math.round(-result.saving.mean)} yuan a day more than the plan it started from (${interval(-result.saving.ci_high, -result.saving.ci_low)})`;
  $("optimize-progress").textContent = `Found in ${result.seconds} s: ${Math.round(result.cost.mean)} yuan a day on ${result.validation_days} fresh days${saving}; `
    + `targets ${verdicts.pass} pass, ${verdicts.inconclusive} inconclusive, ${verdicts.fail} fail`
    + (result.meets_targets ? "." : ". It misses targets on the fresh days: give the search more days or seconds.");
  const open = document.createElement("button");
  open.type = "button";
  open.id = "optimize-open";
  open.textContent = "Open it as a plan";
  open.addEventListener("click", () => {
    const existing = state.plans.findIndex((plan) => plan.name === "optimized");
    if (existing >= 0) state.plans.splice(existing, 1);
    if (state.plans.length < 6) state.plans.push({ name: "optimized", draft: result.plan });
    showPlans();
    showEditors(outlineWith(result.plan));
    evaluate();
  });
  $("optimize-result").replaceChildren(open);
}

// One simulated day of the plan on screen, replayed on the stage.
async function watch(event) {
  event.preventDefault();
  state.replay?.stop();
  $("replay-section").hidden = false;
  $("replay-clock").textContent = "Simulating the day…";
  const { status, json } = await api.replay(state.path, state.editors.draft(), Number($("replay-day").value), clientId);
  if (status !== 200) {
    if (status !== 409) $("replay-clock").textContent = json.problems?.map(problemText).join("; ") ?? json.error?.message ?? `HTTP ${status}`;
    return;
  }
  state.replay = new DayReplay(json, { stage: $("replay-stage"), slider: $("replay-slider"), clock: $("replay-clock"),
                                       play: $("replay-play"), speed: $("replay-speed"), legend: $("replay-legend") });
  state.replay.mount();
  $("replay-section").scrollIntoView({ block: "start" });
}

async function start() {
  $("replay-form").addEventListener("submit", watch);
  $("optimize-form").addEventListener("submit", optimize);
  $("optimize-cancel").addEventListener("click", () => api.cancel(clientId, "optimization"));
  $("keep-form").addEventListener("submit", keep);
  $("compare").addEventListener("click", compare);
  $("save-preview").addEventListener("click", () => save(false));
  $("save-form").addEventListener("submit", (event) => { event.preventDefault(); save(true); });
  const { json } = await api.scenarios();
  const select = $("scenario");
  for (const file of json.scenarios) {
    const option = document.createElement("option");
    option.value = option.textContent = file;
    select.append(option);
  }
  const wanted = new URLSearchParams(location.search).get("scenario") ?? json.opened ?? json.scenarios[0];
  if (!wanted) { setStatus("no scenario files in this folder", "problem"); return; }
  select.value = wanted;
  select.addEventListener("change", () => open(select.value));
  await open(wanted);
}

start();
