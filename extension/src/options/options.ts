import { ask } from '../shared/ask.js';
import { permissions } from '../platform/browser.js';
import { fill } from '../content/ui/dom.js';
import type { Settings } from '../shared/protocol.js';

const $ = <T extends HTMLElement = HTMLInputElement>(id: string): T => document.getElementById(id) as T;
const say = (text: string, kind: 'ok' | 'error' | 'muted' = 'muted'): void => {
  fill($('message'), text);
  $('message').className = kind;
};
const mode = (): Settings['mode'] => ($('mode-local').checked ? 'local' : $('mode-hub').checked ? 'hub' : 'unset');
const showMode = (): void => {
  $('hub').hidden = mode() !== 'hub';
  $('local').hidden = mode() !== 'local';
};

/** The hub's origin, which is the only host the extension asks to reach. */
function hubOrigin(): string | null {
  try {
    const url = new URL($('hubUrl').value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

async function load(): Promise<void> {
  const s = await ask<Settings>({ type: 'settings.get' });
  $('mode-hub').checked = s.mode === 'hub';
  $('mode-local').checked = s.mode === 'local';
  $('hubUrl').value = s.hubUrl;
  $('token').value = s.token;
  $('localName').value = s.localName;
  $('localEmail').value = s.localEmail;
  $<HTMLTextAreaElement>('neverLog').value = s.neverLog.join('\n');
  showMode();
  $<HTMLFieldSetElement>('settings').disabled = false;
}

/** Asks for the hub's origin (from the click, as browsers require) and checks the token against it. */
async function check(): Promise<boolean> {
  const origin = hubOrigin();
  if (!origin) {
    say('Type the hub address, such as https://rapport.example.com.', 'error');
    return false;
  }
  if (!(await permissions.has(origin)) && !(await permissions.request(origin))) {
    say(`Rapport needs your permission to reach ${origin}.`, 'error');
    return false;
  }
  try {
    const me = await ask<{ name: string; email: string }>({ type: 'connection.check', hubUrl: origin, token: $('token').value.trim() });
    say(`Connected as ${me.name} (${me.email}).`, 'ok');
    return true;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
    return false;
  }
}

async function save(): Promise<void> {
  const chosen = mode();
  if (chosen === 'hub' && !(await check())) return;
  if (chosen === 'local' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test($('localEmail').value.trim())) return say('Give your email address: local mode keeps it as the owner of your records.', 'error');
  const neverLog = $<HTMLTextAreaElement>('neverLog').value.split(/[\s,;]+/).map((v) => v.trim().toLowerCase()).filter(Boolean);
  await ask({ type: 'settings.save', settings: { mode: chosen, hubUrl: hubOrigin() ?? '', token: $('token').value.trim(), localName: $('localName').value.trim(), localEmail: $('localEmail').value.trim().toLowerCase(), neverLog } });
  await ask({ type: 'sync.now' }).catch(() => undefined);
  say(chosen === 'local' ? 'Saved. Your CRM now lives in this browser.' : chosen === 'hub' ? 'Saved. Open a thread in Gmail to see your customers.' : 'Saved.', 'ok');
}

async function download(format: 'json' | 'csv'): Promise<void> {
  try {
    const file = await ask<{ filename: string; mime: string; text: string }>({ type: 'export', format });
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const link = Object.assign(document.createElement('a'), { href: url, download: file.filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Exported ${file.filename}.`, 'ok');
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
  }
}

$('mode-hub').addEventListener('change', showMode);
$('mode-local').addEventListener('change', showMode);
$('check').addEventListener('click', () => void check());
$('save').addEventListener('click', () => void save());
$('export-json').addEventListener('click', () => void download('json'));
$('export-csv').addEventListener('click', () => void download('csv'));
void load();
