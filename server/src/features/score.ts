/**
 * DATSIS scores over LSP: the `datsis/score` request, the `datsis/scoresChanged` notification and the
 * contract-score lookup that lets a product fold in the contracts behind its output ports.
 *
 * Scores are recomputed for every open document after a pause in edits (and after rules or settings change, or
 * a contract changed on disk); only documents whose score actually changed are announced. Recomputing is cheap:
 * the core caches the document-local rule outcomes per parse, so an unchanged document costs only its workspace
 * rules and fold.
 *
 * A contract's score for the fold comes from the workspace index, which keeps every file's workspace-independent
 * score from the parse it made while indexing: no contract is read or parsed again for a product's sake. What
 * depends on the rest of the workspace (a duplicate id) is finished there on demand and remembered until the
 * contract or the index changes.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContexts } from '../analysisContext';
import { descriptorId, scoreDescriptor, type ContractScoreLookup } from '../core/datsis/score';
import type { DimensionScores, ScoreReport } from '../core/datsis/types';
import { spanToRange } from '../convert';
import type { DocumentStore } from '../documents';
import { Methods, type ScoreResult, type ScoresChangedParams, type TextDocumentParams } from '../protocol';
import type { WorkspaceIndexFeature } from './workspaceIndex';

const RESCORE_DELAY_MS = 150;

export class Scores {
  private readonly changeListeners: ((uris: readonly string[]) => void)[] = [];

  constructor(private readonly store: DocumentStore, private readonly contexts: AnalysisContexts, private readonly workspace: WorkspaceIndexFeature) {}

  /** The score of an open document, or undefined when it is not a descriptor or DATSIS is switched off. */
  reportFor(document: TextDocument): ScoreReport | undefined {
    const context = this.contexts.create(document.uri);
    if (context.rules && !context.rules.enabled) return undefined;
    return scoreDescriptor(this.store.parsed(document), context);
  }

  /** Called after `datsis/scoresChanged` went out, with the documents whose score changed. */
  onDidChangeScores(listener: (uris: readonly string[]) => void): void {
    this.changeListeners.push(listener);
  }

  fireDidChangeScores(uris: readonly string[]): void {
    for (const listener of this.changeListeners) listener(uris);
  }

  /** For `AnalysisContexts.provideContractScores`: contract id -> final scores, never the asking document. */
  lookupFor(askingUri: string): ContractScoreLookup {
    return (contractId) => {
      const uri = this.findContract(contractId, askingUri);
      return uri === undefined ? undefined : this.workspace.unfoldedScore(uri)?.dimensions;
    };
  }

  /** An open contract with this id wins (unsaved edits count); otherwise the workspace index's file. */
  private findContract(contractId: string, askingUri: string): string | undefined {
    for (const document of this.store.documents.all()) {
      if (document.uri === askingUri) continue;
      const parsed = this.store.parsed(document);
      if (parsed.kind === 'DataContract' && descriptorId(parsed) === contractId) return document.uri;
    }
    return this.contexts.create(askingUri).workspace?.byId(contractId).find((candidate) => candidate.kind === 'DataContract' && candidate.uri !== askingUri)?.uri;
  }
}

export function toScoreResult(document: TextDocument, report: ScoreReport): ScoreResult {
  return {
    overall: report.overall,
    level: report.level,
    dimensions: { ...report.dimensions },
    gaps: report.gaps.map((gap) => ({
      rule: gap.rule, dimension: gap.dimension, message: gap.message, range: spanToRange(document, gap.span), fixes: gap.fixes.map((fix) => fix.title),
    })),
  };
}

/** What must differ for a score change to be announced. */
function signature(report: ScoreReport | undefined): string {
  if (!report) return '';
  const dimensions: DimensionScores = report.dimensions;
  return JSON.stringify([report.overall, report.level, dimensions, report.gaps.map((gap) => [gap.rule, gap.span.start, gap.span.end, gap.message])]);
}

export function registerScore(connection: Connection, store: DocumentStore, contexts: AnalysisContexts, workspace: WorkspaceIndexFeature): Scores {
  const scores = new Scores(store, contexts, workspace);
  contexts.provideContractScores((uri) => scores.lookupFor(uri));
  const announced = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;

  connection.onRequest(Methods.score, (params: TextDocumentParams): ScoreResult | null => {
    const document = store.get(params.textDocument.uri);
    const report = document && scores.reportFor(document);
    if (!document || !report) return null;
    announced.set(document.uri, signature(report));
    return toScoreResult(document, report);
  });

  const rescoreAll = (): void => {
    timer = undefined;
    const changed: string[] = [];
    for (const document of store.documents.all()) {
      const current = signature(scores.reportFor(document));
      if (announced.get(document.uri) === current) continue;
      announced.set(document.uri, current);
      changed.push(document.uri);
    }
    if (!changed.length) return;
    const params: ScoresChangedParams = { uris: changed };
    void connection.sendNotification(Methods.scoresChanged, params);
    scores.fireDidChangeScores(changed);
  };
  const schedule = (delay = RESCORE_DELAY_MS): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        rescoreAll();
      } catch (error) {
        connection.console.error(`datsis: scoring failed: ${String(error)}`);
      }
    }, delay);
  };

  // Any edit may change other documents' scores too (a product folds in its contracts), so all are rechecked.
  store.documents.onDidChangeContent(() => schedule());
  store.documents.onDidClose((event) => {
    announced.delete(event.document.uri);
    schedule();
  });
  contexts.onDidChange(() => schedule(0));
  // A contract changed on disk (or a folder came or went): the products that fold it in may score differently.
  workspace.onFilesChanged(() => schedule());
  return scores;
}
