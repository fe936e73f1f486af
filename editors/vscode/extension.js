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
  // What an edit changes (`treaty.compare`, run by the code lenses at the top of every .treaty file and by the two
  // palette commands): the server answers as `treaty diff` does, shown whole in an output channel.
  const changes = vscode.window.createOutputChannel('TreatyDsl: what an edit changes');
  client = new LanguageClient('treaty', 'TreatyDsl', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'treaty' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.treaty') },
    middleware: {
      executeCommand: async (name, args, next) => {
        const answer = await next(name, args);
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
