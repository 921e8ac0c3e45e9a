/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** The value as shown (a count, an amount, days). */
  text: string;
  /** A second, fainter bar behind (e.g. the average behind the median); same scale. */
  ghost?: number;
  tone?: 'accent' | 'good' | 'bad' | 'warn' | 'muted';
  /** Makes the row a button. */
  onSelect?: () => void;
  selected?: boolean;
}

const ROW = 30;
const LABEL = 200;
const WIDTH = 640;
/** Room for the value text right of the longest bar, from the longest text (about 7 units a character). */
const valueRoom = (bars: readonly Bar[]): number => Math.min(280, Math.max(70, ...bars.map((b) => b.text.length * 7 + 14)));

/** Truncates a label to about `max` characters, counting wide (CJK) characters twice. */
export function fit(label: string, max: number): string {
  let width = 0;
  let out = '';
  for (const ch of label) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * Horizontal bars, one per row, scaled to the largest value, each with its label and its value
 * as text. Drawn as SVG with theme colours, so it reads in light, dark and high contrast.
 */
export function BarChart({ bars, title, max }: { bars: Bar[]; title: string; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => Math.max(b.value, b.ghost ?? 0)));
  const span = WIDTH - LABEL - valueRoom(bars);
  const height = bars.length * ROW + 4;
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = i * ROW + 4;
        const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / top) * span);
        return (
          <g
            key={`${bar.label}-${i}`}
            class={`bar-row${bar.onSelect ? ' selectable' : ''}${bar.selected ? ' selected' : ''}`}
            data-label={bar.label}
            {...(bar.onSelect ? { role: 'button', tabIndex: 0, onClick: bar.onSelect, onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && bar.onSelect?.() } : {})}
          >
            <text class="bar-label" x={LABEL - 10} y={y + ROW / 2} text-anchor="end" dominant-baseline="central">
              {fit(bar.label, 24)}
            </text>
            {bar.ghost !== undefined && <rect class="bar ghost" x={LABEL} y={y + 5} width={(bar.ghost / top) * span} height={ROW - 10} rx="3" />}
            <rect class={`bar tone-${bar.tone ?? 'accent'}`} x={LABEL} y={y + 7} width={w} height={ROW - 14} rx="3" />
            <text class="bar-value" x={LABEL + Math.max(w, ((bar.ghost ?? 0) / top) * span) + 8} y={y + ROW / 2} dominant-baseline="central">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
