import { CrmError } from '../shared/errors.js';
import { EXPORT_PROFILES } from './import-profiles.js';
import { FIELDS_OF, FileMapping, type ColumnMapping } from './import.schema.js';

/** How a file was understood from its header row. */
export interface RecognisedFile {
  mapping: FileMapping;
  /** "HubSpot contacts", or "a custom mapping". */
  label: string;
  /** Columns no field takes: listed in the preview, and they can become custom fields. */
  unknownColumns: string[];
}

/** Headers compare without regard to case, a byte-order mark or runs of spaces. */
export const headerKey = (header: string): string => header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Recognises a standard export of HubSpot, Salesforce, Pipedrive or Rapport by its headers:
 * the profile whose signature headers are all there, the one with most columns in common when
 * several are. Null when none fits: the file then needs a mapping the person confirms.
 */
export function recogniseHeaders(headers: readonly string[]): RecognisedFile | null {
  const present = new Map(headers.map((h) => [headerKey(h), h] as const));
  let best: { profile: (typeof EXPORT_PROFILES)[number]; score: number } | null = null;
  for (const profile of EXPORT_PROFILES) {
    if (!profile.signature.every((s) => present.has(headerKey(s)))) continue;
    const score = Object.keys(profile.columns).filter((c) => present.has(headerKey(c))).length;
    if (!best || score > best.score) best = { profile, score };
  }
  if (!best) return null;
  const known = new Map(Object.entries(best.profile.columns).map(([column, field]) => [headerKey(column), field] as const));
  const columns: ColumnMapping[] = [];
  const unknownColumns: string[] = [];
  for (const header of headers) {
    const field = known.get(headerKey(header));
    if (field) columns.push({ column: header, target: 'field', field });
    else {
      columns.push({ column: header, target: 'ignore' });
      if (header.trim() !== '') unknownColumns.push(header);
    }
  }
  return { mapping: { source: best.profile.source, kind: best.profile.kind, columns }, label: best.profile.label, unknownColumns };
}

/**
 * Checks a mapping the person confirmed against the file's headers: every column it names is
 * in the file and every field fits the kind of file. Columns it leaves out are ignored.
 */
export function checkMapping(headers: readonly string[], input: unknown, file: string): RecognisedFile {
  const parsed = FileMapping.safeParse(input);
  if (!parsed.success) {
    throw new CrmError('invalid_input', `The mapping for ${file} is not valid.`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const mapping = parsed.data;
  const present = new Set(headers.map(headerKey));
  const issues = mapping.columns.flatMap((c, i) => {
    if (!present.has(headerKey(c.column))) return [{ path: `columns.${i}.column`, message: `${file} has no column "${c.column}".` }];
    if (c.target === 'field' && !FIELDS_OF[mapping.kind].includes(c.field)) return [{ path: `columns.${i}.field`, message: `A ${mapping.kind} file has no field "${c.field}"; use one of ${FIELDS_OF[mapping.kind].join(', ')}.` }];
    return [];
  });
  if (issues.length > 0) throw new CrmError('invalid_input', `The mapping for ${file} does not fit the file.`, { issues });
  const mapped = new Set(mapping.columns.map((c) => headerKey(c.column)));
  return { mapping, label: 'a custom mapping', unknownColumns: headers.filter((h) => h.trim() !== '' && !mapped.has(headerKey(h))) };
}
