/** How much data a benchmark runs on. Later benchmarks print their figures at both sizes. */
export interface DatasetSize {
  name: DatasetName;
  accounts: number;
  contacts: number;
  deals: number;
  activities: number;
}

export type DatasetName = '10k' | '100k';

export const DATASET_NAMES: readonly DatasetName[] = ['10k', '100k'];

const SIZES: Record<DatasetName, Omit<DatasetSize, 'name'>> = {
  '10k': { accounts: 5_000, contacts: 10_000, deals: 10_000, activities: 20_000 },
  '100k': { accounts: 50_000, contacts: 100_000, deals: 100_000, activities: 200_000 },
};

/** A size by name ("10k" or "100k" deals), optionally with another number of activities (1,000,000 for analytics). */
export function datasetSize(name: string, activities?: number): DatasetSize {
  if (name !== '10k' && name !== '100k') throw new Error(`Unknown dataset size "${name}": use ${DATASET_NAMES.join(' or ')}.`);
  return { name, ...SIZES[name], ...(activities !== undefined ? { activities } : {}) };
}

/** "1m", "250k" or "5000" as a number. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`Not a count: "${text}" (use 5000, 250k or 1m).`);
  const factor = match[2]?.toLowerCase() === 'm' ? 1_000_000 : match[2]?.toLowerCase() === 'k' ? 1_000 : 1;
  return Math.round(Number(match[1]) * factor);
}
