import { describe, expect, it } from 'vitest';
import { aDeal, anEvent, aPipeline } from '../../testing/builders.js';
import type { Deal } from '../../deals/deal.schema.js';
import { forecastChanges } from './forecast-changes.js';

const pipeline = aPipeline();
const closing = (deal: Deal, ...types: string[]) =>
  types.map((type, i) => anEvent({ id: `evt_${i}`, type, entityType: 'deal', entityId: deal.id, at: `2026-01-0${i + 5}T10:00:00.000Z` }));
const changesOf = (deal: Deal, ...types: string[]) =>
  forecastChanges(closing(deal, ...types), new Map([[deal.id, deal]]), new Map([[pipeline.id, pipeline]]), new Map()).map((c) => c.kind);

describe("what changed in a forecast's window", () => {
  it('shows a deal won and then reopened as reopened, never as won', () => {
    expect(changesOf(aDeal({ status: 'open' }), 'deal.won', 'deal.reopened')).toEqual(['reopened']);
  });

  it('shows the outcome a deal has now after several turns', () => {
    expect(changesOf(aDeal({ status: 'won' }), 'deal.lost', 'deal.reopened', 'deal.won')).toEqual(['won']);
    expect(changesOf(aDeal({ status: 'lost' }), 'deal.won', 'deal.reopened', 'deal.lost')).toEqual(['lost']);
  });

  it('says nothing of a win the deal no longer holds when its reopening fell outside the window', () => {
    expect(changesOf(aDeal({ status: 'open' }), 'deal.won')).toEqual([]);
  });
});
