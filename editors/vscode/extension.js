// The TreatyDsl extension: colours come from the TextMate grammar; everything else (diagnostics with example cases,
// hover, go to definition, references, completion, outline) from the language server, `treaty lsp`, which runs on the
// same language core as the build, so the editor says exactly what the build says.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('treaty.server');
  const command = settings.get('command') || 'treaty';
  const args = [...(settings.get('args') || []), 'lsp'];
  const server = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient('treaty', 'TreatyDsl', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'treaty' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.treaty') },
  });
  context.subscriptions.push(client);
  return client.start().catch(error => {
    vscode.window.showErrorMessage(
      `TreatyDsl: could not start '${command} ${args.join(' ')}' (${error.message}). Install the tool with ` +
      `'dotnet tool install -g TreatyDsl.Tool', or set treaty.server.command.`);
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
