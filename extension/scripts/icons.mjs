// Draws the toolbar icons (a rounded square, blue to green, with a white "R") as PNG files,
// so the repository holds no binaries.
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

// The letter R on a 7×9 grid.
const R = ['111110 ', '1100011', '1100011', '1100011', '111110 ', '11011  ', '110011 ', '1100011', '1100011'];

export function iconPng(size) {
  const rows = [];
  const radius = size * 0.22;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
      const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
      const inside = Math.hypot(dx, dy) <= radius;
      const t = (x + y) / (2 * size);
      let [r, g, b] = [26 + (52 - 26) * t, 115 + (168 - 115) * t, 232 + (83 - 232) * t];
      const gx = Math.floor(((x - size * 0.28) / (size * 0.46)) * 7);
      const gy = Math.floor(((y - size * 0.2) / (size * 0.6)) * 9);
      if (R[gy]?.[gx] === '1') [r, g, b] = [255, 255, 255];
      row.set([Math.round(r), Math.round(g), Math.round(b), inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
