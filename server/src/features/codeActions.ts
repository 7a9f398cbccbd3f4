/**
 * Quick-fixes and "Fix all DATSIS gaps". Every fix is data carried by the diagnostic (`diagnostic.data.fixes`, set
 * by convert.ts from the finding), so a quick-fix never re-runs the analysis; the core edit engine turns it into
 * minimal edits. Edits are computed on `codeAction/resolve` when the client supports it, because VS Code asks
 * for code actions on every cursor move and most offered actions are never applied.
 */
import {
  CodeActionKind, type ClientCapabilities, type CodeAction, type CodeActionOptions, type CodeActionParams, type Connection,
  type Diagnostic, type SnippetTextEdit, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllCandidates, fixAllEdits, fixesOf, fixToEdits, type Fix, type TextEdit } from '../core/fixes';
import { hasPlaceholders } from '../core/fixes/snippet';
import type { Finding } from '../core/types';
import { spanToRange } from '../convert';
import type { DocumentStore } from '../documents';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.datsis`;
export const FIX_ALL_TITLE = 'Fix all DATSIS gaps';

export const CODE_ACTION_PROVIDER: CodeActionOptions = {
  codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
  resolveProvider: true,
};

/** What the analysis of a document found; the server passes the same function its diagnostics use. */
export type FindingsProvider = (document: TextDocument) => Promise<readonly Finding[]> | readonly Finding[];

/** Carried in `CodeAction.data` until the edit is resolved. */
type PendingAction = { readonly uri: string; readonly version: number } & ({ readonly fix: Fix } | { readonly fixAll: true });

interface ClientSupport {
  snippets: boolean;
  documentChanges: boolean;
  lazyEdits: boolean;
}

export interface CodeActionFeature {
  /** Call from `onInitialize` with the client's capabilities. */
  configure(capabilities: ClientCapabilities): void;
}

export function registerCodeActions(connection: Connection, store: DocumentStore, findingsFor: FindingsProvider): CodeActionFeature {
  const support: ClientSupport = { snippets: false, documentChanges: false, lazyEdits: false };

  const resolveEdit = async (action: CodeAction, pending: PendingAction): Promise<CodeAction> => {
    const document = store.get(pending.uri);
    if (!document) return action;
    const parsed = store.parsed(document);
    const edits = 'fix' in pending
      ? fixToEdits(parsed, pending.fix, { snippets: support.snippets })
      : fixAllEdits(parsed, await findingsFor(document));
    return { ...action, edit: toWorkspaceEdit(document, edits, support), data: undefined };
  };

  const offer = async (action: CodeAction, pending: PendingAction): Promise<CodeAction | undefined> => {
    if (support.lazyEdits) return { ...action, data: pending };
    const resolved = await resolveEdit(action, pending);
    return hasEdits(resolved.edit) ? resolved : undefined;
  };

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = store.get(params.textDocument.uri);
    if (!document) return [];
    const wants = (kind: string): boolean => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const base = { uri: document.uri, version: document.version };
    const actions: (CodeAction | undefined)[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        const fixes = fixesOf(diagnostic);
        for (const fix of fixes) {
          const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
          if (fixes.length === 1 && !fixHasPlaceholders(fix)) action.isPreferred = true; // one obvious answer
          actions.push(await offer(action, { ...base, fix }));
        }
      }
    }
    const datsisDiagnostics = params.context.diagnostics.filter(isDatsisDiagnostic);
    const offersQuickFixAll = wants(CodeActionKind.QuickFix) && datsisDiagnostics.some((diagnostic) => fixesOf(diagnostic).some((fix) => fix.fixAll));
    if (offersQuickFixAll || wants(FIX_ALL_KIND)) {
      const candidates = fixAllCandidates(await findingsFor(document));
      if (offersQuickFixAll && candidates.length > 1) {
        actions.push(await offer({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: datsisDiagnostics }, { ...base, fixAll: true }));
      }
      if (wants(FIX_ALL_KIND) && params.context.only && candidates.length > 0) {
        actions.push(await offer({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND }, { ...base, fixAll: true }));
      }
    }
    return actions.filter((action): action is CodeAction => action !== undefined);
  });

  connection.onCodeActionResolve(async (action) => {
    const pending = action.data as PendingAction | undefined;
    return pending ? resolveEdit(action, pending) : action;
  });

  return {
    configure(capabilities) {
      const workspaceEdit = capabilities.workspace?.workspaceEdit as ({ snippetEditSupport?: boolean } & NonNullable<NonNullable<ClientCapabilities['workspace']>['workspaceEdit']>) | undefined;
      support.documentChanges = !!workspaceEdit?.documentChanges;
      support.snippets = !!workspaceEdit?.snippetEditSupport && support.documentChanges;
      support.lazyEdits = !!capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    },
  };
}

function isDatsisDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === 'DATSIS';
}

function fixHasPlaceholders(fix: Fix): boolean {
  return fix.actions.some((action) => 'value' in action && hasPlaceholders(action.value));
}

function hasEdits(edit: WorkspaceEdit | undefined): boolean {
  if (!edit) return false;
  const changes = Object.values(edit.changes ?? {}).flat();
  const documentChanges = (edit.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits : []));
  return changes.length + documentChanges.length > 0;
}

/** Core edits -> a workspace edit: versioned and with snippet edits where the client takes them. */
export function toWorkspaceEdit(document: TextDocument, edits: readonly TextEdit[], support: Pick<ClientSupport, 'snippets' | 'documentChanges'>): WorkspaceEdit {
  const lspEdits = edits.map((edit): LspTextEdit | SnippetTextEdit => {
    const range = spanToRange(document, edit.span);
    return edit.snippet && support.snippets ? { range, snippet: { kind: 'snippet', value: edit.newText } } : { range, newText: edit.newText };
  });
  if (support.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  return { changes: { [document.uri]: lspEdits as LspTextEdit[] } };
}
