// Draws Duet's app icon (a rounded square with two overlapping speech bubbles) and writes the PNGs that
// electron-builder.yml points at: build/icons/512x512.png and 256x256.png. No image library: shapes are
// signed distance functions, anti-aliased by their distance to the edge, encoded with node:zlib.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT_DIR = join(import.meta.dirname, '..', 'build', 'icons');
const SIZES = [512, 256];

// ---- geometry (all in units of the icon size, 0..1) ----

const length = (x, y) => Math.hypot(x, y);

/** Rounded box centred at (cx, cy) with half-size (hx, hy) and corner radius r. */
function roundBox(px, py, cx, cy, hx, hy, r) {
  const qx = Math.abs(px - cx) - hx + r;
  const qy = Math.abs(py - cy) - hy + r;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Triangle a-b-c (exact distance, negative inside). */
function triangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const edge = (x0, y0, x1, y1) => {
    const ex = x1 - x0;
    const ey = y1 - y0;
    const wx = px - x0;
    const wy = py - y0;
    const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
    return { d: length(wx - ex * t, wy - ey * t), s: ex * wy - ey * wx };
  };
  const e = [edge(ax, ay, bx, by), edge(bx, by, cx, cy), edge(cx, cy, ax, ay)];
  const d = Math.min(...e.map((x) => x.d));
  const inside = e.every((x) => x.s >= 0) || e.every((x) => x.s <= 0);
  return inside ? -d : d;
}

/** Smooth union, so the tail flows out of the bubble instead of meeting it at a corner. */
function smoothMin(a, b, k) {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
}

/** A speech bubble: a very round box plus a tail; `flip` mirrors the tail to the other side. */
function bubble(px, py, cx, cy, hx, hy, flip) {
  const body = roundBox(px, py, cx, cy, hx, hy, Math.min(hx, hy) * 0.92);
  const s = flip ? -1 : 1;
  const tail = triangle(
    px,
    py,
    [cx - s * hx * 0.45, cy + hy * 0.55],
    [cx - s * hx * 0.05, cy + hy * 0.75],
    [cx - s * hx * 0.88, cy + hy * 1.32],
  );
  return smoothMin(body, tail, 0.03);
}

// ---- colour ----

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const TOP_LEFT = hex('#14857d');
const BOTTOM_RIGHT = hex('#0a4a46');
const FIRST_VOICE = hex('#ffffff');
const SECOND_VOICE = hex('#e8603c');
const DOT = hex('#0f6e68');

/** Coverage of a shape at one pixel from its distance, for an edge `aa` wide. */
const coverage = (d, aa) => Math.max(0, Math.min(1, 0.5 - d / aa));

/** Porter-Duff "over" of a straight-alpha colour onto a premultiplied pixel. */
function over(pixel, rgb, alpha) {
  for (let i = 0; i < 3; i++) pixel[i] = rgb[i] * alpha + pixel[i] * (1 - alpha);
  pixel[3] = alpha + pixel[3] * (1 - alpha);
}

function render(size) {
  const aa = 1.2 / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      const pixel = [0, 0, 0, 0];

      // Background: a rounded square with a diagonal gradient and a soft light from the top.
      const plate = roundBox(px, py, 0.5, 0.5, 0.42, 0.42, 0.19);
      const light = Math.max(0, 1 - length(px - 0.3, py - 0.18) / 0.7) * 0.18;
      const base = mix(mix(TOP_LEFT, BOTTOM_RIGHT, (px + py) / 2), [1, 1, 1], light);
      over(pixel, base, coverage(plate, aa));

      // The two voices, each with a soft shadow; the second overlaps the first, slightly translucent.
      const first = bubble(px, py, 0.42, 0.41, 0.22, 0.155, false);
      const second = bubble(px, py, 0.6, 0.6, 0.19, 0.135, true);
      over(pixel, [0.1, 0.05, 0.25], 0.28 * coverage(bubble(px, py - 0.012, 0.42, 0.41, 0.22, 0.155, false), 0.04));
      over(pixel, FIRST_VOICE, coverage(first, aa));
      for (const dx of [-0.085, 0, 0.085]) {
        over(pixel, DOT, coverage(length(px - (0.42 + dx), py - 0.385) - 0.028, aa));
      }
      over(pixel, [0.1, 0.05, 0.25], 0.3 * coverage(bubble(px, py - 0.012, 0.6, 0.6, 0.19, 0.135, true), 0.04));
      over(pixel, SECOND_VOICE, 0.96 * coverage(second, aa));

      const o = (y * size + x) * 4;
      const a = pixel[3];
      // Un-premultiply for PNG's straight alpha.
      for (let i = 0; i < 3; i++) rgba[o + i] = a > 0 ? Math.round(Math.min(1, pixel[i] / a) * 255) : 0;
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const path = join(OUT_DIR, `${size}x${size}.png`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(size, render(size)));
  console.log(`[icons] wrote ${path}`);
}
