import type { z } from 'zod';
import { CrmError, type FieldIssue } from './errors.js';

/** Turns zod issues into field issues people can act on. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    if (issue.code === 'invalid_type' && issue.input === undefined) message = 'Required.';
    return { path: path || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''), message };
  });
}

/** Parses input with a schema or throws `invalid_input` naming each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid.';
  throw new CrmError('invalid_input', `Invalid ${what}. ${summary}`, { issues });
}
