// Browser end-to-end test of the console and the resident pages, in Debian's Chromium driven by playwright-core,
// against the local runtime (the packaged function behind the local gateway, serving admin-web/dist on the same
// origin). With E2E_BASE_URL set it uses that runtime; otherwise it starts one (in memory) and stops it afterwards.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
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

async function step(name, fn) {
  try {
    await fn()
    results.push([name, true])
    console.log(`ok   ${name}`)
  } catch (e) {
    results.push([name, false])
    console.log(`FAIL ${name}\n     ${e.message.split('\n').join('\n     ')}`)
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function importFile() {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人员')
  ws.addRow(['姓名', '联系电话', '身份证号', '居住节点编码', '党员类型', '工作单位'])
  ws.addRow(['导入甲', '13812340001', '', 'G0102', '', ''])
  ws.addRow(['导入乙', '12345', '', 'G0102', '', ''])
  ws.addRow(['导入丙', '13812340003', '', 'G0102', '在职', '区财政局'])
  const file = join(mkdtempSync(join(tmpdir(), 'redgrid-e2e-')), 'people.xlsx')
  await wb.xlsx.writeFile(file)
  return file
}

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

  await step('community admin logs in', async () => {
    await page.goto(`${runtime.base}/login`)
    await page.fill('input[name=username]', 'community.admin')
    await page.fill('input[name=password]', 'redgrid-demo')
    await page.click('button[type=submit]')
    await page.waitForURL('**/dashboard')
    await page.getByText('幸福社区（C01）').waitFor()
    await page.waitForTimeout(1000) // let the chart's entry animation finish before the picture
    await page.screenshot({ path: join(artifacts, '1-dashboard.png'), fullPage: true })
  })

  await step('the tree shows only the community in scope', async () => {
    await page.click('[data-menu=tree]')
    const root = page.locator('[data-testid=grid-tree] [data-code=C01]')
    await root.waitFor()
    expect(await page.locator('[data-testid=grid-tree] [data-code=C02]').count() === 0, 'community C02 must not be shown')
    await root.click()
    await page.locator('[data-testid=grid-tree] [data-code=G0101]').waitFor()
    const codes = await page.locator('[data-testid=grid-tree] [data-code]').evaluateAll((els) => els.map((e) => e.dataset.code))
    expect(codes.every((c) => c === 'C01' || c.startsWith('G01') || c.startsWith('X01')), `out-of-scope nodes shown: ${codes}`)
    await page.locator('[data-testid=grid-tree] [data-code=G0101]').click()
    await page.locator('[data-testid=boundary-map] canvas').waitFor()
    await page.screenshot({ path: join(artifacts, '2-tree.png'), fullPage: true })
  })

  await step('people are searched by name and open with personal data masked', async () => {
    await page.click('[data-menu=people]')
    await page.locator('[data-testid=people-table] .el-table__row').first().waitFor()
    await page.locator('input[data-testid=people-name-filter], [data-testid=people-name-filter] input').fill('网格长')
    const names = await page.locator('[data-testid=people-table] .el-table__row td:first-child').allTextContents()
    expect(names.length > 0 && names.every((n) => n.includes('网格长')), `name search should keep only 网格长 rows, got ${names}`)
    await page.locator('[data-testid=people-table] .el-table__row').first().click()
    const phone = page.locator('[data-testid=person-phone]')
    await phone.waitFor()
    expect((await phone.textContent()).includes('****'), 'phone should be masked')
    await page.screenshot({ path: join(artifacts, '3-person.png'), fullPage: true })
    await page.keyboard.press('Escape')
  })

  await step('an Excel import reports its bad row and imports the rest', async () => {
    await page.click('[data-menu=import]')
    await page.setInputFiles('[data-testid=import-file]', await importFile())
    await page.click('[data-testid=import-start]')
    await page.locator('[data-testid=import-summary]').waitFor()
    const bad = await page.locator('[data-row="3"]').textContent()
    expect(bad.includes('电话号码格式不正确'), `row 3 should show its error, got: ${bad}`)
    expect((await page.locator('[data-row="2"]').textContent()).includes('成功'), 'row 2 should be imported')
    expect((await page.locator('[data-row="4"]').textContent()).includes('成功'), 'row 4 should be imported')
    await page.screenshot({ path: join(artifacts, '4-import.png'), fullPage: true })
  })

  await step('the console switches to English', async () => {
    await page.click('[data-testid=switch-language]')
    await page.locator('[data-menu=tree]', { hasText: 'Grid tree' }).waitFor()
    await page.locator('[data-menu=people]', { hasText: 'People' }).waitFor()
    await page.screenshot({ path: join(artifacts, '5-english.png'), fullPage: true })
  })

  await step('a resident sees their own record on the phone pages, in senior mode', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    await phone.goto(`${runtime.base}/m/`)
    await phone.locator('.van-field input').nth(0).fill('resident')
    await phone.locator('.van-field input').nth(1).fill('redgrid-demo')
    await phone.click('button[type=submit]')
    await phone.getByText('王秀英').waitFor()
    await phone.click('[data-testid=elder-mode]')
    await phone.reload()
    await phone.locator('.mobile.elder').waitFor()
    await phone.screenshot({ path: join(artifacts, '6-resident.png'), fullPage: true })
  })
} finally {
  await browser?.close()
  await runtime.stop()
}

const passed = results.filter(([, ok]) => ok).length
console.log(`${passed} passed, ${results.length - passed} failed`)
process.exit(passed === results.length ? 0 : 1)
