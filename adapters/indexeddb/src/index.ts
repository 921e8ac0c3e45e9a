export { IdbStore } from './idb-store.js';
