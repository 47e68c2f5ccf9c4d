// Browser end-to-end test of the console and the resident pages, in Debian's Chromium driven by playwright-core,
// against the local runtime (the packaged function behind the local gateway, serving admin-web/dist on the same
// origin). With E2E_BASE_URL set it uses that runtime; otherwise it starts one (in memory) and stops it afterwards.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import ExcelJS from 'exceljs'

const here = dirname(fileURLToPath(import.meta.url))
const artifacts = join(here, 'artifacts')
mkdirSync(artifacts, { recursive: true })
const results = []

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function startRuntime() {
  const port = await freePort()
  const child = spawn(join(here, '../../infra/local/run'), ['--no-build', '--in-memory', '--port', String(port)], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local runtime did not start:\n${output}`)), 120_000)
    const watch = (chunk) => {
      output += chunk
      if (output.includes('RedGrid is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', watch)
    child.stderr.on('data', watch)
    child.on('exit', (code) => reject(new Error(`local runtime exited with ${code}:\n${output}`)))
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  return {
    base: `http://localhost:${port}`,
    // SIGTERM: a background job may have SIGINT ignored, and the JVM then never sees it.
    stop: async () => {
      process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}

/** Runs one check; on failure, pictures every open page (as failed-<n>-<i>.png) so the cause can be seen. */
async function step(name, fn) {
  try {
    await fn()
    results.push([name, true])
    console.log(`ok   ${name}`)
  } catch (e) {
    results.push([name, false])
    console.log(`FAIL ${name}\n     ${e.message.split('\n').join('\n     ')}`)
    const pages = browser?.contexts().flatMap((c) => c.pages()) ?? []
    await Promise.all(pages.map((p, i) => p.screenshot({ path: join(artifacts, `failed-${results.length}-${i}.png`) }).catch(() => {})))
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/** The sheet imported below: a good row, a bad phone, a good row, a repeat of row 4's ID number, an ID number already registered. */
async function importFile() {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  ws.addRow(['姓名', '联系电话', '身份证号', '居住节点编码', '党员类型', '工作单位'])
  ws.addRow(['导入甲', '13812340001', '', 'G0102', '', ''])
  ws.addRow(['导入乙', '12345', '', 'G0102', '', ''])
  ws.addRow(['导入丙', '13812340003', '110105199001010010', 'G0102', '在职', '区财政局'])
  ws.addRow(['导入丁', '13812340004', '110105199001010010', 'G0102', '', ''])
  ws.addRow(['导入戊', '13812340005', '11010519491231002X', 'G0102', '', ''])
  const file = join(mkdtempSync(join(tmpdir(), 'redgrid-e2e-')), 'people.xlsx')
  await wb.xlsx.writeFile(file)
  return file
}

/** Signs in on the console's login page of a fresh page. */
async function signIn(page, username) {
  await page.goto(`${runtime.base}/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'redgrid-demo')
  await page.click('button[type=submit]')
}

/** What a stylesheet bug would change: the body's font, margin and overflow, and the primary colour. */
async function look(page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body)
    const primary = document.querySelector('.el-button--primary')
    return {
      font: body.fontFamily, margin: body.margin, numbers: body.fontVariantNumeric,
      overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      primary: primary && getComputedStyle(primary).backgroundColor,
    }
  })
}

/** A fresh page: the console's desktop size, or a phone's. */
async function newPage(kind = 'console') {
  const page = await browser.newPage(kind === 'phone'
    ? { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true }
    : { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
  page.setDefaultTimeout(20_000)
  return page
}

/** E2E_ONLY=points,checkin runs only those domains' steps (the directory's are the ones in this file). */
const only = process.env.E2E_ONLY?.split(',').map((d) => d.trim()).filter(Boolean)
const wanted = (domain) => !only || only.includes(domain)

const NAME_FILTER = 'input[data-testid=people-name-filter], [data-testid=people-name-filter] input'
const number = async (locator) => Number((await locator.textContent()).replace(/[^0-9]/g, ''))

const runtime = process.env.E2E_BASE_URL ? { base: process.env.E2E_BASE_URL, stop: async () => {} } : await startRuntime()
let browser
try {
  // Playwright gives every launch a fresh, empty profile of its own.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
  page.setDefaultTimeout(20_000)
  if (wanted('directory')) {
    await step('community admin logs in to a dashboard of their community, in a sans font with no body margin', async () => {
      await signIn(page, 'community.admin')
      await page.waitForURL('**/dashboard')
      await page.getByText('幸福社区 · 工作台').waitFor()
      expect(await number(page.locator('[data-testid=stat-households]')) >= 2, 'the community has households in its buildings')
      expect(await number(page.locator('[data-testid=stat-people]')) > 0, 'the community has people')
      const { font, margin, numbers, overflowX } = await look(page)
      expect(!/^\s*(serif|"?Times)/i.test(font) && font.includes('sans-serif') && font.includes('PingFang SC'), `body font: ${font}`)
      expect(margin === '0px', `body margin: ${margin}`)
      expect(numbers.includes('tabular-nums'), `numbers: ${numbers}`)
      expect(overflowX <= 0, `horizontal overflow ${overflowX}px`)
      expect((await page.locator('[data-testid=grant]').first().textContent()).includes('幸福社区'), 'the grant shows the node name')
      await page.waitForTimeout(1000) // let the chart's entry animation finish before the picture
      await page.screenshot({ path: join(artifacts, '1-dashboard.png'), fullPage: true })
    })

    await step('the tree shows only the community in scope, with households rolled up', async () => {
      await page.click('[data-menu=tree]')
      const root = page.locator('[data-testid=grid-tree] [data-code=C01]')
      await root.waitFor()
      expect(await page.locator('[data-testid=grid-tree] [data-code=C02]').count() === 0, 'community C02 must not be shown')
      expect(Number(await root.locator('[data-households]').getAttribute('data-households')) >= 2, 'C01 shows its buildings\' households')
      await page.locator('[data-testid=grid-tree] [data-code=G0101]').waitFor()
      const codes = await page.locator('[data-testid=grid-tree] [data-code]').evaluateAll((els) => els.map((e) => e.dataset.code))
      expect(codes.every((c) => c === 'C01' || c.startsWith('G01') || c.startsWith('X01')), `out-of-scope nodes shown: ${codes}`)
      await page.locator('[data-testid=grid-tree] [data-code=G0101]').click()
      expect(await number(page.locator('[data-testid=node-households]')) === 2, 'G0101 rolls up its two buildings\' households')
      await page.locator('[data-testid=node-detail]', { hasText: '示范区 / 红星街道 / 幸福社区 / 幸福一网格' }).waitFor()
      expect((await page.locator('[data-testid=node-detail]').textContent()).includes('正常'), 'status in words')
      await page.locator('[data-testid=boundary-map] canvas').waitFor()
      await page.screenshot({ path: join(artifacts, '2-tree.png'), fullPage: true })
    })

    await step('the people register shows names, a total and pages, and red primary buttons', async () => {
      await page.click('[data-menu=people]')
      await page.locator('[data-testid=people-table] .el-table__row').first().waitFor()
      const total = await number(page.locator('[data-testid=people-pager] .el-pagination__total'))
      expect(total > 0, 'the pager shows the total')
      const homes = await page.locator('[data-testid=person-home]').allTextContents()
      expect(homes.includes('幸福一网格') && !homes.some((h) => /^[GB]\d+$/.test(h)), `homes by name: ${homes}`)
      const posts = await page.locator('[data-testid=person-post]').allTextContents()
      expect(posts.includes('网格长 · 幸福一网格') && !posts.some((p) => p.includes('@')), `posts by name: ${posts}`)
      const { primary } = await look(page)
      expect(primary === 'rgb(198, 40, 40)', `primary button colour: ${primary}`)
      await page.locator(NAME_FILTER).fill('网格长')
      const names = await page.locator('[data-testid=people-table] .el-table__body .el-table__row td:nth-child(2)').allTextContents()
      expect(names.length > 0 && names.every((n) => n.includes('网格长')), `name filter should keep only 网格长 rows, got ${names}`)
      await page.screenshot({ path: join(artifacts, '3-people.png'), fullPage: true })
      await page.locator('[data-testid=people-table] .el-table__body .el-table__row').first().click()
      const phone = page.locator('[data-testid=person-phone]')
      await phone.waitFor()
      expect((await phone.textContent()).includes('****'), 'phone should be masked')
      expect((await page.locator('[data-testid=person-detail]').textContent()).includes('幸福一网格'), 'the drawer names the home')
      await page.waitForTimeout(500) // the drawer's slide-in
      await page.screenshot({ path: join(artifacts, '4-person.png'), fullPage: true })
      await page.keyboard.press('Escape')
      await page.locator(NAME_FILTER).fill('')
    })

    await step('households are listed under the chosen node with their address and grid by name', async () => {
      await page.click('[data-menu=households]')
      const table = page.locator('[data-testid=households-table]')
      await table.getByText('幸福小区1号楼101室').waitFor()
      expect((await table.textContent()).includes('幸福一网格 / 1号楼'), 'the grid and building by name')
      await page.getByText('住户共 2 户').waitFor()
      await page.screenshot({ path: join(artifacts, '3b-households.png'), fullPage: true })
      await page.click('[data-menu=people]')
      await page.locator('[data-testid=people-table] .el-table__row').first().waitFor()
    })

    await step('column settings hide a column, and bulk actions work on the selection', async () => {
      await page.click('[data-testid=people-columns]')
      await page.locator('.el-checkbox[data-column=phone]').click()
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=people-table] th')].some((th) => th.textContent.includes('电话')))
      await page.locator('.el-checkbox[data-column=phone]').click()
      await page.keyboard.press('Escape')
      await page.locator('[data-testid=people-table] .el-table__body .el-checkbox').nth(0).click()
      await page.locator('[data-testid=people-table] .el-table__body .el-checkbox').nth(1).click()
      expect((await page.locator('[data-testid=people-export-selected]').textContent()).includes('2'), 'export names the selection')
      const download = page.waitForEvent('download')
      await page.click('[data-testid=people-export-selected]')
      const file = await (await download).path()
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      expect(wb.worksheets[0].rowCount === 3, `export of 2 selected has ${wb.worksheets[0].rowCount - 1} rows`)
      await page.click('[data-testid=people-assign]')
      await page.click('[data-testid=assign-confirm]')
      await page.getByText('已分配 2 人，失败 0 人').waitFor()
    })

    await step('a person is registered through the form once even when the request is retried, edited, and the same ID number again is refused as a duplicate', async () => {
      const register = async (name, phone) => {
        await page.click('[data-testid=people-create]')
        const form = page.locator('[data-testid=person-form]')
        await form.locator('input[name=name]').fill(name)
        await form.locator('input[name=phone]').fill(phone)
        await form.locator('input[name=idNumber]').fill('110105198808080015')
        await form.locator('[data-testid=person-save]').click()
      }
      await page.locator('[data-testid=grid-tree] [data-code=G0101]').click()
      await page.locator('[data-testid=people-table] .el-table__row').first().waitFor()
      // a lost answer retried: the registration reaches the server twice, with the form's one Idempotency-Key
      const retried = async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        expect(route.request().headers()['idempotency-key'], 'the form sends an Idempotency-Key')
        await route.fetch()
        await route.fulfill({ response: await route.fetch() })
      }
      await page.route('**/directory/people', retried)
      try {
        await register('表单新增', '13912340001')
        await page.getByText('已新增 表单新增').waitFor()
        await page.unroute('**/directory/people', retried)
        await page.locator('[data-testid=people-pager] .el-pagination__total', { hasText: '共 6 条' }).waitFor()
        // the total and the rows are rendered apart: count the rows once the new one is there
        const registered = page.locator('[data-testid=people-table] .el-table__body .el-table__row', { hasText: '表单新增' })
        await registered.first().waitFor()
        expect(await registered.count() === 1, `registered once (rows: ${await registered.count()})`)
        // an edit sends only what changed: the masked phone is never sent back
        const row = page.locator('[data-testid=people-table] .el-table__body .el-table__row', { hasText: '表单新增' })
        await row.getByRole('button', { name: '编辑' }).click()
        const form = page.locator('[data-testid=person-form]')
        await page.waitForFunction(() => document.querySelector('[data-testid=person-form] input[name=phone]')?.value.includes('****'))
        await form.locator('input[name=employer]').fill('街道办事处')
        await form.locator('[data-testid=person-save]').click()
        await page.getByText('已保存').waitFor()
        await register('表单重复', '13912340002')
        await page.locator('[data-testid=person-form] .el-form-item__error', { hasText: '身份证号已登记' }).waitFor()
        await page.screenshot({ path: join(artifacts, '5-duplicate.png'), fullPage: true })
      } finally {
        // a dialog left open would cover every later step
        // (closing may find it already on its way out; that must not hide why the step failed)
        if (await page.locator('[data-testid=person-form]').isVisible()) {
          await page.locator('[data-testid=person-form] .el-dialog__headerbtn').click({ timeout: 2000 }).catch(() => {})
        }
      }
    })

    await step('an Excel import by drag-and-drop reports its bad row and its duplicates, and imports the rest', async () => {
      await page.click('[data-menu=import]')
      await page.locator('[data-testid=import-template]').waitFor()
      await page.setInputFiles('[data-testid=import-drop] input[type=file]', await importFile())
      await page.locator('[data-testid=import-chosen]').waitFor()
      await page.click('[data-testid=import-start]')
      await page.locator('[data-testid=import-summary]').waitFor()
      const outcome = (row) => page.locator(`[data-row="${row}"]`).getAttribute('data-outcome')
      expect((await page.locator('[data-row="3"]').textContent()).includes('电话号码格式不正确'), 'row 3 shows its error')
      expect(await outcome(2) === 'ok' && await outcome(4) === 'ok', 'rows 2 and 4 are imported')
      expect((await page.locator('[data-row="5"]').textContent()).includes('与第 4 行的身份证号重复'), 'row 5 repeats row 4')
      expect(await outcome(6) === 'duplicate', 'row 6 holds an ID number already registered')
      await page.screenshot({ path: join(artifacts, '6-import.png'), fullPage: true })
    })

    await step('the console switches to English', async () => {
      await page.click('[data-testid=switch-language]')
      await page.locator('[data-menu=tree]', { hasText: 'Grid tree' }).waitFor()
      await page.locator('[data-menu=people]', { hasText: 'People' }).waitFor()
      await page.screenshot({ path: join(artifacts, '7-english.png'), fullPage: true })
    })

    await step('a grid worker sees their own grid on the dashboard', async () => {
      const worker = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
      await signIn(worker, 'grid.worker')
      await worker.getByText('幸福一网格 · 工作台').waitFor()
      expect(await number(worker.locator('[data-testid=stat-households]')) === 2, 'the grid\'s two households')
      await worker.waitForTimeout(1000)
      await worker.screenshot({ path: join(artifacts, '8-grid-worker.png'), fullPage: true })
      await worker.close()
    })

    await step('a party member gets the menus their permissions open, and no others', async () => {
      const member = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })
      await signIn(member, 'party.member')
      await member.getByText('幸福社区 · 工作台').waitFor()
      const menus = await member.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.dataset.menu))
      expect(menus.join() === 'dashboard,tree', `party member menus: ${menus}`)
      await member.goto(`${runtime.base}/people`)
      await member.waitForURL('**/dashboard')
      await member.close()
    })

    await step('at 390 px the sidebar folds into a drawer menu and nothing overflows', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      await signIn(phone, 'grid.leader')
      await phone.locator('[data-testid=stat-people]').waitFor()
      expect(await phone.locator('[data-testid=sidebar]').count() === 0, 'no sidebar at 390 px')
      await phone.waitForTimeout(800)
      const { overflowX } = await look(phone)
      expect(overflowX <= 0, `horizontal overflow ${overflowX}px at 390 px`)
      await phone.screenshot({ path: join(artifacts, '9-phone-dashboard.png'), fullPage: true })
      await phone.click('[data-testid=menu-toggle]')
      await phone.locator('[data-testid=menu-drawer] [data-menu=people]').click()
      await phone.locator('[data-testid=people-table] .el-table__row').first().waitFor()
      expect(await phone.locator('[data-testid=menu-drawer]').isHidden(), 'the drawer closes after a choice')
      await phone.locator('[data-testid=grid-tree] [data-code=B010103]').waitFor()
      await phone.waitForTimeout(500) // the tree's unfolding
      await phone.screenshot({ path: join(artifacts, '10-phone-people.png'), fullPage: true })
      await phone.close()
    })

    await step('a resident opening the console is sent to the resident pages, told why, and sees their address and grid by name', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      await signIn(phone, 'resident')
      await phone.waitForURL('**/m/?from=console')
      await phone.getByText('你的账号是居民账号').waitFor()
      await phone.getByText('王秀英').waitFor()
      const home = await phone.locator('[data-testid=resident-home] .van-cell__label').innerText()
      expect(home === '幸福小区1号楼101室\n幸福社区 / 幸福一网格 / 1号楼', `home: ${home}`)
      await phone.screenshot({ path: join(artifacts, '11-resident-redirected.png'), fullPage: true })
      await phone.click('[data-testid=elder-mode]')
      await phone.reload()
      await phone.locator('.mobile.elder').waitFor()
      await phone.screenshot({ path: join(artifacts, '12-resident-elder.png'), fullPage: true })
      await phone.close()
    })

    await step('a staff member with no phone page, opening the phone pages, is sent to the console, told why', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
      await phone.goto(`${runtime.base}/m/`)
      await phone.locator('.van-field input').nth(0).fill('district.admin')
      await phone.locator('.van-field input').nth(1).fill('redgrid-demo')
      await phone.click('button[type=submit]')
      await phone.waitForURL('**/dashboard?from=mobile')
      await phone.locator('[data-testid=redirected]', { hasText: '你的账号是工作人员账号' }).waitFor()
      await phone.waitForTimeout(1000) // the chart's entry animation
      await phone.screenshot({ path: join(artifacts, '13-worker-redirected.png'), fullPage: true })
      await phone.close()
    })
  }
  // Each domain's browser steps (e2e/steps/<domain>.mjs), against the same runtime and browser.
  for (const file of readdirSync(join(here, 'steps')).filter((f) => f.endsWith('.mjs')).sort()) {
    if (!wanted(file.replace(/\.mjs$/, ''))) continue
    const { default: run } = await import(pathToFileURL(join(here, 'steps', file)).href)
    await run({ step, expect, browser, base: runtime.base, signIn, look, newPage, artifacts })
  }
} finally {
  await browser?.close()
  await runtime.stop()
}

const passed = results.filter(([, ok]) => ok).length
console.log(`${passed} passed, ${results.length - passed} failed`)
process.exit(passed === results.length ? 0 : 1)
