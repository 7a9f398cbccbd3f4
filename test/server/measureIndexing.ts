/**
 * A measurement, not a test (the suite has no timed tests): writes N small descriptors into a temporary
 * workspace, starts `dist/server.js` on it over stdio and prints how long the initial indexing took, from
 * `initialized` to the end of the server's work-done progress. Target: 2,000 descriptors in at most 3 s.
 * It also times the same work in-process (list, read, parse, summarise and score each file once) with its CPU
 * time, which stays meaningful when other jobs load the machine and stretch the wall-clock time.
 *   node scripts/build.mjs && npx tsx test/server/measureIndexing.ts [count]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkDoneProgress, WorkDoneProgressCreateRequest } from 'vscode-languageserver-protocol/node';
import { indexDescriptor } from '../../server/src/core/workspace/indexedDescriptor';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { parseDescriptor } from '../../server/src/core/yaml/parse';
import { listYamlFiles, readCandidate } from '../../server/src/features/workspaceFiles';
import { TestLspClient } from './lspClient';

const DESCRIPTORS_PER_FOLDER = 100;

function contract(index: number): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: urn:bench:contract:${index}
name: contract_${index}
version: 1.0.${index % 10}
status: active
domain: domain_${index % 20}
team:
  name: team-${index % 50}
  members:
    - username: owner${index}@example.com
      role: owner
schema:
  - name: table_${index}
    physicalName: t_${index}
    properties:
      - name: id
        logicalType: integer
        primaryKey: true
        primaryKeyPosition: 1
      - name: label
        logicalType: string
      - name: created_at
        logicalType: timestamp
`;
}

function product(index: number): string {
  return `apiVersion: v1.0.0
kind: DataProduct
id: urn:bench:product:${index}
name: product_${index}
version: 1.0.0
status: active
inputPorts:
  - name: source
    version: 1.0.${(index - 1) % 10}
    contractId: urn:bench:contract:${index - 1}
outputPorts:
  - name: output
    version: 1.0.${index % 10}
    contractId: urn:bench:contract:${index}
`;
}

async function measure(count: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'datsis-index-bench-'));
  for (let i = 0; i < count; i++) {
    const sub = join(folder, `domain-${Math.floor(i / DESCRIPTORS_PER_FOLDER)}`);
    if (i % DESCRIPTORS_PER_FOLDER === 0) mkdirSync(sub);
    writeFileSync(join(sub, i % 2 === 0 ? `c${i}.odcs.yaml` : `p${i}.odps.yaml`), i % 2 === 0 ? contract(i) : product(i));
  }
  await measureInProcess(folder, count);
  const client = new TestLspClient();
  let started = 0;
  let begun = 0;
  const finished = new Promise<number>((resolve) => {
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'begin') begun = performance.now();
        if (value.kind === 'end') resolve(performance.now() - started);
      });
    });
  });
  try {
    started = performance.now();
    await client.initialize({ window: { workDoneProgress: true } }, [pathToFileURL(folder).href]);
    const elapsed = await finished;
    const cpu = serverCpuSeconds();
    if (cpu !== undefined) console.log(`server process CPU time (start-up included): ${cpu.toFixed(2)} s`);
    console.log(`indexed ${count} descriptors in ${(elapsed / 1000).toFixed(2)} s from initialize to the end of the progress report `
      + `(server start-up until the progress began: ${((begun - started) / 1000).toFixed(2)} s)`);
  } finally {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** User + system CPU seconds of the spawned server (Linux /proc only; undefined elsewhere). */
function serverCpuSeconds(): number | undefined {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/);
    let total = 0;
    for (const pid of children) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    }
    return total;
  } catch {
    return undefined;
  }
}

async function measureInProcess(folder: string, count: number): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const index = new WorkspaceIndex();
  for (const path of await listYamlFiles(folder)) {
    const text = await readCandidate(path);
    const uri = pathToFileURL(path).href;
    const indexed = text === undefined ? undefined : indexDescriptor(parseDescriptor(text), uri, undefined);
    if (indexed) index.update(uri, indexed.summary);
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(`in-process: ${index.size}/${count} descriptors listed, read, parsed, summarised and scored in ${(wall / 1000).toFixed(2)} s wall, `
    + `${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
}

measure(Number(process.argv[2] ?? 2000)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
