/**
 * The shareable workspace report, as Markdown (for a wiki or a pull request) and as a standalone HTML page.
 * Every value from a descriptor is escaped for the target format: descriptor text is untrusted input, and a
 * report that runs a script or breaks a table because a tag held `<img onerror>` or a `|` would be a bug.
 */
import { DIMENSION_IDS, dimensionLabel, formatScore } from './dimensions';
import { catalogFacets, entryLabel, fileName, NO_DOMAIN_LABEL } from './query';
import { isMissingNodeKey, type CatalogEntry, type WorkspaceSummary } from './types';

export interface ReportOptions {
  /** ISO timestamp printed in the header; passed in so the output is a pure function of the input. */
  readonly generatedAt: string;
  /** Turns an entry URI into the link target written in the report (e.g. a path relative to the report). */
  readonly linkFor: (uri: string) => string;
}

interface ReportModel {
  readonly products: number;
  readonly contracts: number;
  readonly average: number | undefined;
  readonly levels: readonly { level: string; count: number }[];
  readonly domains: readonly { label: string; entries: readonly CatalogEntry[] }[];
  readonly broken: readonly { consumer: string; contractId: string; port: string }[];
}

function reportModel(summary: WorkspaceSummary): ReportModel {
  const scored = summary.entries.filter((entry) => entry.score);
  const levels = catalogFacets(summary.entries).levels
    .map((level) => ({ level, count: scored.filter((entry) => entry.score!.level === level).length }));
  const byDomain = new Map<string, CatalogEntry[]>();
  for (const entry of summary.entries) byDomain.set(entry.domain ?? '', [...(byDomain.get(entry.domain ?? '') ?? []), entry]);
  const domains = [...byDomain.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([domain, entries]) => ({
      label: domain || NO_DOMAIN_LABEL,
      entries: [...entries].sort((a, b) => (b.score?.overall ?? -1) - (a.score?.overall ?? -1) || entryLabel(a).localeCompare(entryLabel(b))),
    }));
  const labels = new Map(summary.entries.map((entry) => [entry.uri, entryLabel(entry)]));
  const broken = summary.edges.filter((edge) => edge.broken).map((edge) => {
    const consumerKey = isMissingNodeKey(edge.from) ? edge.to : edge.from;
    return { consumer: labels.get(consumerKey) ?? consumerKey, contractId: edge.contractId, port: edge.portName ?? '' };
  });
  return {
    products: summary.entries.filter((entry) => entry.kind === 'DataProduct').length,
    contracts: summary.entries.filter((entry) => entry.kind === 'DataContract').length,
    average: scored.length ? scored.reduce((sum, entry) => sum + entry.score!.overall, 0) / scored.length : undefined,
    levels,
    domains,
    broken,
  };
}

const HEADERS = ['Name', 'Kind', 'Version', 'Status', 'Owner', 'Score', 'Level', ...DIMENSION_IDS.map(dimensionLabel), 'Tags', 'Classification'];

function rowCells(entry: CatalogEntry): string[] {
  return [
    entryLabel(entry),
    entry.kind === 'DataProduct' ? 'product' : 'contract',
    entry.version ?? '',
    entry.status ?? '',
    entry.owner ?? '',
    formatScore(entry.score?.overall),
    entry.score?.level ?? '',
    ...DIMENSION_IDS.map((id) => formatScore(entry.score?.dimensions[id])),
    entry.tags.join(', '),
    entry.classifications.join(', '),
  ];
}

/** Backslash-escapes Markdown punctuation and flattens line breaks, so a value stays literal text in one table cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_{}[\]()<>#!|~&$]/g, (char) => `\\${char}`);
}

/** Encodes `&<>"'` so a value is inert text in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function summaryLines(model: ReportModel): string[] {
  return [
    `${model.products} data products and ${model.contracts} data contracts; average DATSIS score ${formatScore(model.average)}.`,
    model.levels.length ? `By level: ${model.levels.map(({ level, count }) => `${level} ${count}`).join(', ')}.` : 'No descriptor could be scored.',
  ];
}

export function renderMarkdownReport(summary: WorkspaceSummary, options: ReportOptions): string {
  const model = reportModel(summary);
  const lines = ['# DATSIS workspace report', '', `Generated ${escapeMarkdown(options.generatedAt)}.`, '', ...summaryLines(model).map(escapeMarkdown), ''];
  for (const domain of model.domains) {
    lines.push(`## ${escapeMarkdown(domain.label)}`, '', `| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => ' --- ').join('|')}|`);
    for (const entry of domain.entries) {
      const cells = rowCells(entry).map(escapeMarkdown);
      cells[0] = `[${cells[0]}](<${options.linkFor(entry.uri).replace(/[<>\s]/g, encodeURIComponent)}>)`;
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (model.broken.length) {
    lines.push('## Broken lineage links', '');
    for (const link of model.broken) {
      lines.push(`- ${escapeMarkdown(link.consumer)}: port ${escapeMarkdown(link.port || '(unnamed)')} names contract ${escapeMarkdown(link.contractId)}, which is not in the workspace.`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const HTML_STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}',
  'table{border-collapse:collapse;margin-bottom:2rem;font-size:.9rem}',
  'th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}',
  '@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}th{background:#161b22}th,td{border-color:#30363d}a{color:#58a6ff}}',
].join('');

const NUMERIC_COLUMNS = new Set([5, 7, 8, 9, 10, 11, 12]);

export function renderHtmlReport(summary: WorkspaceSummary, options: ReportOptions): string {
  const model = reportModel(summary);
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // The report is opened from disk or mail: allow only its own inline style, never a script or a fetch.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>DATSIS workspace report</title>',
    `<style>${HTML_STYLE}</style></head><body>`,
    '<h1>DATSIS workspace report</h1>',
    `<p>Generated ${escapeHtml(options.generatedAt)}.</p>`,
    ...summaryLines(model).map((line) => `<p>${escapeHtml(line)}</p>`),
  ];
  for (const domain of model.domains) {
    out.push(`<h2>${escapeHtml(domain.label)}</h2>`, '<table>', `<thead><tr>${HEADERS.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const entry of domain.entries) {
      const cells = rowCells(entry).map((cell, index) => {
        const text = escapeHtml(cell);
        if (index === 0) return `<th scope="row"><a href="${escapeHtml(safeHref(options.linkFor(entry.uri)))}">${text}</a><br><small>${escapeHtml(fileName(entry.uri))}</small></th>`;
        return NUMERIC_COLUMNS.has(index) ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
      });
      out.push(`<tr>${cells.join('')}</tr>`);
    }
    out.push('</tbody></table>');
  }
  if (model.broken.length) {
    out.push('<h2>Broken lineage links</h2>', '<ul>');
    for (const link of model.broken) {
      out.push(`<li>${escapeHtml(link.consumer)}: port ${escapeHtml(link.port || '(unnamed)')} names contract <code>${escapeHtml(link.contractId)}</code>, which is not in the workspace.</li>`);
    }
    out.push('</ul>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}

/** Only relative paths and file/http(s) URLs become links; anything else (`javascript:`, `data:`) is neutralised. */
function safeHref(target: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'file' || scheme === 'http' || scheme === 'https' ? target : '#';
}
