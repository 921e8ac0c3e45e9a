import { MemoryStore } from '@rapport/core';
import { seedDemo } from '/work/wt-speed/server/dist/demo/seed-demo.js';
const store = new MemoryStore();
const t = performance.now();
const r = await seedDemo({ store, now: new Date('2026-11-23T10:00:00Z') }, { size: process.argv[2] ?? 'full' });
console.log(JSON.stringify(r.counts), (performance.now() - t) / 1000);
