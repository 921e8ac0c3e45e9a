import type { ExchangeRateFilter, ExchangeRateRepository } from '../../analytics/currency/exchange-rate.port.js';
import type { ExchangeRate } from '../../analytics/currency/exchange-rate.schema.js';
import { compareCodePoints } from '../../shared/text.js';
import { within } from '../record-filters.js';
import type { MemoryState } from './memory-state.js';

const keyOf = (r: { quote: string; currency: string; date: string }): string => JSON.stringify([r.quote, r.currency, r.date]);

export class MemoryExchangeRateRepository implements ExchangeRateRepository {
  constructor(private readonly state: MemoryState) {}

  async put(rate: ExchangeRate): Promise<void> {
    this.state.exchangeRates.set(keyOf(rate), rate);
  }

  async list(filter: ExchangeRateFilter): Promise<ExchangeRate[]> {
    return this.state.exchangeRates
      .all()
      .filter((r) => r.quote === filter.quote && within(filter.currencies, r.currency) && (filter.from === undefined || r.date >= filter.from) && (filter.to === undefined || r.date <= filter.to))
      .sort((a, b) => compareCodePoints(a.currency, b.currency) || compareCodePoints(a.date, b.date));
  }

  async delete(key: { quote: string; currency: string; date: string }): Promise<boolean> {
    return this.state.exchangeRates.delete(keyOf(key));
  }
}
