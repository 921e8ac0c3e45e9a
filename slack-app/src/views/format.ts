import { formatMoney, localDate, type Money } from '@rapport/core';

export const money = (value: Money): string => formatMoney(value);

/** "2026-12-01", "today", "tomorrow", "yesterday", from the reader's calendar. */
export function day(date: string, today: string): string {
  if (date === today) return 'today';
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return date;
}

export const todayIn = (now: Date, timeZone: string): string => localDate(now, timeZone);

export const plural = (n: number, noun: string, many = `${noun}s`): string => `${n} ${n === 1 ? noun : many}`;
