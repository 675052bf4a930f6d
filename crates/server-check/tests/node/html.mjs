// Opens an HTML report in Debian's headless Chromium (playwright-core, never a downloaded browser) as a person
// would, for tests/tool/html.rs:
//
//   node html.mjs PAGE.html REPORT.json [--hostile TEXT]
//
// REPORT.json is the --json report of the same run. The page must list every failed expectation with its
// id; opening the first failure must show its first broken probe's exchange (request, answer) and the very
// curl line of the model; the filters (failures only, a family, an id) must show exactly what they select;
// and the page must make no network request (nothing but the page itself), log no console error and throw
// nothing. With --hostile, TEXT (markup a server sent) must show as text and run nothing. Prints what it
// checked and exits 0, or what failed and exits 1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [, , pagePath, reportPath, flag, hostile] = process.argv;
if (!pagePath || !reportPath || (flag && flag !== '--hostile')) {
  console.error('usage: node html.mjs PAGE.html REPORT.json [--hostile TEXT]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const profile = mkdtempSync(join(tmpdir(), 'cognito-idp-conformance-chromium-'));
const requests = [];
const consoleErrors = [];
const pageErrors = [];
const dialogs = [];
const checked = [];

function expect(condition, what) {
  if (!condition) throw new Error(what);
  checked.push(what);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = null;
try {
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });

  const opened = Date.now();
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const readyAfter = Date.now() - opened;

  const verdict = await page.textContent('#verdict-summary');
  expect(verdict === report.verdict.summary, `the verdict reads "${report.verdict.summary}"`);
  const items = page.locator('details.expectation');
  expect(await items.count() === report.expectations.length, `${report.expectations.length} expectations listed`);

  const failures = report.expectations.filter((e) => e.outcome === 'failed');
  for (const f of failures) {
    const item = page.locator(`details.expectation[data-expectation="${f.id}"]`);
    expect(await item.count() === 1 && await item.getAttribute('data-outcome') === 'failed'
      && await item.isVisible() && (await item.locator('summary .id').textContent()) === f.id,
    `failure ${f.id} is listed with its id`);
  }

  if (failures.length > 0) {
    const first = failures[0];
    const item = page.locator(`details.expectation[data-expectation="${first.id}"]`);
    await item.locator('summary').first().click();
    const broken = first.probes.find((p) => p.outcome === 'broken');
    const probe = item.locator(`details.probe[data-probe="${broken.id}"]`).first();
    await probe.waitFor({ state: 'visible' });
    if (!(await probe.evaluate((node) => node.open))) await probe.locator('summary').first().click();
    const exchange = report.exchanges[broken.exchange];
    const shown = probe.locator(`.exchange[data-exchange="${broken.exchange}"]`);
    await shown.waitFor({ state: 'visible' });
    const request = await shown.locator('pre.request').textContent();
    expect(request.startsWith(`${exchange.request.method} ${exchange.request.url}`),
      `${first.id}: its exchange shows the request (${exchange.request.method} ${exchange.request.url})`);
    const answer = await shown.locator('.answer').textContent();
    const status = exchange.response ? `HTTP ${exchange.response.status}` : 'No answer';
    expect(answer.startsWith(status), `${first.id}: its exchange shows the answer (${status})`);
    expect(await shown.locator('pre.curl').textContent() === exchange.curl, `${first.id}: the curl line is the model's`);
    expect(await shown.locator('button.copy').isVisible(), `${first.id}: the curl line has a copy button`);
    const found = await probe.locator('dl.kv').textContent();
    expect(found.includes(broken.found), `${first.id}: the probe says what was found`);

    await page.click('#failures-only');
    const visible = () => page.locator('details.expectation:visible').count();
    expect(await visible() === failures.length, `"failures only" shows the ${failures.length} failures`);
    const family = first.family;
    await page.uncheck(`input[name="family"][value="${family}"]`);
    const others = failures.filter((f) => f.family !== family).length;
    expect(await visible() === others, `without family ${family}, ${others} failures are shown`);
    if (others === 0) expect(await page.isVisible('#nothing-shown'), 'an empty filter says nothing matches');
    await page.click('#show-all');
    expect(await visible() === report.expectations.length, '"show all" shows every expectation');
    await page.fill('input[name="text"]', first.id);
    const matching = report.expectations.filter((e) => e.id.includes(first.id)).length;
    expect(await visible() === matching, `the id filter "${first.id}" shows ${matching}`);
    await page.click('#show-all');
  }

  if (hostile) {
    const text = await page.locator('#expectations').innerText();
    expect(text.includes(hostile), 'the hostile text shows as text');
    expect(await page.locator('script').count() === 2, 'the page has its two script blocks and no more');
    expect(await page.locator('img, iframe, object, embed').count() === 0, 'no element came from the data');
  }
  expect(requests.length === 1 && requests[0] === pageUrl, `the page made no request but its own (saw ${JSON.stringify(requests.slice(0, 5))})`);
  expect(consoleErrors.length === 0, `no console error (saw ${JSON.stringify(consoleErrors.slice(0, 5))})`);
  expect(pageErrors.length === 0, `no uncaught error (saw ${JSON.stringify(pageErrors.slice(0, 5))})`);
  expect(dialogs.length === 0, `no dialog (saw ${JSON.stringify(dialogs)})`);
  console.log(`${pagePath}: ${checked.length} checks held (${report.exchanges.length} exchanges, ready after ${readyAfter} ms)`);
} catch (error) {
  failed = error;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) {
  console.error(`${pagePath}: ${failed.message}\nheld before it:\n  ${checked.join('\n  ')}`);
  if (requests.length > 1) console.error(`requests: ${JSON.stringify(requests.slice(0, 10))}`);
  if (consoleErrors.length > 0) console.error(`console errors: ${JSON.stringify(consoleErrors.slice(0, 10))}`);
  if (pageErrors.length > 0) console.error(`page errors: ${JSON.stringify(pageErrors.slice(0, 10))}`);
  process.exit(1);
}
