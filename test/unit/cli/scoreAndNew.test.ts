import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import { fillPlaceholders, scaffoldPlaceholders } from '../fixes/fillPlaceholders';
import { datsis, temporaryFolder } from './cliHelpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOP_BAND = DEFAULT_LEVELS[DEFAULT_LEVELS.length - 1]!;

describe('datsis score', function () {
  this.timeout(60_000);

  it('prints the six dimensions as bars, the level and every gap with its position and fix', () => {
    const result = datsis(['score', 'examples/supply-chain/demand-forecast.odps.yaml']);
    assert.equal(result.status, 0, result.stderr);
    const [header, headline] = result.stdout.split('\n');
    assert.equal(header, 'examples/supply-chain/demand-forecast.odps.yaml · DataProduct');
    assert.match(headline!, /^DATSIS \d+ · \w+ · \d+ point\(s\) to \w+$/);
    for (const title of ['Discoverable', 'Addressable', 'Trustworthy', 'Self-describing', 'Interoperable', 'Secure']) {
      assert.match(result.stdout, new RegExp(`^  \\w+ +${title} +[█░]{20} +\\d+`, 'm'));
    }
    assert.match(result.stdout, /Includes the contracts behind its output ports: 14404144-7cc0-4721-b3ab-1b906b8641f7/);
    assert.match(result.stdout, /^ {2}\d+:\d+ +D D-purpose +The purpose is a placeholder/m);
    assert.match(result.stdout, /^ +fix: \S/m);
  });

  it('--format json gives the breakdown for tools', () => {
    const result = datsis(['score', 'examples/sales/pos-transactions.odcs.yaml', '--format', 'json']);
    assert.equal(result.status, 0);
    const score = JSON.parse(result.stdout) as { overall: number; level: string; dimensions: Record<string, number>; gaps: { rule: string; line: number }[] };
    assert.equal(Object.keys(score.dimensions).length, 6);
    assert.ok(score.overall >= TOP_BAND.min, 'the excellent example is in the top band');
    assert.equal(score.level, TOP_BAND.name);
  });

  it('exits 2 for a file that is not a descriptor, and for a missing FILE', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'other.yaml'), 'hello: world\n');
    const other = datsis(['score', 'other.yaml'], folder);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /other\.yaml: not a data contract or data product/);
    assert.equal(datsis(['score']).status, 2);
  });

  it('exits 1 when the score is below --min-score', () => {
    assert.equal(datsis(['score', 'examples/supply-chain/demand-forecast.odcs.yaml', '--min-score', '90']).status, 1);
  });
});

describe('datsis new', function () {
  this.timeout(60_000);

  it('scaffolds a product and its contract, linked by fresh UUIDs, that validate without errors', () => {
    const folder = temporaryFolder();
    const result = datsis(['new', 'product', 'Demand Forecast', '--domain', 'supply-chain', '--out', 'products'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(join(folder, 'products')).sort(), ['demand-forecast.odcs.yaml', 'demand-forecast.odps.yaml']);
    const product = parse(readFileSync(join(folder, 'products/demand-forecast.odps.yaml'), 'utf8')) as Record<string, unknown>;
    const contract = parse(readFileSync(join(folder, 'products/demand-forecast.odcs.yaml'), 'utf8')) as Record<string, unknown>;
    assert.match(String(product.id), UUID);
    assert.match(String(contract.id), UUID);
    assert.notEqual(product.id, contract.id);
    assert.equal((product.outputPorts as { contractId: string }[])[0]!.contractId, contract.id);
    assert.equal(product.domain, 'supply-chain');
    assert.match(result.stdout, /^ {2}products\/demand-forecast\.odcs\.yaml:\d+:\d+: fill in \$\{what this data is for/m);

    const check = datsis(['check', 'products', '--format', 'json'], folder);
    assert.equal(check.status, 0, check.stdout);
    const files = JSON.parse(check.stdout) as { findings: { severity: string; code: string }[] }[];
    assert.deepEqual(files.flatMap((file) => file.findings.filter((finding) => finding.severity === 'error')), []);
  });

  it('reaches the top band once the author fills the placeholders', () => {
    const folder = temporaryFolder();
    assert.equal(datsis(['new', 'product', 'Demand Forecast', '--domain', 'supply-chain'], folder).status, 0);
    for (const name of ['demand-forecast.odps.yaml', 'demand-forecast.odcs.yaml']) {
      const path = join(folder, name);
      const text = readFileSync(path, 'utf8');
      const placeholders = scaffoldPlaceholders(text);
      assert.ok(placeholders.length >= 5, `${name} has placeholders to fill`);
      const filled = fillPlaceholders(text, placeholders);
      assert.deepEqual(scaffoldPlaceholders(filled), []);
      writeFileSync(path, filled);
    }
    const result = datsis(['check', '.', '--format', 'json', '--min-score', String(TOP_BAND.min)], folder);
    assert.equal(result.status, 0, result.stdout);
    const files = JSON.parse(result.stdout) as { path: string; score: { overall: number; level: string } }[];
    assert.equal(files.length, 2);
    for (const file of files) assert.equal(file.score.level, TOP_BAND.name, `${file.path}: ${file.score.overall}`);
  });

  it('writes only a contract for `new contract`, with the domain as a placeholder when none is given', () => {
    const folder = temporaryFolder();
    assert.equal(datsis(['new', 'contract', 'orders'], folder).status, 0);
    assert.deepEqual(readdirSync(folder), ['orders.odcs.yaml']);
    assert.match(readFileSync(join(folder, 'orders.odcs.yaml'), 'utf8'), /^domain: \$\{business domain/m);
  });

  it('never overwrites a file and exits 2 for usage mistakes', () => {
    const folder = temporaryFolder();
    assert.equal(datsis(['new', 'contract', 'orders'], folder).status, 0);
    const before = readFileSync(join(folder, 'orders.odcs.yaml'), 'utf8');
    const again = datsis(['new', 'contract', 'orders'], folder);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /orders\.odcs\.yaml: already exists/);
    assert.equal(readFileSync(join(folder, 'orders.odcs.yaml'), 'utf8'), before);
    assert.equal(datsis(['new', 'dataset', 'x'], folder).status, 2);
    assert.equal(datsis(['new', 'product'], folder).status, 2);
    assert.equal(datsis(['new', 'product', '!!!'], folder).status, 2);
  });
});
