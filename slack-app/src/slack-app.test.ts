import { MemoryStore, createServices, systemClock, TimeOrderedIds } from '@rapport/core';
import { describe, expect, it } from 'vitest';
import { createSlackApp } from './slack-app.js';

describe('createSlackApp', () => {
  it('serves HTTP by default, and uses Socket Mode when given an app token', () => {
    const store = new MemoryStore();
    const services = createServices({ store, clock: systemClock, ids: new TimeOrderedIds() });
    const base = { services, store, signingSecret: 'secret', botToken: 'xoxb-test' };
    expect(createSlackApp(base).fetch).toBeTypeOf('function');
    const socket = createSlackApp({ ...base, appToken: 'xapp-1-test' });
    expect(socket.fetch).toBeNull();
    expect(socket.notifier.channel).toBe('slack');
  });
});
