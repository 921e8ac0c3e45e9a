import { dealMatches, dealOrdering, latestActivityByDeal, pageFrom, paginate, paginateByCustomField, sortKey, type Activity, type DealSort, storeConflicts, type Deal, type DealFilter, type DealRepository, type Page, type PageRequest, type Pipeline, type PipelineRepository, type StageChange } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { optional } from '../idb-keys.js';
import { pickIds, readCursor, sortBy } from '../idb-paging.js';

export const dealRow = (deal: Deal): Row<Deal> => ({
  k: deal.id,
  doc: deal,
  i: { account: deal.accountId, contact: optional(deal.primaryContactId), pipeline: deal.pipelineId },
});

export class IdbDealRepository implements DealRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Deal | null> {
    return this.tx.get<Deal>('deals', id);
  }

  async getMany(ids: readonly string[]): Promise<Deal[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return pickIds(found.filter((d): d is Deal => d !== null), ids);
  }

  /** Walks deals in id order from the cursor (ids are ASCII, so IndexedDB's order is code point order). */
  async list(filter: DealFilter, page: PageRequest, sort?: DealSort): Promise<Page<Deal>> {
    const fieldSort = filter.custom?.sort;
    if (fieldSort) return paginateByCustomField((await this.tx.query<Deal>('deals', null, null)).filter((d) => dealMatches(d, filter)), page, fieldSort);
    if (sort) return this.listSorted(filter, page, sort);
    const after = readCursor(page.cursor, 1);
    const range = after ? IDBKeyRange.lowerBound(after[0], true) : null;
    const rows = await this.tx.scan<Deal>('deals', { index: null, range, where: (d) => dealMatches(d, filter), limit: page.limit + 1 });
    return pageFrom(rows, page.limit, (d) => [d.id]);
  }

  /** Sorted lists read every matching deal (the browser's store holds one rep's working set). */
  private async listSorted(filter: DealFilter, page: PageRequest, sort: DealSort): Promise<Page<Deal>> {
    const deals = await this.tx.scan<Deal>('deals', { index: null, range: null, where: (d) => dealMatches(d, filter) });
    const activities = sort.key === 'lastActivityAt' ? await this.tx.query<Activity>('activities', null, null) : [];
    const latest = latestActivityByDeal(activities);
    return paginate(deals, page, dealOrdering(sort, (deal) => latest.get(deal.id) ?? ''));
  }

  insert(deal: Deal): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(deal.id)) throw storeConflicts.duplicateId('deal', deal.id);
      this.tx.put('deals', dealRow(deal));
    });
  }

  update(next: Deal): Promise<boolean> {
    return this.tx.write(async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) return false;
      this.tx.put('deals', dealRow(next));
      return true;
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.write(async () => {
      this.tx.delete('deals', id);
      for (const change of await this.tx.query<StageChange>('stageChanges', 'deal', id)) this.tx.delete('stageChanges', change.id);
    });
  }

  reassignAccount(fromAccountId: string, toAccountId: string, at: string): Promise<number> {
    return this.move('account', fromAccountId, { accountId: toAccountId }, at);
  }

  reassignContact(fromContactId: string, toContactId: string | null, at: string): Promise<number> {
    return this.move('contact', fromContactId, { primaryContactId: toContactId }, at);
  }

  appendStageChange(change: StageChange): Promise<void> {
    return this.tx.write(async () => {
      if (await this.tx.get('stageChanges', change.id)) throw storeConflicts.duplicateId('stage change', change.id);
      this.tx.put('stageChanges', { k: change.id, doc: change, i: { deal: change.dealId } });
    });
  }

  async stageHistory(dealId: string): Promise<StageChange[]> {
    const changes = await this.tx.query<StageChange>('stageChanges', 'deal', dealId);
    return sortBy(changes, { keyOf: (c) => [c.at, c.id], length: 2 });
  }

  private move(index: 'account' | 'contact', from: string, patch: Partial<Deal>, at: string): Promise<number> {
    return this.tx.write(async () => {
      const moving = await this.tx.query<Deal>('deals', index, from);
      for (const deal of moving) this.tx.put('deals', dealRow({ ...deal, ...patch, version: deal.version + 1, updatedAt: at }));
      return moving.length;
    });
  }
}

export class IdbPipelineRepository implements PipelineRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Pipeline | null> {
    return this.tx.get<Pipeline>('pipelines', id);
  }

  async getDefault(): Promise<Pipeline | null> {
    return (await this.list()).find((p) => p.isDefault) ?? null;
  }

  async list(): Promise<Pipeline[]> {
    return sortBy(await this.tx.query<Pipeline>('pipelines', null, null), { keyOf: (p) => [p.isDefault ? '0' : '1', sortKey(p.name), p.id], length: 3 });
  }

  insert(pipeline: Pipeline): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(pipeline.id)) throw storeConflicts.duplicateId('pipeline', pipeline.id);
      this.tx.put('pipelines', { k: pipeline.id, doc: pipeline, i: {} });
    });
  }

  update(pipeline: Pipeline): Promise<boolean> {
    return this.tx.write(async () => {
      if ((await this.get(pipeline.id))?.version !== pipeline.version - 1) return false;
      this.tx.put('pipelines', { k: pipeline.id, doc: pipeline, i: {} });
      return true;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.tx.write(async () => {
      if (!(await this.get(id))) return false;
      this.tx.delete('pipelines', id);
      return true;
    });
  }
}
