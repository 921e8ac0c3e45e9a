/** A record planned before it exists: its id is filled in when the step creating it runs. */
export interface Ref {
  id: string | null;
}

export function idOf(ref: Ref, what: string): string {
  if (ref.id === null) throw new Error(`The demo plan used a ${what} before creating it`);
  return ref.id;
}
