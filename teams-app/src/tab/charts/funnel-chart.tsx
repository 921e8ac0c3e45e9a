import type { Funnel } from '@rapport/core';
import type { Format } from '../ui/format.js';

const WIDTH = 560;
const ROW = 44;

/** The funnel: one centred band per stage, as wide as the deals that reached it, with the share that went on. */
export function FunnelChart({ funnel, format }: { funnel: Funnel; format: Format }) {
  const top = Math.max(1, ...funnel.stages.map((s) => s.reached));
  const height = funnel.stages.length * ROW + 8;
  const title = `Funnel: ${funnel.stages.map((s) => `${s.stageName} ${s.reached}`).join(', ')}`;
  return (
    <svg class="chart funnel-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {funnel.stages.map((stage, i) => {
        const w = Math.max(6, (stage.reached / top) * (WIDTH - 220));
        const next = funnel.stages[i + 1];
        const nw = next ? Math.max(6, (next.reached / top) * (WIDTH - 220)) : w * 0.9;
        const cx = (WIDTH - 120) / 2;
        const y = i * ROW + 4;
        const points = `${cx - w / 2},${y} ${cx + w / 2},${y} ${cx + nw / 2},${y + ROW - 6} ${cx - nw / 2},${y + ROW - 6}`;
        return (
          <g key={stage.stageId} class="funnel-stage" data-stage={stage.stageId}>
            <polygon class={`bar tone-step-${i % 5}`} points={points} />
            <text class="funnel-label" x={cx} y={y + ROW / 2 - 3} text-anchor="middle" dominant-baseline="central">
              {`${stage.stageName} · ${format.count(stage.reached)}`}
            </text>
            <text class="funnel-rate" x={WIDTH - 110} y={y + ROW / 2 - 3} dominant-baseline="central">
              {stage.toNext === null ? `${format.percent(stage.toWon)} won` : `${format.percent(stage.toNext)} → next`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
