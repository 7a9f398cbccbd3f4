/**
 * Contracts written for ODCS v3.0.x or v2.x. Validating them against v3.1 would bury the author in errors
 * about a version they did not target, so such a contract gets ONE finding on `apiVersion` that names what
 * changed in 3.1 and how many problems v3.1 would report; the individual schema problems stay hidden until
 * `apiVersion` says v3.1.0 (the quick fix does exactly that for 3.0 contracts). YAML errors and semantic
 * rules (which do not depend on the version) are still reported as usual.
 */
import type { Fix } from '../fixes/types';
import type { Finding } from '../types';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';

export const CURRENT_ODCS_VERSION = 'v3.1.0';

const CHANGES_IN_3_1 = [
  '`team` became an object with `name` and `members` (the bare list of members is deprecated)',
  '`slaDefaultElement` is deprecated in favour of `element` on each SLA property',
  '`dataProduct` is deprecated (products now point at contracts through their ports)',
  'schema objects and properties can declare `relationships` (foreign keys)',
  'schema objects, properties, servers, quality rules and most other list items can carry a stable `id`',
  'library quality rules name their check with `metric` (the older `rule` is deprecated)',
];

export type LegacyGeneration = 'v3.0' | 'v2';

/** Which older ODCS generation a contract declares, or undefined for v3.1 (and for products). */
export function legacyGeneration(parsed: ParsedDescriptor): LegacyGeneration | undefined {
  if (parsed.kind !== 'DataContract' || !parsed.apiVersion) return undefined;
  if (/^v?3\.0(\.\d+)?$/.test(parsed.apiVersion)) return 'v3.0';
  if (/^v?2(\.\d+){0,2}$/.test(parsed.apiVersion)) return 'v2';
  return undefined;
}

export function legacyVersionFinding(parsed: ParsedDescriptor, generation: LegacyGeneration, problemCount: number): Finding {
  const located = locate(parsed.document, ['apiVersion']);
  const span = located.valueSpan ?? located.keySpan ?? { start: 0, end: 0 };
  const declared = parsed.apiVersion ?? '';
  const count = problemCount === 1 ? 'one schema problem' : `${problemCount} schema problems`;
  let message: string;
  let fixes: Fix[] = [];
  if (generation === 'v2') {
    message = `This contract declares ODCS ${declared}; datsis checks contracts against ODCS ${CURRENT_ODCS_VERSION}, whose layout differs from v2 `
      + '(v3 describes tables under `schema` with `properties` instead of `dataset` with `columns`, and identifies the contract by `id`). '
      + `Migrate the contract to v3.1 to have it checked${problemCount ? `; checked as v3.1 today it has ${count}` : ''}.`;
  } else {
    message = `This contract declares ODCS ${declared}; datsis checks contracts against ODCS ${CURRENT_ODCS_VERSION}. What changed in 3.1: ${CHANGES_IN_3_1.join('; ')}. `
      + (problemCount
        ? `Checked as v3.1 this file has ${count}; set \`apiVersion: ${CURRENT_ODCS_VERSION}\` to see and fix them.`
        : `It is already valid as v3.1, so setting \`apiVersion: ${CURRENT_ODCS_VERSION}\` is all it takes.`);
    fixes = [{ title: `Update apiVersion to ${CURRENT_ODCS_VERSION}`, actions: [{ kind: 'replaceValue', path: ['apiVersion'], value: CURRENT_ODCS_VERSION }], fixAll: false }];
  }
  return {
    span, message, code: 'schema/legacy-api-version', source: 'schema',
    severity: problemCount > 0 || generation === 'v2' ? 'warning' : 'information',
    ...(fixes.length ? { data: { fixes } } : {}),
  };
}
