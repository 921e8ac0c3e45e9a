/** A target a figure should meet, such as "≤ 15 ms". */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

/** A ratio of two figures measured in the same run: comparable across machines. */
export interface Ratio {
  bench: string;
  name: string;
  value: number;
  target?: Target;
}

export const passes = (value: number, target: Target): boolean => (target.op === '<=' ? value <= target.value : value >= target.value);

const digits = (value: number): string =>
  !Number.isFinite(value) ? String(value) : Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2);

const verdict = (value: number, target?: Target): string => (target ? (passes(value, target) ? 'PASS' : 'MISS') : '');
const targetText = (target: Target | undefined, unit = ''): string => (target ? `${target.op === '<=' ? '≤' : '≥'} ${digits(target.value)}${unit ? ` ${unit}` : ''}` : '');

/** Collects figures while benchmarks run and prints them as aligned tables. */
export class Report {
  readonly figures: Figure[] = [];
  readonly ratios: Ratio[] = [];

  figure(figure: Figure): void {
    this.figures.push(figure);
    console.log(`  ${figure.name}: ${digits(figure.value)} ${figure.unit}${figure.target ? `  (target ${targetText(figure.target, figure.unit)}: ${verdict(figure.value, figure.target)})` : ''}`);
  }

  ratio(ratio: Ratio): void {
    this.ratios.push(ratio);
    console.log(`  ${ratio.name}: ${ratio.value.toFixed(2)}${ratio.target ? `  (target ${targetText(ratio.target)}: ${verdict(ratio.value, ratio.target)})` : ''}`);
  }

  print(): void {
    const rows: string[][] = [['bench', 'figure', 'value', 'target', '']];
    for (const f of this.figures) rows.push([f.bench, f.name, `${digits(f.value)} ${f.unit}`, targetText(f.target, f.unit), verdict(f.value, f.target)]);
    for (const r of this.ratios) rows.push([r.bench, r.name, `${r.value.toFixed(2)}×`, targetText(r.target), verdict(r.value, r.target)]);
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
    console.log('');
    for (const [i, row] of rows.entries()) {
      console.log(row.map((cell, c) => (c === 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    const missed = [...this.figures, ...this.ratios].filter((f) => f.target && !passes(f.value, f.target));
    console.log(`\n${missed.length === 0 ? 'Every figure with a target met it.' : `${missed.length} figure(s) missed their target.`}`);
  }
}
