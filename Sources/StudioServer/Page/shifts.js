// The roster's editor, for scenarios with a shift menu: a role ticked
// "by shifts" is planned by the shifts it works (shift, start, break,
// staff), which then give its staff on duty; a role not ticked is planned
// per interval in the grid and covered by the cheapest shifts.

function element(tag, attributes = {}, text) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  if (text !== undefined) made.textContent = text;
  return made;
}

const minutes = (clock) => { const [h, m] = clock.split(":").map(Number); return h * 60 + m; };
const clockOf = (value) => `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(Math.round(value % 60)).padStart(2, "0")}`;

export class ShiftEditor {
  constructor(outline, onChange) {
    this.menu = outline.shift_menu;
    this.step = minutes(outline.intervals[1] ?? outline.intervals[0]) - minutes(outline.intervals[0]) || 30;
    this.onChange = onChange;
    const covering = outline.roster ?? { windows: {}, greeters: [], guides: [] };
    this.roles = [
      ...outline.windows.map((group) => ({ label: `windows: ${group.name}`, key: `roster.windows.${group.name}`, grid: `windows.${group.name}.open`,
                                            group: group.name, lines: (covering.windows?.[group.name] ?? []).map((line) => ({ ...line })) })),
      ...(outline.greeters ? [{ label: "greeters", key: "roster.greeters", grid: "reception.greeters", lines: (covering.greeters ?? []).map((line) => ({ ...line })) }] : []),
      { label: "guides", key: "roster.guides", grid: "self_service.guides", lines: (covering.guides ?? []).map((line) => ({ ...line })) },
    ].map((role) => ({ ...role, byShifts: false }));
    // A kept plan's roles planned by shifts come back as they were.
    const planned = outline.planned_roster;
    for (const role of this.roles) {
      const lines = role.group ? planned?.windows?.[role.group] : planned?.[role.key.slice("roster.".length)];
      if (lines) { role.byShifts = true; role.lines = lines.map((line) => ({ ...line })); }
    }
  }

  draft() {
    const roster = {};
    for (const role of this.roles.filter((role) => role.byShifts)) {
      const lines = role.lines.map((line) => ({ shift: line.shift, start: line.start, ...(line.break ? { break: line.break } : {}), staff: Number(line.staff) }));
      if (role.group) (roster.windows ??= {})[role.group] = lines;
      else roster[role.key.slice("roster.".length)] = lines;
    }
    return Object.keys(roster).length ? roster : undefined;
  }

  // Grid rows of roles planned by shifts are read-only: the shifts give their staff.
  rostered() { return new Set(this.roles.filter((role) => role.byShifts).map((role) => role.grid)); }

  render(container, fields, onRostered) {
    container.replaceChildren();
    for (const role of this.roles) {
      const block = element("div", { class: "role", "data-key-path": role.key });
      const toggle = element("input", { type: "checkbox", "aria-label": `plan ${role.label} by shifts` });
      toggle.checked = role.byShifts;
      toggle.addEventListener("change", () => { role.byShifts = toggle.checked; this.render(container, fields, onRostered); onRostered(); this.onChange(); });
      const title = element("label", { class: "role-title" });
      title.append(toggle, ` ${role.label} by shifts`);
      block.append(title);
      if (role.byShifts) block.append(this.table(role, container, fields, onRostered));
      block.append(element("span", { class: "field-problem" }));
      container.append(block);
      fields.set(role.key, block);
    }
  }

  table(role, container, fields, onRostered) {
    const table = element("table", { class: "shifts" });
    const head = table.appendChild(element("tr"));
    for (const name of ["shift", "start", "break", "staff", ""]) head.append(element("th", {}, name));
    role.lines.forEach((line, index) => {
      const row = table.appendChild(element("tr"));
      const kind = () => this.menu.find((entry) => entry.name === line.shift) ?? this.menu[0];
      const select = (options, value, change, label) => {
        const field = element("select", { "aria-label": label });
        for (const option of options) field.append(element("option", { value: option }, option || "none"));
        field.value = value ?? "";
        field.addEventListener("change", () => { change(field.value); this.render(container, fields, onRostered); this.onChange(); });
        return field;
      };
      const breaks = () => {
        const rule = kind().break;
        if (!rule) return [""];
        const start = minutes(line.start), options = [];
        for (let at = rule.earliest_after_minutes; at <= rule.latest_after_minutes; at += this.step) options.push(clockOf(start + at));
        return options;
      };
      const cells = [
        select(this.menu.map((entry) => entry.name), line.shift, (value) => {
          line.shift = value;
          line.start = kind().starts[0];
          line.break = breaks()[0] || null;
        }, `${role.label} shift ${index + 1}`),
        select(kind().starts, line.start, (value) => { line.start = value; line.break = breaks()[0] || null; }, `${role.label} start ${index + 1}`),
        select(breaks(), line.break, (value) => { line.break = value || null; }, `${role.label} break ${index + 1}`),
      ];
      const staff = element("input", { type: "number", min: "0", value: String(line.staff), "aria-label": `${role.label} staff ${index + 1}` });
      staff.addEventListener("change", () => { line.staff = Number(staff.value); this.onChange(); });
      const remove = element("button", { type: "button" }, "Remove");
      remove.addEventListener("click", () => { role.lines.splice(index, 1); this.render(container, fields, onRostered); this.onChange(); });
      for (const cell of [...cells, staff, remove]) row.appendChild(element("td")).append(cell);
    });
    const add = element("button", { type: "button" }, "Add a shift");
    add.addEventListener("click", () => {
      const first = this.menu[0];
      const start = minutes(first.starts[0]);
      role.lines.push({ shift: first.name, start: first.starts[0], break: first.break ? clockOf(start + first.break.earliest_after_minutes) : null, staff: 1 });
      this.render(container, fields, onRostered);
      this.onChange();
    });
    const wrap = element("div");
    wrap.append(table, add);
    return wrap;
  }
}
