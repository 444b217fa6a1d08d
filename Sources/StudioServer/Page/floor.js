// The floor plan's editor: each zone a square of its area (m²) at its
// centre (metres); drag a zone to move it, drag its corner handle to
// resize it, and tick the doors between zones. Values snap to half metres
// and whole m²; the server's scenario reader judges the result (zones
// must fit the hall, every zone needs a door).

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 560, HEIGHT = 380, MARGIN = 20;

function node(name, attributes = {}) {
  const made = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  return made;
}

export class FloorEditor {
  constructor(layout, onChange) {
    this.zones = layout.zones.map((zone) => ({ name: zone.name, area: zone.area, at: zone.at ? [...zone.at] : null }));
    this.doors = layout.doors.map((pair) => [...pair]);
    this.onChange = onChange;
  }

  draft() {
    return {
      zones: Object.fromEntries(this.zones.map((zone) => [zone.name, zone.at ? { area: zone.area, at: zone.at } : { area: zone.area }])),
      doors: this.doors.map((pair) => [...pair]),
    };
  }

  // Metres to pixels: the same scale both ways, fitted once so a move does not rescale the view.
  fit() {
    const placed = this.zones.filter((zone) => zone.at);
    const half = (zone) => Math.sqrt(zone.area) / 2;
    const minX = Math.min(...placed.map((zone) => zone.at[0] - half(zone))), maxX = Math.max(...placed.map((zone) => zone.at[0] + half(zone)));
    const minY = Math.min(...placed.map((zone) => zone.at[1] - half(zone))), maxY = Math.max(...placed.map((zone) => zone.at[1] + half(zone)));
    const pad = 4;
    this.scale = Math.min((WIDTH - 2 * MARGIN) / (maxX - minX + 2 * pad), (HEIGHT - 2 * MARGIN) / (maxY - minY + 2 * pad));
    this.origin = [minX - pad, minY - pad];
  }

  px(x, y) { return [MARGIN + (x - this.origin[0]) * this.scale, MARGIN + (y - this.origin[1]) * this.scale]; }

  render(container) {
    this.container = container;
    if (this.scale === undefined) this.fit();
    container.replaceChildren();
    const svg = node("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "floor-editor", role: "img", "aria-label": "floor plan editor" });
    svg.append(node("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "#ffffff" }));
    this.doorLines = this.doors.map((pair) => {
      const line = node("line", { stroke: "#777777", "stroke-dasharray": "4 3", class: "door" });
      svg.append(line);
      return { pair, line };
    });
    this.shapes = this.zones.filter((zone) => zone.at).map((zone) => {
      const group = node("g", { class: "zone", "data-zone": zone.name });
      const rect = node("rect", { fill: "#e9f1f7", stroke: "#1d3557", "fill-opacity": "0.85" });
      const label = node("text", { "text-anchor": "middle", "dominant-baseline": "middle", "font-size": "11", "pointer-events": "none" });
      const handle = node("rect", { width: 10, height: 10, fill: "#1d3557", class: "handle", "data-zone": zone.name });
      group.append(rect, label, handle);
      svg.append(group);
      this.drag(svg, rect, zone, "move");
      this.drag(svg, handle, zone, "resize");
      return { zone, rect, label, handle };
    });
    this.place();
    container.append(svg);
    container.append(this.doorTable());
  }

  // Puts every zone, label, handle and door where the values say; a drag
  // calls it on each move, so the elements (and the pointer's capture) stay.
  place() {
    const centre = (name) => this.zones.find((zone) => zone.name === name)?.at;
    for (const { pair: [a, b], line } of this.doorLines) {
      const [from, to] = [centre(a), centre(b)];
      if (!from || !to) continue;
      const [x1, y1] = this.px(...from), [x2, y2] = this.px(...to);
      for (const [key, value] of Object.entries({ x1, y1, x2, y2 })) line.setAttribute(key, value.toFixed(1));
    }
    for (const { zone, rect, label, handle } of this.shapes) {
      const side = Math.sqrt(zone.area) * this.scale;
      const [cx, cy] = this.px(...zone.at);
      for (const [key, value] of Object.entries({ x: cx - side / 2, y: cy - side / 2, width: side, height: side })) rect.setAttribute(key, value.toFixed(1));
      label.setAttribute("x", cx.toFixed(1));
      label.setAttribute("y", cy.toFixed(1));
      label.textContent = `${zone.name.replace("_", " ")} ${Math.round(zone.area)} m²`;
      // About 0.55 em a glyph: the largest font up to 11 px that keeps the label in its square.
      label.setAttribute("font-size", Math.max(6, Math.min(11, side / (0.58 * label.textContent.length))).toFixed(1));
      handle.setAttribute("x", (cx + side / 2 - 6).toFixed(1));
      handle.setAttribute("y", (cy + side / 2 - 6).toFixed(1));
    }
  }

  // Pointer drags on the SVG, in metres: a move shifts the centre, a resize
  // sets the side from the centre to the pointer.
  drag(svg, target, zone, kind) {
    target.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      event.stopPropagation();
      target.setPointerCapture?.(event.pointerId);
      const toMetres = (moveEvent) => {
        const box = svg.getBoundingClientRect();
        const x = ((moveEvent.clientX - box.left) / box.width) * WIDTH, y = ((moveEvent.clientY - box.top) / box.height) * HEIGHT;
        return [(x - MARGIN) / this.scale + this.origin[0], (y - MARGIN) / this.scale + this.origin[1]];
      };
      const start = toMetres(event), from = [...zone.at], area = zone.area;
      const move = (moveEvent) => {
        const [x, y] = toMetres(moveEvent);
        if (kind === "move") {
          zone.at = [Math.round((from[0] + x - start[0]) * 2) / 2, Math.round((from[1] + y - start[1]) * 2) / 2];
        } else {
          const side = Math.max(1, 2 * Math.max(Math.abs(x - zone.at[0]), Math.abs(y - zone.at[1])));
          zone.area = Math.max(1, Math.round(side * side));
        }
        this.place();
      };
      const up = () => {
        target.removeEventListener("pointermove", move);
        target.removeEventListener("pointerup", up);
        if (zone.at[0] !== from[0] || zone.at[1] !== from[1] || zone.area !== area) this.onChange();
      };
      target.addEventListener("pointermove", move);
      target.addEventListener("pointerup", up);
    });
  }

  // Every pair of zones, ticked where a door joins them.
  doorTable() {
    const list = document.createElement("div");
    list.className = "doors";
    list.dataset.keyPath = "layout.doors";
    const title = document.createElement("span");
    title.textContent = "Doors: ";
    list.append(title);
    const names = this.zones.map((zone) => zone.name);
    for (let first = 0; first < names.length; first++) {
      for (let second = first + 1; second < names.length; second++) {
        const pair = [names[first], names[second]];
        const label = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.dataset.door = pair.join("|");
        box.checked = this.doors.some(([a, b]) => (a === pair[0] && b === pair[1]) || (a === pair[1] && b === pair[0]));
        box.addEventListener("change", () => {
          this.doors = this.doors.filter(([a, b]) => !((a === pair[0] && b === pair[1]) || (a === pair[1] && b === pair[0])));
          if (box.checked) this.doors.push(pair);
          this.render(this.container);
          this.onChange();
        });
        label.append(box, ` ${pair[0].replace("_", " ")} – ${pair[1].replace("_", " ")}`);
        list.append(label);
      }
    }
    const problem = document.createElement("span");
    problem.className = "field-problem";
    list.append(problem);
    return list;
  }
}
