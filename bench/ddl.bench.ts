/**
 * DDL generation on a 4 MB contract (1,000 tables x 20 columns with descriptions, keys, foreign keys and quality
 * rules): the time from the parsed contract to the full SQL (DDL, sample queries and quality checks), per dialect,
 * median of several runs after a warm-up, cold and as the preview pays it. The budget is 100 ms. Parsing the YAML is timed separately: the
 * server parses each document version once and every feature shares that parse.
 *   npx tsx bench/ddl.bench.ts [--runs N]       (results also written to bench/output/ddl.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contractPlan, generateDdl } from '../server/src/core/ddl/generate';
import { DDL_DIALECTS } from '../server/src/core/ddl/types';
import { parseDescriptor } from '../server/src/core/yaml/parse';

const OBJECTS = 1000;
const PROPERTIES = 20;
const BUDGET_MS = 100;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const TYPES: readonly (readonly [string, string])[] = [['string', 'varchar(120)'], ['integer', 'bigint'], ['date', 'date'], ['number', 'numeric(12,2)'], ['boolean', 'boolean'], ['timestamp', 'timestamp']];

function contractText(): string {
  const lines = ['apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:bench:ddl', 'name: bench', 'version: 1.0.0', 'status: active',
    'servers:', '  - { server: prod, type: postgres, host: db.example, port: 5432, database: bench, schema: bench }',
    'roles:', '  - { role: bench_reader, access: read }', 'schema:'];
  for (let o = 0; o < OBJECTS; o++) {
    lines.push(`  - id: table_${o}`, `    name: table_${o}`, `    physicalName: table_${o}`, '    physicalType: table',
      `    description: Table number ${o} of the DDL benchmark, one row per business event of its kind.`,
      '    quality:', '      - { metric: rowCount, mustBeGreaterThan: 0 }', '    properties:');
    for (let p = 0; p < PROPERTIES; p++) {
      const [logicalType, physicalType] = TYPES[p % TYPES.length]!;
      lines.push(`      - name: col_${o}_${p}`, `        logicalType: ${logicalType}`, `        physicalType: ${physicalType}`,
        `        description: Column ${p} of table ${o} in the DDL benchmark; it's quoted.`,
        `        required: ${p < 2}`, '        classification: internal');
      if (p === 0) lines.push('        primaryKey: true', '        primaryKeyPosition: 1', '        quality:', '          - { metric: nullValues, mustBe: 0 }');
      if (p === 6 && o > 0) lines.push('        relationships:', `          - to: table_${o - 1}.col_${o - 1}_0`);
      if (p === 6) lines.push('        logicalTypeOptions: { format: i64 }');
    }
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const text = contractText();
const parseStart = performance.now();
const parsed = parseDescriptor(text);
const parseMs = performance.now() - parseStart;
if (parsed.kind !== 'DataContract') throw new Error('benchmark contract did not parse as a data contract');

/** CPU time of this process, which other processes on a busy machine do not inflate the way they inflate wall time. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Cold: a new document version that nothing has planned yet (every run gets a fresh copy of the value, copied
 * outside the timing). Warm: what the preview costs in the server, where the DDL diagnostics of the same version
 * have already planned it for the same dialect.
 */
const results = DDL_DIALECTS.map((dialect) => {
  generateDdl(structuredClone(parsed.value), dialect); // warm-up (JIT)
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const warm: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const fresh = structuredClone(parsed.value);
    const startCpu = cpuMs();
    const start = performance.now();
    const output = generateDdl(fresh, dialect);
    cold.push(performance.now() - start);
    coldCpu.push(cpuMs() - startCpu);
    bytes = output.ddl.length + output.samples.length + output.checks.length;
    const planned = structuredClone(parsed.value);
    contractPlan(planned, dialect);
    const warmStart = performance.now();
    generateDdl(planned, dialect);
    warm.push(performance.now() - warmStart);
  }
  return { dialect, medianMs: median(cold), fastestMs: Math.min(...cold), medianCpuMs: median(coldCpu), warmMedianMs: median(warm), sqlKb: bytes / 1024 };
});

console.log(`\n### DDL generation, ${(text.length / 1024 / 1024).toFixed(1)} MB contract (${OBJECTS} tables x ${PROPERTIES} columns), median of ${RUNS} runs\n`);
console.log(`YAML parse (once per document version, shared by all features): ${parseMs.toFixed(0)} ms\n`);
console.log(`Machine load average (1 min): ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
console.log('| dialect | cold: wall (median) | cold: fastest | cold: CPU (median) | preview after diagnostics (median) | SQL size | cold median within 100 ms |');
console.log('|---|---|---|---|---|---|---|');
for (const row of results) {
  console.log(`| ${row.dialect} | ${row.medianMs.toFixed(1)} ms | ${row.fastestMs.toFixed(1)} ms | ${row.medianCpuMs.toFixed(1)} ms | ${row.warmMedianMs.toFixed(1)} ms | ${row.sqlKb.toFixed(0)} KB | ${row.medianMs <= BUDGET_MS ? 'yes' : 'NO'} |`);
}
mkdirSync(join(__dirname, 'output'), { recursive: true });
writeFileSync(join(__dirname, 'output', 'ddl.json'), JSON.stringify({ contractBytes: text.length, parseMs, runs: RUNS, results }, null, 2));
