import { COMMAND_NAMES, type CommandName } from './command.schema.js';

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment),
 * so "dael" is one edit from "deal". Compares code points, so any script works.
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= x.length; i += 1) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(x.length, y.length);
}

/**
 * The commands a mistyped word was probably meant to be, best first: those within a few
 * edits (about one per three letters) and those it is the start of ("pipe" → pipeline).
 */
export function closestCommands(word: string): CommandName[] {
  const folded = word.toLowerCase();
  if (folded.length === 0 || folded.length > 40) return [];
  const limit = Math.max(1, Math.floor(Array.from(folded).length / 3));
  return COMMAND_NAMES.map((name) => ({ name, distance: editDistance(folded, name) }))
    .filter(({ name, distance }) => distance <= limit || (folded.length >= 2 && name.startsWith(folded)))
    .sort((a, b) => a.distance - b.distance)
    .map(({ name }) => name);
}
