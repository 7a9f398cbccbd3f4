/**
 * The server's view of the `datsis.*` settings. Pulled from the client when it supports
 * `workspace/configuration`, otherwise the defaults apply (so `node dist/server.js --stdio` works in any editor).
 */
import { DidChangeConfigurationNotification, type Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type DatsisSettings } from './protocol';

type Listener = () => void;

export class SettingsStore {
  private cached: Promise<DatsisSettings> | undefined;
  private readonly listeners: Listener[] = [];
  private canPull = false;

  constructor(private readonly connection: Connection) {}

  /** Call from `onInitialize` with the client's capabilities. */
  configure(canPull: boolean): void {
    this.canPull = canPull;
  }

  /** Call from `onInitialized`: registers for change notifications and invalidates the cache on each. */
  listen(): void {
    if (this.canPull) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'datsis' });
    this.connection.onDidChangeConfiguration(() => {
      this.cached = undefined;
      for (const listener of this.listeners) listener();
    });
  }

  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  get(): Promise<DatsisSettings> {
    this.cached ??= this.pull();
    return this.cached;
  }

  private async pull(): Promise<DatsisSettings> {
    if (!this.canPull) return DEFAULT_SETTINGS;
    try {
      const raw = (await this.connection.workspace.getConfiguration({ section: 'datsis' })) as Partial<DatsisSettings> | null;
      return mergeSettings(raw ?? {});
    } catch {
      return DEFAULT_SETTINGS;
    }
  }
}

/** Merges a partial settings object over the defaults, one level deep (every settings group is flat). */
export function mergeSettings(raw: Partial<DatsisSettings>): DatsisSettings {
  const merged = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    merged[key] = base && typeof base === 'object' && value && typeof value === 'object' ? { ...base, ...value } : value;
  }
  return merged as unknown as DatsisSettings;
}
