// Draws one result file's picture (GET /_mock/tasks/<id>/audio/<name>) as an SVG: the waveform
// envelope on top, the short-term loudness (3 s windows) below with its integrated loudness
// dashed, and a shared time axis. Plain DOM calls: no library, no build step.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PLOT = { width: 640, height: 200, left: 30, right: 6, wave: [18, 82], loud: [106, 170], floor: -40 };

function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawPicture(picture) {
  const root = svgElement("svg", {
    class: "plot",
    viewBox: `0 0 ${PLOT.width} ${PLOT.height}`,
    role: "img",
    "aria-label": `waveform and short-term loudness of ${picture.name}`,
  });
  const span = PLOT.width - PLOT.left - PLOT.right;
  const x = (seconds) => PLOT.left + (seconds / Math.max(picture.duration, 1e-9)) * span;
  for (const [top, bottom] of [PLOT.wave, PLOT.loud]) {
    root.append(svgElement("rect", { class: "frame", x: PLOT.left, y: top, width: span, height: bottom - top }));
  }
  drawWaveform(root, picture.waveform, x);
  drawLoudness(root, picture, x);
  drawTimeAxis(root, picture.duration, x);
  return root;
}

function drawWaveform(root, waveform, x) {
  const [top, bottom] = PLOT.wave;
  const middle = (top + bottom) / 2;
  const half = (bottom - top) / 2;
  const y = (value) => (middle - Math.max(-1, Math.min(1, value)) * half).toFixed(1);
  const step = waveform.seconds_per_point;
  const upper = waveform.max.map((value, index) => `${x(index * step).toFixed(1)},${y(value)}`);
  const lower = waveform.min.map((value, index) => `${x(index * step).toFixed(1)},${y(value)}`).reverse();
  root.append(svgElement("line", { class: "grid", x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: middle, y2: middle }));
  root.append(svgElement("polygon", { class: "wave", points: [...upper, ...lower].join(" ") }));
  root.append(titled("waveform", "full scale ±1", top));
  root.append(svgElement("text", { x: PLOT.left - 4, y: top + 8, "text-anchor": "end" }, "+1"));
  root.append(svgElement("text", { x: PLOT.left - 4, y: bottom, "text-anchor": "end" }, "−1"));
}

function titled(title, legend, top) {
  const text = svgElement("text", { x: PLOT.left, y: top - 5 });
  text.append(svgElement("tspan", { class: "title" }, title), svgElement("tspan", {}, `  ${legend}`));
  return text;
}

function loudnessY(lufs) {
  const [top, bottom] = PLOT.loud;
  const clamped = Math.max(PLOT.floor, Math.min(0, lufs));
  return top + (clamped / PLOT.floor) * (bottom - top);
}

function drawLoudness(root, picture, x) {
  const curve = picture.short_term_loudness;
  for (let level = -10; level > PLOT.floor; level -= 10) {
    const y = loudnessY(level);
    root.append(svgElement("line", { class: "grid", x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: y, y2: y }));
    root.append(svgElement("text", { x: PLOT.left - 4, y: y + 3.5, "text-anchor": "end" }, `${level}`));
  }
  let path = "";
  let drawing = false;
  curve.lufs.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const point = `${x(curve.first_end + index * curve.step).toFixed(1)},${loudnessY(value).toFixed(1)}`;
    path += `${drawing ? "L" : "M"}${point} `;
    drawing = true;
  });
  if (path) root.append(svgElement("path", { class: "loud", d: path.trim() }));
  const [top] = PLOT.loud;
  let legend = "LUFS, 3 s windows";
  if (picture.integrated_lufs !== null) {
    const y = loudnessY(picture.integrated_lufs);
    root.append(svgElement("line", { class: "integrated", x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: y, y2: y }));
    legend += `; dashed: integrated ${picture.integrated_lufs} LUFS`;
  }
  root.append(titled("short-term loudness", legend, top));
}

function drawTimeAxis(root, duration, x) {
  const ticks = niceTicks(duration);
  for (const seconds of ticks) {
    const at = x(seconds);
    const anchor = at > PLOT.width - PLOT.right - 12 ? "end" : "middle"; // the last label stays inside
    root.append(svgElement("text", { x: at, y: PLOT.height - 16, "text-anchor": anchor }, `${seconds} s`));
  }
}

function niceTicks(duration) {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300];
  const step = steps.find((candidate) => duration / candidate <= 10) || 600;
  const ticks = [];
  for (let seconds = 0; seconds <= duration + 1e-9; seconds += step) ticks.push(seconds);
  return ticks;
}
