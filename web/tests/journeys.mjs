// The workbench's main journeys in a real browser: Debian's chromium, headless, driven by
// playwright-core against `parley serve` on a free port with a fresh store.
//
//   node tests/journeys.mjs PARLEY_BINARY [WEB_DIR] [ARTEFACTS_DIR]
//
// Screenshots go to ARTEFACTS_DIR (default build/web-artefacts). Without chromium, the page's
// node_modules or its build, the test skips (exit 77) unless CI=true, where it fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { test, after, before } from 'node:test';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');
const binary = process.argv[2] ?? process.env.PARLEY_BINARY;
const webDir = path.resolve(process.argv[3] ?? path.join(webRoot, 'dist'));
const artefacts = path.resolve(process.argv[4] ?? path.join(webRoot, '..', 'build', 'web-artefacts'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function missing(what) {
  if (process.env.CI === 'true') {
    console.error(`journeys: ${what} is missing, and CI=true: failing`);
    process.exit(1);
  }
  console.log(`journeys: skipped: ${what} is missing`);
  process.exit(77);
}
if (!binary || !existsSync(binary)) missing(`the parley binary (${binary ?? 'not given'})`);
if (!existsSync(chromiumPath)) missing(`chromium (${chromiumPath})`);
if (!existsSync(path.join(webRoot, 'node_modules', 'playwright-core'))) missing('web/node_modules (npm ci)');
if (!existsSync(path.join(webDir, 'index.html'))) missing(`the built page ${webDir} (npm run build)`);
const { chromium } = await import('playwright-core');

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
mkdirSync(artefacts, { recursive: true });
let server;
let unbuilt;
let base;
let context;
let page;

/** Starts parley serve on a free port; resolves with its base URL from its first line. */
function startServer(web = webDir, db = 'cases.db') {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--port', '0', '--db', path.join(scratch, db), '--web', web], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (web === webDir) server = child;
    else unbuilt = child;
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`parley serve exited (${code}): ${out}`)));
  });
}

/** The standard output of `parley ARGS`. */
function runParley(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`parley ${args.join(' ')}: exit ${code}`))));
  });
}

async function shot(name) {
  await page.screenshot({ path: path.join(artefacts, `${name}.png`), fullPage: false });
}

/** The field at a case path, as the page names it (fields.tsx, fieldId). */
function field(casePath) {
  return page.locator('#f-' + casePath.replace(/[^a-zA-Z0-9_-]/g, '_'));
}
function diagsOf(casePath) {
  return page.locator('#d-f-' + casePath.replace(/[^a-zA-Z0-9_-]/g, '_'));
}

async function setField(casePath, value) {
  await field(casePath).fill(String(value));
  await field(casePath).press('Tab');
}

async function waitValid() {
  await page.getByTestId('check-ok').waitFor({ state: 'visible' });
}

async function predictedValue(party) {
  await page.getByRole('tab', { name: 'Power' }).click();
  const cell = page.getByTestId(`predicted-value-${party}`);
  await cell.waitFor({ state: 'visible' });
  return Number(await cell.getAttribute('data-value'));
}

before(async () => {
  base = await startServer();
  context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15000);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e));
});

after(async () => {
  await context?.close();
  server?.kill('SIGTERM');
  unbuilt?.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

test('the page is served at / and the API beside it', async () => {
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
  await page.getByText('No case saved yet').waitFor();
  const health = await page.evaluate(async () => (await fetch('/api/health')).json());
  assert.equal(health.status, 'ok');
  await shot('01-case-list');
});

test('without a built page, / says how to build it and the API still answers', async () => {
  const other = await startServer(path.join(scratch, 'no-page'), 'other.db');
  const html = await (await fetch(other + '/')).text();
  assert.match(html, /cd web &amp;&amp; npm ci &amp;&amp; npm run build/);
  assert.equal((await fetch(other + '/api/cases')).status, 200);
  unbuilt.kill('SIGTERM');
});

test('a case made from nothing through the forms, with an error shown at its field and fixed', async () => {
  await page.getByRole('button', { name: 'New case' }).focus();
  await page.keyboard.press('Enter');
  // The blank case has no title and no issue: the check says so at the title field.
  await diagsOf('title').waitFor();
  assert.match(await diagsOf('title').innerText(), /title is empty/);
  await setField('title', 'Consulting retainer');
  await diagsOf('title').waitFor({ state: 'detached' });

  await setField('parties[0].id', 'studio');
  await setField('parties[0].name', 'Studio North');
  await setField('parties[1].id', 'client');
  await setField('parties[1].name', 'Client Corp');
  await field('parties[0].batna.__form').selectOption('value');
  await setField('parties[0].batna.value', 100000);
  await field('parties[1].batna.__form').selectOption('value');
  await setField('parties[1].batna.value', -150000);

  // An issue made a number issue without its step: the check names it at the issue.
  await page.getByRole('button', { name: 'Add issue' }).click();
  await setField('issues[0].id', 'fee');
  await field('issues[0].kind').selectOption('number');
  await diagsOf('issues[0].step').waitFor();
  assert.match(await diagsOf('issues[0].step').innerText(), /needs `step`/);
  await page.locator('fieldset[data-path="issues[0]"]').scrollIntoViewIfNeeded();
  await shot('02-error-at-its-field');
  await setField('issues[0].range[0]', 80000);
  await setField('issues[0].range[1]', 200000);
  await setField('issues[0].step', 1000);
  await setField('issues[0].unit', 'EUR');
  await setField('currency', 'EUR');
  await diagsOf('issues[0].step').waitFor({ state: 'detached' });

  await setField('values.studio.fee.linear', 1);
  await setField('values.client.fee.linear', -1);
  await waitValid();
  // A floor typed then cleared leaves no empty map behind: the case stays valid.
  await setField('floors.studio.fee.min', 90000);
  await waitValid();
  await setField('floors.studio.fee.min', '');
  await waitValid();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('message').getByText('Saved as version 1').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('03-case-saved');
});

test('the brief reads from the plan', async () => {
  // By keyboard: the tab list takes the arrows.
  await page.getByRole('tab', { name: /^Case/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Brief');
  await page.getByRole('heading', { name: /^Verdict:/ }).waitFor();
  await page.getByRole('heading', { name: 'Checklist' }).waitFor();
  await shot('04-brief');
  // Each download is the plan in its format, named after the case.
  const expected = { JSON: ['.json', '"command": "plan"'], HTML: ['.html', '<html'], Markdown: ['.md', '# '], 'XLSX (spreadsheet)': ['.xlsx', 'PK'] };
  for (const [label, [ext, start]] of Object.entries(expected)) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
    assert.equal(download.suggestedFilename(), `consulting-retainer-brief${ext}`);
    const file = await download.path();
    const head = readFileSync(file).subarray(0, 4000).toString('latin1');
    assert.ok(head.includes(start), `${label} download starts ${JSON.stringify(head.slice(0, 60))}`);
  }
});

test('the deal space tells who accepts a package clicked on the chart', async () => {
  await page.getByRole('tab', { name: 'Deal space' }).click();
  const canvas = page.locator('.deals canvas');
  await canvas.waitFor();
  // The middle point of the frontier, where Chart.js drew it.
  const point = await canvas.evaluate((c) => {
    const data = c.chart.getDatasetMeta(0).data;
    const i = Math.floor(data.length / 2);
    return { x: data[i].x, y: data[i].y, outcome: c.chart.data.datasets[0].data[i].outcome };
  });
  await canvas.click({ position: { x: point.x, y: point.y } });
  const ev = page.getByTestId('evaluation');
  await ev.waitFor();
  const text = await ev.innerText();
  assert.match(text, new RegExp(`fee ${point.outcome.fee.toLocaleString('en-US')}`));
  assert.match(text, /accepts\?/);
  assert.match(text, /It is on the frontier: nothing is left on the table/);
  await shot('05-deal-space');
  // A package below the frontier for both sides is not on it: what it leaves is shown.
  await page.getByLabel('fee', { exact: true }).fill('120000');
  await page.getByRole('button', { name: 'Evaluate this package' }).click();
  await page.getByTestId('evaluation').getByText('fee 120,000', { exact: true }).waitFor();
});

test('a better BATNA of ours moves the predicted deal our way', async () => {
  const before = await predictedValue('studio');
  await shot('06-power');
  await page.getByRole('tab', { name: /^Case/ }).click();
  await setField('parties[0].batna.value', 130000);
  await waitValid();
  const after = await predictedValue('studio');
  assert.ok(after > before, `predicted value to us ${before} -> ${after}`);
  await shot('07-power-after-batna');
});

test('saved, reloaded and compared with the version before', async () => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('message').getByText('Saved as version 2').waitFor();
  await page.reload();
  await page.getByTestId('version').getByText('version 2').waitFor();
  assert.equal(await field('parties[0].batna.value').inputValue(), '130000');
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByLabel('From version').selectOption('1');
  await page.getByLabel('to version').selectOption('2');
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByTestId('diff');
  await diff.waitFor();
  const text = await diff.innerText();
  assert.match(text, /^- .*value: 100000/m);
  assert.match(text, /^\+ .*value: 130000/m);
  assert.doesNotMatch(text, /floors/);
  await shot('08-versions-diff');
});

test('an edit on a stale version is refused with a conflict and kept', async () => {
  // Someone else saves version 3 meanwhile.
  const status = await page.evaluate(async () => {
    const c = await (await fetch('/api/cases/1')).json();
    c.case.title = 'Consulting retainer (their edit)';
    const r = await fetch('/api/cases/1', { method: 'PUT', body: JSON.stringify(c.case), headers: { 'Content-Type': 'application/json', 'If-Match': '2' } });
    return r.status;
  });
  assert.equal(status, 200);
  await page.getByRole('tab', { name: /^Case/ }).click();
  await setField('title', 'Consulting retainer, 2027');
  await waitValid();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('conflict').waitFor();
  assert.match(await page.getByTestId('conflict').innerText(), /now at version 3/);
  assert.equal(await field('title').inputValue(), 'Consulting retainer, 2027');
  await shot('09-conflict');
});

test('an example case shows the figures the command line gives', async () => {
  const example = path.join(webRoot, '..', 'examples', 'sales-renewal.yaml');
  const json = await runParley(['convert', '--to', 'json', example]);
  const cli = JSON.parse(await runParley(['power', example, '--format', 'json']));
  const saved = await fetch(base + '/api/cases', { method: 'POST', body: json, headers: { 'Content-Type': 'application/json' } });
  assert.equal(saved.status, 201);
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Enterprise SaaS renewal with Acme' }).click();
  await page.getByTestId('check-ok').waitFor();
  assert.equal(await field('parties[0].batna.value').inputValue(), '100000');
  const value = await predictedValue('cloudco');
  assert.equal(value, cli.prediction.value.cloudco);
  const expected = Number(await page.getByTestId('expected-value').getAttribute('data-value'));
  assert.equal(expected, cli.prediction.expected_value);
  await page.locator('.levers li').first().waitFor();
  assert.match(await page.locator('.levers li').first().innerText(), new RegExp(cli.levers[0].description.slice(0, 30).replace(/[()]/g, '.')));
  await shot('10-example-power');
  await page.getByRole('tab', { name: 'Brief' }).click();
  await page.getByRole('heading', { name: /^Verdict:/ }).waitFor();
  await shot('11-example-brief');
  await page.getByRole('tab', { name: 'Deal space' }).click();
  await page.locator('.deals canvas').waitFor();
  await shot('12-example-deal-space');
});

test('a request taking over a second shows progress', async () => {
  // The example case is open on the deal space; its evaluation is held back 1.5 s.
  await page.route('**/api/run/evaluate*', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Evaluate this package' }).click();
  const progress = page.getByRole('status').filter({ hasText: 'Working' });
  await progress.waitFor();
  await shot('13-progress');
  await page.getByTestId('evaluation').waitFor();
  await progress.waitFor({ state: 'detached' });
  await page.unroute('**/api/run/evaluate*');
});

test('a team server asks for the token and sends it', async () => {
  // The server answers 401 until the request carries the token (team mode, docs/serve.md).
  const seen = [];
  await page.route('**/api/cases', async (route) => {
    const auth = route.request().headers()['authorization'] ?? '';
    seen.push(auth);
    if (auth !== 'Bearer t0ken') {
      await route.fulfill({ status: 401, contentType: 'application/json', body: '{"error": "unauthorized", "messages": ["send Authorization: Bearer TOKEN"]}' });
    } else {
      await route.continue();
    }
  });
  await page.goto(base + '/');
  await page.getByLabel('API token').fill('t0ken');
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.getByRole('button', { name: 'Enterprise SaaS renewal with Acme' }).waitFor();
  assert.equal(seen.at(-1), 'Bearer t0ken');
  await page.unroute('**/api/cases');
  await page.evaluate(() => localStorage.removeItem('parley.token'));
});

/** Opens the saved case titled `title` from the case list, valid. */
async function openCase(title) {
  await page.goto(base + '/');
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.getByTestId('check-ok').waitFor();
}

test('the rehearsal shows the figures parley rehearse gives for the same seed', async () => {
  const example = path.join(webRoot, '..', 'examples', 'sales-renewal.yaml');
  const cli = JSON.parse(await runParley(['rehearse', example, '--samples', '200', '--seed', '7', '--format', 'json']));
  await openCase('Enterprise SaaS renewal with Acme');
  await page.getByRole('tab', { name: 'Rehearsal' }).click();
  await page.getByLabel('Negotiations (samples)').fill('200');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: 'Rehearse', exact: true }).click();
  const rate = page.getByTestId('agreement-rate');
  await rate.waitFor();
  assert.equal(Number(await rate.getAttribute('data-value')), cli.agreement_rate);
  assert.equal(await rate.innerText(), `${Math.round(cli.agreement_rate * 100)}%`);
  assert.equal(Number(await page.getByTestId('rehearse-p50').getAttribute('data-value')), cli.value.p50);
  assert.equal(await page.getByTestId('rehearse-seed').innerText(), 'seed 7');
  const text = await page.getByTestId('rehearsal').innerText();
  assert.ok(text.includes(cli.advice[0]), 'the first advice as the CLI words it');
  await page.locator('.rehearse canvas').waitFor();
  await shot('14-rehearsal');
});

test('they just countered: their offer added as a round gives the advice parley next gives', async () => {
  const example = path.join(webRoot, '..', 'examples', 'sales-renewal-live.yaml');
  const cli = JSON.parse(await runParley(['next', example, '--format', 'json']));
  // The case as it stood before Acme's last offer; the page adds that offer through its form.
  const doc = JSON.parse(await runParley(['convert', '--to', 'json', example]));
  const last = doc.rounds.pop();
  const saved = await fetch(base + '/api/cases', { method: 'POST', body: JSON.stringify(doc), headers: { 'Content-Type': 'application/json' } });
  assert.equal(saved.status, 201);
  await openCase(doc.title);
  await page.getByRole('tab', { name: 'Next move' }).click();
  // Before their counter, the last offer is ours: hold.
  await page.getByTestId('next-action').getByText('hold').waitFor();
  assert.equal(await page.getByLabel('Offer by').inputValue(), last.by);
  for (const issue of doc.issues) {
    const input = page.getByLabel(issue.name ?? issue.id, { exact: true });
    if (issue.kind === 'number') await input.fill(String(last.offer[issue.id]));
    else await input.selectOption(String(last.offer[issue.id]));
  }
  await page.getByLabel('Date (optional)').fill(last.date);
  await page.getByRole('button', { name: 'Add the offer and advise' }).click();
  await page.getByTestId('next-action').getByText(cli.action, { exact: true }).waitFor();
  assert.equal(await page.getByTestId('next-say').innerText(), `Say: “${cli.say}”`);
  assert.match(await page.getByTestId('next-offer').innerText(), new RegExp(cli.offer.price.toLocaleString('en-US')));
  const text = await page.getByTestId('next').innerText();
  assert.ok(text.includes(cli.reason), 'the reason as the CLI words it');
  await shot('15-next-move');
});

test('the stakeholder map: a graph, the engagement order parley stakeholders gives, or how to add them', async () => {
  // A case without stakeholders says so and where to add them.
  await openCase('Consulting retainer (their edit)');
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  assert.match(await page.getByTestId('no-stakeholders').innerText(), /no stakeholders: .*Case tab, section Stakeholders/);

  const example = path.join(webRoot, '..', 'examples', 'buying-committee.yaml');
  const cli = JSON.parse(await runParley(['stakeholders', example, '--format', 'json']));
  const json = await runParley(['convert', '--to', 'json', example]);
  const saved = await fetch(base + '/api/cases', { method: 'POST', body: json, headers: { 'Content-Type': 'application/json' } });
  assert.equal(saved.status, 201);
  await openCase(cli.title);
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  await page.locator('.stakeholders canvas').waitFor();
  const theirs = cli.parties.find((p) => !p.ours);
  const first = page.getByTestId(`engagement-${theirs.party}`).locator('li').first();
  assert.equal(await first.innerText(), `${theirs.engagement[0].id}: ${theirs.engagement[0].reason}`);
  const text = await page.getByTestId('stakeholders').innerText();
  assert.ok(text.includes(theirs.org_chart_note), 'the org chart note as the CLI words it');
  await shot('16-stakeholders');
  await first.scrollIntoViewIfNeeded();
  await shot('17-stakeholders-engagement');
});

test('the library: an item added, found by its claim, inserted into a case, clashing once, and a case harvested', async () => {
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Add an item' }).click();
  await page.getByLabel('Kind of item', { exact: true }).selectOption('evidence');
  await page.getByLabel('Title', { exact: true }).fill('Market rent survey');
  await page.getByLabel('Tags (comma-separated)', { exact: true }).fill('rent, office');
  await page.getByLabel('Id (in a case)', { exact: true }).fill('rent-survey');
  await page.getByLabel('Evidence kind', { exact: true }).selectOption('benchmark');
  await page.getByLabel('Claim', { exact: true }).fill('Grade A office rent in the district averages 31 per square metre');
  await page.getByLabel('Source', { exact: true }).fill('City agents survey 2026');
  await page.getByRole('button', { name: 'Add to the library' }).click();
  await page.getByTestId('library-message').getByText('Added “Market rent survey” to the library.').waitFor();
  // Found by a word of its claim, and only it.
  await page.getByLabel('Search title, claim or tags', { exact: true }).fill('DISTRICT');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('library-items').getByRole('caption').getByText('1 item', { exact: true }).waitFor();
  const row = page.getByTestId('library-items').locator('tbody tr');
  assert.match(await row.innerText(), /Market rent survey\s+evidence\s+rent, office\s+Grade A office rent in the district/);
  await shot('18-library');

  // Inserted into a saved case: the case reloads at its next version with the item in its evidence.
  // (From the list in the page: the library tab needs the case saved, not its analyses.)
  await page.getByRole('button', { name: '← All cases' }).click();
  await page.getByRole('button', { name: 'Consulting retainer (their edit)', exact: true }).click();
  await page.getByTestId('version').getByText('case 1, version 3', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Library' }).click();
  const insert = page.getByRole('button', { name: 'Insert “Market rent survey” into this case' });
  await insert.click();
  await page.getByTestId('library-message').getByText('the case is now at version 4').waitFor();
  assert.equal(await page.getByTestId('version').innerText(), 'case 1, version 4');
  await page.getByRole('tab', { name: /^Case/ }).click();
  assert.equal(await field('evidence[0].id').inputValue(), 'rent-survey');
  assert.equal(await field('evidence[0].claim').inputValue(), 'Grade A office rent in the district averages 31 per square metre');
  await page.getByRole('tab', { name: 'Library' }).click();
  // A second insertion clashes on the id: the server's suggestion is one click away.
  await insert.click();
  const clash = page.getByTestId('library-message');
  await clash.getByText("the case already has an id 'rent-survey'", { exact: false }).waitFor();
  await shot('19-library-clash');
  await clash.getByRole('button', { name: 'Insert it as rent-survey-2' }).click();
  await page.getByTestId('library-message').getByText('as rent-survey-2: the case is now at version 5').waitFor();

  // The example's evidence harvested into the library, then skipped the second time.
  const example = JSON.parse(await runParley(['convert', '--to', 'json', path.join(webRoot, '..', 'examples', 'sales-renewal.yaml')]));
  const n = example.evidence.length;
  await page.getByRole('button', { name: '← All cases' }).click();
  await page.getByRole('button', { name: 'Enterprise SaaS renewal with Acme', exact: true }).click();
  await page.getByTestId('version').getByText(/^case \d+, version 1$/).waitFor();
  await page.getByRole('tab', { name: 'Library' }).click();
  const harvest = page.getByRole('button', { name: "Save this case's evidence to the library" });
  await harvest.click();
  await page.getByTestId('library-message').getByText(`${n} added, 0 skipped`).waitFor();
  await page.getByTestId('library-items').getByRole('caption').getByText(`${n + 1} items`, { exact: true }).waitFor();
  await harvest.click();
  await page.getByTestId('library-message').getByText(`0 added, ${n} skipped`).waitFor();
  await shot('20-library-harvest');
});
