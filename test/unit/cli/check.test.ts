import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { parseMarkers } from '../../support/markers';
import { datsis, EXAMPLES, ROOT, temporaryFolder } from './cliHelpers';

const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/**
 * The official SARIF 2.1.0 schema, as shipped by Microsoft's `@microsoft/jest-sarif` package. It is written in
 * draft-04, whose only difference that matters here is `id` for `$id`; Ajv reads it as draft-07 once renamed.
 * Its `language` pattern is not valid as a Unicode regular expression, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const schemaPath = join(dirname(requireFromRoot.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  ontext: (text: string) => void;
  write(text: string): SaxParser;
  close(): void;
}

/** Parses XML strictly (any well-formedness error throws) and returns the elements in document order. */
function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const sax = requireFromRoot('sax') as { parser(strict: boolean): SaxParser };
  const parser = sax.parser(true);
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  parser.onerror = (error) => { throw error; };
  parser.onopentag = (tag) => { elements.push({ name: tag.name, attributes: tag.attributes, text: '' }); };
  parser.ontext = (text) => { if (elements.length) elements[elements.length - 1]!.text += text; };
  parser.write(xml).close();
  return elements;
}

function writeBroken(folder: string): { path: string; line: number; column: number } {
  const fixture = parseMarkers('apiVersion: v3.1.0\nkind: DataContract\nid: 8c1d8a4e-5f0a-4bb1-9f39-5b8a2d1f0c11\nname: orders\n‹name›: again\n');
  const path = join(folder, 'broken.odcs.yaml');
  writeFileSync(path, fixture.text);
  const before = fixture.text.slice(0, fixture.ranges[0]!.start).split('\n');
  return { path, line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('datsis check', function () {
  this.timeout(120_000);

  it('checks and scores the example workspace: exit 0, one score line per descriptor', () => {
    const result = datsis(['check', 'examples']);
    assert.equal(result.status, 0, result.stderr);
    const scoreLines = result.stdout.split('\n').filter((line) => /: DATSIS \d+ · D \d+ A \d+ T \d+ S \d+ I \d+ S \d+ · \w+$/.test(line));
    assert.equal(scoreLines.length, 10, result.stdout);
    assert.ok(scoreLines.some((line) => line.startsWith('examples/supply-chain/demand-forecast.odps.yaml: ')));
    assert.match(result.stdout, /^examples\/supply-chain\/demand-forecast\.odcs\.yaml:\d+:\d+: warning .*\[SEC-personal-data\]$/m);
  });

  it('exits 1 for an error finding and names the file, line and column', () => {
    const folder = temporaryFolder();
    const broken = writeBroken(folder);
    const result = datsis(['check', '.'], folder);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^broken\\.odcs\\.yaml:${broken.line}:${broken.column}: error .*\\[yaml/duplicate-key\\]$`, 'm'));
  });

  it('exits 2 for a path that does not exist and for an unknown format', () => {
    const missing = datsis(['check', 'no/such/folder']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/folder: no such file or folder/);
    const format = datsis(['check', 'examples', '--format', 'xml']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /unknown format "xml"/);
    const option = datsis(['check', '--frobnicate']);
    assert.equal(option.status, 2);
  });

  it('fails below --min-score and names the descriptors under the bar', () => {
    const high = datsis(['check', 'examples', '--min-score', '90']);
    assert.equal(high.status, 1);
    assert.match(high.stdout, /below the minimum DATSIS score of 90: .*examples\/supply-chain\/demand-forecast\.odcs\.yaml \(\d+\)/);
    assert.doesNotMatch(high.stdout.split('\n').filter((line) => line.includes('below the minimum')).join(), /pos-transactions/);
    const low = datsis(['check', 'examples', '--min-score', '0']);
    assert.equal(low.status, 0);
    assert.match(low.stdout, /Every descriptor reaches the minimum DATSIS score of 0\./);
    assert.equal(datsis(['check', 'examples', '--min-score', 'high']).status, 2);
  });

  it('takes the bar from the nearest .datsis.yaml: in the checked folder or above it', () => {
    const parent = temporaryFolder();
    const folder = join(parent, 'mesh');
    mkdirSync(folder);
    copyFileSync(join(EXAMPLES, 'supply-chain/demand-forecast.odcs.yaml'), join(folder, 'forecast.odcs.yaml'));
    writeFileSync(join(folder, '.datsis.yaml'), 'minScore: 80\n');
    const result = datsis(['check'], folder);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /below the minimum DATSIS score of 80: forecast\.odcs\.yaml/);
    assert.match(result.stdout, /\[DATSIS-min-score\]/);
    const fromAbove = datsis(['check', 'mesh'], parent);
    assert.equal(fromAbove.status, 1);
    assert.match(fromAbove.stdout, /below the minimum DATSIS score of 80: mesh\/forecast\.odcs\.yaml/);
    writeFileSync(join(folder, '.datsis.yaml'), 'minScore: 10\n');
    assert.equal(datsis(['check'], folder).status, 0);
  });

  it('reports mistakes in the rules file like any other finding', () => {
    const folder = temporaryFolder();
    copyFileSync(join(EXAMPLES, 'sales/pos-transactions.odcs.yaml'), join(folder, 'pos.odcs.yaml'));
    writeFileSync(join(folder, '.datsis.yaml'), 'rules:\n  D-purpse:\n    weight: 2\n');
    const result = datsis(['check'], folder);
    assert.match(result.stdout, /^\.datsis\.yaml:2:3: warning Unknown DATSIS rule "D-purpse"; did you mean "D-purpose"\?/m);
  });

  it('--format json carries findings with 1-based positions and the score of every descriptor', () => {
    const result = datsis(['check', 'examples', '--format', 'json']);
    assert.equal(result.status, 0);
    const files = JSON.parse(result.stdout) as { path: string; score: { overall: number; level: string } | null; findings: { code: string; start: { line: number; column: number } }[] }[];
    assert.equal(files.length, 10);
    for (const file of files) {
      assert.ok(file.score && file.score.overall >= 0 && file.score.overall <= 100, file.path);
      for (const finding of file.findings) assert.ok(finding.start.line >= 1 && finding.start.column >= 1);
    }
  });

  it('--format sarif validates against the official SARIF 2.1.0 schema', () => {
    const result = datsis(['check', 'examples', '--format', 'sarif']);
    assert.equal(result.status, 0, result.stderr);
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'datsis');
    assert.match(run.tool.driver.version ?? '', /^\d+\.\d+\.\d+/);
    assert.ok(run.tool.driver.informationUri);
    assert.equal(run.invocations?.[0]?.executionSuccessful, true);
    assert.equal(run.originalUriBaseIds?.SRCROOT?.uri, `${pathToFileURL(ROOT).href}/`);
    assert.ok(run.results!.length > 100);
    const rules = run.tool.driver.rules!;
    for (const result of run.results!) {
      const location = result.locations![0]!.physicalLocation!;
      assert.equal(location.artifactLocation!.uriBaseId, 'SRCROOT');
      assert.match(location.artifactLocation!.uri!, /^examples\/[a-z-]+\/[a-z-]+\.od[cp]s\.yaml$/);
      assert.ok(location.region!.startLine! >= 1 && location.region!.startColumn! >= 1);
      assert.equal(rules[result.ruleIndex!]!.id, result.ruleId);
    }
    const personal = run.results!.find((result) => result.ruleId === 'SEC-personal-data')!;
    const source = readFileSync(join(ROOT, personal.locations![0]!.physicalLocation!.artifactLocation!.uri!), 'utf8').split('\n');
    const region = personal.locations![0]!.physicalLocation!.region!;
    assert.equal(source[region.startLine! - 1]!.slice(region.startColumn! - 1, region.endColumn! - 1), 'public', 'region points at the public classification');
    assert.match(rules[personal.ruleIndex!]!.helpUri ?? '', /DATSIS\.md#sec-personal-data$/);
    assert.ok(personal.fixes?.length, 'the quick-fix travels as a SARIF fix');
  });

  it('--format junit is well-formed XML with one suite per file and a failing case for each failure', () => {
    const passing = parseXml(datsis(['check', 'examples', '--format', 'junit']).stdout);
    assert.equal(passing.filter((element) => element.name === 'testsuite').length, 10);
    assert.equal(passing.filter((element) => element.name === 'failure').length, 0);

    const folder = temporaryFolder();
    writeBroken(folder);
    copyFileSync(join(EXAMPLES, 'supply-chain/demand-forecast.odcs.yaml'), join(folder, 'forecast.odcs.yaml'));
    const result = datsis(['check', '.', '--format', 'junit', '--min-score', '50'], folder);
    assert.equal(result.status, 1);
    const elements = parseXml(result.stdout);
    const failures = elements.filter((element) => element.name === 'failure');
    assert.ok(failures.some((failure) => /duplicate/i.test(failure.attributes.message ?? '')), 'the YAML error fails its case');
    assert.ok(failures.some((failure) => /below the minimum of 50/.test(failure.attributes.message ?? '')), 'the score below the bar fails its case');
    const suites = elements.filter((element) => element.name === 'testsuite');
    assert.deepEqual(suites.map((suite) => suite.attributes.name).sort(), ['broken.odcs.yaml', 'forecast.odcs.yaml']);
    assert.ok(elements.some((element) => element.name === 'property' && element.attributes.name === 'datsis.score'));
  });
});
