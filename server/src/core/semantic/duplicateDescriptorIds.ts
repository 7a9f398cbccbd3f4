/**
 * A contract's or product's `id` identifies it across the whole data mesh, so two files of the same kind must
 * not share it, unless they are different versions of the same descriptor (a repository may keep v1 and v2 of
 * a contract side by side; ports tell them apart by `version`). Silent without a workspace index.
 */
import { fileLabel } from './references';
import { stringField } from './model';
import type { SemanticRule } from './rule';

const MAX_LISTED_FILES = 3;

export const duplicateDescriptorIdsRule: SemanticRule = {
  id: 'duplicate-descriptor-id',
  appliesTo: ['DataContract', 'DataProduct'],
  check({ value, kind, uri, workspace, schemaFlagged }) {
    const id = stringField(value, 'id');
    if (!workspace || id === undefined || schemaFlagged(['id'])) return [];
    const version = typeof value.version === 'string' ? value.version : undefined;
    const clashes = workspace.byId(id).filter((other) => other.uri !== uri && other.kind === kind && other.version === version);
    if (clashes.length === 0) return [];
    const noun = kind === 'DataContract' ? 'data contract' : 'data product';
    const shown = clashes.slice(0, MAX_LISTED_FILES).map((other) => `\`${fileLabel(other.uri)}\``).join(', ');
    const files = clashes.length > MAX_LISTED_FILES ? `${shown} and ${clashes.length - MAX_LISTED_FILES} more` : shown;
    return [{
      path: ['id'], severity: 'error', code: 'semantic/duplicate-descriptor-id',
      message: `Another ${noun} in the workspace (${files}) has the same id \`${id}\`${version ? ` and version \`${version}\`` : ''}; give each ${noun} its own id.`,
    }];
  },
};
