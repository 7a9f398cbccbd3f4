/**
 * A data product's ports name the contracts they expose or consume by `contractId` (and `version`); output
 * ports list the contracts they were built from in `inputContracts` (`id` + `version`). Each must resolve to a
 * data contract in the workspace, at that version. Warnings, not errors: the contract may be published from
 * another repository. Silent without a workspace index.
 */
import type { ValuePath } from '../types';
import { suggest } from '../validation/suggest';
import type { DescriptorSummary, WorkspaceView } from '../workspace/types';
import { records, stringField } from './model';
import { fileLabel } from './references';
import type { RuleInput, RuleProblem, SemanticRule } from './rule';

export const portContractsRule: SemanticRule = {
  id: 'port-contract',
  appliesTo: ['DataProduct'],
  check(input) {
    const { workspace, value } = input;
    if (!workspace) return [];
    const problems: RuleProblem[] = [];
    for (const ports of ['inputPorts', 'outputPorts'] as const) {
      for (const [port, index] of records(value[ports])) {
        const portPath = [ports, index];
        problems.push(...checkContractRef(stringField(port, 'contractId'), stringField(port, 'version'), [...portPath, 'contractId'], [...portPath, 'version'], workspace, input));
        for (const [used, usedIndex] of records(port.inputContracts)) {
          const usedPath = [...portPath, 'inputContracts', usedIndex];
          problems.push(...checkContractRef(stringField(used, 'id'), stringField(used, 'version'), [...usedPath, 'id'], [...usedPath, 'version'], workspace, input));
        }
      }
    }
    return problems;
  },
};

function checkContractRef(
  contractId: string | undefined, version: string | undefined, idPath: ValuePath, versionPath: ValuePath, workspace: WorkspaceView, input: RuleInput,
): RuleProblem[] {
  if (contractId === undefined || input.schemaFlagged(idPath)) return [];
  const contracts = workspace.byId(contractId).filter((summary) => summary.kind === 'DataContract');
  if (contracts.length === 0) {
    const close = suggest(contractId, allContractIds(workspace));
    return [{
      path: idPath, severity: 'warning', code: 'semantic/unknown-contract',
      message: `No data contract with the id \`${contractId}\` was found in the workspace${close ? ` — did you mean \`${close}\`?` : '.'}`,
      ...(close ? { fixes: [{ title: `Change to \`${close}\``, actions: [{ kind: 'replaceValue', path: idPath, value: close }], fixAll: false }] } : {}),
    }];
  }
  if (version === undefined || input.schemaFlagged(versionPath) || contracts.some((contract) => contract.version === version)) return [];
  const versions = [...new Set(contracts.map((contract) => contract.version).filter((v): v is string => v !== undefined))];
  const only = versions.length === 1 ? versions[0] : undefined;
  return [{
    path: versionPath, severity: 'warning', code: 'semantic/contract-version-mismatch',
    message: `${describe(contracts[0]!)} is at version ${versions.length ? versions.map((v) => `\`${v}\``).join(', ') : '(none)'}, not \`${version}\`.`,
    ...(only ? { fixes: [{ title: `Change to \`${only}\``, actions: [{ kind: 'replaceValue', path: versionPath, value: only }], fixAll: false }] } : {}),
  }];
}

function describe(contract: DescriptorSummary): string {
  return `The data contract \`${contract.name ?? contract.id ?? fileLabel(contract.uri)}\` (${fileLabel(contract.uri)})`;
}

function allContractIds(workspace: WorkspaceView): string[] {
  const ids: string[] = [];
  for (const summary of workspace.all()) if (summary.kind === 'DataContract' && summary.id !== undefined) ids.push(summary.id);
  return ids;
}
