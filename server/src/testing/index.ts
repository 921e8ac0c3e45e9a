export * from './test-hub.js';
export { seedDemo, type DemoSeedResult } from '../demo/seed-demo.js';
export * from './entra-stand-in.js';
