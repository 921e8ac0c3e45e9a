import { minorDigits } from '@rapport/core';

/** The locale if this browser knows it (Teams may send one it does not), else English. */
function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * Numbers, amounts and dates in the reader's locale (Teams' locale, or the browser's). Amounts
 * are always shown in their own currency: nothing here adds two currencies together.
 */
export class Format {
  private readonly money = new Map<string, Intl.NumberFormat>();
  private readonly compactMoney = new Map<string, Intl.NumberFormat>();
  private readonly integer: Intl.NumberFormat;
  private readonly percentFormat: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly dayYear: Intl.DateTimeFormat;
  private readonly calendarDay: Intl.DateTimeFormat;
  private readonly calendarDayYear: Intl.DateTimeFormat;
  private readonly dateTime: Intl.DateTimeFormat;
  readonly locale: string;

  constructor(locale: string, private readonly timeZone?: string) {
    this.locale = supported(locale);
    this.integer = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    this.percentFormat = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    const zone = timeZone ? { timeZone } : {};
    this.day = new Intl.DateTimeFormat(this.locale, { month: 'short', day: 'numeric', ...zone });
    this.dayYear = new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', day: 'numeric', ...zone });
    // A calendar date (a close date, a report's first day) is the same day everywhere: read and written in UTC.
    this.calendarDay = new Intl.DateTimeFormat(this.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    this.calendarDayYear = new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    this.dateTime = new Intl.DateTimeFormat(this.locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', ...zone });
  }

  /** 48,000 € / €48,000 / ¥80,000: whole units, in the amount's own currency. */
  amount(minor: number, currency: string): string {
    let format = this.money.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
      this.money.set(currency, format);
    }
    return format.format(minor / 10 ** minorDigits(currency));
  }

  /** €48K, ¥1.2M: for chart labels and column headers. */
  shortAmount(minor: number, currency: string): string {
    let format = this.compactMoney.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
      this.compactMoney.set(currency, format);
    }
    return format.format(minor / 10 ** minorDigits(currency));
  }

  count(n: number): string {
    return this.integer.format(n);
  }

  number(n: number): string {
    return this.decimal.format(n);
  }

  percent(ratio: number | null): string {
    return ratio === null ? '—' : this.percentFormat.format(ratio);
  }

  /** A calendar date (2026-03-20) or an instant, as "Mar 20" this year and "Mar 20, 2025" otherwise. */
  date(value: string): string {
    const calendar = value.length === 10;
    const date = new Date(calendar ? `${value}T12:00:00Z` : value);
    const thisYear = new Date().getUTCFullYear() === date.getUTCFullYear();
    if (calendar) return (thisYear ? this.calendarDay : this.calendarDayYear).format(date);
    return (thisYear ? this.day : this.dayYear).format(date);
  }

  when(instant: string): string {
    return this.dateTime.format(new Date(instant));
  }

  days(n: number): string {
    return `${this.decimal.format(n)} d`;
  }

  /** A week, month or quarter as its first and last day. */
  range(first: string, last: string): string {
    return `${this.date(first)} – ${this.date(last)}`;
  }
}
