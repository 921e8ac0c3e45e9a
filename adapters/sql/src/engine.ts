/** What differs between the two SQL engines, kept in one place. */
export interface Engine {
  readonly kind: 'sqlite' | 'postgres';
  /** A boolean as the engine stores it. */
  bool(value: boolean): number | boolean;
  /** A JSON value as the text the engine is given. */
  json(value: unknown): string;
  nullableJson(value: unknown): string | null;
  /** A JSON column as the engine returns it, parsed. */
  readJson<T>(value: unknown): T;
  readNullableJson<T>(value: unknown): T | null;
}

const stringify = (value: unknown): string => JSON.stringify(value ?? null);

export const sqliteEngine: Engine = {
  kind: 'sqlite',
  bool: (value) => (value ? 1 : 0),
  json: stringify,
  nullableJson: (value) => (value === null || value === undefined ? null : stringify(value)),
  readJson: <T>(value: unknown): T => JSON.parse(String(value)) as T,
  readNullableJson: <T>(value: unknown): T | null => (value === null ? null : (JSON.parse(String(value)) as T)),
};

export const postgresEngine: Engine = {
  kind: 'postgres',
  bool: (value) => value,
  json: stringify,
  nullableJson: (value) => (value === null || value === undefined ? null : stringify(value)),
  readJson: <T>(value: unknown): T => value as T,
  readNullableJson: <T>(value: unknown): T | null => (value ?? null) as T | null,
};

/** Reads a boolean column on either engine. */
export const readBool = (value: unknown): boolean => value === true || value === 1;
