// The plan's editors, in the planner's terms: staff on duty per interval as
// a grid (windows by group, greeters, guides) with drag-to-fill, and the
// layout (kiosks by type, seats, standing room). Each editor keeps the
// value as typed; the server's scenario reader judges it, and its problems
// come back to the field whose key path they name.

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

// A number as typed: a whole number stays one, anything else goes to the
// reader as written (which says what is allowed).
function parsed(text) {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

import { FloorEditor } from "./floor.js";
import { ShiftEditor } from "./shifts.js";

// The page's one staffing grid listens to the pointer on the whole page.
let gridListeners = null;

export class PlanEditors {
  constructor(outline, onChange) {
    this.outline = outline;
    this.onChange = onChange;
    this.rows = [];
    for (const group of outline.windows) {
      this.rows.push({ label: `windows: ${group.name}`, keyPath: `windows.${group.name}.open`, values: [...group.open],
                       put: (draft, values) => { (draft.windows ??= {})[group.name] = values; } });
    }
    if (outline.greeters) {
      this.rows.push({ label: "greeters", keyPath: "reception.greeters", values: [...outline.greeters],
                       put: (draft, values) => { draft.greeters = values; } });
    }
    this.rows.push({ label: "guides", keyPath: "self_service.guides", values: [...outline.guides],
                     put: (draft, values) => { draft.guides = values; } });
    this.layout = [
      ...outline.kiosks.map((kiosk) => ({ label: `kiosks: ${kiosk.name}`, keyPath: `self_service.kiosks.${kiosk.name}.count`,
                                          value: kiosk.count, put: (draft, v) => { (draft.kiosks ??= {})[kiosk.name] = v; } })),
      { label: "seats", keyPath: "waiting_zone.seats", value: outline.seats, put: (draft, v) => { draft.seats = v; } },
      { label: "standing room", keyPath: "waiting_zone.standing", value: outline.standing, put: (draft, v) => { draft.standing = v; } },
    ];
    this.targets = outline.targets.map((target, index) => ({ ...target, index, values: [...target.bounds] }));
    this.floor = outline.layout ? new FloorEditor(outline.layout, onChange) : null;
    this.shifts = outline.shift_menu ? new ShiftEditor(outline, onChange) : null;
    this.fieldsByKeyPath = new Map();
  }

  // The draft the server reads: every value as the editors hold it.
  draft() {
    const draft = {};
    for (const row of this.rows) row.put(draft, row.values.map(Number));
    for (const field of this.layout) field.put(draft, Number(field.value));
    draft.targets = this.targets.map((target) => ({ index: target.index, bounds: target.values.map(Number) }));
    if (this.floor) draft.layout = this.floor.draft();
    const roster = this.shifts?.draft();
    if (roster) draft.roster = roster;
    return draft;
  }

  render(grid, layout, targets, floor, shifts) {
    shifts.hidden = !this.shifts;
    if (this.shifts) this.shifts.render(shifts.querySelector(".shifts-body"), this.fieldsByKeyPath, () => this.markRostered());
    floor.hidden = !this.floor;
    if (this.floor) {
      this.floor.render(floor.querySelector(".floor-body"));
      this.fieldsByKeyPath.set("layout.doors", floor.querySelector(".doors"));
      for (const zone of this.floor.zones) this.fieldsByKeyPath.set(`layout.zones.${zone.name}`, floor);
      this.fieldsByKeyPath.set("layout", floor);
    }
    this.renderGrid(grid);
    this.markRostered();
    this.renderLayout(layout);
    this.renderTargets(targets);
  }

  renderGrid(table) {
    table.replaceChildren();
    const head = element("tr");
    head.append(element("th", {}, "staff"));
    this.outline.intervals.forEach((start) => head.append(element("th", { scope: "col" }, start)));
    table.appendChild(element("thead")).append(head);
    const body = table.appendChild(element("tbody"));
    // Press in a cell and drag along its row: every cell from it to the
    // pointer takes the first cell's value. The cell under the pointer is
    // found from the page (a text field keeps the mouse while selecting).
    let drag = null;
    const fillTo = (event) => {
      if (!drag || !(event.buttons & 1)) return;
      const under = document.elementFromPoint(event.clientX, event.clientY);
      if (!under || under.dataset?.row !== String(this.rows.indexOf(drag.row))) return;
      const column = Number(under.dataset.column);
      if (column === drag.from && !drag.changed) return;
      table.classList.add("filling");
      const [low, high] = [Math.min(drag.from, column), Math.max(drag.from, column)];
      for (let index = low; index <= high; index++) {
        if (drag.row.values[index] !== drag.value) {
          drag.row.values[index] = drag.value;
          drag.row.cells[index].value = String(drag.value);
          drag.changed = true;
        }
      }
    };
    const finish = () => {
      table.classList.remove("filling");
      if (drag && drag.changed) this.onChange();
      drag = null;
    };
    if (gridListeners) {
      document.removeEventListener("pointermove", gridListeners.move);
      document.removeEventListener("pointerup", gridListeners.up);
    }
    gridListeners = { move: fillTo, up: finish };
    document.addEventListener("pointermove", fillTo);
    document.addEventListener("pointerup", finish);
    this.rows.forEach((row, rowIndex) => {
      const line = body.appendChild(element("tr", { "data-key-path": row.keyPath }));
      line.append(element("th", { scope: "row" }, row.label));
      row.cells = row.values.map((value, column) => {
        const input = element("input", { type: "text", inputmode: "numeric", value: String(value), size: "2",
                                          "aria-label": `${row.label} at ${this.outline.intervals[column]}`,
                                          "data-row": String(rowIndex), "data-column": String(column) });
        if (column < this.outline.first_measured_interval) input.classList.add("warm-up");
        input.addEventListener("change", () => {
          const value = parsed(input.value);
          if (value === null) { input.classList.add("invalid"); return; }
          input.classList.remove("invalid");
          row.values[column] = value;
          this.onChange();
        });
        input.addEventListener("pointerdown", () => {
          drag = { row, from: column, value: row.values[column], changed: false };
        });
        line.appendChild(element("td")).append(input);
        return input;
      });
      this.fieldsByKeyPath.set(row.keyPath, line);
    });
  }

  // Each target with its bound(s) as numbers in the file's units (a share as 0.7).
  renderTargets(list) {
    list.replaceChildren(...this.targets.map((target) => {
      const keyPath = `targets[${target.index}]`;
      const item = element("li", { "data-key-path": keyPath });
      item.append(element("span", {}, `T${target.index + 1} ${target.name}${target.per_interval ? " (every interval)" : ""}: `));
      const words = { at_least: ["at least"], at_most: ["at most"], between: ["between", "and"] }[target.bound_kind];
      target.values.forEach((value, position) => {
        item.append(element("span", {}, ` ${words[position]} `));
        const input = element("input", { type: "text", inputmode: "decimal", value: String(value), size: "5",
                                          "aria-label": `T${target.index + 1} ${words[position]}` });
        input.addEventListener("change", () => {
          const number = parsed(input.value);
          if (number === null) { input.classList.add("invalid"); return; }
          input.classList.remove("invalid");
          target.values[position] = number;
          this.onChange();
        });
        item.append(input);
      });
      item.append(element("span", { class: "field-problem" }));
      this.fieldsByKeyPath.set(keyPath, item);
      return item;
    }));
  }

  renderLayout(container) {
    container.replaceChildren();
    for (const field of this.layout) {
      const label = element("label", { "data-key-path": field.keyPath });
      label.append(element("span", {}, field.label));
      const input = element("input", { type: "number", value: String(field.value), min: "0", step: "1", "aria-label": field.label });
      input.addEventListener("change", () => {
        const value = parsed(input.value);
        if (value === null) { input.classList.add("invalid"); return; }
        input.classList.remove("invalid");
        field.value = value;
        this.onChange();
      });
      label.append(input, element("span", { class: "field-problem" }));
      container.append(label);
      this.fieldsByKeyPath.set(field.keyPath, label);
    }
  }

  // Grid rows of roles planned by shifts are read-only: the shifts give their staff on duty.
  markRostered() {
    const rostered = this.shifts?.rostered() ?? new Set();
    for (const row of this.rows) {
      const planned = rostered.has(row.keyPath);
      this.fieldsByKeyPath.get(row.keyPath)?.classList.toggle("rostered", planned);
      for (const cell of row.cells ?? []) cell.readOnly = planned;
    }
  }

  // Marks each cell whose staff on duty differ from the value typed: with a
  // shift menu the cheapest covering shifts may put more on duty.
  showOnDuty(onDuty) {
    if (!onDuty) return;
    for (const row of this.rows) {
      const simulated = row.keyPath === "reception.greeters" ? onDuty.greeters
        : row.keyPath === "self_service.guides" ? onDuty.guides
        : onDuty.windows?.[row.keyPath.slice("windows.".length, -".open".length)];
      row.cells?.forEach((input, column) => {
        const cell = input.parentElement;
        const count = simulated?.[column];
        if (count !== undefined && count !== row.values[column]) {
          cell.dataset.onDuty = String(count);
          cell.title = `${count} on duty: the shifts that cover this plan put more staff on than typed`;
        } else {
          delete cell.dataset.onDuty;
          cell.removeAttribute("title");
        }
      });
    }
  }

  // Shows each problem at the field its key path names (the longest
  // matching prefix); returns those no field claimed.
  showProblems(problems) {
    for (const node of this.fieldsByKeyPath.values()) {
      node.classList.remove("has-problem");
      node.querySelector(".field-problem")?.replaceChildren();
      node.removeAttribute("title");
    }
    const unclaimed = [];
    for (const problem of problems) {
      const keyPath = problem.key_path;
      let best = null;
      for (const [path, node] of this.fieldsByKeyPath) {
        if ((keyPath === path || keyPath.startsWith(path + ".") || keyPath.startsWith(path + "["))
            && (!best || path.length > best.path.length)) best = { path, node };
      }
      if (!best) { unclaimed.push(problem); continue; }
      best.node.classList.add("has-problem");
      const text = `found ${problem.found}; allowed: ${problem.allowed}`;
      best.node.setAttribute("title", text);
      const slot = best.node.querySelector(".field-problem");
      if (slot) slot.textContent = text;
      else unclaimed.push(problem);
    }
    return unclaimed;
  }
}
