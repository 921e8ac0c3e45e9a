import type { z } from 'zod';
import { CrmError, type FieldIssue } from './errors.js';

const TYPE_NAMES: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

/** What a value is, in the words of a JSON author: "a string", "a list", "null". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a number with a fraction';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** A wrong type says what was expected and what came; only a missing value is "Required". */
function typeMessage(issue: z.core.$ZodIssueInvalidType): string {
  if (!('input' in issue) || issue.input === undefined) return 'Required.';
  // zod's own wording starts "Invalid input"; a schema's own message (such as a format hint) is kept.
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  return `Expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${kindOf(issue.input)}.`;
}

/** Turns zod issues into field issues people can act on. Parse with `reportInput` so wrong types can be named. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    if (issue.code === 'invalid_type') message = typeMessage(issue);
    return { path: path || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''), message };
  });
}

/** Parses input with a schema or throws `invalid_input` naming each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid.';
  throw new CrmError('invalid_input', `Invalid ${what}. ${summary}`, { issues });
}
