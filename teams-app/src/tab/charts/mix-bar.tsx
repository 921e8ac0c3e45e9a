/** One part of a stacked bar. */
export interface MixPart {
  key: string;
  label: string;
  value: number;
}

/** A small stacked bar: the parts of one row (a rep's emails, calls, meetings…) scaled to `max`. */
export function MixBar({ parts, max, title }: { parts: MixPart[]; max: number; title: string }) {
  const width = 160;
  let x = 0;
  return (
    <svg class="chart mix-bar" viewBox={`0 0 ${width} 14`} width={width} height="14" role="img" aria-label={title}>
      <title>{title}</title>
      <rect class="track" x="0" y="2" width={width} height="10" rx="3" />
      {parts.map((part, i) => {
        const w = max === 0 ? 0 : (part.value / max) * width;
        const rect = <rect key={part.key} class={`bar tone-step-${i % 5}`} x={x} y="2" width={w} height="10" />;
        x += w;
        return rect;
      })}
    </svg>
  );
}
