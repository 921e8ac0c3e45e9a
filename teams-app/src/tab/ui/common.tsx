import { CrmError } from '@rapport/core';
import type { ComponentChildren } from 'preact';
import type { Format } from './format.js';

/** An error as the reader should see it: the hub's own message, with what to do for the common cases. */
export function errorText(error: unknown): string {
  if (error instanceof CrmError) {
    if (error.code === 'conflict' && error.details.status === 412) return 'Someone changed this deal since you loaded it. The board has been refreshed: look again, then try once more.';
    if (error.code === 'unavailable') return `The hub cannot be reached right now. ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="note error" role="alert">
      <span>{errorText(error)}</span>
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div class="loading" aria-busy="true">
      {`Loading ${what}…`}
    </div>
  );
}

export function Card({ title, aside, children, class: extra }: { title: string; aside?: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={`panel ${extra ?? ''}`} aria-label={title}>
      <header class="panel-head">
        <h2>{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

/** A figure with its label, for the key numbers above a chart. */
export function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div class="kpi">
      <div class="kpi-value">{value}</div>
      <div class="kpi-label">{label}</div>
      {hint && <div class="kpi-hint">{hint}</div>}
    </div>
  );
}

/** Amounts per currency, one per line, never added together. */
export function Amounts({ items, format, short }: { items: ReadonlyArray<{ currency: string; amountMinor: number }>; format: Format; short?: boolean }) {
  if (items.length === 0) return <span class="muted">—</span>;
  return (
    <span class="amounts">
      {items.map((i) => (
        <span key={i.currency} class="amount" data-currency={i.currency}>
          {short ? format.shortAmount(i.amountMinor, i.currency) : format.amount(i.amountMinor, i.currency)}
        </span>
      ))}
    </span>
  );
}

/** Initials for an avatar: first letters of the first and last name, or the first character (李娜 → 李). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(parts[0] ?? '?')[0] ?? '?';
  const last = parts.length > 1 ? (Array.from(parts[parts.length - 1] ?? '')[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function Avatar({ name }: { name: string }) {
  return (
    <span class="avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** Days since an instant, whole, never negative. */
export const daysSince = (instant: string, now = Date.now()): number => Math.max(0, Math.floor((now - Date.parse(instant)) / 86_400_000));
