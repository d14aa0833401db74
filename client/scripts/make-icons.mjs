// Draws the app icons (a white "P" on the PA blue #0066CC) as PNG files with
// Node built-ins only, so the icons can be regenerated without an image tool:
//   node client/scripts/make-icons.mjs
// Writes client/public/icons/icon-{192,512}.png, maskable-{192,512}.png,
// apple-touch-icon.png (180) and client/public/favicon.png (32).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BLUE = [0x00, 0x66, 0xcc];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True when the point (x, y), in units of the icon side, lies on the letter "P". */
function onLetter(x, y) {
  const stem = x >= 0.32 && x <= 0.44 && y >= 0.22 && y <= 0.78;
  const dx = x - 0.5;
  const dy = y - 0.39;
  const r = Math.hypot(dx, dy);
  const bowl = x >= 0.5 && r >= 0.075 && r <= 0.17;
  const bars = x >= 0.44 && x <= 0.5 && ((y >= 0.22 && y <= 0.315) || (y >= 0.465 && y <= 0.56));
  return stem || bowl || bars;
}

/** RGBA pixels of a square icon; `scale` shrinks the letter towards the centre (maskable safe zone). */
function draw(size, scale) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (onLetter(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale)) hits++;
        }
      }
      const a = hits / (samples * samples);
      const o = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BLUE[c] * (1 - a) + WHITE[c] * a);
      raw[o + 3] = 255;
    }
  }
  return raw;
}

function png(size, scale) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(draw(size, scale), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
mkdirSync(`${publicDir}icons`, { recursive: true });
const outputs = [
  ['icons/icon-192.png', 192, 1],
  ['icons/icon-512.png', 512, 1],
  // Maskable icons may be cropped to a circle of 80% of the side: keep the letter inside it.
  ['icons/maskable-192.png', 192, 0.75],
  ['icons/maskable-512.png', 512, 0.75],
  ['icons/apple-touch-icon.png', 180, 0.85],
  ['favicon.png', 32, 1.15],
];
for (const [file, size, scale] of outputs) {
  writeFileSync(`${publicDir}${file}`, png(size, scale));
  console.log(`wrote client/public/${file}`);
}
