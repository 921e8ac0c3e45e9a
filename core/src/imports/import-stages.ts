import type { DealStatus } from '../deals/deal.schema.js';
import type { Pipeline, Stage } from '../deals/pipeline.schema.js';
import { CrmError } from '../shared/errors.js';

const squash = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');
const WON = new Set(['won', 'closedwon']);
const LOST = new Set(['lost', 'closedlost']);

/**
 * Where an imported deal goes: its pipeline (by name, else the default one), its stage and
 * status. A stage is found through the person's mapping (`stages`: another CRM's stage name →
 * a stage id, `won` or `lost`), then by stage id or name ignoring case and spaces; "Closed Won"
 * and "Closed Lost" close the deal in the pipeline's last stage. A stage found nowhere rejects
 * the row, saying how to map it.
 */
export function resolveStage(pipelines: readonly Pipeline[], stages: Readonly<Record<string, string>>, row: { stage: string | null; pipeline: string | null; status: DealStatus | null }): { pipeline: Pipeline; stage: Stage; status: DealStatus } {
  const pipeline = (row.pipeline ? pipelines.find((p) => squash(p.name) === squash(row.pipeline ?? '') || p.id === row.pipeline) : undefined) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
  if (!pipeline) throw new CrmError('unavailable', 'This hub has no pipeline to import deals into.');
  const last = pipeline.stages[pipeline.stages.length - 1] ?? pipeline.stages[0]!;
  const mapped = row.stage === null ? undefined : Object.entries(stages).find(([name]) => squash(name) === squash(row.stage ?? ''))?.[1];
  const wanted = squash(mapped ?? row.stage ?? '');
  const closed: DealStatus | null = WON.has(wanted) ? 'won' : LOST.has(wanted) ? 'lost' : null;
  const stage = wanted === '' ? pipeline.stages[0] : pipeline.stages.find((s) => squash(s.id) === wanted || squash(s.name) === wanted);
  const status = row.status ?? closed ?? 'open';
  if (stage) return { pipeline, stage, status };
  if (closed || status === 'won' || status === 'lost') return { pipeline, stage: last, status };
  throw new CrmError('invalid_input', `Unknown stage: "${row.stage}" is no stage of ${pipeline.name} (${pipeline.stages.map((s) => s.name).join(', ')}); map it to one with the stage mapping, e.g. "${row.stage}=${pipeline.stages[0]?.id ?? 'lead'}".`);
}
