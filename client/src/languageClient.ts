/**
 * Starts the bundled datsis language server and keeps it running. The server is the same `dist/server.js`
 * that other editors run with `--stdio`; here it is spoken to over IPC.
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { LanguageIds } from '../../server/src/protocol';

/** Restart after a crash at most this many times within `RESTART_WINDOW_MS`, then give up and say so. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain `yaml` documents are sent too: the server decides by content (`kind`) whether a file is a descriptor.
    documentSelector: [LanguageIds.contract, LanguageIds.product, 'yaml'].flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
      { language, scheme: 'vscode-remote' },
    ]),
    synchronize: { configurationSection: 'datsis' },
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: new RestartOnCrash(output),
  };
  return new LanguageClient('datsis', 'DATSIS Language Server', serverOptions, clientOptions);
}

/** Restarts a crashed server and tells the user once per session, not on every restart. */
class RestartOnCrash implements ErrorHandler {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0]! > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS) {
      const message = `The DATSIS language server crashed ${MAX_RESTARTS} times in 3 minutes and will not be restarted. See the "DATSIS" output for details.`;
      void vscode.window.showErrorMessage(message);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    this.output.warn(`The language server stopped unexpectedly; restarting it (${this.restarts.length}/${MAX_RESTARTS}).`);
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The DATSIS language server stopped unexpectedly and was restarted.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
