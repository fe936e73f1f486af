// Drives `treaty lsp` through vscode-jsonrpc, the JSON-RPC layer of VS Code's own language client: opens a broken
// treaty and expects its diagnostic at its range, fixes it and expects the diagnostic to clear, and asks for hover,
// definition and references. The server is the built CLI (TREATY_LSP overrides: a command line, split on spaces).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const command = (process.env.TREATY_LSP || `dotnet ${path.join(repo, 'src/TreatyDsl.Cli/bin/Debug/net10.0/treaty.dll')} lsp --stdio`).split(' ');

// A workspace of its own: a copy of the shipped treaties.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'treaty-lsp-'));
fs.cpSync(path.join(repo, 'treaties'), workspace, { recursive: true });
const usmxPath = path.join(workspace, 'us-mx.treaty');
const usmxUri = pathToFileURL(usmxPath).href;
const good = fs.readFileSync(usmxPath, 'utf8');
const broken = good.replace('when sentence.type = determinate', 'when sentence.typ = determinate');
assert.notEqual(broken, good, 'the line to break is still in us-mx.treaty');
const brokenLine = broken.split('\n').findIndex(l => l.includes('sentence.typ ='));

const server = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const published = [];
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', params => {
  published.push(params);
  for (const waiter of [...waiters]) if (waiter.test(params)) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(params); }
});
connection.listen();

/** The next (or an already received) diagnostics notification that passes the test, within ten seconds. */
function diagnostics(test, what) {
  const seen = published.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    waiters.push({ test, resolve });
    setTimeout(() => reject(new Error(`no diagnostics ${what} within 10 s; received: ${JSON.stringify(published.map(p => [p.uri, p.diagnostics.map(d => d.code)]))}`)), 10000);
  });
}

const timeout = setTimeout(() => { console.error('e2e: timed out'); server.kill(); process.exit(1); }, 60000);
try {
  const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'treaties' }] });
  assert.equal(init.serverInfo.name, 'treaty');
  assert.equal(init.capabilities.hoverProvider, true);
  await connection.sendNotification('initialized', {});

  // A broken rule: TDSL0102 at the misspelt fact, with its help link.
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: usmxUri, languageId: 'treaty', version: 1, text: broken } });
  const errors = await diagnostics(p => p.uri === usmxUri && p.diagnostics.some(d => d.code === 'TDSL0102'), 'with TDSL0102 for us-mx.treaty');
  const error = errors.diagnostics.find(d => d.code === 'TDSL0102');
  assert.deepEqual(error.range, { start: { line: brokenLine, character: 7 }, end: { line: brokenLine, character: 19 } });
  assert.equal(error.severity, 1);
  assert.match(error.message, /'sentence\.typ' is not a fact.*did you mean 'sentence\.type'\?/);
  assert.match(error.codeDescription.href, /TDSL0102\.md$/);

  // Fixed as VS Code sends an edit (incremental sync, which the server asks for): the range of the typo, replaced.
  assert.equal(init.capabilities.textDocumentSync.change, 2);
  const typo = { start: { line: brokenLine, character: 7 }, end: { line: brokenLine, character: 19 } };
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 2 }, contentChanges: [{ range: typo, text: 'sentence.type' }] });
  await diagnostics(p => p.uri === usmxUri && p.version === 2 && !p.diagnostics.some(d => d.severity === 1), 'without errors for us-mx.treaty after the fix');

  // An analysis finding carries its example case, in the message and as data.
  const withWitness = await diagnostics(p => p.diagnostics.some(d => d.data && d.data.witness), 'with a witness');
  const finding = withWitness.diagnostics.find(d => d.data && d.data.witness);
  assert.match(finding.message, /Example case: \{/);

  // Hover on a fact: its type and documentation.
  const factLine = good.split('\n').findIndex(l => l.includes('when sentence.type = determinate'));
  const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: usmxUri }, position: { line: factLine, character: 12 } });
  assert.match(hover.contents.value, /\*\*fact\*\* `sentence\.type`: `SentenceType`/);
  assert.match(hover.contents.value, /Case file: `sentence\.type`/);

  // Definition of a baseline rule: baseline.treaty, at the rule's name.
  const ruleLine = good.split('\n').findIndex(l => l.startsWith('exception exceptional-circumstances to min-remaining'));
  const column = good.split('\n')[ruleLine].indexOf('min-remaining') + 2;
  const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: usmxUri }, position: { line: ruleLine, character: column } });
  assert.ok(definition.length >= 1, 'a definition');
  assert.ok(definition[0].uri.endsWith('/baseline.treaty'), `definition in ${definition[0].uri}`);
  const baselineLines = fs.readFileSync(path.join(workspace, 'baseline.treaty'), 'utf8').split('\n');
  assert.match(baselineLines[definition[0].range.start.line], /^require min-remaining/);

  // References of an instrument: its country row and its own header.
  const references = await connection.sendRequest('textDocument/references', { textDocument: { uri: usmxUri }, position: { line: good.split('\n').findIndex(l => l.startsWith('instrument us-mx')), character: 12 }, context: { includeDeclaration: true } });
  assert.ok(references.some(r => r.uri.endsWith('/countries.treaty')), 'us-mx is named in the country table');

  // A request the editor cancels (VS Code cancels a hover when the pointer moves on): the server reads `$/cancelRequest`
  // (with the natively compiled tool too, where every type it reads must be known when it is built) and answers on.
  const cancelling = new rpc.CancellationTokenSource();
  const cancelled = connection.sendRequest('textDocument/hover', { textDocument: { uri: usmxUri }, position: { line: factLine, character: 12 } }, cancelling.token);
  cancelling.cancel();
  await cancelled.catch(() => undefined); // answered before the cancel arrived, or cancelled: either is right
  const again = await connection.sendRequest('textDocument/hover', { textDocument: { uri: usmxUri }, position: { line: factLine, character: 12 } });
  assert.match(again.contents.value, /\*\*fact\*\* `sentence\.type`/);

  // A file made on disk outside the editor joins the model; deleted, its diagnostics are cleared.
  const extraPath = path.join(workspace, 'extra.treaty');
  const extraUri = pathToFileURL(extraPath).href;
  fs.writeFileSync(extraPath, 'frobnicate the treaty\n');
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 1 }] });
  const extra = await diagnostics(p => p.uri === extraUri && p.diagnostics.some(d => d.code === 'TDSL0002'), 'with TDSL0002 for a file made on disk');
  assert.deepEqual(extra.diagnostics[0].range.start, { line: 0, character: 0 });
  fs.rmSync(extraPath);
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: extraUri, type: 3 }] });
  await diagnostics(p => p.uri === extraUri && p.diagnostics.length === 0, 'cleared for a deleted file');

  // What an unsaved edit changes: the code lenses run `treaty.compare`, which answers as `treaty diff` does.
  const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: usmxUri } });
  assert.deepEqual(lenses.map(l => l.command.command), ['treaty.compare', 'treaty.compare']);
  const raised = good.replace('override threshold minTimeRemaining: 6 months', 'override threshold minTimeRemaining: 9 months');
  assert.notEqual(raised, good, 'the threshold to edit is still in us-mx.treaty');
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 3 }, contentChanges: [{ text: raised }] });
  const compared = await connection.sendRequest('workspace/executeCommand', { command: 'treaty.compare', arguments: ['saved'] });
  assert.match(compared.summary, /^1 instrument answers some case differently \(us-mx: eligible → ineligible/);
  assert.match(compared.text, /us-mx \(.*\): verdicts change/);
  assert.ok(compared.items.every(i => i.uri === usmxUri), 'every change is placed in us-mx.treaty');
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 4 }, contentChanges: [{ text: good }] });

  // Rename: a rule the baseline writes, renamed in every file that writes, excepts or expects it (the edit is only looked at).
  const exceptionLine = good.split('\n').findIndex(l => l.startsWith('exception exceptional-circumstances to min-remaining'));
  const renameAt = { line: exceptionLine, character: good.split('\n')[exceptionLine].indexOf('min-remaining') + 2 };
  const prepared = await connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: usmxUri }, position: renameAt });
  assert.equal(prepared.start.line, exceptionLine);
  const renamed = await connection.sendRequest('textDocument/rename', { textDocument: { uri: usmxUri }, position: renameAt, newName: 'enough-time-left' });
  assert.ok(Object.keys(renamed.changes).some(u => u.endsWith('/baseline.treaty')), 'the baseline that writes the rule is edited');
  assert.ok(renamed.changes[usmxUri].every(e => e.newText === 'enough-time-left'));

  // Semantic tokens: five numbers a token, with the legend the server announced.
  assert.ok(init.capabilities.semanticTokensProvider.legend.tokenTypes.includes('property'));
  const tokens = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: usmxUri } });
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, `${tokens.data.length} numbers`);

  // Formatting: nothing to change in a shipped (formatted) file; a clause joined onto its header goes back on its own line.
  assert.equal(init.capabilities.documentFormattingProvider, true);
  assert.equal(init.capabilities.documentRangeFormattingProvider, true);
  const unchanged = await connection.sendRequest('textDocument/formatting', { textDocument: { uri: usmxUri }, options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(unchanged, []);
  const joined = good.replace('\n  when sentence.type = determinate', ' when sentence.type = determinate');
  assert.notEqual(joined, good, 'the clause to join is still in us-mx.treaty');
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 5 }, contentChanges: [{ text: joined }] });
  const joinedLine = joined.split('\n').findIndex(l => l.endsWith(' when sentence.type = determinate'));
  const formatEdits = await connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri: usmxUri }, range: { start: { line: joinedLine, character: 0 }, end: { line: joinedLine, character: 1 } }, options: { tabSize: 2, insertSpaces: true } });
  assert.equal(formatEdits.length, 1, JSON.stringify(formatEdits));
  const lines = joined.split('\n');
  const { start, end } = formatEdits[0].range;
  const formattedText = [...lines.slice(0, start.line), lines[start.line].slice(0, start.character) + formatEdits[0].newText + lines[end.line].slice(end.character), ...lines.slice(end.line + 1)].join('\n');
  assert.equal(formattedText, good);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 6 }, contentChanges: [{ text: good }] });

  // A rule whose outcome no example gives offers a ready example as a quick fix.
  const withoutLife = good.replace(/example mx-life-sentence:[^]*?expect us-mx determinate-sentence not-met\n/, '');
  assert.notEqual(withoutLife, good, 'the example to remove is still in us-mx.treaty');
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 7 }, contentChanges: [{ text: withoutLife }] });
  const ruleAt = { line: withoutLife.split('\n').findIndex(l => l.startsWith('require determinate-sentence:')), character: 3 };
  const actions = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: usmxUri }, range: { start: ruleAt, end: ruleAt }, context: { diagnostics: [] } });
  assert.deepEqual(actions.map(a => a.title), ["Add an example where 'determinate-sentence' is not met under us-mx"]);
  assert.match(actions[0].edit.changes[usmxUri][0].newText, /expect us-mx determinate-sentence not-met/);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: usmxUri, version: 8 }, contentChanges: [{ text: good }] });

  const shutdown = await connection.sendRequest('shutdown');
  assert.equal(shutdown, null);
  await connection.sendNotification('exit');
  const code = await new Promise(resolve => server.on('exit', resolve));
  assert.equal(code, 0);
  console.log('e2e: diagnostic at its range, cleared on fix, witness, hover, definition, references, a cancelled request, files made and deleted on disk, the comparison with the saved files, a ready example as a quick fix, rename, semantic tokens, formatting, shutdown: all as expected');
} finally {
  clearTimeout(timeout);
  connection.dispose();
  server.kill();
  fs.rmSync(workspace, { recursive: true, force: true });
}
