/** Small named values kept with the data: feature settings, markers such as "demo seeded". */
export interface SettingsRepository {
  get<T = unknown>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}
