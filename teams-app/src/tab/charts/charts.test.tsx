// @vitest-environment happy-dom
import type { ForecastFigures } from '@rapport/core';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Format } from '../ui/format.js';
import { BarChart, fit } from './bar-chart.js';
import { ForecastChart } from './forecast-chart.js';

const toDate = { wonMinor: 0, targetMinor: null, attainment: null };
const figures = (overrides: Partial<ForecastFigures> = {}): ForecastFigures => ({
  currency: 'EUR',
  closedWonMinor: 4_000_000,
  wonCount: 2,
  commitMinor: 7_000_000,
  commitCount: 3,
  bestCaseMinor: 9_000_000,
  openCount: 4,
  weightedPipelineMinor: 3_600_000,
  targetMinor: 10_000_000,
  attainment: 0.4,
  monthToDate: toDate,
  quarterToDate: toDate,
  yearToDate: toDate,
  ...overrides,
});

describe('charts', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root') as HTMLElement;
  });

  it('draw the forecast\'s four columns in the currency, tallest for best case, and the target as a line above', () => {
    render(<ForecastChart figures={figures()} format={new Format('en-US')} />, root);
    const columns = Array.from(root.querySelectorAll('.column'));
    expect(columns.map((c) => c.querySelector('.column-value')?.textContent)).toEqual(['€40K', '€70K', '€90K', '€36K']);
    const heights = columns.map((c) => Number(c.querySelector('rect')?.getAttribute('height')));
    expect(Math.max(...heights)).toBe(heights[2]);
    const target = Number(root.querySelector('.target-line')?.getAttribute('y1'));
    const best = Number(columns[2]?.querySelector('rect')?.getAttribute('y'));
    expect(target).toBeLessThan(best);
    expect(root.querySelector('.target-label')?.textContent).toBe('Target €100K');
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toContain('target €100K');
  });

  it('leave the target line out when no target is set', () => {
    render(<ForecastChart figures={figures({ targetMinor: null, attainment: null })} format={new Format('en-US')} />, root);
    expect(root.querySelector('.target-line')).toBeNull();
  });

  it('write labels as text, never markup, and shorten long ones counting CJK as wide', () => {
    render(<BarChart title="Reasons" bars={[{ label: '<img src=x onerror=alert(1)>', value: 3, text: '3' }, { label: '价格太高，客户选择了竞争对手的方案', value: 1, text: '1' }]} />, root);
    const labels = Array.from(root.querySelectorAll('.bar-label')).map((l) => l.textContent);
    expect(labels[0]).toBe('<img src=x onerror=alert…');
    expect(root.querySelector('img')).toBeNull();
    expect(labels[1]).toBe('价格太高，客户选择了竞争…');
    expect(fit('Zoë Ångström', 24)).toBe('Zoë Ångström');
  });

  it('scale bars to the largest value', () => {
    render(<BarChart title="Segments" bars={[{ label: 'New', value: 50, text: '50' }, { label: 'Loyal', value: 25, text: '25' }]} />, root);
    const [a, b] = Array.from(root.querySelectorAll('rect.bar')).map((r) => Number(r.getAttribute('width')));
    expect(b).toBeCloseTo((a ?? 0) / 2, 5);
  });
});
