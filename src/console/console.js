// The operator console's only script (an ES module, served as it is: no build step). It calls
// this service's /v1 API with the operator's API key, kept for this tab only (sessionStorage)
// and sent as the X-API-Key header: never in a URL, never in a cookie. Every action is an API
// call the key's tenant is allowed to make, so the console shows nothing the API would not.
// Pages are built with DOM nodes and textContent (no HTML strings), and refreshed by polling.
/* global document, window, sessionStorage, fetch, confirm, URLSearchParams */

const KEY_STORAGE = 'kibo-order-bridge.apiKey'
const POLL_MS = 2500
const STATUSES = ['queued', 'importing', 'imported', 'failed', 'dead']
const PAGE = 50

const state = {
  key: sessionStorage.getItem(KEY_STORAGE),
  /** The API takes no key at all (no API_KEYS, development). */
  open: false,
  filters: {},
  items: [],
  nextCursor: null,
  summary: null,
  sources: new Set(),
  shown: { list: '', summary: '', detail: '', health: '', inventory: '' },
  payloadFor: null,
  inventoryJob: null,
  timer: null,
  busy: false
}

const $ = (selector) => document.querySelector(selector)

/** An element with attributes (on… keys become listeners) and children (strings become text). */
function h (tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value)
    else if (name === 'className') element.className = value
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
  return element
}

const badge = (value) => h('span', { className: `badge ${String(value).replace(/\s+/g, '-')}` }, String(value))

function time (iso) {
  if (!iso) return '—'
  const date = new Date(iso)
  return h('time', { datetime: iso, title: iso }, date.toLocaleString())
}

function age (seconds) {
  if (seconds === null || seconds === undefined) return 'none queued'
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`
  return `${Math.round(seconds / 86400)} days`
}

// ---- the API --------------------------------------------------------------------------------

class SignedOut extends Error {}

/** One API call with the tab's key; a 401 ends the session (the key was revoked or is wrong). */
async function api (path, { method = 'GET', body, key = state.key } = {}) {
  const headers = { accept: 'application/json, application/problem+json' }
  if (key) headers['x-api-key'] = key
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store'
  })
  const text = await response.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = { title: text.slice(0, 200) }
    }
  }
  return { status: response.status, ok: response.ok, data }
}

async function authorized (path, options) {
  const answer = await api(path, options)
  if (answer.status === 401 && !state.open) {
    signOut('Your API key was refused. Sign in again.')
    throw new SignedOut()
  }
  return answer
}

const problemText = (answer) =>
  `${answer.data?.title ?? `HTTP ${answer.status}`}${answer.data?.detail ? `: ${answer.data.detail}` : ''}`

// ---- signing in -----------------------------------------------------------------------------

function showSignIn (message) {
  $('#nav').hidden = true
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== 'sign-in'
  const error = $('#sign-in-error')
  error.hidden = !message
  error.textContent = message ?? ''
  $('#api-key').focus()
}

function signOut (message) {
  sessionStorage.removeItem(KEY_STORAGE)
  state.key = null
  state.items = []
  state.nextCursor = null
  state.shown = { list: '', summary: '', detail: '', health: '', inventory: '' }
  state.payloadFor = null
  state.inventoryJob = null
  state.summary = null
  state.filters = {}
  // Nothing the previous key could see stays in the page.
  for (const selector of ['#imports-table tbody', '#summary', '#import-body', '#connectors-body', '#inventory-body', '#health-body']) {
    $(selector).replaceChildren()
  }
  $('#import-title').textContent = 'Import'
  $('#imports-status').textContent = ''
  $('#filters').reset()
  $('#job-id').value = ''
  window.clearInterval(state.timer)
  state.timer = null
  showSignIn(message)
}

async function signIn (event) {
  event.preventDefault()
  const input = $('#api-key')
  const key = input.value.trim()
  if (key === '') {
    showSignIn('Enter an API key.')
    return
  }
  const button = event.submitter ?? $('#sign-in-form button')
  button.disabled = true
  try {
    const answer = await api('/v1/imports/summary', { key })
    if (answer.status === 401) {
      showSignIn(`That key was refused (${answer.data?.title ?? 'HTTP 401'}).`)
      return
    }
    if (!answer.ok) {
      showSignIn(`The service answered ${problemText(answer)}.`)
      return
    }
    input.value = ''
    state.key = key
    sessionStorage.setItem(KEY_STORAGE, key)
    showApp()
  } catch (error) {
    showSignIn(`The service could not be reached (${error.message}).`)
  } finally {
    button.disabled = false
  }
}

function showApp () {
  $('#nav').hidden = false
  $('#sign-out').hidden = state.open
  $('#sign-in').hidden = true
  if (!window.location.hash) window.location.hash = '#/imports'
  route(true)
  if (state.timer === null) state.timer = window.setInterval(poll, POLL_MS)
}

// ---- views ----------------------------------------------------------------------------------

function currentRoute () {
  const [, view = 'imports', id] = window.location.hash.split('/')
  if (view === 'imports' && id) return { view: 'import', id: decodeURIComponent(id) }
  return { view: ['imports', 'connectors', 'inventory', 'health'].includes(view) ? view : 'imports' }
}

async function route (moveFocus) {
  if (state.key === null && !state.open) return
  const { view, id } = currentRoute()
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== `view-${view}`
  for (const link of document.querySelectorAll('#nav a[data-view]')) {
    if (link.dataset.view === (view === 'import' ? 'imports' : view)) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  if (view === 'import' && state.payloadFor !== id) {
    state.shown.detail = ''
    $('#import-body').replaceChildren(h('p', { className: 'muted' }, 'Loading…'))
  }
  await refresh(view, id).catch(report)
  if (moveFocus) {
    const heading = $(`#view-${view} h2`)
    heading.setAttribute('tabindex', '-1')
    heading.focus()
  }
}

function report (error) {
  if (error instanceof SignedOut) return
  $('#live').textContent = `Could not refresh: ${error.message}`
}

async function refresh (view, id) {
  if (view === 'imports') await Promise.all([loadSummary(), loadImports()])
  else if (view === 'import') await loadImport(id)
  else if (view === 'connectors') await loadConnectors()
  else if (view === 'inventory') await loadInventoryJob()
  else if (view === 'health') await Promise.all([loadSummary(), loadHealth()])
  $('#live').textContent = `Updated ${new Date().toLocaleTimeString()} · refreshes every ${POLL_MS / 1000} s`
}

async function poll () {
  if (document.hidden || state.busy) return
  state.busy = true
  try {
    const { view, id } = currentRoute()
    await refresh(view, id)
  } catch (error) {
    report(error)
  } finally {
    state.busy = false
  }
}

// ---- imports --------------------------------------------------------------------------------

function filterQuery (extra = {}) {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...state.filters, ...extra })) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value))
  }
  return query.toString()
}

function readFilters () {
  const form = $('#filters')
  const local = (name) => (form.elements[name].value ? new Date(form.elements[name].value).toISOString() : '')
  state.filters = {
    status: form.elements.status.value,
    externalId: form.elements.externalId.value.trim(),
    source: $('#f-source-field').hidden ? '' : form.elements.source.value.trim(),
    from: local('from'),
    to: local('to')
  }
}

async function loadSummary () {
  const answer = await authorized('/v1/imports/summary')
  if (!answer.ok) throw new Error(problemText(answer))
  state.summary = answer.data
  renderSummary()
  renderHealthQueue()
}

function renderSummary () {
  const summary = state.summary
  const signature = JSON.stringify([summary, state.filters.status])
  if (signature === state.shown.summary) return
  state.shown.summary = signature
  const cards = STATUSES.map((status) =>
    h(
      'button',
      {
        type: 'button',
        className: 'count',
        'aria-pressed': state.filters.status === status ? 'true' : 'false',
        'data-status': status,
        onclick: () => {
          $('#f-status').value = state.filters.status === status ? '' : status
          applyFilters()
        }
      },
      h('strong', {}, String(summary.counts[status])),
      badge(status)
    )
  )
  cards.push(h('div', { className: 'count age' }, h('strong', {}, age(summary.oldestQueuedSeconds)), 'oldest queued'))
  $('#summary').replaceChildren(...cards)
  renderBulk()
}

/** Bulk retry takes a status and the received-time range: offered when no other filter is set. */
function renderBulk () {
  const { status, externalId, source } = state.filters
  const show = (status === 'dead' || status === 'failed') && !externalId && !source && state.items.length > 0
  $('#bulk').hidden = !show
  const range = state.filters.from || state.filters.to ? ' in this time range' : ''
  if (show) $('#bulk-retry').textContent = `Retry all ${status} imports${range}…`
}

async function loadImports ({ more = false } = {}) {
  const limit = more ? PAGE : Math.min(1000, Math.max(PAGE, state.items.length))
  const answer = await authorized(`/v1/imports?${filterQuery({ limit, cursor: more ? state.nextCursor : undefined })}`)
  if (!answer.ok) {
    $('#imports-status').textContent = problemText(answer)
    return
  }
  state.items = more ? state.items.concat(answer.data.items) : answer.data.items
  state.nextCursor = answer.data.nextCursor
  renderImports()
}

function lastErrorText (lastError) {
  if (!lastError || typeof lastError !== 'object') return ''
  const code = lastError.errorCode ? ` (${lastError.errorCode})` : ''
  return `${lastError.title ?? 'Error'}${code}${lastError.detail ? `: ${lastError.detail}` : ''}`
}

function renderImports () {
  for (const item of state.items) if (typeof item.source === 'string') state.sources.add(item.source)
  // The source filter exists once the API reports a source per import.
  const sourceSupported = state.items.some((item) => 'source' in item)
  if (sourceSupported && $('#f-source-field').hidden) $('#f-source-field').hidden = false
  $('#f-source-values').replaceChildren(...[...state.sources].sort().map((source) => h('option', { value: source })))

  renderBulk()
  const signature = JSON.stringify([state.items, state.nextCursor])
  if (signature === state.shown.list) return
  state.shown.list = signature
  const rows = state.items.map((item) =>
    h(
      'tr',
      { 'data-import-id': item.importId, 'data-status': item.status },
      h('td', {}, time(item.createdAt)),
      h(
        'td',
        {},
        h('a', { href: `#/imports/${encodeURIComponent(item.importId)}` }, item.externalId),
        item.source ? h('div', { className: 'muted' }, item.source) : null
      ),
      h('td', {}, badge(item.status)),
      h('td', {}, String(item.attempts)),
      h('td', {}, item.kiboOrderNumber === null ? (item.kiboOrderId ?? '—') : String(item.kiboOrderNumber)),
      h('td', { className: 'error-cell' }, lastErrorText(item.lastError))
    )
  )
  $('#imports-table tbody').replaceChildren(...rows)
  $('#imports-status').textContent =
    state.items.length === 0 ? 'No imports match.' : `${state.items.length} shown${state.nextCursor ? '; more below' : ''}.`
  $('#more').hidden = state.nextCursor === null
}

function applyFilters (event) {
  event?.preventDefault()
  readFilters()
  state.items = []
  state.nextCursor = null
  state.shown.summary = ''
  renderBulk()
  Promise.all([loadImports(), loadSummary()]).catch(report)
}

async function bulkRetry () {
  const { status, from, to } = state.filters
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) }
  // Count what the filter matches now (the counts at the top are for all time).
  const counted = await authorized(`/v1/imports/summary?${new URLSearchParams(range)}`)
  if (!counted.ok) {
    $('#imports-status').textContent = problemText(counted)
    return
  }
  const count = counted.data.counts[status]
  const limit = Math.min(count, 1000)
  if (limit === 0) {
    $('#imports-status').textContent = `No ${status} imports match.`
    return
  }
  const ok = confirm(
    `Send ${limit} ${status} import${limit === 1 ? '' : 's'}${from || to ? ' received in this time range' : ''} back to the queue?\n\n` +
      'Each is looked up in Kibo before anything is created, so none is imported twice.'
  )
  if (!ok) return
  const answer = await authorized('/v1/imports/retry', { method: 'POST', body: { status, limit, ...range } })
  $('#imports-status').textContent = answer.ok ? `${answer.data.requeued} sent back to the queue.` : problemText(answer)
  await Promise.all([loadSummary(), loadImports()])
}

// ---- one import -----------------------------------------------------------------------------

async function loadImport (importId) {
  const answer = await authorized(`/v1/imports/${encodeURIComponent(importId)}`)
  const signature = JSON.stringify(answer)
  if (signature === state.shown.detail) return
  state.shown.detail = signature
  if (!answer.ok) {
    $('#import-title').textContent = 'Import'
    $('#import-body').replaceChildren(h('p', { className: 'error', role: 'alert' }, problemText(answer)))
    return
  }
  renderImport(answer.data)
}

function renderImport (record) {
  $('#import-title').replaceChildren(`Order ${record.externalId} `, badge(record.status))
  const keepPayload = state.payloadFor === record.importId ? $('#payload') : null
  const retryable = record.status === 'failed' || record.status === 'dead'
  const actions = h(
    'div',
    { className: 'row-actions' },
    retryable ? h('button', { type: 'button', id: 'retry', onclick: () => retryOne(record.importId) }, 'Retry this import') : null,
    h('p', { id: 'retry-status', role: 'status', className: 'muted' })
  )
  const problem = record.lastError && typeof record.lastError === 'object' ? record.lastError : null
  const problemPanel = problem
    ? h(
      'section',
      { className: 'panel problem', 'aria-labelledby': 'problem-title', id: 'last-error' },
      h('h3', { id: 'problem-title' }, `Last error: ${problem.title ?? 'error'}`),
      problem.detail ? h('p', {}, problem.detail) : null,
      facts([
        ['Status', problem.status],
        ['Kibo error code', problem.errorCode],
        ['Correlation id', problem.correlationId ?? record.kiboCorrelationId],
        ['Kind', problem.kind],
        ['Type', problem.type]
      ]),
      Array.isArray(problem.errors) && problem.errors.length > 0
        ? h('ul', {}, problem.errors.map((entry) => h('li', {}, h('code', {}, entry.path ?? ''), ` ${entry.message ?? ''}`)))
        : null
    )
    : null
  const restrictions = record.restrictions
    ? `${['edit', 'cancellation'].filter((what) => record.restrictions[what]).join(' + ') || 'none'} (${record.restrictions.status})`
    : null
  const history = (record.history ?? []).map((entry) =>
    h('tr', {}, h('td', {}, time(entry.at)), h('td', {}, badge(entry.kind)), h('td', {}, h('code', {}, compact(entry.detail))))
  )
  const payload =
    keepPayload ??
    h(
      'details',
      { id: 'payload', ontoggle: (event) => event.target.open && loadPayload(record.importId) },
      h('summary', {}, 'Kibo payload (as it would be sent now; payment secrets redacted)'),
      h('pre', { id: 'payload-body', tabindex: '0' }, 'Loading…')
    )
  state.payloadFor = record.importId
  $('#import-body').replaceChildren(
    actions,
    problemPanel ?? '',
    facts([
      ['Import id', h('code', {}, record.importId)],
      ['Status', badge(record.status)],
      ['Source', record.source],
      ['Mode', record.mode],
      ['Attempts', String(record.attempts)],
      ['Kibo order id', record.kiboOrderId ? h('code', {}, record.kiboOrderId) : '—'],
      ['Kibo order number', record.kiboOrderNumber === null ? '—' : String(record.kiboOrderNumber)],
      ['Kibo correlation id', record.kiboCorrelationId],
      ['Received', time(record.createdAt)],
      ['Imported', record.importedAt ? time(record.importedAt) : null],
      ['Failed', record.failedAt ? time(record.failedAt) : null],
      ['Next attempt', record.nextAttemptAt ? time(record.nextAttemptAt) : null],
      ['Webhook id', record.webhookId],
      ['Restrictions', restrictions]
    ]),
    h('h3', {}, 'Timeline'),
    h(
      'div',
      { className: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Timeline' },
      h(
        'table',
        { id: 'timeline' },
        h('thead', {}, h('tr', {}, ['When', 'What', 'Detail'].map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', {}, history)
      )
    ),
    payload
  )
}

function facts (pairs) {
  return h(
    'dl',
    { className: 'facts' },
    pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])
  )
}

function compact (detail) {
  if (!detail || Object.keys(detail).length === 0) return ''
  return JSON.stringify(detail)
}

async function loadPayload (importId) {
  const answer = await authorized(`/v1/imports/${encodeURIComponent(importId)}/kibo-payload`)
  const body = $('#payload-body')
  if (!body) return
  body.textContent = answer.ok ? JSON.stringify(answer.data.kiboOrder ?? answer.data.translatedOrders, null, 2) : problemText(answer)
}

async function retryOne (importId) {
  const button = $('#retry')
  button.disabled = true
  const answer = await authorized(`/v1/imports/${encodeURIComponent(importId)}/retry`, { method: 'POST' })
  state.shown.detail = ''
  await loadImport(importId)
  $('#retry-status').textContent = answer.ok ? 'Sent back to the queue; this page follows it.' : problemText(answer)
}

// ---- connectors, inventory, health ----------------------------------------------------------

async function loadConnectors () {
  const answer = await authorized('/v1/connectors')
  const body = $('#connectors-body')
  const stores = answer.ok && Array.isArray(answer.data?.stores) ? answer.data.stores : []
  if (answer.status === 404 || (answer.ok && stores.length === 0)) {
    body.replaceChildren(h('p', {}, 'No storefront connectors configured.'))
    return
  }
  if (!answer.ok) {
    body.replaceChildren(h('p', { className: 'error' }, problemText(answer)))
    return
  }
  const found = (value) => (Array.isArray(value) ? `${value.length}${value.length ? `: ${value.join(', ')}` : ''}` : String(value ?? 0))
  body.replaceChildren(
    h(
      'div',
      { className: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'connectors-title' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Platform', 'Store', 'Last webhook', 'Reconciliation checkpoint', 'Last run', 'Found without a webhook'].map((name) =>
              h('th', { scope: 'col' }, name)
            )
          )
        ),
        h(
          'tbody',
          {},
          stores.map((store) =>
            h(
              'tr',
              {},
              h('td', {}, store.platform),
              h('td', {}, store.store),
              h('td', {}, time(store.lastWebhookAt)),
              h('td', {}, store.reconcile?.checkpoint ? time(store.reconcile.checkpoint) : '—'),
              h(
                'td',
                {},
                store.reconcile?.lastRunAt ? time(store.reconcile.lastRunAt) : '—',
                ' ',
                store.reconcile?.lastRunStatus ? badge(store.reconcile.lastRunStatus) : null
              ),
              h('td', {}, found(store.reconcile?.foundWithoutWebhook))
            )
          )
        )
      )
    )
  )
}

async function loadInventoryJob () {
  const jobId = state.inventoryJob
  if (!jobId) return
  const answer = await authorized(`/v1/inventory/jobs/${encodeURIComponent(jobId)}`)
  const signature = JSON.stringify(answer)
  if (signature === state.shown.inventory) return
  state.shown.inventory = signature
  const body = $('#inventory-body')
  if (!answer.ok) {
    body.replaceChildren(h('p', { className: 'error', role: 'alert' }, problemText(answer)))
    return
  }
  const job = answer.data
  const counts = (record) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ') || 'none'
  const table = (label, headings, rows) =>
    h(
      'div',
      { className: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label },
      h('table', {}, h('thead', {}, h('tr', {}, headings.map((name) => h('th', { scope: 'col' }, name)))), h('tbody', {}, rows))
    )
  body.replaceChildren(
    h('h3', {}, `Job ${job.jobId} `, badge(job.status)),
    facts([
      ['Kind', job.kind],
      ['Sent as', job.source],
      ['Items', String(job.itemCount)],
      ['Batches', `${job.batchCount}: ${counts(job.progress.batches)}`],
      ['Items progress', counts(job.progress.items)],
      ['Received', time(job.createdAt)],
      ['Finished', job.finishedAt ? time(job.finishedAt) : null],
      ['Last error', lastErrorText(job.lastError)]
    ]),
    h('h3', {}, 'Batches'),
    table(
      'Batches',
      ['#', 'Location', 'Items', 'Status', 'Kibo job', 'Kibo status', 'Attempts', 'Last error'],
      job.batches.map((batch) =>
        h(
          'tr',
          {},
          h('td', {}, String(batch.batchNo)),
          h('td', {}, batch.locationCode),
          h('td', {}, String(batch.itemCount)),
          h('td', {}, badge(batch.status)),
          h('td', {}, batch.kiboJobId === null ? '—' : String(batch.kiboJobId)),
          h('td', {}, batch.kiboStatus ?? '—'),
          h('td', {}, String(batch.attempts)),
          h('td', {}, lastErrorText(batch.lastError))
        )
      )
    ),
    h('h3', {}, `Item errors (${job.itemErrorsTotal})`),
    job.itemErrors.length === 0
      ? h('p', {}, 'None.')
      : table(
        'Item errors',
        ['Batch', 'Location', 'Product', 'Code', 'Message'],
        job.itemErrors.map((error) =>
          h(
            'tr',
            {},
            h('td', {}, String(error.batchNo)),
            h('td', {}, error.locationCode),
            h('td', {}, error.partNumber ?? error.upc ?? error.sku ?? '—'),
            h('td', {}, h('code', {}, error.code)),
            h('td', {}, error.message)
          )
        )
      )
  )
}

async function loadHealth () {
  const answer = await api('/health/ready')
  const signature = JSON.stringify(answer)
  if (signature === state.shown.health) return
  state.shown.health = signature
  const checks = answer.data?.checks ?? {}
  const rows = Object.entries(checks).map(([name, check]) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, name === 'kibo' ? 'Kibo (per tenant)' : name),
      h('td', {}, badge(check.status)),
      h(
        'td',
        {},
        name === 'kibo' && check.detail ? h('ul', {}, check.detail.split('; ').map((part) => h('li', {}, part))) : (check.detail ?? '')
      )
    )
  )
  $('#health-body').replaceChildren(
    h('p', {}, 'Service: ', badge(answer.data?.status ?? `HTTP ${answer.status}`)),
    h(
      'div',
      { className: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Checks' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ['Check', 'Status', 'Detail'].map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', {}, rows)
      )
    ),
    h('h3', {}, 'Queue (this tenant)'),
    h('div', { id: 'health-queue' })
  )
  renderHealthQueue()
}

function renderHealthQueue () {
  const target = $('#health-queue')
  if (!target || !state.summary) return
  const { counts, oldestQueuedSeconds } = state.summary
  target.replaceChildren(
    facts([
      ['Waiting (queued)', String(counts.queued)],
      ['Being imported', String(counts.importing)],
      ['Oldest queued', age(oldestQueuedSeconds)],
      ['Dead letters', String(counts.dead)]
    ])
  )
}

// ---- start ----------------------------------------------------------------------------------

async function start () {
  $('#sign-in-form').addEventListener('submit', signIn)
  $('#sign-out').addEventListener('click', () => signOut('Signed out.'))
  $('#filters').addEventListener('submit', applyFilters)
  $('#filters').addEventListener('reset', () => {
    if (state.key !== null || state.open) window.setTimeout(applyFilters, 0)
  })
  $('#more').addEventListener('click', () => loadImports({ more: true }).catch(report))
  $('#bulk-retry').addEventListener('click', () => bulkRetry().catch(report))
  $('#inventory-form').addEventListener('submit', (event) => {
    event.preventDefault()
    state.inventoryJob = $('#job-id').value.trim()
    state.shown.inventory = ''
    loadInventoryJob().catch(report)
  })
  window.addEventListener('hashchange', () => route(true))

  if (state.key !== null) {
    showApp()
    return
  }
  // Development without API_KEYS: the API answers without a key, so there is nothing to sign in with.
  const probe = await api('/v1/imports/summary', { key: null }).catch(() => null)
  if (probe?.ok) {
    state.open = true
    $('#live').textContent = 'This service has no API keys configured: its API is open (development only).'
    showApp()
  } else {
    showSignIn()
  }
}

start()
