// Draws PolicyBot's two Teams icons and writes them to manifest/:
//   color.png    192×192, a white speech bubble with a blue tick on a school-blue square
//   outline.png   32×32, the same bubble and tick in white lines on a fully transparent background
//                 (Teams requires the outline icon to be white and transparent only)
// Shapes are tested per sub-sample (4×4 per pixel), so edges are anti-aliased without a graphics library.
//
//   node tools/manifest/icons.mjs [--out DIR]

import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { PNG } = require("pngjs");

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const SCHOOL_BLUE = [0x1f, 0x4e, 0x8c];
const TICK_BLUE = [0x1f, 0x4e, 0x8c];
const WHITE = [0xff, 0xff, 0xff];

// ---- geometry, in a unit square (0..1) so both sizes share one drawing ----

function insideRoundedRect(x, y, { left, top, right, bottom, radius }) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTriangle(x, y, [a, b, c]) {
  const sign = (p, q, r) => (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
  const p = [x, y];
  const d1 = sign(p, a, b), d2 = sign(p, b, c), d3 = sign(p, c, a);
  const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNeg && hasPos);
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onPolyline(x, y, points, width) {
  for (let i = 0; i + 1 < points.length; i++) {
    if (distanceToSegment(x, y, points[i], points[i + 1]) <= width / 2) return true;
  }
  return false;
}

const bubble = { left: 0.16, top: 0.2, right: 0.84, bottom: 0.68, radius: 0.12 };
const tail = [[0.3, 0.6], [0.46, 0.6], [0.26, 0.82]];
const tick = [[0.35, 0.44], [0.46, 0.55], [0.66, 0.33]];

function insideBubble(x, y) {
  return insideRoundedRect(x, y, bubble) || insideTriangle(x, y, tail);
}

// Morphological erosion: a point is in the eroded bubble when every point on rings of radius d and d/2
// around it is inside. The outline is then bubble minus eroded bubble, an even stroke round the tail too.
function insideErodedBubble(x, y, d) {
  if (!insideBubble(x, y)) return false;
  for (const radius of [d, d / 2]) {
    for (let k = 0; k < 16; k++) {
      const angle = (k * Math.PI) / 8;
      if (!insideBubble(x + radius * Math.cos(angle), y + radius * Math.sin(angle))) return false;
    }
  }
  return true;
}

// ---- rendering ----

const SUBSAMPLES = 4;

/** colourAt(x, y) returns [r, g, b, a] (a in 0..1) for a point of the unit square. */
function render(size, colourAt) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / SUBSAMPLES) / size, (py + (sy + 0.5) / SUBSAMPLES) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const n = SUBSAMPLES * SUBSAMPLES;
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

export function drawColourIcon() {
  return render(192, (x, y) => {
    if (onPolyline(x, y, tick, 0.075)) return [...TICK_BLUE, 1];
    if (insideBubble(x, y)) return [...WHITE, 1];
    return [...SCHOOL_BLUE, 1];
  });
}

export function drawOutlineIcon() {
  const stroke = 0.07;
  return render(32, (x, y) => {
    const line = (insideBubble(x, y) && !insideErodedBubble(x, y, stroke)) || onPolyline(x, y, tick, 0.09);
    // Transparent pixels are written as white with alpha 0, so the file holds no other colour at all.
    return line ? [...WHITE, 1] : [...WHITE, 0];
  });
}

function main(argv) {
  const outIndex = argv.indexOf("--out");
  const outDir = outIndex >= 0 ? resolve(argv[outIndex + 1]) : join(repoRoot, "manifest");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "color.png"), drawColourIcon());
  writeFileSync(join(outDir, "outline.png"), drawOutlineIcon());
  console.log(`wrote ${join(outDir, "color.png")} and ${join(outDir, "outline.png")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
