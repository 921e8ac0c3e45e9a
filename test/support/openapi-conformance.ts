import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** Headers the hub itself sets: each one it sends must be declared on the answer it is sent with. */
const OWN_HEADERS = ['etag', 'retry-after', 'www-authenticate', 'idempotent-replayed', 'x-content-type-options'];

/** One way a real answer differs from the OpenAPI document. */
export interface Mismatch {
  request: string;
  problem: string;
}

/**
 * Checks real answers against an OpenAPI 3.1 document: the operation exists, the status is
 * declared for it, every header the hub sets is declared (and required ones are present, and
 * each matches its schema), the content type is declared, and the body validates against the
 * declared JSON Schema (draft 2020-12, with formats) by Ajv.
 */
export class OpenApiConformance {
  readonly mismatches: Mismatch[] = [];
  /** "operationId status" of every answer checked. */
  readonly seen = new Set<string>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ReturnType<Ajv2020['compile']>>();
  private readonly operations: Array<{ method: string; template: string; pattern: RegExp; literal: number; id: string; responses: Record<string, Json> }> = [];

  constructor(private readonly document: Json) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
        this.operations.push({ method: method.toUpperCase(), template: path, pattern, literal: path.replace(/\{\w+\}/g, '').length, id: operation.operationId as string, responses: operation.responses as Record<string, Json> });
      }
    }
    // A literal segment wins over a parameter: /reminders/due before /reminders/{id}.
    this.operations.sort((a, b) => b.literal - a.literal);
  }

  /** Operation ids in the document. */
  get operationIds(): string[] {
    return this.operations.map((o) => o.id);
  }

  /** The method and path template of an operation. */
  operationOf(id: string): [string, string] {
    const operation = this.operations.find((o) => o.id === id);
    if (!operation) throw new Error(`No operation ${id}`);
    return [operation.method, operation.template];
  }

  check(method: string, url: string, status: number, headers: Headers, text: string): void {
    const path = new URL(url, 'http://hub').pathname;
    const request = `${method} ${path} → ${status}`;
    const fail = (problem: string): void => {
      this.mismatches.push({ request, problem });
    };
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) return fail('no such operation in the document');
    this.seen.add(`${operation.id} ${status}`);
    const declared = operation.responses[String(status)] ?? operation.responses.default;
    if (!declared) return fail(`status ${status} is not declared for ${operation.id}`);
    const declaredHeaders = Object.fromEntries(Object.entries((declared.headers ?? {}) as Record<string, Json>).map(([name, h]) => [name.toLowerCase(), this.deref(h)]));
    for (const name of OWN_HEADERS) {
      const value = headers.get(name);
      const spec = declaredHeaders[name];
      if (value !== null && !spec) fail(`sends ${name} without declaring it`);
      if (value === null && spec?.required === true) fail(`declares ${name} as required but does not send it`);
      if (value !== null && spec?.schema && !this.ajv.validate(spec.schema as Json, value)) fail(`${name}: ${value} does not match its schema`);
    }
    const content = declared.content as Record<string, { schema?: Json }> | undefined;
    if (text === '') {
      if (content) fail('answers with no body, but the document declares one');
      return;
    }
    const mediaType = (headers.get('content-type') ?? '').split(';')[0]!.trim();
    const schema = content?.[mediaType]?.schema;
    if (!content?.[mediaType]) return fail(`content type ${mediaType} is not declared (declared: ${Object.keys(content ?? {}).join(', ') || 'none'})`);
    if (!schema) return;
    const key = `${operation.id} ${status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      // The document's components ride along so that "#/components/…" references resolve.
      validate = this.ajv.compile({ ...schema, components: this.document.components });
      this.compiled.set(key, validate);
    }
    if (!validate(JSON.parse(text))) fail(`body: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }

  private deref(value: Json): Json {
    const ref = value.$ref;
    if (typeof ref !== 'string') return value;
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>((node, key) => node[key] as Json, this.document);
  }
}
