// The TreatyDsl extension: colours come from the TextMate grammar; everything else (diagnostics with example cases,
// hover, go to definition, references, completion, outline, what an edit changes) from the language server,
// `treaty lsp`, which runs on the same language core as the build, so the editor says exactly what the build says.
//
// The server: the one this .vsix carries for the machine's platform (server/<platform>-<arch>/treaty, natively compiled,
// no .NET needed), unless the settings name another; otherwise `treaty` from PATH.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The server this .vsix carries for this platform, or null (the universal .vsix carries none). */
function bundledServer(context) {
  const name = process.platform === 'win32' ? 'treaty.exe' : 'treaty';
  const candidate = path.join(context.extensionPath, 'server', `${process.platform}-${process.arch}`, name);
  return fs.existsSync(candidate) ? candidate : null;
}

/** The server's command line: the settings' command when one is set, else the bundled server, else `treaty` from PATH. */
function serverCommand(context) {
  const settings = vscode.workspace.getConfiguration('treaty.server');
  const set = settings.inspect('command');
  const chosen = set && (set.workspaceFolderValue ?? set.workspaceValue ?? set.globalValue);
  const args = [...(settings.get('args') || []), 'lsp'];
  if (chosen) return { command: chosen, args, source: 'the treaty.server.command setting' };
  const bundled = bundledServer(context);
  if (bundled) {
    // A .vsix is a zip: the execute bit may not survive every way of installing one.
    try { fs.chmodSync(bundled, 0o755); } catch { /* read-only install: it is executable or the start says why */ }
    return { command: bundled, args: ['lsp'], source: 'the server this extension carries' };
  }
  return { command: 'treaty', args, source: 'PATH' };
}

function activate(context) {
  const { command, args, source } = serverCommand(context);
  const server = { command, args, transport: TransportKind.stdio };
  // What an edit changes (`treaty.compare`, run by the code lenses at the top of every .treaty file and by the two
  // palette commands): the server answers as `treaty diff` does, shown whole in an output channel.
  const changes = vscode.window.createOutputChannel('TreatyDsl: what an edit changes');
  client = new LanguageClient('treaty', 'TreatyDsl', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'treaty' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.treaty') },
    middleware: {
      executeCommand: async (name, commandArgs, next) => {
        const answer = await next(name, commandArgs);
        if (name === 'treaty.compare' && answer && typeof answer.text === 'string') {
          changes.clear();
          changes.append(answer.text);
          changes.show(true);
          vscode.window.showInformationMessage(`TreatyDsl: ${answer.summary}`);
        }
        return answer;
      },
    },
  });
  context.subscriptions.push(client, changes,
    vscode.commands.registerCommand('treaty.compareWithSaved', () => vscode.commands.executeCommand('treaty.compare', 'saved')),
    vscode.commands.registerCommand('treaty.compareWithCommit', () => vscode.commands.executeCommand('treaty.compare', 'committed')));
  const version = context.extension && context.extension.packageJSON ? context.extension.packageJSON.version : 'unknown';
  return client.start().then(() => {
    const info = client.initializeResult && client.initializeResult.serverInfo;
    client.outputChannel.appendLine(`TreatyDsl extension ${version}; server ${info ? `${info.name} ${info.version}` : '(no version given)'}: ${command} ${args.join(' ')} (from ${source})`);
  }, error => {
    const help = source === 'PATH'
      ? `This extension carries no server for ${process.platform}-${process.arch}: install the tool from the folder feed ` +
        `the project's build makes (dotnet tool install -g TreatyDsl.Tool --add-source path/to/feed), ` +
        `or set treaty.server.command to a treaty command.`
      : `Check ${source}.`;
    const message = `TreatyDsl: could not start '${command} ${args.join(' ')}' (${error.message}). ${help}`;
    client.outputChannel.appendLine(message);
    vscode.window.showErrorMessage(message);
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
