/**
 * The marketplace view-model: filter, sort and group the catalog. Pure and allocation-light, because it runs in
 * the webview on every keystroke of the filter box, over up to thousands of entries (see
 * bench/marketplace.bench.ts: the whole answer must stay well under 100 ms for 2,000 descriptors).
 */
import type { DescriptorKind } from '../types';
import type { CatalogEntry } from './types';

export type SortOrder = 'score-desc' | 'score-asc' | 'name';

export interface MarketQuery {
  /** Words that must all occur (case-insensitive) in the name, id, domain, owner, status, version, tags, purpose or file name. */
  readonly text: string;
  /** Exact tag; empty for any. */
  readonly tag: string;
  /** Exact level; empty for any. */
  readonly level: string;
  /** Exact classification; empty for any. */
  readonly classification: string;
  /** Empty for both kinds. */
  readonly kind: DescriptorKind | '';
  readonly sort: SortOrder;
  readonly groupByDomain: boolean;
}

export const DEFAULT_QUERY: MarketQuery = { text: '', tag: '', level: '', classification: '', kind: '', sort: 'score-desc', groupByDomain: true };

/**
 * Entries with what every query needs, computed once per summary instead of once per keystroke: the
 * lower-cased search text, and each entry's position in name order (so sorting compares integers, not
 * strings through a collator).
 */
export interface IndexedCatalog {
  readonly entries: readonly CatalogEntry[];
  readonly haystacks: readonly string[];
  readonly nameRank: ReadonlyMap<CatalogEntry, number>;
}

export interface MarketGroup {
  /** Stable key for DOM reuse: the domain, or `''` for entries without one. */
  readonly key: string;
  readonly label: string;
  readonly entries: readonly CatalogEntry[];
}

export interface MarketView {
  readonly groups: readonly MarketGroup[];
  readonly shown: number;
  readonly total: number;
}

export const NO_DOMAIN_LABEL = '(no domain)';

export function indexCatalog(entries: readonly CatalogEntry[]): IndexedCatalog {
  const haystacks = entries.map((entry) => [
    entry.name, entry.id, entry.domain, entry.owner, entry.status, entry.version, fileName(entry.uri), entry.purpose,
    ...entry.tags, ...entry.classifications, entry.kind === 'DataProduct' ? 'product' : 'contract',
  ].filter((part): part is string => part !== undefined).join('\n').toLowerCase());
  const nameRank = new Map([...entries].sort(byName).map((entry, rank) => [entry, rank]));
  return { entries, haystacks, nameRank };
}

export function queryCatalog(index: IndexedCatalog, query: MarketQuery): MarketView {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const matches: CatalogEntry[] = [];
  index.entries.forEach((entry, position) => {
    if (query.kind && entry.kind !== query.kind) return;
    if (query.tag && !entry.tags.includes(query.tag)) return;
    if (query.classification && !entry.classifications.includes(query.classification)) return;
    if (query.level && entry.score?.level !== query.level) return;
    const haystack = index.haystacks[position]!;
    for (const word of words) if (!haystack.includes(word)) return;
    matches.push(entry);
  });
  matches.sort(comparator(query.sort, index.nameRank));
  const total = index.entries.length;
  if (!query.groupByDomain) return { groups: matches.length ? [{ key: '*', label: 'All', entries: matches }] : [], shown: matches.length, total };

  const byDomain = new Map<string, CatalogEntry[]>();
  for (const entry of matches) {
    const key = entry.domain ?? '';
    const list = byDomain.get(key);
    if (list) list.push(entry);
    else byDomain.set(key, [entry]);
  }
  const groups = [...byDomain.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([key, entries]) => ({ key, label: key || NO_DOMAIN_LABEL, entries }));
  return { groups, shown: matches.length, total };
}

/** The values the filter drop-downs offer: only what occurs in the workspace. Levels in order of maturity. */
export interface CatalogFacets {
  readonly tags: readonly string[];
  readonly levels: readonly string[];
  readonly classifications: readonly string[];
}

export function catalogFacets(entries: readonly CatalogEntry[]): CatalogFacets {
  const tags = new Set<string>();
  const classifications = new Set<string>();
  const levelScores = new Map<string, number[]>();
  for (const entry of entries) {
    for (const tag of entry.tags) tags.add(tag);
    for (const classification of entry.classifications) classifications.add(classification);
    if (entry.score) {
      const scores = levelScores.get(entry.score.level) ?? [];
      scores.push(entry.score.overall);
      levelScores.set(entry.score.level, scores);
    }
  }
  // Ranking levels by the scores that reached them orders them without knowing the scorer's level names.
  const levels = [...levelScores.entries()]
    .map(([level, scores]) => ({ level, low: Math.min(...scores) }))
    .sort((a, b) => a.low - b.low || a.level.localeCompare(b.level))
    .map(({ level }) => level);
  return { tags: [...tags].sort(), levels, classifications: [...classifications].sort() };
}

/** What a list shows as the entry's title: its name, else its id, else its file name. */
export function entryLabel(entry: Pick<CatalogEntry, 'name' | 'id' | 'uri'>): string {
  return entry.name ?? entry.id ?? fileName(entry.uri);
}

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  const name = slash >= 0 ? path.slice(slash + 1) : path;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** One collator for every comparison: far cheaper than `localeCompare`, which builds one per call. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName = (a: CatalogEntry, b: CatalogEntry): number => collator.compare(entryLabel(a), entryLabel(b)) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
/** Unscored entries sort after every scored one in both directions: "no score" is not "score 0". */
function comparator(sort: SortOrder, nameRank: ReadonlyMap<CatalogEntry, number>): (a: CatalogEntry, b: CatalogEntry) => number {
  const byRank = (a: CatalogEntry, b: CatalogEntry): number => nameRank.get(a)! - nameRank.get(b)!;
  if (sort === 'name') return byRank;
  const direction = sort === 'score-desc' ? -1 : 1;
  return (a, b) => {
    if (!a.score || !b.score) return (a.score ? -1 : b.score ? 1 : 0) || byRank(a, b);
    return direction * (a.score.overall - b.score.overall) || byRank(a, b);
  };
}
