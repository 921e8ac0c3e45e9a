import type { SettingsRepository } from '../settings.port.js';
import type { MemoryState } from './memory-state.js';

/** Values are kept as JSON text, so they come back the way a SQL store gives them. */
export class MemorySettingsRepository implements SettingsRepository {
  constructor(private readonly state: MemoryState) {}

  async get<T = unknown>(key: string): Promise<T | null> {
    const json = this.state.settings.get(key);
    return json === null ? null : (JSON.parse(json) as T | null);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.state.settings.set(key, JSON.stringify(value ?? null));
  }
}
