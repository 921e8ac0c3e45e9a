export * from './test-hub.js';
