import fc from 'fast-check';

/** The part of JSON Schema the hub's OpenAPI document uses for parameters and bodies. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  additionalProperties?: unknown;
}

/** Values that broke hubs before, or sit at the edge of a type: the calendar's ends, integer limits, odd text. */
const EDGE_TEXT = [
  '', ' ', '\u0000', 'a\u0000b', '💥', '王', 'Ñandú', '\uD800', '%', '%00', '../..', "'; drop table deals; --", '<script>', 'null', 'NaN', 'Infinity', '-0',
  '0000-01-01', '1899-12-31', '1900-01-01', '9000-12-31', '9001-01-01', '9999-12-31', '2026-02-30', '2026-13-01',
  '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+102025-01-01T00:00:00Z', '2026-11-24T09:00:00+14:00', '2026-11-24T09:00:00-12:00',
  'in 99999 years', 'tomorrow 9am', '明天上午9点', 'yesterday', '1h',
  'me', 'team', 'all', 'company', 'usr_zzz', 'team_zzz', 'deal_0', 'UTC', 'Etc/GMT+12', 'Not/AZone',
  'ZZZ', 'BTC', 'usd', 'JPY', 'XXX', 'ann@rapport.test', 'a@b.c', '@', 'x'.repeat(65), 'acme.com',
];
const EDGE_NUMBERS = [0, -1, 1, 0.5, -0, 99, 100, 101, 365, 366, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e13, 1e13 + 1, 1e308, -1e308, Number.MIN_VALUE];

const edgeText = fc.constantFrom(...EDGE_TEXT);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.constantFrom<unknown>(null, true, false, [], {}, ...EDGE_NUMBERS),
  edgeText,
);

/** Text of a length around `max`: just inside, at, and past the limit. */
function aroundLength(max: number): fc.Arbitrary<string> {
  return fc.constantFrom(max - 1, max, max + 1, max * 2 + 7).map((n) => 'ü'.repeat(Math.max(0, Math.min(n, 30_000))));
}

/** The ends of the calendar, where period arithmetic breaks first. */
const DATE_EDGES = ['0000-01-01', '0001-01-01', '1899-12-31', '1900-01-01', '9000-12-31', '9001-01-01', '9999-12-27', '9999-12-31'];
const TIME_EDGES = ['T00:00:00Z', 'T23:59:59Z', 'T23:59:59.999+14:00', 'T00:00:00-12:00'];
const MONTH_EDGES = ['0000-01', '1899-12', '1900-01', '9000-12', '9001-01', '9999-12'];

function calendarEdges(schema: JsonSchema): fc.Arbitrary<string> | null {
  if (schema.format === 'date') return fc.constantFrom(...DATE_EDGES);
  if (schema.format === 'date-time') return fc.tuple(fc.constantFrom(...DATE_EDGES), fc.constantFrom(...TIME_EDGES)).map(([d, t]) => d + t);
  if (schema.pattern?.includes('(0[1-9]|1[0-2])$')) return fc.constantFrom(...MONTH_EDGES);
  return null;
}

/**
 * Good values for fields whose rule no schema keyword states (a time zone, a currency): most
 * requests must pass validation as a whole to reach the code behind it, so each field is mostly
 * valid and only sometimes wrong.
 */
const GOOD_BY_NAME: Record<string, string[]> = {
  timeZone: ['UTC', 'Europe/Berlin', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/St_Johns'],
  currency: ['EUR', 'USD', 'JPY', 'KWD', 'CNY'],
  email: ['ann@rapport.test', 'fay@fuzz.example', 'nobody@nowhere.example'],
  emails: ['fay@fuzz.example', 'new@fuzz.example'],
  domains: ['fuzz.example', 'other.example'],
  due: ['tomorrow 9am', 'in 3 days', 'in 99999 years', 'next monday', '明天上午9点'],
  for: ['1h', 'tomorrow', 'in 7000 years'],
  q: ['fuzz', 'f', '王', 'fay@fuzz.example'],
  stageId: ['lead', 'demo', 'proposal', 'negotiation'],
  scope: ['me', 'team', 'all'],
};

function stringOf(schema: JsonSchema, name: string | undefined): fc.Arbitrary<string> {
  const edges = calendarEdges(schema);
  const good = name === undefined ? undefined : GOOD_BY_NAME[name];
  const likely = edges ?? (good ? fc.constantFrom(...good) : null);
  return likely ? fc.oneof({ weight: 4, arbitrary: likely }, { weight: 2, arbitrary: anyStringOf(schema) }) : anyStringOf(schema);
}

function anyStringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const options: Array<fc.Arbitrary<string>> = [edgeText, fc.string({ unit: 'binary', maxLength: 40 })];
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const matching = fc.stringMatching(pattern).filter((s) => s.length <= 400);
    options.push(matching, matching, matching, matching);
  }
  if (schema.format === 'date') options.push(fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)).filter((d) => !d.startsWith('-') && !d.startsWith('+')));
  if (schema.format === 'date-time') options.push(fc.date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true }).map((d) => d.toISOString()).filter((d) => !d.startsWith('-') && !d.startsWith('+')));
  if (schema.maxLength !== undefined) options.push(aroundLength(schema.maxLength));
  else options.push(aroundLength(20_000));
  return fc.oneof(...options);
}

function numberOf(schema: JsonSchema): fc.Arbitrary<number> {
  const integer = schema.type === 'integer';
  const edges = [schema.minimum, schema.maximum]
    .filter((n): n is number => n !== undefined)
    .flatMap((n) => [n - 1, n, n + 1]);
  return fc.oneof(
    fc.constantFrom(...EDGE_NUMBERS, ...edges),
    integer ? fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, Number.MAX_SAFE_INTEGER) }) : fc.double({ noNaN: true }),
  );
}

/**
 * Values for a JSON Schema: mostly shaped like it (so requests reach the code behind the
 * validation), with edges, wrong types and junk mixed in at every level.
 */
export function valueOf(schema: JsonSchema, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => valueOf(v, depth, name)));
  const shaped = shapedValueOf(schema, depth, name);
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

function shapedValueOf(schema: JsonSchema, depth: number, name: string | undefined): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: edgeText });
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case 'string':
      return stringOf(schema, name);
    case 'integer':
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items && depth < 4 ? valueOf(schema.items, depth + 1, name) : junk, { maxLength: Math.min((schema.maxItems ?? 5) + 1, 8) });
    case 'object':
      return objectOf(schema, depth);
    default:
      return junk;
  }
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, depth < 4 ? valueOf(property, depth + 1, name) : junk]));
  return fc.tuple(fc.record(fields, { requiredKeys: [...required] }), fc.option(fc.tuple(fc.string({ maxLength: 8 }), junk), { freq: 8 })).map(([record, extra]) => {
    const out: Record<string, unknown> = { ...record };
    if (extra) out[extra[0]] = extra[1];
    return out;
  });
}

/** A query-string value: what a value looks like as text, as browsers and scripts send it. */
export function asQueryValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
  return JSON.stringify(value) ?? '';
}
