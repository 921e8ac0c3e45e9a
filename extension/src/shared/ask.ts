import { runtime } from '../platform/browser.js';
import { Response, type Request } from './protocol.js';

/** A refusal from the worker, with its code (conflict, forbidden, unavailable, …) and message. */
export class AskError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Asks the background worker; resolves with its answer or throws an AskError. */
export async function ask<T>(request: Request): Promise<T> {
  const answer = Response.safeParse(await runtime.send(request));
  if (!answer.success) throw new AskError('unavailable', 'Rapport did not answer. Reload Gmail if this keeps happening.');
  if (!answer.data.ok) throw new AskError(answer.data.error.code, answer.data.error.message);
  return answer.data.data as T;
}
