// Watch a day: one simulated day's customers, as `run --trace` writes them
// in customers.csv, moved between the hall's zones on the server's stage
// (SVG): queues grow, windows turn busy and idle, with a clock, play,
// pause, speed and a time slider.

// customers.csv rows: fields may be quoted, with "" for a quote.
function parseCSV(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { cell += '"'; index++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") { row.push(cell); cell = ""; }
    else if (char === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else if (char !== "\r") cell += char;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const number = (text) => (text === "" || text === "nan" ? NaN : Number(text));
const clock = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(Math.floor(minutes % 60)).padStart(2, "0")}`;
const SEGMENT_COLOURS = ["#1d3557", "#e76f51", "#2a9d8f", "#9d4edd", "#f4a261", "#457b9d", "#e63946", "#6a994e"];

// A customer's states through the day: [time, state] in time order; the
// state holds the zone and, at a kiosk or window, which one.
function timeline(customer) {
  const states = [[customer.arrival, { zone: "reception" }]];
  const toSelfService = !isNaN(customer.kiosk_start) || !isNaN(customer.guide_asked);
  if (!isNaN(customer.triage_end)) {
    states.push([customer.triage_end, toSelfService ? { zone: "self_service" } : !isNaN(customer.ticket) ? { zone: "walking" } : null]);
  }
  if (!isNaN(customer.kiosk_start)) states.push([customer.kiosk_start, { zone: "kiosk", type: customer.kiosk_type }]);
  if (!isNaN(customer.kiosk_end)) states.push([customer.kiosk_end, !isNaN(customer.ticket) ? { zone: "self_service" } : null]);
  if (!isNaN(customer.ticket)) states.push([customer.ticket, { zone: "waiting", seated: customer.seated }]);
  if (!isNaN(customer.call)) states.push([customer.call, { zone: "walking_to_window", group: customer.window_group }]);
  if (!isNaN(customer.service_start)) {
    states.push([customer.service_start, { zone: "window", group: customer.window_group, window: customer.window }]);
  }
  if (!isNaN(customer.service_end)) states.push([customer.service_end, null]);
  if (!isNaN(customer.exit)) states.push([customer.exit, null]);
  return states.filter(([time]) => !isNaN(time)).sort((a, b) => a[0] - b[0]);
}

export class DayReplay {
  constructor(answer, elements) {
    this.answer = answer;
    this.elements = elements;
    const rows = parseCSV(answer.customers_csv);
    const header = rows.shift();
    const segments = [...answer.segments];
    this.customers = rows.filter((row) => row.length === header.length).map((row) => {
      const field = Object.fromEntries(header.map((name, index) => [name, row[index]]));
      const customer = {};
      for (const name of ["arrival", "triage_end", "kiosk_start", "kiosk_end", "ticket", "call", "service_start", "service_end", "exit",
                          "guide_asked"]) customer[name] = number(field[name]);
      customer.id = field.customer;
      customer.seated = field.seated === "true";
      customer.window_group = answer.window_groups.indexOf(field.window_group);
      customer.window = field.window === "" ? -1 : Number(field.window);
      customer.kiosk_type = answer.kiosk_types.indexOf(field.kiosk_type);
      if (!segments.includes(field.segment)) segments.push(field.segment);
      customer.colour = SEGMENT_COLOURS[segments.indexOf(field.segment) % SEGMENT_COLOURS.length];
      customer.states = timeline(customer);
      return customer;
    });
    this.segments = segments;
    this.start = answer.opens;
    this.end = Math.max(answer.closes + answer.max_overtime_minutes,
                        ...this.customers.map((customer) => customer.states.at(-1)?.[0] ?? 0));
    this.time = this.start;
    this.speed = 15; // simulated minutes per second
    this.playing = false;
    this.dots = new Map();
  }

  mount() {
    const { stage, slider, clock: clockText, play, speed, legend } = this.elements;
    stage.innerHTML = this.answer.stage.svg;
    this.layer = stage.querySelector("#customers");
    slider.min = String(this.start);
    slider.max = String(this.end);
    slider.step = "0.5";
    slider.oninput = () => { this.time = Number(slider.value); this.draw(); };
    play.onclick = () => this.toggle();
    speed.onchange = () => { this.speed = Number(speed.value); };
    legend.replaceChildren(...this.segments.map((name, index) => {
      const item = document.createElement("span");
      item.className = "legend-item";
      item.innerHTML = `<svg width="10" height="10"><circle cx="5" cy="5" r="4" fill="${SEGMENT_COLOURS[index % SEGMENT_COLOURS.length]}"/></svg>`;
      item.append(` ${name}`);
      return item;
    }));
    this.clockText = clockText;
    this.draw();
  }

  toggle() {
    this.playing = !this.playing;
    this.elements.play.textContent = this.playing ? "Pause" : "Play";
    if (!this.playing) return;
    let last = performance.now();
    const step = (now) => {
      if (!this.playing) return;
      this.time = Math.min(this.end, this.time + ((now - last) / 1000) * this.speed);
      last = now;
      this.draw();
      if (this.time >= this.end) { this.toggle(); return; }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  stop() { this.playing = false; }

  // Where each customer is at this.time, then the dots, the windows and the counts.
  draw() {
    const t = this.time;
    const stage = this.answer.stage;
    const present = { reception: [], self_service: [], waiting: [], walking: [], walking_to_window: [], kiosk: [], window: [] };
    for (const customer of this.customers) {
      let state;
      for (const [time, value] of customer.states) { if (time <= t) state = value; else break; }
      if (state) present[state.zone].push({ customer, state });
    }
    const positions = new Map();
    const grid = (list, box, top = 24) => {
      const columns = Math.max(1, Math.floor((box.width - 12) / 12));
      list.forEach(({ customer }, index) => {
        const row = Math.floor(index / columns);
        const y = box.y + top + row * 12;
        if (y < box.y + box.height - 4) positions.set(customer.id, [box.x + 10 + (index % columns) * 12, y]);
      });
    };
    grid(present.reception, stage.zones.reception);
    grid([...present.self_service, ...present.walking], { ...stage.zones.self_service, y: stage.zones.self_service.y + stage.zones.self_service.height * 0.62 }, 4);
    const waiting = stage.zones.waiting;
    grid(present.waiting.filter((entry) => entry.state.seated), { ...waiting, height: waiting.height / 2 });
    grid(present.waiting.filter((entry) => !entry.state.seated), { ...waiting, y: waiting.y + waiting.height / 2, height: waiting.height / 2 }, 10);
    const busyKiosks = new Set();
    for (const { customer, state } of present.kiosk) {
      const boxes = stage.kiosks[state.type] ?? [];
      const free = boxes.findIndex((_, index) => !busyKiosks.has(`${state.type}-${index}`));
      if (free < 0) continue;
      busyKiosks.add(`${state.type}-${free}`);
      positions.set(customer.id, [boxes[free].x + boxes[free].width / 2, boxes[free].y + boxes[free].height / 2]);
    }
    const busyWindows = new Set();
    for (const { customer, state } of present.window) {
      // The trace numbers windows across groups; the stage, within each.
      const local = state.window - (stage.first_window[state.group] ?? 0);
      const box = stage.windows[state.group]?.[local];
      busyWindows.add(`${state.group}-${local}`);
      if (box) positions.set(customer.id, [box.x - 8, box.y + box.height / 2]);
    }
    const counters = stage.zones.counters;
    present.walking_to_window.forEach(({ customer }, index) => {
      positions.set(customer.id, [counters.x + 10 + (index % 20) * 12, counters.y + counters.height - 12 - Math.floor(index / 20) * 12]);
    });
    // Dots: one circle per customer in the hall, reused while they stay.
    for (const [id, dot] of this.dots) if (!positions.has(id)) { dot.remove(); this.dots.delete(id); }
    for (const customer of this.customers) {
      const at = positions.get(customer.id);
      if (!at) continue;
      let dot = this.dots.get(customer.id);
      if (!dot) {
        dot = document.createElementNS("http://www.w3.org/2000/svg", "circle");
        dot.setAttribute("r", "4.5");
        dot.setAttribute("fill", customer.colour);
        dot.setAttribute("class", "customer");
        this.layer.append(dot);
        this.dots.set(customer.id, dot);
      }
      dot.setAttribute("cx", at[0].toFixed(1));
      dot.setAttribute("cy", at[1].toFixed(1));
    }
    // Windows: busy, open and idle, or closed, by the schedule of the interval.
    const interval = Math.min(this.answer.intervals.length - 1, Math.max(0, Math.floor((t - this.start) / this.answer.interval_minutes)));
    const closed = t >= this.answer.closes;
    stage.windows.forEach((boxes, group) => boxes.forEach((_, index) => {
      const node = this.elements.stage.querySelector(`#window-${group}-${index}`);
      const busy = busyWindows.has(`${group}-${index}`);
      const open = !closed && index < this.answer.open[group][interval];
      node.setAttribute("fill", busy ? "#457b9d" : open ? "#ffffff" : "#cfd6dd");
      node.dataset.state = busy ? "busy" : open ? "idle" : "closed";
    }));
    stage.kiosks.forEach((boxes, type) => boxes.forEach((_, index) => {
      this.elements.stage.querySelector(`#kiosk-${type}-${index}`)?.setAttribute("fill", busyKiosks.has(`${type}-${index}`) ? "#2a9d8f" : "#e9ecef");
    }));
    const seated = present.waiting.filter((entry) => entry.state.seated).length;
    this.clockText.textContent = `${clock(t)} · in the hall ${positions.size} · waiting ${present.waiting.length} (${seated} seated) · at windows ${present.window.length} · at kiosks ${present.kiosk.length}`;
    this.elements.slider.value = String(t);
  }
}
