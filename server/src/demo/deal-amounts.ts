import { minorDigits, type CompanySize, type Money } from '@rapport/core';
import type { Random } from './random.js';

export type DealKind = 'new' | 'renewal' | 'expansion' | 'win_back';

/** Yearly contract value in US dollars by company size. */
const RANGE_USD: Record<CompanySize, readonly [number, number]> = {
  '1-10': [2_000, 8_000],
  '11-50': [5_000, 25_000],
  '51-200': [12_000, 60_000],
  '201-1000': [40_000, 150_000],
  '1001-5000': [80_000, 300_000],
  '5001+': [150_000, 900_000],
};

const KIND_FACTOR: Record<DealKind, number> = { new: 1, renewal: 0.8, expansion: 0.4, win_back: 0.6 };

/** Roughly how many units of each currency a dollar buys; demo prices only. */
const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, CNY: 7.2, JPY: 150, KRW: 1350 };

/** Three significant digits, in halves: 43,210 → 43,000; 127,800 → 128,000. */
export function roundPrice(value: number): number {
  if (value <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2) * 5;
  return Math.max(step, Math.round(value / step) * step);
}

/** A price in minor units, rounded in major units so it reads like a quote. */
export function roundMinor(minor: number, currency: string): number {
  const scale = 10 ** minorDigits(currency);
  return roundPrice(minor / scale) * scale;
}

export function dealAmount(random: Random, size: CompanySize, currency: string, kind: DealKind): Money {
  const [low, high] = RANGE_USD[size];
  const usd = random.logBetween(low, high) * KIND_FACTOR[kind];
  const major = roundPrice(usd * (PER_USD[currency] ?? 1));
  return { minor: major * 10 ** minorDigits(currency), currency };
}
