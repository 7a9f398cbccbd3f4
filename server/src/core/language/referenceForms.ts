/**
 * Whether our ODCS schema accepts a text as a relationship end, so that completion offers only references the
 * validator will not flag the moment they are inserted: a contract file named `*.odcs.yml`, or one whose path has
 * a space, cannot be written in the `file.yaml#/...` form, and a `urn:` contract id cannot start a dotted name.
 * The patterns are read from the schema's own `to` definition, so the two cannot drift apart.
 */
import { odcsSchema } from '../schemas';

type Definition = { readonly $ref?: unknown; readonly pattern?: unknown; readonly anyOf?: unknown; readonly oneOf?: unknown; readonly properties?: unknown };

function asDefinition(value: unknown): Definition {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Definition) : {};
}

/** The patterns of the forms a single `to` may take (the first branch of its `oneOf`, a choice of `$ref`s). */
function referencePatterns(): readonly RegExp[] {
  const definitions = asDefinition(odcsSchema.$defs) as Record<string, unknown>;
  const relationship = asDefinition(asDefinition(definitions.RelationshipBase).properties) as Record<string, unknown>;
  const [single] = (asDefinition(relationship.to).oneOf as unknown[] | undefined) ?? [];
  const forms = (asDefinition(single).anyOf as unknown[] | undefined) ?? [];
  return forms.flatMap((form) => {
    const ref = asDefinition(form).$ref;
    const name = typeof ref === 'string' ? ref.replace('#/$defs/', '') : undefined;
    const pattern = name === undefined ? undefined : asDefinition(definitions[name]).pattern;
    // ajv compiles schema patterns with the `u` flag; so does this, for the same verdicts.
    return typeof pattern === 'string' ? [new RegExp(pattern, 'u')] : [];
  });
}

let patterns: readonly RegExp[] | undefined;

export function isWritableReference(reference: string): boolean {
  patterns ??= referencePatterns();
  return patterns.some((pattern) => pattern.test(reference));
}
