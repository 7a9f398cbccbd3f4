/**
 * A schema problem before it is placed in the text: which node, which part of it (key, value or the key
 * of the mapping that lacks something), and what to tell the author. Keeping paths until the very end lets
 * the mapper merge and drop problems cheaply and locate only the survivors.
 */
import type { Fix } from '../fixes/types';
import type { DescriptorKind, ValuePath } from '../types';
import type { SchemaWalker } from './schemaWalker';

/** `key`: the key of the entry at `path`; `value`: its value; `parent`: the key naming the mapping at `path`. */
export type Placement = 'key' | 'value' | 'parent';

export interface SchemaProblem {
  readonly path: ValuePath;
  readonly placement: Placement;
  /** `schema/unknown-key`, `schema/enum`, `schema/type`, `schema/required`, ... */
  readonly code: string;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** For `schema/required`: the missing keys, so a misspelt key that explains them can absorb this problem. */
  readonly missing?: readonly string[];
}

export interface MappingContext {
  readonly walker: SchemaWalker;
  /** The whole document's value. */
  readonly data: unknown;
  readonly kind: DescriptorKind;
  /** The scalar's text as written (`1.10`, not 1.1), for fixes that must keep what the author typed. */
  sourceOf(path: ValuePath): string | undefined;
}
