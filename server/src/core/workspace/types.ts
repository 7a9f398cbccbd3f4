/**
 * What the workspace index knows about each descriptor: a small summary, enough to answer every cross-file
 * question (does this contractId resolve? who consumes this contract? what objects does it define?) without
 * keeping every parsed document in memory.
 */
import type { DescriptorKind, Span } from '../types';

export interface PropertySummary {
  readonly name: string;
  readonly id: string | undefined;
  readonly logicalType: string | undefined;
  readonly description: string | undefined;
  readonly nameSpan: Span;
}

export interface ObjectSummary {
  readonly name: string;
  readonly id: string | undefined;
  readonly physicalName: string | undefined;
  readonly description: string | undefined;
  readonly nameSpan: Span;
  readonly properties: readonly PropertySummary[];
}

export interface PortSummary {
  readonly name: string | undefined;
  readonly contractId: string | undefined;
  readonly version: string | undefined;
  readonly type: string | undefined;
  /** Span of the `contractId` value (or of the port when absent), where diagnostics and definitions point. */
  readonly contractIdSpan: Span | undefined;
  readonly span: Span;
}

export interface DescriptorSummary {
  readonly uri: string;
  readonly kind: DescriptorKind;
  readonly id: string | undefined;
  readonly idSpan: Span | undefined;
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly status: string | undefined;
  readonly domain: string | undefined;
  readonly owner: string | undefined;
  readonly tags: readonly string[];
  /** Contracts only: schema objects and their properties. */
  readonly objects: readonly ObjectSummary[];
  /** Products only. */
  readonly inputPorts: readonly PortSummary[];
  readonly outputPorts: readonly PortSummary[];
}

/** Read-only view of the workspace that analyzers and editing features query. */
export interface WorkspaceView {
  /** Every indexed descriptor with this `id` (more than one means a duplicate id). */
  byId(id: string): readonly DescriptorSummary[];
  byUri(uri: string): DescriptorSummary | undefined;
  all(): Iterable<DescriptorSummary>;
  /** Products whose input or output ports name `contractId`. */
  portsUsingContract(contractId: string): readonly { product: DescriptorSummary; port: PortSummary; direction: 'input' | 'output' }[];
}
