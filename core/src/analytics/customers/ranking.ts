/**
 * SQL's RANK() over ascending numbers, without a comparator sort: each value's rank is 1 + how
 * many values are strictly smaller. Small non-negative integers (order counts) are counted;
 * other numbers (amounts) are sorted as a typed array and each rank found by binary search.
 */
export function rankNumbers(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const rank = new Int32Array(n);
  let max = 0;
  let countable = true;
  for (let i = 0; i < n; i += 1) {
    const v = values[i] as number;
    if (!Number.isInteger(v) || v < 0) {
      countable = false;
      break;
    }
    if (v > max) max = v;
  }
  if (countable && max <= 4 * n + 1_024) {
    // below[v] = how many values are less than v.
    const below = new Int32Array(max + 2);
    for (let i = 0; i < n; i += 1) {
      const above = (values[i] as number) + 1;
      below[above] = (below[above] as number) + 1;
    }
    for (let v = 1; v < below.length; v += 1) below[v] = (below[v] as number) + (below[v - 1] as number);
    for (let i = 0; i < n; i += 1) rank[i] = (below[values[i] as number] as number) + 1;
    return rank;
  }
  const sorted = Float64Array.from(values).sort();
  for (let i = 0; i < n; i += 1) rank[i] = lowerBound(sorted, values[i] as number) + 1;
  return rank;
}

/** How many of the sorted values are less than `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * `Date.parse` of an instant, read field by field when it is written as `toISOString` writes it
 * (`2026-06-01T09:30:00.000Z`) with a day of the month that every month has: several times
 * faster, the same number. Anything else goes to `Date.parse`.
 */
export function instantMs(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46 || iso.charCodeAt(23) !== 90) return Date.parse(iso);
  for (const i of DIGIT_POSITIONS) {
    const c = iso.charCodeAt(i);
    if (c < 48 || c > 57) return Date.parse(iso);
  }
  const d = (i: number): number => iso.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const hour = d(11) * 10 + d(12);
  const minute = d(14) * 10 + d(15);
  const second = d(17) * 10 + d(18);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return Date.parse(iso);
  return Date.UTC(year, month - 1, day, hour, minute, second, d(20) * 100 + d(21) * 10 + d(22));
}
