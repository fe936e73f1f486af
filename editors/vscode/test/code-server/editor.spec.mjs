// The .vsix installed into a real VS Code (code-server, in Debian's chromium), on a copy of the shipped treaties: what a
// policy editor sees. Keywords coloured; a broken rule underlined, with the finding and its example case in the hover;
// the underline gone after the fix; go to definition landing on the rule in the baseline; Format Document changing
// nothing on a formatted file. Each step leaves a screenshot in docs/images/ for docs/getting-started-policy.md.
//
// TREATY_VSIX names the .vsix (the linux-x64 one, which carries the natively compiled server); run.sh sets it up.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');
const images = path.join(repo, 'docs', 'images');
const codeServer = path.join(here, 'node_modules', '.bin', 'code-server');
const vsix = process.env.TREATY_VSIX;

let server;
let port;
let workspace;
let serverLog = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`TREATY_VSIX must name the built .vsix (got '${vsix}')`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'treaty-code-server-'));
  workspace = path.join(root, 'treaties');
  fs.mkdirSync(workspace);
  for (const file of fs.readdirSync(path.join(repo, 'treaties'))) fs.copyFileSync(path.join(repo, 'treaties', file), path.join(workspace, file));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  // A quiet editor: no welcome page, no trust prompt, no update checks; the screenshots show the file and nothing else.
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'editor.hover.delay': 100,
    'workbench.colorTheme': 'Default Dark Modern',
  }, null, 2));
  execFileSync(codeServer, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { stdio: 'inherit' });
  port = await freePort();
  server = spawn(codeServer, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${serverLog}`)), 60_000);
    const read = chunk => {
      serverLog += chunk;
      if (serverLog.includes('HTTP server listening')) { clearTimeout(timer); resolve(); }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', code => { clearTimeout(timer); reject(new Error(`code-server exited with ${code}:\n${serverLog}`)); });
  });
});

test.afterAll(() => { server?.kill(); });

/** The line of a file (1-based) that is exactly <text>. */
function lineOf(file, text) {
  const index = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n').indexOf(text);
  if (index < 0) throw new Error(`${file} has no line '${text}'`);
  return index + 1;
}

async function shot(page, name) {
  fs.mkdirSync(images, { recursive: true });
  await page.screenshot({ path: path.join(images, `code-server-${name}.png`) });
}

/** Runs a command by its title from the Command Palette (F1), as a user who does not know its keys would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await expect(input).toBeVisible();
  await input.fill(`>${title}`);
  await expect(page.locator('.quick-input-list .monaco-list-row').first()).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toBeHidden();
}

/** Moves the cursor to a line with VS Code's Go to Line (Ctrl+G), in the focused editor. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await expect(input).toBeVisible();
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toBeHidden();
}

test('the extension inside VS Code: colours, a finding with its example case, the fix, go to definition, format', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await expect(page.locator('.monaco-workbench')).toBeVisible({ timeout: 60_000 });

  const editor = page.locator('.editor-instance .monaco-editor').first();
  const viewLine = text => editor.locator('.view-line', { hasText: text });

  await test.step('keywords are coloured', async () => {
    await page.getByRole('treeitem', { name: 'us-mx.treaty' }).dblclick();
    await expect(page.locator('.tab.active')).toContainText('us-mx.treaty');
    const keyword = viewLine('instrument us-mx').locator('span > span', { hasText: /^instrument$/ });
    await expect(keyword).toBeVisible();
    // The grammar gives 'instrument' the keyword colour: not the editor's plain foreground, which the id after it has.
    const [keywordColour, plainColour] = await Promise.all([
      keyword.evaluate(e => getComputedStyle(e).color),
      editor.evaluate(e => getComputedStyle(e.querySelector('.view-lines')).color),
    ]);
    expect(keywordColour).not.toBe(plainColour);
    // The server has started and published: the status bar counts the workspace's problems (information included).
    await expect(page.locator('#status\\.problems')).toHaveText(/\d+\D+\d+\D+\d+/);
    await shot(page, '1-keywords');
  });

  const unlessLine = lineOf('us-mx.treaty', '  unless sentencingCountry != MX');
  const squiggles = editor.locator('.squiggly-warning');
  // The shipped file has no warning: every underline after the edit is the edit's.
  await expect(squiggles).toHaveCount(0);

  await test.step('a broken rule is underlined, and the hover shows the finding with its example case', async () => {
    await editor.locator('.view-lines').click();
    await goToLine(page, unlessLine);
    await page.keyboard.press('End');
    await page.keyboard.type(' or financial.finesUnpaid');
    await expect(squiggles.first()).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Escape'); // the completion list the typing opened
    await expect(page.locator('.suggest-widget:visible')).toHaveCount(0);
    const unless = viewLine('unless sentencingCountry != MX or financial.finesUnpaid').locator('span > span', { hasText: /^unless$/ });
    const hover = page.locator('.monaco-hover:visible');
    // A hover opens when the pointer comes to rest on the word: moved off and back until it shows the finding.
    await expect(async () => {
      await page.mouse.move(5, 5);
      await unless.hover();
      await expect(hover).toContainText('TDSL0311', { timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    await expect(hover).toContainText("so 'fines-paid' never fails");
    await expect(hover).toContainText('Example case');
    await page.waitForTimeout(500); // the hover fades in: the picture waits for it to be opaque
    await shot(page, '2-finding-hover');
  });

  await test.step('the underline is gone after the fix', async () => {
    await page.mouse.move(5, 5);
    await editor.locator('.view-lines').click();
    await goToLine(page, unlessLine);
    await page.keyboard.press('End');
    for (let i = 0; i < ' or financial.finesUnpaid'.length; i++) await page.keyboard.press('Backspace');
    await expect(viewLine('unless sentencingCountry != MX')).not.toContainText('finesUnpaid');
    await expect(squiggles).toHaveCount(0, { timeout: 30_000 });
    await page.keyboard.press('Control+S');
    await expect(page.locator('.tab.active.dirty')).toHaveCount(0);
    await shot(page, '3-fixed');
  });

  await test.step('go to definition lands on the rule in the baseline', async () => {
    const exceptionLine = lineOf('us-mx.treaty', 'exception exceptional-circumstances to min-remaining: "The parties have agreed that exceptional circumstances justify transfer with less time remaining."');
    await goToLine(page, exceptionLine);
    await viewLine('exception exceptional-circumstances to min-remaining').locator('span > span', { hasText: /^min-remaining$/ }).click();
    await page.keyboard.press('F12');
    await expect(page.locator('.tab.active')).toContainText('baseline.treaty');
    const ruleLine = fs.readFileSync(path.join(workspace, 'baseline.treaty'), 'utf8').split('\n').findIndex(l => l.startsWith('require min-remaining:')) + 1;
    await expect(page.locator('#status\\.editor\\.selection')).toContainText(`Ln ${ruleLine},`);
    await shot(page, '4-definition');
  });

  await test.step('Format Document lays out a line written out of place, and changes nothing on a formatted file', async () => {
    const saved = fs.readFileSync(path.join(workspace, 'baseline.treaty'), 'utf8');
    const rule = viewLine('require min-remaining:');
    const text = () => rule.evaluate(e => e.textContent.replace(/\u00a0/g, ' '));
    await page.keyboard.press('Home');
    await page.keyboard.type('    ');
    await expect.poll(text).toMatch(/^ {4}require min-remaining:/);
    await runCommand(page, 'Format Document');
    await expect.poll(text).toMatch(/^require min-remaining:/);
    await page.keyboard.press('Control+S');
    await expect(page.locator('.tab.active.dirty')).toHaveCount(0);
    expect(fs.readFileSync(path.join(workspace, 'baseline.treaty'), 'utf8')).toBe(saved);

    // Formatted already: Format Document makes no edit, so the file is not even marked changed.
    await runCommand(page, 'Format Document');
    await page.waitForTimeout(1500);
    await expect(page.locator('.tab.active.dirty')).toHaveCount(0);
    await shot(page, '5-format');
  });
});
