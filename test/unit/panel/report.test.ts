import * as assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, renderHtmlReport, renderMarkdownReport, type ReportOptions } from '../../../server/src/core/marketplace/report';
import { buildWorkspaceSummary } from '../../../server/src/core/marketplace/summary';
import { fact, meshSummary, port, score } from './fixtures';

const OPTIONS: ReportOptions = { generatedAt: '2025-01-31T12:00:00.000Z', linkFor: (uri) => uri.replace('file:///workspace/', '') };
const REPORT_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br', 'small', 'ul', 'li', 'code']);
const XSS = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';

describe('workspace report', () => {
  it('writes one Markdown table per domain, best scores first, with counts and broken links', () => {
    const markdown = renderMarkdownReport(meshSummary(), OPTIONS);
    assert.match(markdown, /^# DATSIS workspace report\n/);
    assert.ok(markdown.includes('3 data products and 4 data contracts; average DATSIS score 60.'));
    const sales = markdown.slice(markdown.indexOf('## sales'), markdown.indexOf('## \\(no domain\\)'));
    const rows = sales.split('\n').filter((line) => line.startsWith('| ['));
    assert.deepEqual(rows.map((row) => /^\| \[([^\]]+)\]/.exec(row)![1]), ['pos\\_receipts', 'POS Transactions', 'daily\\_sales']);
    assert.ok(rows[0]!.startsWith('| [pos\\_receipts](<sales/receipts.odcs.yaml>) | contract | 2.1.0 | active |  | 91 | Exemplary | 91 |'));
    assert.ok(markdown.includes('- Price Recommendations: port stock names contract urn:missing:stock, which is not in the workspace.'));
  });

  it('keeps hostile values as literal text in Markdown: no HTML, no table break, no link', () => {
    const summary = buildWorkspaceSummary([fact({
      file: 'evil.odps.yaml', kind: 'product', name: `${XSS} | col [x](javascript:alert(3))`, domain: '## heading', tags: ['`code`', '*bold*'],
      score: score(50, 'Emerging'), outputs: [port('p', 'urn:<b>missing</b>')],
    })]);
    const markdown = renderMarkdownReport(summary, OPTIONS);
    assert.ok(!/<img|<script|<b>/i.test(markdown.replace(/\\</g, '')), 'raw markup reached the Markdown');
    const row = markdown.split('\n').find((line) => line.startsWith('| ['))!;
    // Every | inside values is escaped, so the row keeps exactly its columns.
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 15);
    assert.ok(!markdown.includes('](javascript:'));
    assert.ok(markdown.includes('## \\#\\# heading'));
  });

  it('writes a standalone HTML page that escapes every value and cannot run or load anything', () => {
    const summary = buildWorkspaceSummary([fact({
      file: 'evil.odps.yaml', kind: 'product', name: XSS, owner: '"><svg onload=alert(4)>', tags: ["' onmouseover='alert(5)"], score: score(50, 'Emerging'),
    })]);
    const html = renderHtmlReport(summary, { ...OPTIONS, linkFor: () => 'javascript:alert(6)' });
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => match[1]!.toLowerCase()));
    assert.deepEqual([...tags].filter((tag) => !REPORT_TAGS.has(tag)), []);
    assert.ok(!/<[^>]*\son\w+\s*=/i.test(html), 'an event handler attribute');
    assert.ok(html.includes(escapeHtml(XSS)));
    assert.ok(html.includes('href="#"'), 'a javascript: link target is neutralised');
  });

  it('escapes the characters each format needs', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.equal(escapeMarkdown('a|b\nc <d> `e` *f* _g_ [h](i)'), 'a\\|b c \\<d\\> \\`e\\` \\*f\\* \\_g\\_ \\[h\\]\\(i\\)');
  });
});
