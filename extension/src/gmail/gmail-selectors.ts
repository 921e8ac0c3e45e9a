/**
 * Every CSS selector the extension uses on Gmail's page, in one place. Gmail's class names are
 * minified and change; when they do, this file and its fixtures are what to update.
 *
 * - `h2.hP` is the thread's subject; it carries `data-legacy-thread-id` (hex) and
 *   `data-thread-perm-id` ("thread-f:<decimal>").
 * - An expanded message is `div.adn` (with `.ads`) carrying `data-message-id` ("#msg-f:<decimal>")
 *   and `data-legacy-message-id` (the same id in hex). Its sender is `span.gD` with `email` and
 *   `name` attributes; recipients are `span.g2` with the same attributes; `span.g3` carries the
 *   date in its `title`; the body is `div.a3s`.
 * - A collapsed message is a `div.kv` row whose sender is the `[email]` element inside it.
 * - The reading pane shows the same thread markup inside the list view; conversation view off
 *   shows one message per view. Both are found the same way: the subject heading inside the main pane.
 */
export const SELECTORS = {
  main: 'div[role="main"]',
  subject: 'h2.hP',
  expandedMessage: 'div.adn[data-message-id], div.adn[data-legacy-message-id]',
  collapsedMessage: 'div.kv',
  anyMessage: 'div.adn[data-message-id], div.adn[data-legacy-message-id], div.kv',
  sender: 'span.gD[email]',
  collapsedSender: '[email]',
  recipient: 'span.g2[email]',
  date: 'span.g3[title]',
  body: 'div.a3s',
  accountButton: 'a[aria-label*="@"][href*="accounts.google.com"]',
} as const;
