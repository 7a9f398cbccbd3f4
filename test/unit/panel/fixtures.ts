/**
 * Small hand-made workspaces for the panel tests: descriptor summaries as the workspace index would produce
 * them, turned into a workspace summary by the real `buildWorkspaceSummary`.
 */
import { buildWorkspaceSummary, type DescriptorFacts } from '../../../server/src/core/marketplace/summary';
import type { ScoreSummary, WorkspaceSummary } from '../../../server/src/core/marketplace/types';
import type { DescriptorSummary, PortSummary } from '../../../server/src/core/workspace/types';

const NO_SPAN = { start: 0, end: 0 };

export function port(name: string, contractId: string | undefined, version?: string): PortSummary {
  return { name, contractId, version, type: undefined, contractIdSpan: undefined, span: NO_SPAN };
}

export interface FactInput {
  readonly file: string;
  readonly kind: 'product' | 'contract';
  readonly id?: string;
  readonly name?: string;
  readonly domain?: string;
  readonly owner?: string;
  readonly status?: string;
  readonly version?: string;
  readonly tags?: readonly string[];
  readonly classifications?: readonly string[];
  readonly purpose?: string;
  readonly score?: ScoreSummary;
  readonly inputs?: readonly PortSummary[];
  readonly outputs?: readonly PortSummary[];
}

export const uriOf = (file: string): string => `file:///workspace/${file}`;

export function fact(input: FactInput): DescriptorFacts {
  const summary: DescriptorSummary = {
    uri: uriOf(input.file),
    kind: input.kind === 'product' ? 'DataProduct' : 'DataContract',
    id: input.id,
    idSpan: undefined,
    name: input.name,
    version: input.version,
    status: input.status,
    domain: input.domain,
    owner: input.owner,
    tags: input.tags ?? [],
    objects: [],
    inputPorts: input.inputs ?? [],
    outputPorts: input.outputs ?? [],
  };
  return { summary, classifications: input.classifications ?? [], purpose: input.purpose, score: input.score };
}

export function score(overall: number, level: string, dimensions: Partial<Record<string, number>> = {}): ScoreSummary {
  const all = { discoverable: overall, addressable: overall, trustworthy: overall, selfDescribing: overall, interoperable: overall, secure: overall, ...dimensions };
  return { overall, level, dimensions: all as Record<string, number> };
}

/**
 * A miniature mesh: sales exposes two contracts; pricing consumes both plus one contract id nothing defines
 * (a broken link); an orphan contract nobody exposes; a product without a domain.
 */
export function meshSummary(): WorkspaceSummary {
  return buildWorkspaceSummary([
    fact({
      file: 'sales/pos.odps.yaml', kind: 'product', id: 'p-sales', name: 'POS Transactions', domain: 'sales', owner: 'Ana',
      status: 'active', version: '2.1.0', tags: ['sales', 'pos'], purpose: 'Receipts from the tills.', score: score(88, 'Managed'),
      outputs: [port('receipts', 'c-receipts', '2.1.0'), port('daily', 'c-daily', '1.3.0')],
    }),
    fact({ file: 'sales/receipts.odcs.yaml', kind: 'contract', id: 'c-receipts', name: 'pos_receipts', domain: 'sales', version: '2.1.0', status: 'active', tags: ['pos'], classifications: ['restricted', 'public'], score: score(91, 'Exemplary') }),
    fact({ file: 'sales/daily.odcs.yaml', kind: 'contract', id: 'c-daily', name: 'daily_sales', domain: 'sales', version: '1.3.0', status: 'active', classifications: ['internal'], score: score(74, 'Established') }),
    fact({
      file: 'pricing/prices.odps.yaml', kind: 'product', id: 'p-pricing', name: 'Price Recommendations', domain: 'pricing', owner: 'Sofia',
      status: 'draft', version: '0.3.0', tags: ['pricing'], score: score(55, 'Emerging', { secure: 20 }),
      inputs: [port('receipts', 'c-receipts', '2.1.0'), port('daily', 'c-daily', '1.3.0'), port('stock', 'urn:missing:stock', '1.0.0')],
      outputs: [port('prices', 'c-prices', '1.0.0')],
    }),
    fact({ file: 'pricing/prices.odcs.yaml', kind: 'contract', id: 'c-prices', name: 'prices', domain: 'pricing', version: '1.0.0', status: 'draft', score: score(42, 'Emerging') }),
    fact({ file: 'lab/orphan.odcs.yaml', kind: 'contract', id: 'c-orphan', version: '0.0.1', status: 'proposed' }),
    fact({ file: 'lab/unowned.odps.yaml', kind: 'product', id: 'p-lab', name: 'Lab Product', status: 'draft', score: score(12, 'Initial') }),
  ]);
}
