// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typeAhead } from './type-ahead.js';

describe('searching as a name is typed', () => {
  let input: HTMLInputElement;
  let searched: string[];
  let shown: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    input = document.createElement('input');
    searched = [];
    shown = [];
    const people = ['王芳', '王伟', 'Zoë Ångström'];
    typeAhead(
      input,
      async (q) => {
        searched.push(q);
        return people.filter((p) => p.startsWith(q));
      },
      (_q, found) => shown.push(found.join(',')),
      () => shown.push('(cleared)'),
    );
  });
  afterEach(() => vi.useRealTimers());

  const type = (value: string): void => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('finds 王芳 from one character', async () => {
    type('王');
    await vi.runAllTimersAsync();
    expect(searched).toEqual(['王']);
    expect(shown).toEqual(['王芳,王伟']);
  });

  it('searches once for what is in the box after a pause, not for every key', async () => {
    type('王');
    type('王芳');
    await vi.runAllTimersAsync();
    expect(searched).toEqual(['王芳']);
    expect(shown).toEqual(['王芳']);
  });

  it('clears the results when the box is emptied, and shows no late answer', async () => {
    type('Z');
    type('');
    await vi.runAllTimersAsync();
    expect(searched).toEqual([]);
    expect(shown).toEqual(['(cleared)']);
  });
});
