/**
 * Runs the schema layer on a fixture whose expected spans are marked with `‹ ›`, so every test states where
 * a finding belongs in the text itself.
 */
import * as assert from 'node:assert/strict';
import type { Fix } from '../../../server/src/core/fixes/types';
import type { Finding } from '../../../server/src/core/types';
import { schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

export interface SchemaRun {
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly ranges: { start: number; end: number }[];
}

export function validateMarked(marked: string): SchemaRun {
  const { text, ranges } = parseMarkers(marked);
  const findings = schemaAnalyzer(parseDescriptor(text), { uri: 'file:///test/fixture.yaml', workspace: undefined });
  return { text, findings, ranges };
}

/** Asserts exactly one finding per marked range, in order, each spanning its range; returns them. */
export function expectFindingsAtMarkers(run: SchemaRun): Finding[] {
  const describe = run.findings.map((f) => `${f.code} "${run.text.slice(f.span.start, f.span.end)}": ${f.message}`).join('\n  ');
  assert.equal(run.findings.length, run.ranges.length, `expected ${run.ranges.length} finding(s), got:\n  ${describe}`);
  run.ranges.forEach((range, index) => {
    const finding = run.findings[index]!;
    assert.deepEqual(finding.span, range, `finding ${index} (${finding.code}) is on "${run.text.slice(finding.span.start, finding.span.end)}", expected "${run.text.slice(range.start, range.end)}"`);
  });
  return [...run.findings];
}

export function fixesOf(finding: Finding): readonly Fix[] {
  return (finding.data as { fixes?: readonly Fix[] } | undefined)?.fixes ?? [];
}

/** A minimal valid contract header; tests append the part they are about. */
export const CONTRACT_HEADER = 'apiVersion: v3.1.0\nkind: DataContract\nid: orders-contract\nversion: 1.0.0\nstatus: active\n';
export const PRODUCT_HEADER = 'apiVersion: v1.0.0\nkind: DataProduct\nid: orders-product\nversion: 1.0.0\nstatus: active\n';
