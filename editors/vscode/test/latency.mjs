// The editor's latencies as a client sees them, whole process: `treaty lsp` (TREATY_LSP, as for e2e.test.mjs; the
// natively compiled one is what the .vsix carries) driven through vscode-jsonrpc, VS Code's own JSON-RPC layer, on a
// copy of the shipped treaties. For each kind of request, the time from sending it to its answer: a keystroke (an
// incremental change, after a pause as a person types) to the file's diagnostics, Format Document, completion, rename
// across the folder and hover. A measurement, not a test: it prints the median and the 90th percentile, and asserts
// nothing about time (docs/performance.md, "The editor's requests", has the figures and how they were taken).
//
//   TREATY_LSP="/path/to/treaty lsp --stdio" node test/latency.mjs [ROUNDS]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const command = (process.env.TREATY_LSP || `dotnet ${path.join(repo, 'src/TreatyDsl.Cli/bin/Debug/net10.0/treaty.dll')} lsp --stdio`).split(' ');
const rounds = Number(process.argv[2] || 40);

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'treaty-latency-'));
fs.cpSync(path.join(repo, 'treaties'), workspace, { recursive: true });
const usmxPath = path.join(workspace, 'us-mx.treaty');
const uri = pathToFileURL(usmxPath).href;
const text = fs.readFileSync(usmxPath, 'utf8');

const server = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', params => {
  if (params.uri !== uri) return;
  const resolve = waiting.get(params.version);
  if (resolve) { waiting.delete(params.version); resolve(); }
});
connection.listen();

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
const lines = () => text.split('\n');
const position = (lineStart, word, offset = 1) => {
  const line = lines().findIndex(l => l.startsWith(lineStart));
  return { line, character: lines()[line].indexOf(word) + offset };
};

async function time(what) {
  const start = performance.now();
  await what();
  return performance.now() - start;
}

function summary(name, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`${name.padEnd(52)} median ${at(0.5).toFixed(1).padStart(6)} ms   p90 ${at(0.9).toFixed(1).padStart(6)} ms   (${samples.length} rounds)`);
}

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'treaties' }] });
await connection.sendNotification('initialized', {});
let version = 1;
const opened = new Promise(resolve => waiting.set(version, resolve));
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'treaty', version, text } });
await opened;

const samples = { edit: [], format: [], completion: [], rename: [], hover: [] };
// The keystrokes: the 'e' of 'sentence.type' in a rule deleted, then typed back. Each changes the file's diagnostics (an
// unknown fact, then none), so each is published: the server sends a file's diagnostics only when they change.
const ruleLine = lines().indexOf('  when sentence.type = determinate');
const at = { line: ruleLine, character: '  when sentence.typ'.length };
async function keystroke(range, typed) {
  await pause(150); // between a person's keystrokes: longer than the server's debounce
  version++;
  const published = new Promise(resolve => waiting.set(version, resolve));
  samples.edit.push(await time(async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed }] });
    await published;
  }));
}
for (let round = 0; round < rounds; round++) {
  await keystroke({ start: at, end: { line: at.line, character: at.character + 1 } }, '');
  await keystroke({ start: at, end: at }, 'e');
  const options = { tabSize: 2, insertSpaces: true };
  samples.format.push(await time(() => connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options })));
  samples.completion.push(await time(() => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: position('  when sentence.type', 'sentence.type', 3) })));
  samples.rename.push(await time(() => connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: position('exception exceptional-circumstances', 'min-remaining', 2), newName: 'enough-time-left' })));
  samples.hover.push(await time(() => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position('  when sentence.type', 'sentence.type', 3) })));
}

console.log(`treaty lsp, whole process through vscode-jsonrpc: ${command.join(' ')}`);
summary('keystroke (incremental change) -> its diagnostics', samples.edit);
summary('Format Document (us-mx.treaty)', samples.format);
summary('completion after \'when\'', samples.completion);
summary('rename min-remaining across the folder', samples.rename);
summary('hover on a fact', samples.hover);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
