/**
 * Clickable links for URLs written as the value of a `url`-like key: `authoritativeDefinitions[].url`,
 * `support[].url`, SBOM and management-port URLs, invitation links. Only http(s) and mailto targets; other
 * strings (`jdbc:...`, relative paths) are left alone rather than turned into links that cannot open.
 */
import { isScalar, visit, type Node, type Pair } from 'yaml';
import type { ParsedDescriptor } from '../yaml/parse';
import type { LinkSpan } from './types';
import { keyText, scalarContentSpan } from './yamlContainers';

const URL_KEYS = new Set(['url', 'invitationUrl']);
const LINKABLE = /^(https?:\/\/\S+|mailto:\S+)$/i;

export function documentLinks(parsed: ParsedDescriptor): LinkSpan[] {
  const links: LinkSpan[] = [];
  if (!parsed.document) return links;
  visit(parsed.document, {
    Pair(_, pair: Pair) {
      const value = pair.value as Node | null;
      if (!URL_KEYS.has(keyText(pair)) || !isScalar(value) || typeof value.value !== 'string') return;
      const target = value.value.trim();
      const span = scalarContentSpan(value);
      if (span && LINKABLE.test(target)) links.push({ span, target });
    },
  });
  return links;
}
