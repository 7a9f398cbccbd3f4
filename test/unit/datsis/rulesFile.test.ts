import * as assert from 'node:assert/strict';
import { datsisAnalyzer, MIN_SCORE_CODE } from '../../../server/src/core/datsis/analyzer';
import { DEFAULT_RULES_CONFIG, mergeRulesConfig, withEditorSettings } from '../../../server/src/core/datsis/config';
import { configFromRulesFile, isRulesFileUri, loadRulesFile } from '../../../server/src/core/datsis/rulesFile';
import { scoreDescriptor } from '../../../server/src/core/datsis/score';
import { analyze } from '../../../server/src/core/analyze';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';
import { CONTRACT } from './harness';

const CUSTOMERS = `${CONTRACT}name: customers\ntags: [crm]\nschema:\n  - name: customers\n    properties:\n      - name: member_code\n        classification: internal\n      - name: VisitCount\n`;

function scoreWith(rulesText: string, text = CUSTOMERS, settings?: { enable: boolean; severity: Record<string, string> }) {
  const rules = withEditorSettings(configFromRulesFile(rulesText), settings);
  const parsed = parseDescriptor(text);
  const context = { uri: 'file:///ws/customers.odcs.yaml', workspace: undefined, rules };
  return { report: scoreDescriptor(parsed, context)!, findings: datsisAnalyzer(parsed, context) };
}

describe('.datsis.yaml: overrides', () => {
  it('changes the weight of a rule, and so its dimension score', () => {
    const base = scoreWith('');
    const heavier = scoreWith('rules:\n  D-purpose:\n    weight: 10\n');
    assert.equal(heavier.report.outcomes.find((o) => o.rule === 'D-purpose')?.weight, 10);
    assert.equal(base.report.outcomes.find((o) => o.rule === 'D-purpose')?.satisfied, 0);
    assert.ok(heavier.report.dimensions.discoverable < base.report.dimensions.discoverable);
  });

  it('disables a rule: it neither counts nor reports', () => {
    const { report, findings } = scoreWith('rules:\n  S-examples:\n    enabled: false\n');
    assert.equal(report.outcomes.some((o) => o.rule === 'S-examples'), false);
    assert.equal(findings.some((f) => f.code === 'S-examples'), false);
    assert.ok(scoreWith('').findings.some((f) => f.code === 'S-examples'));
  });

  it('sets a severity; the editor setting wins over the file', () => {
    const fromFile = scoreWith('rules:\n  S-examples:\n    severity: error\n');
    assert.ok(fromFile.findings.filter((f) => f.code === 'S-examples').every((f) => f.severity === 'error'));
    const fromSettings = scoreWith('rules:\n  S-examples:\n    severity: error\n', CUSTOMERS, { enable: true, severity: { 'S-examples': 'warning', 'bogus': 'loud' } });
    assert.ok(fromSettings.findings.filter((f) => f.code === 'S-examples').every((f) => f.severity === 'warning'));
  });

  it('turns DATSIS off when the editor setting says so', () => {
    assert.deepEqual(scoreWith('', CUSTOMERS, { enable: false, severity: {} }).findings, []);
  });

  it('applies the naming convention', () => {
    const snake = scoreWith('').findings.filter((f) => f.code === 'I-naming').map((f) => f.message);
    const pascal = scoreWith('naming:\n  convention: PascalCase\n').findings.filter((f) => f.code === 'I-naming').map((f) => f.message);
    assert.equal(snake.length, 1);
    assert.match(snake[0]!, /VisitCount/);
    assert.ok(pascal.length >= 2 && pascal.every((m) => !m.includes('VisitCount')));
  });

  it('requires the workspace tags', () => {
    const { findings } = scoreWith('requiredTags: [crm, gdpr-reviewed]\n');
    assert.deepEqual(findings.filter((f) => f.code === 'D-required-tags').map((f) => f.message), ['The workspace requires the tag `gdpr-reviewed` (see .datsis.yaml).']);
  });

  it('adds personal-data patterns to the built-in ones', () => {
    assert.equal(scoreWith('').findings.some((f) => f.code === 'SEC-personal-data'), false);
    const { findings } = scoreWith('personalDataPatterns: ["^member_"]\n');
    assert.match(findings.find((f) => f.code === 'SEC-personal-data')!.message, /member_code/);
  });

  it('names levels from the file and reports a descriptor below minScore on kind', () => {
    const { report, findings } = scoreWith('minScore: 99\nlevels:\n  - name: Gold\n    min: 85\n  - name: Bronze\n    min: 0\n');
    assert.equal(report.level, report.overall >= 85 ? 'Gold' : 'Bronze');
    const gate = findings.find((f) => f.code === MIN_SCORE_CODE)!;
    assert.ok(gate, 'a min-score finding');
    assert.equal(CUSTOMERS.slice(gate.span.start, gate.span.end), 'kind');
    assert.equal(scoreWith('minScore: 0\n').findings.some((f) => f.code === MIN_SCORE_CODE), false);
  });

  it('merges rule settings key by key and sorts levels', () => {
    const merged = mergeRulesConfig(mergeRulesConfig(DEFAULT_RULES_CONFIG, { rules: { 'D-tags': { weight: 2 } } }), { rules: { 'D-tags': { severity: 'error' } }, levels: [{ name: 'B', min: 50 }, { name: 'A', min: 0 }] });
    assert.deepEqual(merged.rules['D-tags'], { weight: 2, severity: 'error' });
    assert.deepEqual(merged.levels.map((l) => l.name), ['A', 'B']);
    assert.equal(merged.naming.convention, 'snake_case');
  });
});

describe('.datsis.yaml: validation', () => {
  function findings(marked: string) {
    const { text, ranges } = parseMarkers(marked);
    return { text, ranges, findings: loadRulesFile(text).findings };
  }

  it('is recognised by its file name only', () => {
    assert.ok(isRulesFileUri('file:///ws/.datsis.yaml'));
    assert.ok(isRulesFileUri('C:\\ws\\.datsis.yml'));
    assert.equal(isRulesFileUri('file:///ws/x.datsis.yaml'), false);
  });

  it('accepts a valid file without findings', () => {
    assert.deepEqual(loadRulesFile('minScore: 70\nnaming:\n  convention: camelCase\nrules:\n  D-tags:\n    weight: 2\n').findings, []);
  });

  it('reports schema errors on the exact node', () => {
    const result = findings('minScore: ‹150›\n‹colour›: blue\nrules:\n  D-tags:\n    severity: ‹loud›\n');
    assert.deepEqual(result.findings.map((f) => f.span), result.ranges);
    assert.ok(result.findings.every((f) => f.severity === 'error' && f.source === 'schema'));
    assert.match(result.findings[2]!.message, /error, warning, information, hint/);
  });

  it('warns about unknown rule ids with a rename fix to the closest id', () => {
    const result = findings('rules:\n  ‹D-purpse›:\n    weight: 2\n  ‹no-such-rule-at-all›:\n    enabled: false\n');
    assert.deepEqual(result.findings.map((f) => f.span), result.ranges);
    assert.deepEqual(result.findings[0]!.data, { fixes: [{ title: 'Change to D-purpose', fixAll: false, actions: [{ kind: 'renameKey', path: ['rules', 'D-purpse'], newKey: 'D-purpose' }] }] });
    assert.equal(result.findings[1]!.data, undefined);
  });

  it('still applies the valid parts of a file with mistakes', () => {
    const config = configFromRulesFile('minScore: 150\nrules:\n  D-tags:\n    weight: 4\n    severity: loud\npersonalDataPatterns: ["(unclosed", "ok"]\n');
    assert.equal(config.minScore, undefined);
    assert.deepEqual(config.rules['D-tags'], { weight: 4 });
    assert.deepEqual(config.personalDataPatterns, ['ok']);
  });

  it('is validated by analyze() when the document is named .datsis.yaml', () => {
    const { text, ranges } = parseMarkers('naming:\n  convention: ‹snake›\n');
    const result = analyze(parseDescriptor(text), { uri: 'file:///ws/.datsis.yaml', workspace: undefined });
    assert.deepEqual(result.map((f) => f.span), ranges);
    assert.deepEqual(analyze(parseDescriptor(text), { uri: 'file:///ws/other.yaml', workspace: undefined }), []);
  });
});
