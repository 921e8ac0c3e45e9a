import type { ExchangeRate, ExchangeRateFilter, ExchangeRateRepository } from '@rapport/core';
import type { SqlContext } from '../context.js';
import { matchesNothing } from '../sql-paging.js';

export class SqlExchangeRateRepository implements ExchangeRateRepository {
  constructor(private readonly ctx: SqlContext) {}

  async put(rate: ExchangeRate): Promise<void> {
    await this.ctx.db
      .insertInto('exchange_rates')
      .values({ quote: rate.quote, currency: rate.currency, date: rate.date, rate: rate.rate })
      .onConflict((oc) => oc.columns(['quote', 'currency', 'date']).doUpdateSet({ rate: rate.rate }))
      .execute();
  }

  async list(filter: ExchangeRateFilter): Promise<ExchangeRate[]> {
    if (matchesNothing(filter.currencies)) return [];
    let query = this.ctx.db.selectFrom('exchange_rates').select(['quote', 'currency', 'date', 'rate']).where('quote', '=', filter.quote);
    if (filter.currencies) query = query.where('currency', 'in', filter.currencies);
    if (filter.from !== undefined) query = query.where('date', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('date', '<=', filter.to);
    return query.orderBy('currency').orderBy('date').execute();
  }

  async delete(key: { quote: string; currency: string; date: string }): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('exchange_rates')
      .where('quote', '=', key.quote)
      .where('currency', '=', key.currency)
      .where('date', '=', key.date)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
