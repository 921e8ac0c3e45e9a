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
 * - Gmail can hold several `div[role="main"]` views at once; the one shown is the one to read.
 * - "Show original" is Gmail's `?ik=<page key>&view=om&permmsgid=msg-f:…`; when a message offers
 *   the link (`a[href*="view=om"]`) it is used as is, else it is built with the `ik` Gmail
 *   publishes in the page (`GLOBALS[9]`, in an inline script).
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
  showOriginalLink: 'a[href*="view=om"]',
  inlineScript: 'script:not([src])',
  accountButton: 'a[aria-label*="@"][href*="accounts.google.com"]',
} as const;
