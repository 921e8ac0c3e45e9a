import { describe, expect, it } from 'vitest';
import { closestCommands, editDistance } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['dael', 'deal', 1],
    ['', 'abc', 3],
    ['find', 'find', 0],
    ['华为', '华为技术', 2],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestCommands', () => {
  it.each([
    ['fnd', ['find']],
    ['FIDN', ['find']],
    ['dael', ['deal']],
    ['deals', ['deal']],
    ['hlep', ['help']],
    ['remnid', ['remind']],
    ['pipline', ['pipeline']],
    ['pipe', ['pipeline']],
    ['de', ['deal']],
  ])('suggests %j → %j', (word, expected) => {
    expect(closestCommands(word)).toEqual(expected);
  });

  it('suggests nothing for a word far from every command', () => {
    expect(closestCommands('xyz')).toEqual([]);
    expect(closestCommands('banana')).toEqual([]);
    expect(closestCommands('')).toEqual([]);
  });
});
