/**
 * One schema navigator per kind of file we help edit (contracts, products and the `.datsis.yaml` rules file),
 * created on first use and kept for the process lifetime, so the navigator's caches survive across requests.
 */
import { isRulesFileUri } from '../datsis/rulesFile';
import { RUBRIC } from '../datsis/rubric';
import { odcsSchema, odpsSchema, rulesSchema } from '../schemas';
import type { DescriptorKind } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import { SchemaNavigator, type JsonSchema } from './schemaNavigator';

/** A descriptor kind, or the workspace rules file (recognised by its name: it has no `kind`). */
export type EditingKind = DescriptorKind | 'DatsisRules';

const navigators = new Map<EditingKind, SchemaNavigator>();

export function navigatorFor(kind: EditingKind): SchemaNavigator {
  let navigator = navigators.get(kind);
  if (!navigator) {
    const schema = kind === 'DataContract' ? odcsSchema : kind === 'DataProduct' ? odpsSchema : rulesSchemaWithRuleIds();
    navigator = new SchemaNavigator(schema as JsonSchema);
    navigators.set(kind, navigator);
  }
  return navigator;
}

/**
 * The rules-file schema with every rubric rule listed under `rules`, for editing help only: completion offers the
 * rule ids with their docs and hover explains them. Validation keeps the schema as written (unknown ids are
 * reported by the rules-file analyzer with a did-you-mean fix), so the rubric stays the one list of rules.
 */
function rulesSchemaWithRuleIds(): JsonSchema {
  const schema = structuredClone(rulesSchema) as { properties: { rules: { properties?: Record<string, unknown> } } };
  schema.properties.rules.properties = Object.fromEntries(RUBRIC.map((rule) => [rule.id, {
    $ref: '#/$defs/RuleSetting',
    description: `${rule.title}: ${rule.expects}`,
    markdownDescription: `**${rule.title}** (${rule.dimension}, default weight ${rule.weight}, ${rule.severity})\n\n${rule.expects}\n\n${rule.why}`,
  }]));
  return schema as unknown as JsonSchema;
}

/**
 * The kind to use for editing help. The content decides (`kind:`); only while the author has not written `kind`
 * yet does the file name (`*.odcs.yaml`, `*.odps.yaml`) stand in, so a new empty file still gets completion.
 */
export function editingKind(parsed: ParsedDescriptor, uri: string): EditingKind | undefined {
  if (isRulesFileUri(uri)) return 'DatsisRules';
  if (parsed.kind) return parsed.kind;
  if (hasTopLevelKind(parsed)) return undefined; // some other `kind:`: not ours
  const name = uri.toLowerCase();
  if (/\.(odcs|datacontract)\.ya?ml$/.test(name)) return 'DataContract';
  if (/\.(odps|dataproduct)\.ya?ml$/.test(name)) return 'DataProduct';
  return undefined;
}

function hasTopLevelKind(parsed: ParsedDescriptor): boolean {
  const value = parsed.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>).kind === 'string'
    && (value as Record<string, unknown>).kind !== '';
}
