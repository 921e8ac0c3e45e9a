/**
 * The record paging this store shares with core's in-memory store (see
 * core/src/store/record-paging.ts); its list filters come from record-filters.ts there.
 */
export { byId, byName, paginate, pickIds, readCursor, sortBy, type AboutFilter } from '@rapport/core';
