// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderCard } from './card-view.js';

const person = { name: 'Payroll', email: 'run@payroll.example' };

describe('a person\'s card', () => {
  it('says an address on the never-log list is never logged, instead of looking it up forever', () => {
    const { root } = renderCard(person, { email: person.email, card: null, savedAt: null, fresh: true, neverLogged: true });
    expect(root.textContent).toContain('Never logged: this address is on your never-log list.');
    expect(root.textContent).not.toContain('Looking up');
  });

  it('says it is looking up a person it has never seen, and that they are not in Rapport once the answer came', () => {
    expect(renderCard(person, { email: person.email, card: null, savedAt: null, fresh: false }).root.textContent).toContain('Looking up…');
    expect(renderCard(person, { email: person.email, card: null, savedAt: '2026-03-02T08:00:00.000Z', fresh: true }).root.textContent).toContain('Not in Rapport yet');
  });
});
