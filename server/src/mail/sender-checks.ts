import type { Headers } from 'mailparser';

/** What the servers before this hub said about the sender, as recorded on the activity. */
export interface SenderChecks {
  /** Each Authentication-Results header: who checked (its authserv-id) and the results it gives. */
  results: Array<{ by: string; spf: string | null; dkim: string | null; dmarc: string | null; dkimDomain: string | null }>;
  /** The Received-SPF header's verdict (pass, fail, softfail, …), if any. */
  receivedSpf: string | null;
  /** Whether a DKIM pass is reported for the From address's own domain (or a parent of it). */
  dkimAlignsWithFrom: boolean;
}

const MAX_RESULT_HEADERS = 5;

const texts = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

const method = (header: string, name: string): string | null => header.match(new RegExp(`(?:^|[;\\s])${name}\\s*=\\s*([a-z]+)`, 'i'))?.[1]?.toLowerCase() ?? null;

/**
 * Reads the sender checks from the headers as received. Nothing here is verified by Rapport:
 * any sender can write an Authentication-Results header, so the results are recorded with who
 * claims them, for the rep to weigh, and never decide whether mail is logged.
 */
export function senderChecks(headers: Headers, from: string | null): SenderChecks {
  const results = texts(headers.get('authentication-results'))
    .slice(0, MAX_RESULT_HEADERS)
    .map((header) => ({
      by: (header.split(';')[0] ?? '').trim().split(/\s+/)[0]?.slice(0, 100) ?? '',
      spf: method(header, 'spf'),
      dkim: method(header, 'dkim'),
      dmarc: method(header, 'dmarc'),
      dkimDomain: header.match(/header\.d\s*=\s*([a-z0-9.-]+)/i)?.[1]?.toLowerCase() ?? null,
    }));
  const receivedSpf = texts(headers.get('received-spf'))[0]?.trim().split(/\s+/)[0]?.toLowerCase() ?? null;
  const fromDomain = from?.split('@')[1] ?? null;
  const dkimAlignsWithFrom =
    fromDomain !== null && results.some((r) => r.dkim === 'pass' && r.dkimDomain !== null && (fromDomain === r.dkimDomain || fromDomain.endsWith(`.${r.dkimDomain}`)));
  return { results, receivedSpf, dkimAlignsWithFrom };
}

/** The checks as one line of the activity: "Sender checks (reported by mx.example, not verified by Rapport): spf=pass dkim=pass (acme.example) dmarc=pass". */
export function describeChecks(checks: SenderChecks): string {
  const parts = checks.results.map((r) => {
    const found = [r.spf && `spf=${r.spf}`, r.dkim && `dkim=${r.dkim}${r.dkimDomain ? ` (${r.dkimDomain})` : ''}`, r.dmarc && `dmarc=${r.dmarc}`].filter(Boolean).join(' ');
    return `reported by ${r.by || 'an unnamed server'}: ${found || 'no SPF, DKIM or DMARC result'}`;
  });
  if (checks.receivedSpf) parts.push(`Received-SPF: ${checks.receivedSpf}`);
  if (parts.length === 0) return 'Sender checks: none in the headers (not verified by Rapport).';
  return `Sender checks, not verified by Rapport — ${parts.join('; ')}; DKIM for the From domain: ${checks.dkimAlignsWithFrom ? 'yes' : 'no'}.`;
}
