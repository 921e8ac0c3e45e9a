import { describe, expect, it } from 'vitest';
import { leadingDuration } from './due-durations.js';
import { chineseNumber, rewriteDueWords } from './due-words.js';

describe('chineseNumber', () => {
  it.each([
    ['3', 3],
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
  ])('%j is %i', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });

  it.each(['', '二五', '百', 'abc'])('%j is not a number it reads', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});

describe('rewriteDueWords', () => {
  const today = '2026-11-18'; // a Wednesday

  it('turns words chrono reads differently into plain dates and times', () => {
    expect(rewriteDueWords('tomorrow morning', today).text).toBe('tomorrow 9am');
    expect(rewriteDueWords('next week', today).text).toBe('2026-11-23');
    expect(rewriteDueWords('Next Week Friday 2pm', today).text).toBe('2026-11-27 2pm');
    expect(rewriteDueWords('tonight', today).text).toBe('today 8pm');
    expect(rewriteDueWords('eod', today).text).toBe('5pm');
    expect(rewriteDueWords('下周一下午3点', today).text).toBe('2026-11-23 下午3点');
    expect(rewriteDueWords('两周后', today).text).toBe('2026-12-02 ');
    expect(rewriteDueWords('明天下午', today).text).toBe('明天下午3点');
  });

  it('leaves a part of the day with a time after it, and words inside other words, alone', () => {
    expect(rewriteDueWords('tomorrow morning at 10', today).text).toBe('tomorrow morning at 10');
    expect(rewriteDueWords('geode nightly', today).text).toBe('geode nightly');
    expect(rewriteDueWords('下午3点', today).text).toBe('下午3点');
  });

  it('maps positions back to the words typed', () => {
    const text = 'tomorrow morning call Ann';
    const rewritten = rewriteDueWords(text, today);
    expect(rewritten.text).toBe('tomorrow 9am call Ann');
    const end = rewritten.toOriginal('tomorrow 9am'.length, 'end');
    expect(text.slice(0, end)).toBe('tomorrow morning');
    expect(rewritten.toOriginal('tomorrow 9am call'.length, 'end')).toBe('tomorrow morning call'.length);
    expect(rewritten.toOriginal(0, 'start')).toBe(0);
  });
});

describe('leadingDuration', () => {
  it.each([
    ['in 2 hours', 2 * 60],
    ['1h', 60],
    ['30m', 30],
    ['1h30m call Ann', 90],
    ['1.5 hours', 90],
    ['in 1 hour and 15 minutes', 75],
    ['half an hour', 30],
    ['an hour from now', 60],
    ['2小时后', 120],
    ['半小时后', 30],
    ['一个半小时后', 90],
    ['十分钟后', 10],
  ])('%j is %i minutes', (text, minutes) => {
    expect(leadingDuration(text)?.ms).toBe(minutes * 60_000);
  });

  it('reads only from the start, and only hours and minutes', () => {
    expect(leadingDuration('call in 2 hours')).toBeNull();
    expect(leadingDuration('in 3 days')).toBeNull();
    expect(leadingDuration('10 more emails')).toBeNull();
    expect(leadingDuration('9am')).toBeNull();
    expect(leadingDuration('0m')).toBeNull();
    expect(leadingDuration('30m call Ann')?.length).toBe(3);
  });
});
