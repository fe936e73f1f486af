// Tokenizes every shipped .treaty file with the extension's TextMate grammar (vscode-textmate and vscode-oniguruma,
// the engine VS Code itself uses) and fails on any keyword outside comments and quoted text that is not scoped as one,
// and on comments, citations, dates and durations of us-mx.treaty that lose their scopes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = path.resolve(here, '..');
const treaties = path.resolve(extension, '../../treaties');
// The language's keywords (TreatyKeywords.All; a C# test keeps this file equal to it).
const keywords = new Set(JSON.parse(fs.readFileSync(path.join(here, 'keywords.json'), 'utf8')));

const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: sources => new oniguruma.OnigScanner(sources),
    createOnigString: text => new oniguruma.OnigString(text),
  }),
  loadGrammar: async scope => scope === 'source.treaty'
    ? vsctm.parseRawGrammar(fs.readFileSync(path.join(extension, 'syntaxes/treaty.tmLanguage.json'), 'utf8'), 'treaty.tmLanguage.json')
    : null,
});
const grammar = await registry.loadGrammar('source.treaty');

/** Every token of a file: its text, its scopes, its line (1-based). */
function tokenize(text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes, line: index + 1 });
    state = result.ruleStack;
  });
  return tokens;
}

const isQuotedOrComment = scopes => scopes.some(s => s.startsWith('comment.') || s.startsWith('string.'));
const isKeywordScope = scopes => scopes.some(s => s.startsWith('keyword.') || s.startsWith('storage.') || s.startsWith('constant.language.'));

let failures = [];
let checked = 0;
for (const file of fs.readdirSync(treaties).filter(f => f.endsWith('.treaty'))) {
  for (const token of tokenize(fs.readFileSync(path.join(treaties, file), 'utf8'))) {
    if (isQuotedOrComment(token.scopes)) continue;
    for (const word of token.text.split(/[^A-Za-z0-9_.-]+/).filter(w => keywords.has(w))) {
      checked++;
      if (!isKeywordScope(token.scopes)) failures.push(`${file}:${token.line}: keyword '${word}' in '${token.text}' scoped ${token.scopes.join(' ')}`);
    }
  }
}
assert.deepEqual(failures.slice(0, 20), [], `keywords left unscoped (${failures.length}):\n${failures.slice(0, 20).join('\n')}`);
assert.ok(checked > 500, `only ${checked} keywords were found in the shipped treaties`);

// Spot checks on us-mx.treaty: each kind of token the issue names.
const usmx = tokenize(fs.readFileSync(path.join(treaties, 'us-mx.treaty'), 'utf8'));
const scopeOf = text => (usmx.find(t => t.text === text) || { scopes: [] }).scopes;
const has = (text, scope) => assert.ok(scopeOf(text).some(s => s.startsWith(scope)), `'${text}' should be ${scope}, is ${scopeOf(text).join(' ')}`);
assert.ok(usmx.some(t => t.scopes.some(s => s.startsWith('comment.line'))), 'comments');
assert.ok(usmx.some(t => t.scopes.some(s => s.includes('citation'))), 'citations');
assert.ok(usmx.some(t => t.scopes.some(s => s.startsWith('constant.numeric.date'))), 'dates');
assert.ok(usmx.some(t => t.scopes.some(s => s.startsWith('constant.numeric.duration'))), 'durations');
has('us-mx', 'entity.name');
has('instrument', 'keyword.declaration');
has('when', 'keyword.other');
console.log(`grammar: ${checked} keywords scoped in the shipped treaties; comments, citations, dates, durations and ids scoped in us-mx.treaty`);

// A keyword inside a dotted name is a part of the name (TreatyKeywords: a dotted name may hold any word).
{
  const tokens = tokenize('require r: "t" cite "c" when sentence.kind = x and kind.note');
  const dotted = tokens.filter(t => /kind|note/.test(t.text) && !isQuotedOrComment(t.scopes));
  assert.ok(dotted.length > 0, 'the dotted names were not found');
  for (const token of dotted) assert.ok(!isKeywordScope(token.scopes), `'${token.text}' in a dotted name is scoped ${token.scopes.join(' ')}`);
}
