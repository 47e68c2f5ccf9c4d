// Browser steps of the check-in domain (报到打卡): the phone pages (/m/checkin/…) and the console pages, against the
// local runtime and its demo data. Phones are 390 px, in Beijing time (the server's zone for days and duty hours).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

const BEIJING = 'Asia/Shanghai'
/** Inside 幸福一网格 (G0101, the demo square from 116.39,39.90) and well outside it. */
const INSIDE = { longitude: 116.395, latitude: 39.905 }
const OUTSIDE = { longitude: 116.43, latitude: 39.95 }

/** Today in Beijing (YYYY-MM-DD) and whether it is now inside the demo's duty window (08:00–18:00 Beijing). */
function beijingNow() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date()).map((p) => [p.type, p.value]))
  const hour = Number(parts.hour)
  return { day: `${parts.year}-${parts.month}-${parts.day}`, onDuty: hour >= 8 && hour < 18 }
}

export default async function checkin({ step, expect, browser, base, signIn, look, artifacts }) {
  /** A 390 px phone in Beijing time, signed in on /m/ as a demo account; with `location`, the browser may read it. */
  async function phone(username, { location, elder = false } = {}) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true, timezoneId: BEIJING })
    if (location) {
      await context.grantPermissions(['geolocation'], { origin: base })
      await context.setGeolocation(location)
    }
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    if (elder) await page.addInitScript(() => localStorage.setItem('redgrid.elder', '1'))
    await page.goto(`${base}/m/`)
    await page.locator('.van-field input').nth(0).fill(username)
    await page.locator('.van-field input').nth(1).fill('redgrid-demo')
    await page.click('button[type=submit]')
    await page.locator('[data-testid=phone-tiles]').waitFor()
    return page
  }

  async function consoleAs(username) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: BEIJING })
    page.setDefaultTimeout(20_000)
    await signIn(page, username)
    await page.waitForURL((url) => !url.pathname.endsWith('/login'))
    return page
  }

  const tile = (page, path) => page.locator(`[data-testid="tile-checkin/${path}"]`)
  const close = async (page) => page.context().close()
  const { day: today, onDuty } = beijingNow()

  await step('check-in tiles follow permissions: a member registers and logs, a grid worker clocks in and asks for leave, a resident confirms', async () => {
    const tilesOf = async (username) => {
      const page = await phone(username)
      const tiles = await page.locator('[data-testid^="tile-checkin/"]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('tile-checkin/'.length)))
      await close(page)
      return tiles.join()
    }
    const member = await tilesOf('party.member')
    expect(member === 'register,service,mine', `party member tiles: ${member}`)
    const worker = await tilesOf('grid.worker')
    expect(worker === 'clock,service,mine,leave', `grid worker tiles: ${worker}`)
    const resident = await tilesOf('resident')
    expect(resident === 'confirm', `resident tiles: ${resident}`)
  })

  await step('a party member registers on the phone, the community admin confirms it, and the member is on the grid\'s public board', async () => {
    // new.member: the demo's party member with no registration yet (party.member is registered in the demo data)
    const member = await phone('new.member')
    await tile(member, 'register').click()
    const form = member.locator('[data-testid=register-form]')
    await form.waitFor()
    await form.locator('input[name=name]').fill('党员报到甲')
    await form.locator('input[name=phone]').fill('13912345001')
    await form.locator('input[name=employerName]').fill('区卫健委')
    await form.locator('input[name=employerCode]').fill('E01')
    await member.click('[data-testid=register-home]')
    await member.locator('.van-cascader__option', { hasText: '幸福一网格' }).click()
    await member.locator('.van-cascader__option', { hasText: '2号楼' }).click()
    expect((await form.locator('[data-testid=register-home] input').inputValue()) === '幸福一网格 / 2号楼', 'the home is named by grid and building')
    await form.locator('input[name=skills]').fill('法律咨询，义诊')
    await member.click('[data-testid=register-show-phone]')
    const { overflowX } = await look(member)
    expect(overflowX <= 0, `the form overflows 390 px by ${overflowX}px`)
    await member.screenshot({ path: join(artifacts, 'checkin-1-register.png'), fullPage: true })
    await member.click('[data-testid=register-submit]')
    await member.locator('[data-testid=my-registration] [data-status=PENDING]').waitFor()

    const admin = await consoleAs('community.admin')
    await admin.goto(`${base}/check-in/registrations`)
    const row = admin.locator('[data-testid=registration-table] .el-table__row', { hasText: '党员报到甲' })
    await row.waitFor()
    expect((await row.textContent()).includes('2号楼') && (await row.textContent()).includes('法律咨询'), 'the queue shows the home and skills')
    await admin.screenshot({ path: join(artifacts, 'checkin-2-queue.png'), fullPage: true })
    const confirmedCount = async () => Number(/已报到 (\d+)/.exec(await admin.locator('[data-testid=registration-tally]').textContent())[1])
    const before = await confirmedCount()
    await admin.click('[data-testid="confirm-new.member"]')
    await admin.getByText('已确认 党员报到甲 报到').waitFor()
    await admin.locator('[data-testid=registration-tally]', { hasText: `已报到 ${before + 1}` }).waitFor()

    await admin.click('[data-menu="check-in/board"]')
    await admin.locator('[data-testid=grid-tree] [data-code=G0101]').click()
    const entry = admin.locator('[data-testid=board-row]', { hasText: '党员报到甲' })
    await entry.waitFor()
    const cells = await entry.locator('td').allTextContents()
    expect(cells[1] === '区卫健委' && cells[2] === '2号楼' && cells[3] !== '—', `board row: ${cells}`)
    await admin.locator('[data-testid=board] h1', { hasText: '幸福一网格 · 在职党员亮身份' }).waitFor()
    await admin.screenshot({ path: join(artifacts, 'checkin-3-board.png'), fullPage: true })
    await admin.close()
    await member.reload()
    await member.locator('[data-testid=my-registration] [data-status=CONFIRMED]').waitFor()
    await close(member)
  })

  await step('clock-in explains why it needs the location before the browser asks, and says so when it is refused', async () => {
    const worker = await phone('grid.worker')
    await tile(worker, 'clock').click()
    await worker.locator('[data-testid=location-why]', { hasText: '确认你在所负责的网格内' }).waitFor()
    await worker.click('[data-testid=clock-in]')
    await worker.locator('.van-dialog', { hasText: '不会持续追踪' }).waitFor()
    await worker.screenshot({ path: join(artifacts, 'checkin-4-location-why.png'), fullPage: true })
    await worker.locator('.van-dialog__confirm').click()
    const refusal = worker.locator('[data-testid=clock-refusal]')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-code') === 'LOCATION_DENIED', `refusal without location: ${await refusal.getAttribute('data-code')}`)
    expect((await refusal.textContent()).includes('允许本页面使用位置信息'), 'the page says how to allow the location')
    await close(worker)
  })

  await step(`a grid worker clocking in outside the grid is refused with the reason${onDuty ? ', inside it is counted on the attendance calendar' : ' (now outside duty hours: the window is the reason)'}`, async () => {
    const worker = await phone('grid.worker', { location: OUTSIDE, elder: true })
    await tile(worker, 'clock').click()
    await worker.locator('[data-testid=clock-grid]', { hasText: '幸福一网格' }).waitFor()
    await worker.click('[data-testid=clock-in]')
    const refusal = worker.locator('[data-testid=clock-refusal]')
    await refusal.waitFor()
    const code = await refusal.getAttribute('data-code')
    const text = await refusal.textContent()
    const { overflowX } = await look(worker)
    expect(overflowX <= 0, `the clock page in senior mode overflows 390 px by ${overflowX}px`)
    await worker.screenshot({ path: join(artifacts, 'checkin-5-clock-refused.png'), fullPage: true })
    if (!onDuty) {
      expect(code === 'OUTSIDE_DUTY_WINDOW' && text.includes('08:00-18:00'), `outside duty hours: ${code} ${text}`)
      await close(worker)
      return
    }
    expect(code === 'OUTSIDE_GRID' && /约 \d+ 米/.test(text), `outside the grid: ${code} ${text}`)
    await worker.context().setGeolocation(INSIDE)
    await worker.click('[data-testid=clock-in]')
    // the demo data may have clocked the worker in already today: then the server says so, by its code
    await worker.locator('[data-testid=clock-done] [data-kind=IN], [data-testid=clock-refusal][data-code=ALREADY_CLOCKED_IN]').waitFor()
    await close(worker)
    const leader = await consoleAs('grid.leader')
    await leader.goto(`${base}/check-in/attendance`)
    await leader.locator(`[data-testid=attendance-calendar] [data-member="grid.worker"] [data-day="${today}"][data-state=present]`).waitFor()
    expect(/grid\.worker：缺勤 \d+ 天，网格外打卡 [1-9]\d* 次/.test(await leader.locator('[data-testid=attendance-anomalies]').textContent()), 'the refused attempt is an anomaly')
    await leader.close()
  })

  await step('a grid worker asks for leave on the phone, the grid leader approves it, and the calendar shows the leave day', async () => {
    const worker = await phone('grid.worker')
    await tile(worker, 'leave').click()
    const form = worker.locator('[data-testid=leave-form]')
    await form.waitFor()
    await form.locator('[data-type=SICK]').click()
    await form.locator('textarea[name=reason]').fill('发烧就医')
    await worker.click('[data-testid=leave-submit]')
    await worker.locator('[data-testid=my-leave] [data-status=PENDING]', { hasText: '病假' }).waitFor()
    await worker.screenshot({ path: join(artifacts, 'checkin-6-leave.png'), fullPage: true })

    const leader = await consoleAs('grid.leader')
    await leader.goto(`${base}/check-in/attendance`)
    const queued = leader.locator('[data-testid=leave-queue] .el-table__row', { hasText: '发烧就医' })
    await queued.waitFor()
    await queued.getByRole('button', { name: '批准' }).click()
    await leader.getByText('已批准').first().waitFor()
    const cell = leader.locator(`[data-testid=attendance-calendar] [data-member="grid.worker"] [data-day="${today}"]`)
    await cell.waitFor()
    expect(await cell.getAttribute('data-state') === 'leave', `today's cell: ${await cell.getAttribute('data-state')}`)
    await leader.screenshot({ path: join(artifacts, 'checkin-7-calendar.png'), fullPage: true })
    await leader.close()
    await worker.reload()
    await worker.locator('[data-testid=my-leave] [data-status=APPROVED]', { hasText: '病假' }).waitFor()
    await close(worker)
  })

  await step('a member logs a service on the phone, the grid leader verifies it in the ledger, and the member\'s hours count it', async () => {
    const member = await phone('party.member')
    await tile(member, 'service').click()
    await member.locator('[data-testid=service-grid] input').waitFor()
    await member.waitForFunction(() => document.querySelector('[data-testid=service-grid] input')?.value === '幸福一网格')
    await member.click('[data-testid=service-categories] [data-category=LABOUR]')
    await member.locator('[data-testid=service-form] textarea[name=content]').fill('清理楼道杂物')
    await member.screenshot({ path: join(artifacts, 'checkin-8-service.png'), fullPage: true })
    await member.click('[data-testid=service-submit]')
    await member.waitForURL('**/m/checkin/mine')
    const record = member.locator('[data-testid=my-records] [data-record]', { hasText: '清理楼道杂物' })
    await record.waitFor()
    expect(await record.getAttribute('data-verified') === 'no', 'not counted before it is verified')
    const minutesBefore = Number(await member.locator('[data-testid=month-hours]').getAttribute('data-minutes'))

    const leader = await consoleAs('grid.leader')
    await leader.goto(`${base}/check-in/ledger`)
    const line = leader.locator('[data-testid=ledger-table] .el-table__row', { hasText: '清理楼道杂物' })
    await line.waitFor()
    // the names come from the grid's registrations, read beside the ledger
    await leader.locator('[data-testid=ledger-table] .el-table__row', { hasText: '清理楼道杂物' }).filter({ hasText: '刘在职' }).waitFor()
    expect((await line.textContent()).includes('义务劳动'), 'the ledger names the category in words')
    await line.getByRole('button', { name: '核实' }).click()
    await line.locator('[data-verified=yes]').waitFor()
    await leader.screenshot({ path: join(artifacts, 'checkin-9-ledger.png'), fullPage: true })
    await leader.close()

    await member.reload()
    await member.locator(`[data-testid=month-hours][data-minutes="${minutesBefore + 60}"]`).waitFor()
    await member.locator('[data-testid=my-records] [data-verified=yes]', { hasText: '清理楼道杂物' }).waitFor()
    await member.screenshot({ path: join(artifacts, 'checkin-10-mine.png'), fullPage: true })
    await close(member)
  })

  await step('the community admin proposes the year\'s evaluation, overrides a grade with a reason, exports it to Excel and prints a notice', async () => {
    const admin = await consoleAs('community.admin')
    await admin.goto(`${base}/check-in/evaluation`)
    await admin.locator('[data-testid=evaluation-propose]').click()
    const row = admin.locator('[data-testid=evaluation-table] .el-table__row', { hasText: '党员报到甲' })
    await row.waitFor()
    await admin.locator('[data-testid=evaluation-status][data-status=PROPOSED]').waitFor()
    await row.locator('.el-table__expand-icon').click()
    await admin.locator('[data-breakdown="new.member"]', { hasText: '服务时长' }).waitFor()
    await admin.screenshot({ path: join(artifacts, 'checkin-11-evaluation.png'), fullPage: true })
    await admin.click('[data-testid="override-new.member"]')
    const dialog = admin.locator('[data-testid=override-dialog]')
    await dialog.locator('.el-radio[data-grade=FAIRLY_GOOD]').click()
    await dialog.locator('textarea[data-testid=override-reason], [data-testid=override-reason] textarea').fill('社区服务表现突出，群众评价好')
    await dialog.locator('[data-testid=override-save]').click()
    await admin.locator('[data-member="new.member"][data-grade=FAIRLY_GOOD]').waitFor()

    const download = admin.waitForEvent('download')
    await admin.click('[data-testid=evaluation-export]')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(await (await download).path())
    const all = wb.worksheets[0]
    const header = all.getRow(2).values.slice(1)
    expect(header.join() === '姓名,工作单位,社区,网格,服务时长（小时）,服务次数,得分,建议等次,评定等次,是否调整', `header: ${header}`)
    const line = all.getRows(3, all.rowCount - 2).map((r) => r.values.slice(1)).find((v) => v[0] === '党员报到甲')
    expect(line, 'the member is in the export')
    expect(line[1] === '区卫健委' && line[8] === '较好' && line[9] === '是', `the member's line: ${line}`)
    expect(wb.worksheets.some((w) => w.name === '区卫健委'), `a sheet per employer: ${wb.worksheets.map((w) => w.name)}`)

    await admin.click('[data-testid="notice-new.member"]')
    await admin.locator('[data-testid=notice-dialog] [data-testid=notice-grade]', { hasText: '较好' }).waitFor()
    await admin.screenshot({ path: join(artifacts, 'checkin-12-notice.png'), fullPage: true })
    await admin.close()
  })

  await step('an employer unit uploads its roster from Excel: a bad row is named and nothing is sent; the clean sheet shows who registered and the rate', async () => {
    // the employer registry is kept by the street (no console form yet): E01 is registered through the API
    const login = await fetch(`${base}/local/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'street.admin', password: 'redgrid-demo' }) })
    const { idToken } = await login.json()
    const registered = await fetch(`${base}/checkin/employers`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${idToken}` },
      body: JSON.stringify({ code: 'E01', name: '区卫健委', nodeCode: 'S01', contactName: '王主任', contactPhone: '13900010001' }) })
    expect(registered.status === 201 || registered.status === 409, `employer E01: HTTP ${registered.status}`)
    const sheet = async (name, rows) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('花名册')
      ws.addRow(['姓名', '手机号码', '职务'])
      rows.forEach((r) => ws.addRow(r))
      const file = join(mkdtempSync(join(tmpdir(), 'redgrid-roster-')), name)
      await wb.xlsx.writeFile(file)
      return file
    }
    const employer = await consoleAs('employer.unit')
    await employer.goto(`${base}/check-in/employer`)
    await employer.locator('[data-testid=employer-rate]').waitFor()
    await employer.setInputFiles('[data-testid=roster-drop] input[type=file]', await sheet('bad.xlsx', [['党员报到甲', '13912345001', '科员'], ['张三', '12345', '']]))
    await employer.locator('[data-testid=roster-errors] [data-row="3"]', { hasText: '手机号码格式不正确' }).waitFor()
    expect(await employer.locator('[data-testid=roster-result]').count() === 0, 'a sheet with a bad row is not sent')
    await employer.screenshot({ path: join(artifacts, 'checkin-13-roster-errors.png'), fullPage: true })
    await employer.setInputFiles('[data-testid=roster-drop] input[type=file]', await sheet('good.xlsx', [['党员报到甲', '13912345001', '科员'], ['李四', '13912345002', '']]))
    await employer.locator('[data-testid=roster-result]', { hasText: '共 2 人' }).waitFor()
    await employer.locator('[data-testid=employer-staff] .el-table__row', { hasText: '党员报到甲' }).locator('[data-status=CONFIRMED]').waitFor()
    await employer.locator('[data-testid=employer-staff] .el-table__row', { hasText: '李四' }).locator('[data-status=NONE]').waitFor()
    const rate = await employer.locator('[data-testid=stat-rate]').textContent()
    expect(rate.includes('50'), `registration rate: ${rate}`)
    await employer.screenshot({ path: join(artifacts, 'checkin-14-roster.png'), fullPage: true })
    await employer.close()
  })
  await step('the district admin marks a holiday and a 调休 weekend day in the work calendar, names them, saves, and clears them again', async () => {
    const admin = await consoleAs('district.admin')
    await admin.goto(`${base}/check-in/calendar`)
    const weekday = admin.locator('td.day.weekday').first()
    await weekday.waitFor()
    const holiday = await weekday.getAttribute('data-day')
    await weekday.click()
    const weekend = admin.locator('td.day.weekend').first()
    const workday = await weekend.getAttribute('data-day')
    await weekend.click()
    await admin.locator(`td.day.holiday[data-day="${holiday}"]`).waitFor()
    await admin.locator(`td.day.workday[data-day="${workday}"]`).waitFor()
    await admin.locator('[data-testid=work-calendar-entries] .el-table__row', { hasText: holiday }).locator('input').fill('元旦')
    await admin.click('[data-testid=work-calendar-save]')
    await admin.locator('[data-testid=work-calendar-state]', { hasText: '已设置' }).waitFor()
    await admin.reload()
    await admin.locator(`td.day.holiday[data-day="${holiday}"][title*="元旦"]`).waitFor()
    await admin.screenshot({ path: join(artifacts, 'checkin-15-work-calendar.png'), fullPage: true })
    // back to the plain rule, so the demo's attendance stays as it was
    await admin.locator(`td.day[data-day="${holiday}"]`).click()
    await admin.locator(`td.day[data-day="${workday}"]`).click()
    await admin.click('[data-testid=work-calendar-save]')
    await admin.locator(`td.day.weekday[data-day="${holiday}"]`).waitFor()
    expect(await admin.locator('[data-testid=work-calendar-entries] .el-table__row').count() === 0, 'no day is marked any more')
    await admin.close()
  })
}
