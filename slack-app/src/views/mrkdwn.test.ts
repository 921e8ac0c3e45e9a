import { describe, expect, it } from 'vitest';
import { esc, escapeText, fit, fitMrkdwn } from './mrkdwn.js';

describe('mrkdwn text', () => {
  it('escapes the three characters Slack reads as controls, so names never ping or link', () => {
    expect(escapeText('<!channel> & <@U123> <https://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;');
    expect(esc('华为 & José')).toBe('华为 &amp; José');
  });

  it('cuts long text with an ellipsis, never inside an emoji, an entity or a link', () => {
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('ab😀cd', 4)).toBe('ab…');
    expect(fitMrkdwn('ab &amp; cd', 6)).toBe('ab …');
    expect(fitMrkdwn('see <https://x.example/a|link> now', 12)).toBe('see …');
    expect(esc('x'.repeat(600), 500)).toHaveLength(500);
  });
});
