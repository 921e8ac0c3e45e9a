import type { ForecastFigures } from '@rapport/core';
import type { Format } from '../ui/format.js';

const WIDTH = 600;
const HEIGHT = 200;
const BASE = 164;
const TOP = 22;

/**
 * One currency's forecast as columns — closed won, commit, best case and weighted pipeline —
 * with the target as a dashed line across, each column labelled with its amount.
 */
export function ForecastChart({ figures, format }: { figures: ForecastFigures; format: Format }) {
  const columns = [
    { key: 'won', label: 'Closed won', value: figures.closedWonMinor, tone: 'good' },
    { key: 'commit', label: 'Commit', value: figures.commitMinor, tone: 'accent' },
    { key: 'best', label: 'Best case', value: figures.bestCaseMinor, tone: 'accent-soft' },
    { key: 'weighted', label: 'Weighted', value: figures.weightedPipelineMinor, tone: 'muted' },
  ];
  const top = Math.max(1, figures.targetMinor ?? 0, ...columns.map((c) => c.value)) * 1.08;
  const scale = (v: number) => BASE - (v / top) * (BASE - TOP);
  const slot = (WIDTH - 40) / columns.length;
  const money = (v: number) => format.shortAmount(v, figures.currency);
  const title = `${figures.currency} forecast: closed won ${money(figures.closedWonMinor)}, commit ${money(figures.commitMinor)}, best case ${money(figures.bestCaseMinor)}, weighted ${money(figures.weightedPipelineMinor)}${figures.targetMinor !== null ? `, target ${money(figures.targetMinor)}` : ''}`;
  return (
    <svg class="chart forecast-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-currency={figures.currency}>
      <title>{title}</title>
      <line class="axis" x1="20" x2={WIDTH - 20} y1={BASE} y2={BASE} />
      {columns.map((c, i) => {
        const x = 20 + i * slot + slot * 0.2;
        const y = scale(c.value);
        return (
          <g key={c.key} class="column" data-key={c.key}>
            <rect class={`bar tone-${c.tone}`} x={x} y={y} width={slot * 0.6} height={Math.max(0, BASE - y)} rx="4" />
            <text class="column-value" x={x + slot * 0.3} y={y - 6} text-anchor="middle">
              {money(c.value)}
            </text>
            <text class="column-label" x={x + slot * 0.3} y={BASE + 20} text-anchor="middle">
              {c.label}
            </text>
          </g>
        );
      })}
      {figures.targetMinor !== null && (
        <g class="target">
          <line class="target-line" x1="20" x2={WIDTH - 20} y1={scale(figures.targetMinor)} y2={scale(figures.targetMinor)} />
          <text class="target-label" x={WIDTH - 22} y={scale(figures.targetMinor) - 6} text-anchor="end">
            Target {money(figures.targetMinor)}
          </text>
        </g>
      )}
    </svg>
  );
}
