import * as assert from 'node:assert/strict';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import { scoreDescriptor } from '../../../server/src/core/datsis/score';
import type { DimensionScores, ScoreReport } from '../../../server/src/core/datsis/types';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { readExamples } from '../../support/examples';
import { fakeWorkspace } from './harness';

/** The examples README names each product's intended quality; the scores must agree with it. */
const INTENDED = {
  excellent: ['sales/pos-transactions.odps.yaml', 'sales/pos-transactions.odcs.yaml', 'sales/daily-store-sales.odcs.yaml'],
  average: ['supply-chain/inventory-positions.odps.yaml', 'supply-chain/inventory-positions.odcs.yaml', 'pricing/dynamic-price-recommendations.odps.yaml', 'pricing/price-recommendations.odcs.yaml', 'pricing/price-elasticities.odcs.yaml'],
  poor: ['supply-chain/demand-forecast.odps.yaml', 'supply-chain/demand-forecast.odcs.yaml'],
};

function scoreExamples(): Map<string, ScoreReport> {
  const examples = readExamples();
  const parsed = new Map<string, ParsedDescriptor>(examples.map((example) => [example.name, parseDescriptor(example.text)]));
  const uris = new Map(examples.map((example) => [example.name, example.uri]));
  const uriOf = (file: string) => uris.get(file)!;
  const workspace = fakeWorkspace([...parsed].map(([file, p]) => {
    const value = p.value as { id: string; version?: string };
    return { uri: uriOf(file), id: value.id, kind: p.kind!, version: value.version };
  }));
  const contractScores = (id: string): DimensionScores | undefined => {
    const summary = workspace.byId(id).find((s) => s.kind === 'DataContract');
    const file = summary && [...parsed.keys()].find((f) => uriOf(f) === summary.uri);
    return file ? scoreDescriptor(parsed.get(file)!, { uri: summary.uri, workspace })?.dimensions : undefined;
  };
  return new Map([...parsed].map(([file, p]) => [file, scoreDescriptor(p, { uri: uriOf(file), workspace, contractScores })!]));
}

describe('DATSIS scores of the examples', () => {
  const reports = scoreExamples();
  const overall = (file: string) => reports.get(file)!.overall;

  it('scores every example named in the README', () => {
    for (const file of Object.values(INTENDED).flat()) assert.ok(reports.has(file), file);
  });

  for (const kind of ['odps', 'odcs']) {
    it(`orders the ${kind} files excellent > average > poor`, () => {
      const of = (group: string[]) => group.filter((file) => file.endsWith(`.${kind}.yaml`)).map(overall);
      assert.ok(Math.min(...of(INTENDED.excellent)) > Math.max(...of(INTENDED.average)), `${of(INTENDED.excellent)} vs ${of(INTENDED.average)}`);
      assert.ok(Math.min(...of(INTENDED.average)) > Math.max(...of(INTENDED.poor)), `${of(INTENDED.average)} vs ${of(INTENDED.poor)}`);
    });
  }

  it('puts the excellent examples in the top band and the poor ones in the bottom band', () => {
    const top = DEFAULT_LEVELS.at(-1)!.name;
    for (const file of INTENDED.excellent) assert.equal(reports.get(file)!.level, top, `${file}: ${overall(file)}`);
    for (const file of INTENDED.poor) assert.equal(reports.get(file)!.level, DEFAULT_LEVELS[0]!.name, `${file}: ${overall(file)}`);
  });

  it('folds the contracts into the products that serve them', () => {
    assert.deepEqual(reports.get('sales/pos-transactions.odps.yaml')!.foldedContracts, ['urn:hrg:contract:sales:pos-transactions', 'urn:hrg:contract:sales:daily-store-sales']);
  });

  it('flags the public e-mail column of the poor contract', () => {
    const gaps = reports.get('supply-chain/demand-forecast.odcs.yaml')!.gaps.filter((gap) => gap.rule === 'SEC-personal-data');
    assert.equal(gaps.length, 1);
    assert.match(gaps[0]!.message, /overrideByEmail/);
  });
});
