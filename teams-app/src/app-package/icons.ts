import { deflateSync } from 'node:zlib';

// Teams wants two icons: a full-colour 192×192 PNG and a 32×32 white outline on transparency.
// Both are drawn here, so the repository holds no binaries.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) row.set(pixel(x, y).map(Math.round), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Three rising bars: a pipeline growing to the right. Heights as a share of the drawing area. */
const BARS = [0.42, 0.66, 0.9];

function onBar(u: number, v: number): boolean {
  const width = 0.22;
  const gap = (1 - BARS.length * width) / (BARS.length - 1);
  return BARS.some((height, i) => {
    const left = i * (width + gap);
    return u >= left && u < left + width && v >= 1 - height && v <= 1;
  });
}

/** The full-colour icon: a rounded square, blue to teal, with white bars. */
export function colorIcon(size = 192): Buffer {
  const radius = size * 0.2;
  const pad = size * 0.24;
  return png(size, (x, y) => {
    const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
    const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
    if (Math.hypot(dx, dy) > radius) return [0, 0, 0, 0];
    if (onBar((x - pad) / (size - 2 * pad), (y - pad) / (size - 2 * pad))) return [255, 255, 255, 255];
    const t = (x + y) / (2 * size);
    return [40 + (0 - 40) * t, 90 + (150 - 90) * t, 200 + (150 - 200) * t, 255];
  });
}

/** The outline icon: the same bars, white on transparency. */
export function outlineIcon(size = 32): Buffer {
  const pad = size * 0.16;
  return png(size, (x, y) => (onBar((x + 0.5 - pad) / (size - 2 * pad), (y + 0.5 - pad) / (size - 2 * pad)) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}
