import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

/** The logger the Slack app writes to: the hub's, or one of its own when it runs alone. */
export interface SlackLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentSlackLogger: SlackLogger = { debug() {}, info() {}, warn() {}, error() {} };

const joined = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');

/** Bolt's and the Web API client's log lines, written to our logger. */
export function boltLogger(logger: SlackLogger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...parts: unknown[]) => logger.debug(`slack: ${joined(parts)}`),
    info: (...parts: unknown[]) => logger.info(`slack: ${joined(parts)}`),
    warn: (...parts: unknown[]) => logger.warn(`slack: ${joined(parts)}`),
    error: (...parts: unknown[]) => logger.error(`slack: ${joined(parts)}`),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
