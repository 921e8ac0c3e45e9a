import { displayWidth, padToWidth } from '@rapport/core';

export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * Lines of an aligned text table. Widths are terminal columns (see displayWidth), so names in
 * Chinese, Japanese or Korean, which take two columns a character, line up with Latin ones.
 * A row of nothing but `null` draws a rule.
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[] | null>): string[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r?.[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? padStart(cell, widths[i] ?? 0) : padToWidth(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map((r) => (r === null ? rule : line(r)))];
}
