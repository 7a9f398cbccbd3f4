import * as assert from 'node:assert/strict';
import { completeAt } from '../../../server/src/core/language/completion';
import { hoverAt } from '../../../server/src/core/language/hover';
import { RUBRIC } from '../../../server/src/core/datsis/rubric';
import { fixture, labels } from './helpers';

const RULES_URI = 'file:///ws/.datsis.yaml';
const context = { uri: RULES_URI, workspace: undefined };

describe('editing the .datsis.yaml rules file', () => {
  it('completes the top-level keys from the rules schema', () => {
    const { parsed, offset } = fixture('minScore: 60\n‸\n');
    const offered = labels(completeAt(parsed, offset, context));
    for (const key of ['rules', 'levels', 'naming', 'requiredTags', 'personalDataPatterns']) assert.ok(offered.includes(key), `${key} in ${offered.join(', ')}`);
    assert.ok(!offered.includes('minScore'), 'a key already present is not offered again');
  });

  it('offers every rubric rule id under `rules`, not the ones already configured', () => {
    const { parsed, offset } = fixture('rules:\n  D-purpose:\n    severity: error\n  ‸\n');
    const offered = labels(completeAt(parsed, offset, context));
    const expected = RUBRIC.map((rule) => rule.id).filter((id) => id !== 'D-purpose');
    assert.deepEqual(offered.filter((label) => /^[A-Z]+-/.test(label)).sort(), expected.sort());
  });

  it('completes the severity values of a rule setting', () => {
    const { parsed, offset } = fixture('rules:\n  SEC-roles:\n    severity: ‸\n');
    assert.deepEqual(labels(completeAt(parsed, offset, context)).sort(), ['error', 'hint', 'information', 'warning']);
  });

  it('explains a rule id on hover with the rubric text', () => {
    const { parsed, positions, ranges } = fixture('rules:\n  ‹SEC-r‸oles›:\n    enabled: false\n');
    const hover = hoverAt(parsed, positions[0]!, context);
    const rule = RUBRIC.find((candidate) => candidate.id === 'SEC-roles')!;
    assert.ok(hover?.markdown.includes(rule.title), hover?.markdown);
    assert.deepEqual(hover?.span, ranges[0]);
  });

  it('gives a plain yaml file with another name no help at all', () => {
    const { parsed, offset } = fixture('minScore: 60\n‸\n');
    assert.deepEqual(completeAt(parsed, offset, { uri: 'file:///ws/other.yaml', workspace: undefined }), []);
  });
});
