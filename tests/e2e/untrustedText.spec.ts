/**
 * Text that looks like markup — typed by a user, pasted from a web page, or planted by someone hoping a
 * colleague opens it — is only ever text: it shows literally, never runs, never becomes an element or an
 * event handler, and link addresses are limited to web and email. The page's CSP backs that up, and
 * normal use never trips it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  caretAtEnd,
  createPlaybook,
  createWorkspace,
  expectSaved,
  narrativeSections,
  openSample,
  playbookNames,
  SAMPLE,
  selectPlaybook,
  settle,
} from './support/duet';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS_URL = 'javascript:window.__xss=1';
const IFRAME = '<iframe srcdoc="<script>parent.__xss=1</script>">';
const ANCHOR = '<a href="javascript:window.__xss=1">win</a>';

/** HTML a hostile page could put on the clipboard. */
const HOSTILE_HTML = [
  '<p>Pasted <b>bold</b> words</p>',
  IMG,
  SCRIPT,
  '<svg><script>window.__xss=1</script></svg>',
  '<svg onload="window.__xss=1"><circle r="4"/></svg>',
  IFRAME,
  '<p><a href="javascript:window.__xss=1">a javascript link</a> and <a href="data:text/html,&lt;script&gt;parent.__xss=1&lt;/script&gt;">a data link</a></p>',
  '<div onmouseover="window.__xss=1" style="background:url(javascript:window.__xss=1)">hover me</div>',
  '<object data="javascript:window.__xss=1"></object><embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button formaction="javascript:window.__xss=1">go</button></form>',
].join('');

/** Records CSP violations and alerts from the first script of every page onward. */
async function watchPage(page: Page): Promise<{ dialogs: string[] }> {
  await page.addInitScript(() => {
    const w = window as Window & { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { dialogs };
}

/**
 * Nothing ran, nothing live was injected, and the CSP had nothing to block — except, after hostile HTML
 * was pasted, inline handlers in the pasted markup: Chromium reports those while parsing the clipboard
 * into an inert document (the editor's import, and its own clipboard sanitizer), where they never run.
 */
async function expectNothingRan(page: Page, watched: { dialogs: string[] }, pastedHostileHtml = false): Promise<void> {
  await settle(page);
  const found = await page.evaluate((pastedHostileHtml) => {
    const w = window as Window & { __xss?: unknown; __cspViolations?: string[] };
    const handlers: string[] = [];
    // The body is where user content lands (the head holds the app's own tags, e.g. its empty data: favicon).
    for (const element of document.body.querySelectorAll('*')) {
      for (const attr of element.attributes) {
        if (/^on/i.test(attr.name)) handlers.push(`${element.tagName} ${attr.name}`);
        if (
          /^\s*(javascript|data|vbscript):/i.test(attr.value) &&
          /^(href|src|action|formaction|data|srcdoc)$/i.test(attr.name)
        ) {
          handlers.push(`${element.tagName} ${attr.name}=${attr.value}`);
        }
      }
    }
    const editor = document.querySelector('[data-testid="editor"]');
    const violations = w.__cspViolations ?? ['(watcher missing)'];
    return {
      xss: w.__xss,
      violations: pastedHostileHtml ? violations.filter((v) => !v.startsWith('script-src-attr inline ')) : violations,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      foreignScripts: [...document.querySelectorAll('script[src]')]
        .map((s) => (s as HTMLScriptElement).src)
        .filter((src) => new URL(src).origin !== location.origin),
      handlers,
      embedded: document.querySelectorAll('iframe, object, embed, frame, img:not([src^="data:"]), form').length,
      editorMarkup: editor ? editor.querySelectorAll('svg, img, style, link, meta, base').length : 0,
    };
  }, pastedHostileHtml);
  expect(found).toEqual({
    xss: undefined,
    violations: [],
    inlineScripts: 0,
    foreignScripts: [],
    handlers: [],
    embedded: 0,
    editorMarkup: 0,
  });
  expect(watched.dialogs).toEqual([]);
}

/** Puts HTML (and its plain-text twin) on the real clipboard, as copying from a web page does. */
async function copyHtml(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ({ html, text }) =>
      navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]),
    { html, text },
  );
}

/** Fires a paste carrying `html` at the focused element, as the browser does for a paste from another app. */
async function dispatchHtmlPaste(page: Page, html: string): Promise<void> {
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain fallback');
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('markup typed or pasted into names, titles, narratives and details shows as text and never runs', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const watched = await watchPage(page);

  // The workspace and the user are named with markup on the welcome screen.
  await createWorkspace(page, IMG, SVG);
  await expect(page.locator('.workspace-name')).toHaveText(IMG);
  await expect(page.locator('.sidebar-user strong')).toHaveText(SVG);

  // A playbook title typed, another pasted from a page's HTML.
  await createPlaybook(page, SCRIPT, 'Messaging house');
  await page.getByTestId('new-playbook').click();
  await copyHtml(page, IFRAME, ANCHOR);
  await page.getByTestId('new-playbook-dialog').getByLabel('Title').focus();
  await page.keyboard.press('Control+V');
  await page.getByTestId('new-playbook-dialog').getByRole('button', { name: 'Create playbook' }).click();
  await expect(page.getByTestId('playbook-title')).toHaveValue(ANCHOR);
  await expect(playbookNames(page)).toHaveText([SCRIPT, ANCHOR].sort((a, b) => a.localeCompare(b)));

  // Renamed in the sidebar with a paste.
  await page.getByRole('button', { name: `Actions for ${ANCHOR}` }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await copyHtml(page, SCRIPT, JS_URL);
  await page.getByTestId('rename-input').press('Control+A');
  await page.getByTestId('rename-input').press('Control+V');
  await page.getByTestId('rename-input').press('Enter');
  await expect(playbookNames(page).filter({ hasText: JS_URL })).toHaveCount(1);

  // A second workspace named through the switcher's prompt.
  await page.locator('.workspace-button').click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  await page.getByTestId('prompt-dialog').getByLabel('Workspace name').fill(SVG);
  await page.getByTestId('prompt-dialog').getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.locator('.workspace-name')).toHaveText(SVG);
  await page.locator('.workspace-button').click();
  await page.getByRole('menuitem', { name: IMG }).click();
  await expect(page.locator('.workspace-name')).toHaveText(IMG);
  await playbookNames(page).filter({ hasText: SCRIPT }).click();
  await expect(narrativeSections(page)).toHaveCount(5);

  // A narrative's title, key message and body, typed.
  await page.getByTestId('add-narrative').click();
  await page.keyboard.type(IMG);
  await page.keyboard.press('Enter');
  await page.keyboard.type(SVG);
  await page.keyboard.press('Enter');
  // One payload per line: two "__" on one line would be taken as Markdown for bold, as in any Markdown editor.
  await page.keyboard.type(JS_URL);
  await page.keyboard.press('Enter');
  await page.keyboard.type(SCRIPT);
  const hostile = narrativeSections(page).nth(5);
  await expect(hostile.locator('.narrative-title')).toHaveText(IMG);
  await expect(hostile.locator('.narrative-key-message')).toHaveText(SVG);
  await expect(hostile.locator('.narrative-body > p.ed-p')).toHaveText([JS_URL, SCRIPT]);

  // HTML pasted into the body: once through the real clipboard, once as a paste event from another app.
  await page.keyboard.press('Enter');
  await copyHtml(page, HOSTILE_HTML, 'plain fallback');
  await page.keyboard.press('Control+V');
  await expect(hostile).toContainText('Pasted bold words');
  await page.keyboard.press('Enter');
  await dispatchHtmlPaste(page, HOSTILE_HTML.replace('Pasted', 'Dropped in'));
  await expect(hostile).toContainText('Dropped in bold words');
  await expect(hostile).toContainText('a javascript link');

  // Persona, owner and proof points.
  await hostile.getByTestId('status-badge').click();
  const details = page.getByTestId('narrative-details');
  await details.getByLabel('Persona').fill(SCRIPT);
  await details.getByLabel('Owner').click();
  await details.getByLabel('Owner').press('Control+A');
  await page.keyboard.type(SVG);
  await details.getByRole('textbox', { name: 'Proof point 1', exact: true }).fill(IFRAME);
  await details.getByRole('button', { name: '+ Add proof point' }).click();
  await copyHtml(page, IMG, JS_URL);
  await details.getByRole('textbox', { name: 'Proof point 2', exact: true }).press('Control+V');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(hostile.getByRole('button', { name: /^Persona/ })).toHaveText(`Persona${SCRIPT}`);
  await expect(hostile.getByRole('button', { name: /^Owner/ })).toHaveText(`Owner${SVG}`);
  await expect(hostile.locator('.proof-points li')).toHaveText([IFRAME, JS_URL]);
  await expect(page.getByTestId('outline').locator('.outline-title').last()).toHaveText(IMG);

  await expectNothingRan(page, watched, true);
  await expectSaved(page);

  // Stored as text, and still only text when read back.
  await page.reload();
  await expect(page.locator('.workspace-name')).toHaveText(IMG);
  await expect(narrativeSections(page)).toHaveCount(6);
  const reread = narrativeSections(page).nth(5);
  await expect(reread.locator('.narrative-title')).toHaveText(IMG);
  await expect(reread.locator('.narrative-key-message')).toHaveText(SVG);
  await expect(reread.getByRole('button', { name: /^Persona/ })).toHaveText(`Persona${SCRIPT}`);
  await expect(reread.locator('.proof-points li')).toHaveText([IFRAME, JS_URL]);
  await expect(reread).toContainText('Dropped in bold words');
  await expectNothingRan(page, watched);
});

test('the link dialog refuses javascript:, data: and file: addresses and says what it accepts', async ({ page }) => {
  const watched = await watchPage(page);
  await openSample(page);
  await selectPlaybook(page, SAMPLE.core.title);
  const keyMessage = narrativeSections(page).first().locator('.narrative-key-message');
  await caretAtEnd(keyMessage);
  await page.keyboard.type(' Read more');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  // What the user sees highlighted before asking for a link.
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('Read more');
  await settle(page);
  await page.keyboard.press('Control+K');
  const dialog = page.getByTestId('link-dialog');
  await expect(dialog).toBeVisible();
  const address = dialog.getByLabel('Address');
  await expect(address).toBeFocused();

  for (const bad of [
    JS_URL,
    'JaVaScRiPt:window.__xss=1',
    '  javascript:window.__xss=1',
    'java\tscript:window.__xss=1',
    'data:text/html,<script>window.__xss=1</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    '//evil.example/x',
  ]) {
    await address.fill(bad);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Enter a web address (https://…) or an email address. Other kinds of links are not allowed.',
    );
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toBeVisible();
  }
  await expect(page.getByTestId('editor').locator('a')).toHaveCount(0);

  // A web address is accepted (a bare domain gets https://).
  await address.fill('fernway.example/uptime');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const link = keyMessage.locator('a');
  await expect(link).toHaveText('Read more');
  await expect(link).toHaveAttribute('href', 'https://fernway.example/uptime');
  // A plain click keeps editing: the app window never navigates away.
  await link.click();
  await expect(page).toHaveURL(/127\.0\.0\.1/);
  await expectNothingRan(page, watched);
});

test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  expect(header).toBeDefined();
  const directives = new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  // The same policy is in the page itself, for hosts that cannot send headers.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
});

test('ordinary use never trips the Content-Security-Policy', async ({ page }, testInfo) => {
  const watched = await watchPage(page);
  await openSample(page);
  for (const title of [SAMPLE.cfo.title, SAMPLE.competitive.title, SAMPLE.core.title])
    await selectPlaybook(page, title);
  await caretAtEnd(narrativeSections(page).first().locator('.narrative-title'));
  await page.keyboard.type(' — revised');
  await narrativeSections(page).first().getByTestId('status-badge').click();
  await page.getByTestId('narrative-details').getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Control+/');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('.sidebar-user').click();
  await expect(page.getByTestId('profile-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workspace').click();
  await (await download).saveAs(testInfo.outputPath('fernway.duet'));
  await createPlaybook(page, 'Fresh', 'Persona pitch');
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expectNothingRan(page, watched);
});
