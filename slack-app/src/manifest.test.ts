import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderManifest } from './manifest.js';

describe('the Slack app manifest', () => {
  it('is the file an admin pastes, and points every URL at the hub', () => {
    const file = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
    expect(file).toBe(renderManifest('https://rapport.example.com'));
    const mine = renderManifest('https://crm.acme.example/');
    expect(mine.match(/https:\/\/crm\.acme\.example\/slack\/events/g)).toHaveLength(4);
    expect(mine).toContain('callback_id: save_message_to_crm');
    expect(mine).toContain('- users:read.email');
  });
});
