/**
 * The in-memory workspace index: one `DescriptorSummary` per file, plus two lookup tables (by id, and
 * "which ports name this contract id") kept in step on every update, so every cross-file question is a map
 * lookup. An update only touches the entries of the one file that changed, so following a keystroke in an
 * open document costs as much as summarising that document.
 */
import type { DescriptorSummary, PortSummary, WorkspaceView } from './types';

export interface PortUse {
  readonly product: DescriptorSummary;
  readonly port: PortSummary;
  readonly direction: 'input' | 'output';
}

/** What one update did, so the server can decide which open documents to re-validate. */
export interface IndexChange {
  readonly uri: string;
  readonly before: DescriptorSummary | undefined;
  readonly after: DescriptorSummary | undefined;
}

const NO_SUMMARIES: readonly DescriptorSummary[] = [];
const NO_PORT_USES: readonly PortUse[] = [];

export class WorkspaceIndex implements WorkspaceView {
  private readonly summaries = new Map<string, DescriptorSummary>();
  private readonly ids = new Map<string, DescriptorSummary[]>();
  private readonly portUses = new Map<string, PortUse[]>();
  private changes = 0;

  get size(): number {
    return this.summaries.size;
  }

  /**
   * Counts updates. Anything computed from the whole index (a workspace rule's verdict, a contract's final
   * score) stays valid while this number is unchanged, so callers can cache such results without tracking
   * which entries they read.
   */
  get generation(): number {
    return this.changes;
  }

  /** Adds, replaces or (with `undefined`, for a file that is not a descriptor) removes the entry for `uri`. */
  update(uri: string, summary: DescriptorSummary | undefined): IndexChange {
    this.changes++;
    const before = this.summaries.get(uri);
    if (before) this.unlink(before);
    if (summary) {
      this.summaries.set(uri, summary);
      this.link(summary);
    } else {
      this.summaries.delete(uri);
    }
    return { uri, before, after: summary };
  }

  remove(uri: string): IndexChange {
    return this.update(uri, undefined);
  }

  byId(id: string): readonly DescriptorSummary[] {
    return this.ids.get(id) ?? NO_SUMMARIES;
  }

  byUri(uri: string): DescriptorSummary | undefined {
    return this.summaries.get(uri);
  }

  all(): Iterable<DescriptorSummary> {
    return this.summaries.values();
  }

  portsUsingContract(contractId: string): readonly PortUse[] {
    return this.portUses.get(contractId) ?? NO_PORT_USES;
  }

  private link(summary: DescriptorSummary): void {
    if (summary.id !== undefined) push(this.ids, summary.id, summary);
    for (const use of portUsesOf(summary)) push(this.portUses, use.port.contractId!, use);
  }

  private unlink(summary: DescriptorSummary): void {
    if (summary.id !== undefined) pull(this.ids, summary.id, (entry) => entry === summary);
    for (const use of portUsesOf(summary)) pull(this.portUses, use.port.contractId!, (entry) => entry.product === summary);
  }
}

function portUsesOf(product: DescriptorSummary): PortUse[] {
  const uses: PortUse[] = [];
  for (const port of product.inputPorts) if (port.contractId !== undefined) uses.push({ product, port, direction: 'input' });
  for (const port of product.outputPorts) if (port.contractId !== undefined) uses.push({ product, port, direction: 'output' });
  return uses;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<T>(map: Map<string, T[]>, key: string, matches: (entry: T) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((entry) => !matches(entry));
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

/**
 * The facts of a summary that other files' findings can depend on (ids, versions, object and property names,
 * port contract ids), without spans or descriptions: when an edit leaves this unchanged, no other open
 * document needs re-validating.
 */
export function crossFileFingerprint(summary: DescriptorSummary | undefined): string {
  if (!summary) return '';
  return JSON.stringify([
    summary.kind, summary.id, summary.version,
    summary.objects.map((object) => [object.name, object.id, object.properties.map((property) => [property.name, property.id])]),
    [...summary.inputPorts, ...summary.outputPorts].map((port) => [port.contractId, port.version]),
  ]);
}
