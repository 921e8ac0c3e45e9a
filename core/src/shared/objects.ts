/** The entries of `value` that are not undefined: turns a parsed patch into the changes it makes. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
