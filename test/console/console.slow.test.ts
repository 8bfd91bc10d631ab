// The operator console in a real browser (Playwright driving Debian's Chromium): the app listens
// on 127.0.0.1 with the built-in Kibo simulator and two tenants. An import fails (the stand-in
// refuses it), the operator signs in, filters to failed, opens it, reads Kibo's error, retries
// once the stand-in recovers and watches it become imported without a reload; a wrong key is
// refused; one tenant's key never shows the other's imports. The screenshots in docs/ (README
// "Console") are made here.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { chromium, type Locator, type Page } from 'playwright-core'
import { buildTestApp, loadExample, repoRoot, withExternalId } from '../helper.ts'
import { fastDelivery, json } from '../observability/support.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const keyA = 'console-tenant-a-key-0123456789'
const keyB = 'console-tenant-b-key-0123456789'
const docsDir = path.join(repoRoot, 'docs')

/**
 * Polls from here rather than with page.waitForFunction, whose predicate the page's own
 * Content-Security-Policy (no 'unsafe-eval') rightly refuses to run.
 */
async function until (what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
const rowsAre = (locator: Locator, count: number) => until(`${count} rows`, async () => (await locator.count()) === count)
const textIs = (locator: Locator, text: string, timeoutMs?: number) =>
  until(`"${text}"`, async () => (await locator.textContent()) === text, timeoutMs)

const skip = existsSync(chromiumPath) ? false : `no browser at ${chromiumPath} (apt-get install chromium)`

t.test('operator console: sign in, find a failed import, read its error, retry it, see it imported', { skip }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kob-console-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const tenantsFile = path.join(dir, 'tenants.json')
  writeFileSync(
    tenantsFile,
    JSON.stringify({
      tenants: [
        { name: 'acme-us', tenantId: 100001, siteId: 100002, apiKeys: [keyA] },
        { name: 'acme-eu', tenantId: 200001, siteId: 200002, apiKeys: [keyB] }
      ]
    })
  )
  const app = await buildTestApp(t, { TENANTS_FILE: tenantsFile, ...fastDelivery })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const simulator = app.kibo.simulator!

  const post = async (key: string, externalId: string, expected: number) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...json, authorization: `Bearer ${key}` },
      payload: withExternalId(loadExample('cybersource-ship-usd'), externalId)
    })
    t.equal(response.statusCode, expected, `${externalId}: ${response.statusCode}`)
    return response.json()
  }
  await post(keyA, 'SO-A-1001', 201)
  await post(keyA, 'SO-A-1002', 201)
  simulator.faults.inject({ kind: '400-validation', times: 1 })
  await post(keyA, 'SO-A-1003', 422)
  simulator.faults.inject({ kind: '400-validation', times: 1 })
  await post(keyA, 'SO-A-1004', 422)
  await post(keyB, 'SO-B-2001', 201)
  const inventory = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers: { ...json, authorization: `Bearer ${keyA}` },
    payload: readFileSync(path.join(repoRoot, 'examples/inventory/refresh.json'), 'utf8')
  })
  t.equal(inventory.statusCode, 202, inventory.body)
  const jobId: string = inventory.json().jobId

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  t.teardown(() => browser.close())
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', timezoneId: 'UTC' })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  mkdirSync(docsDir, { recursive: true })
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(docsDir, name), fullPage: true })

  // A wrong key is refused, and says so.
  await page.goto(`${base}/console`)
  await page.getByLabel('API key').fill('not-a-key-of-this-service')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('alert').filter({ hasText: 'refused' }).waitFor()
  t.ok(await page.locator('#view-imports').isHidden(), 'nothing is shown with a wrong key')

  // Tenant A signs in: its imports, none of tenant B's.
  await page.getByLabel('API key').fill(keyA)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const rows = page.locator('#imports-table tbody tr')
  await rows.nth(3).waitFor()
  const listed = await page.locator('#imports-table tbody tr td:nth-child(2) a').allTextContents()
  t.same(listed, ['SO-A-1004', 'SO-A-1003', 'SO-A-1002', 'SO-A-1001'], "tenant A's imports, newest first")
  t.notOk((await page.content()).includes('SO-B-'), "no trace of tenant B's imports")
  t.equal(await page.locator('.count[data-status="failed"] strong').textContent(), '2')
  t.equal(await page.locator('.count[data-status="imported"] strong').textContent(), '2')
  await shot(page, 'console-imports.png')

  // Filter to failed and open it.
  await page.getByLabel('Status').selectOption('failed')
  await page.getByRole('button', { name: 'Apply' }).click()
  await rowsAre(rows, 2)
  t.same(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-status'))), ['failed', 'failed'])
  t.ok(await page.getByRole('button', { name: /Retry all failed imports/ }).isVisible(), 'bulk retry offered for the failed filter')
  await page.getByRole('link', { name: 'SO-A-1003' }).click()
  const lastError = page.locator('#last-error')
  await lastError.waitFor()
  const errorText = (await lastError.textContent()) ?? ''
  t.match(errorText, /Kibo refused the order/)
  t.match(errorText, /VALIDATION_ERROR/)
  t.match(errorText, /fulfillment location code is not valid/)
  const failedView = (
    await app.inject({ url: '/v1/imports?externalId=SO-A-1003', headers: { authorization: `Bearer ${keyA}` } })
  ).json().items[0]
  const correlationId: string = failedView.lastError.correlationId ?? failedView.kiboCorrelationId
  t.ok(correlationId, 'Kibo gave a correlation id')
  t.ok(errorText.includes(correlationId), 'the correlation id is shown')
  await page.locator('#payload summary').click()
  await until('the payload', async () => ((await page.locator('#payload-body').textContent()) ?? '').includes('SO-A-1003'))
  const payloadText = (await page.locator('#payload-body').textContent()) ?? ''
  t.ok(payloadText.includes('[redacted]'), 'payment secrets redacted')
  const card = loadExample('cybersource-ship-usd').data.payments[0]
  t.notOk(payloadText.includes(card.card.token) || payloadText.includes(card.requestToken), 'no card or gateway token in the page')
  await shot(page, 'console-import-failed.png')

  // The stand-in recovers; retry; the page follows the import to imported without a reload.
  simulator.faults.clear()
  await page.evaluate('window.marker = 42')
  await page.getByRole('button', { name: 'Retry this import' }).click()
  await page.locator('#import-title .badge.imported').waitFor({ timeout: 60_000 })
  t.equal(await page.evaluate('window.marker'), 42, 'no reload happened')
  t.equal(simulator.orders('SO-A-1003').length, 1, 'in Kibo once')
  await page.locator('#timeline').getByText('retry_requested').waitFor()
  await shot(page, 'console-import-imported.png')

  // Back to the list (still filtered to failed): the other one is retried in bulk, after a confirmation.
  await page.getByRole('link', { name: '← All imports' }).click()
  await rowsAre(rows, 1)
  t.same(await page.locator('#imports-table tbody tr td:nth-child(2) a').allTextContents(), ['SO-A-1004'])
  let confirmation = ''
  page.once('dialog', (dialog) => {
    confirmation = dialog.message()
    dialog.accept().catch(() => {})
  })
  await page.getByRole('button', { name: /Retry all failed imports/ }).click()
  await textIs(page.locator('.count[data-status="imported"] strong'), '4', 60_000)
  t.match(confirmation, /Send 1 failed import back to the queue/)
  t.equal(await page.locator('.count[data-status="failed"] strong').textContent(), '0')
  t.equal(simulator.orders('SO-A-1004').length, 1, 'in Kibo once')
  await page.getByLabel('Status').selectOption('')
  await page.getByRole('button', { name: 'Apply' }).click()
  await rowsAre(page.locator('#imports-table tbody .badge.imported'), 4)

  // Connectors (none configured here), inventory, health.
  await page.getByRole('link', { name: 'Connectors' }).click()
  await page.getByText('No storefront connectors configured.').waitFor()
  await page.getByRole('link', { name: 'Inventory' }).click()
  await page.getByLabel('Job id').fill(jobId)
  await page.getByRole('button', { name: 'Show' }).click()
  await page.getByRole('heading', { name: new RegExp(`Job ${jobId}`) }).waitFor()
  await page.locator('#inventory-body .badge.completed').first().waitFor({ timeout: 60_000 })
  await shot(page, 'console-inventory.png')
  await page.getByRole('link', { name: 'Health' }).click()
  await page.getByText('Kibo (per tenant)').waitFor()
  await page.locator('#health-queue dl').waitFor()
  const health = (await page.locator('#health-body').textContent()) ?? ''
  t.match(health, /acme-us: built-in simulator/)
  await shot(page, 'console-health.png')

  // The key lives in this tab's sessionStorage only: no cookie, never in a URL.
  t.equal(await page.evaluate("sessionStorage.getItem('kibo-order-bridge.apiKey')"), keyA)
  t.same(await context.cookies(), [], 'no cookies')
  t.notOk(urls.some((url) => url.includes(keyA) || url.includes(keyB)), 'no key in any URL')

  // On a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const phonePage = await phone.newPage()
  await phonePage.goto(`${base}/console`)
  await phonePage.getByLabel('API key').fill(keyA)
  await phonePage.getByRole('button', { name: 'Sign in' }).click()
  await phonePage.locator('#imports-table tbody tr').nth(3).waitFor()
  await phonePage.screenshot({ path: path.join(docsDir, 'console-phone.png') })
  await phone.close()

  // Tenant B, in the same tab after signing out: only its own import; A's import is "not found".
  await page.getByRole('link', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByLabel('API key').fill(keyB)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.locator('#imports-table tbody tr').first().waitFor()
  await rowsAre(rows, 1)
  t.same(await page.locator('#imports-table tbody tr td:nth-child(2) a').allTextContents(), ['SO-B-2001'])
  t.notOk((await page.content()).includes('SO-A-'), "no trace of tenant A's imports")
  await page.evaluate(`window.location.hash = '#/imports/${failedView.importId}'`)
  await page.getByText(`There is no import ${failedView.importId} for this tenant and site.`).waitFor()

  // The browser reports the refused key (401) and the missing connectors route (404) as failed loads.
  const expected = /^Failed to load resource: the server responded with a status of (401|404)/
  t.same(problems.filter((text) => !expected.test(text)), [], 'no script errors or CSP violations in the console')
})
