// Browser steps of the points domain (issue 12): an award above the threshold waits for a second person; the resident's
// phone shows a QR code whose token the store clerk scans at the counter and redeems with the keyboard alone; the
// statement shows both; the resident sees the new balance; the monthly report's Excel carries the month's flows.
import { join } from 'node:path'
import ExcelJS from 'exceljs'

const HOUSEHOLD = '王家' // the demo household of the resident 王秀英 (幸福小区1号楼101室, 幸福一网格)
const CLERK = process.env.E2E_POINTS_CLERK || 'store.clerk'
const REASON = `协助清理楼道（浏览器测试 ${Date.now()}）`
const AWARD = 150 // above the demo community's approval threshold

/** Chooses an option of an Element Plus select by its text. */
async function choose(page, select, text) {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click()
}

async function phoneSignIn(page, base, username) {
  await page.goto(`${base}/m/`)
  await page.locator('.van-field input').nth(0).fill(username)
  await page.locator('.van-field input').nth(1).fill('redgrid-demo')
  await page.click('button[type=submit]')
}

const digits = async (locator) => Number((await locator.textContent()).replace(/[^0-9-]/g, ''))

export default async function ({ step, expect, base, signIn, look, newPage, artifacts }) {
  const state = {}

  await step('points: a grid worker awards points above the threshold, and the award waits for approval', async () => {
    const page = await newPage('console')
    await signIn(page, 'grid.worker')
    await page.locator('[data-menu="points-awards"]').click()
    await page.locator('[data-testid=pick-grid]').waitFor()
    await choose(page, '[data-testid=pick-household]', HOUSEHOLD)
    await page.locator('input[data-testid=award-points], [data-testid=award-points] input').fill(String(AWARD))
    await page.locator('input[data-testid=award-reason], [data-testid=award-reason] input').fill(REASON)
    await page.click('[data-testid=award-submit]')
    await page.locator('[data-testid=award-outcome]', { hasText: '待审批' }).waitFor()
    expect(await page.locator('[data-testid=award-queue]').count() === 0, 'a grid worker sees no approval queue')
    await page.screenshot({ path: join(artifacts, 'points-1-award-pending.png'), fullPage: true })
    await page.close()
  })

  await step('points: a community admin (a second person) approves the award', async () => {
    const page = await newPage('console')
    await signIn(page, 'community.admin')
    await page.locator('[data-menu="points-awards"]').click()
    const row = page.locator('[data-testid=award-queue] .el-table__row', { hasText: REASON })
    await row.locator('[data-approve]').click()
    await page.getByText(`已发放 ${AWARD} 分`).waitFor()
    await row.waitFor({ state: 'detached' })
    await page.close()
  })

  await step('points: the resident\'s phone shows the balance and a QR code in senior mode', async () => {
    const phone = await newPage('phone')
    await phoneSignIn(phone, base, 'resident')
    await phone.locator('[data-testid="tile-points"]').click()
    state.before = await digits(phone.locator('[data-testid=my-balance]'))
    expect(state.before >= AWARD, `the balance ${state.before} includes the approved award`)
    await phone.goto(`${base}/m/points/qr`)
    const code = phone.locator('[data-testid=qr-code]')
    await phone.waitForFunction(() => document.querySelector('[data-testid=qr-code]')?.dataset.token)
    state.token = await code.getAttribute('data-token')
    const inked = await code.evaluate((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++
      return dark / (data.length / 4)
    })
    expect(inked > 0.2 && inked < 0.8, `the QR code is drawn (dark share ${inked})`)
    await phone.goto(`${base}/m/`)
    await phone.click('[data-testid=elder-mode]')
    await phone.goto(`${base}/m/points/qr`)
    await phone.locator('.mobile.elder [data-testid=qr-code]').waitFor()
    const { overflowX } = await look(phone)
    expect(overflowX <= 0, `horizontal overflow ${overflowX}px at 390 px`)
    await phone.screenshot({ path: join(artifacts, 'points-2-phone-qr.png'), fullPage: true })
    await phone.close()
  })

  await step('points: the clerk redeems at the counter with the keyboard only, scanning the QR code', async () => {
    const page = await newPage('console')
    await signIn(page, CLERK)
    await page.waitForURL('**/points-counter')
    await page.waitForFunction(() => document.activeElement?.matches('[data-testid=counter-scan] input, input[data-testid=counter-scan]'))
    await page.keyboard.type(state.token) // what a USB scanner does
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=counter][data-phase=goods]').waitFor()
    expect(await digits(page.locator('[data-testid=counter-balance]')) === state.before, 'the counter shows the household\'s balance')
    await page.keyboard.press('1')
    await page.locator('[data-testid=counter-total]').waitFor()
    await page.keyboard.press('Enter')
    const receipt = page.locator('[data-testid=receipt]')
    await receipt.waitFor()
    state.spent = await digits(receipt.locator('[data-line=扣减积分]'))
    state.after = await digits(receipt.locator('[data-line=剩余积分]'))
    expect(state.spent > 0 && state.after === state.before - state.spent, `receipt: spent ${state.spent}, left ${state.after} of ${state.before}`)
    expect((await receipt.locator('[data-line=住户]').textContent()).includes(HOUSEHOLD), 'the receipt names the household')
    await page.screenshot({ path: join(artifacts, 'points-3-counter-receipt.png'), fullPage: true })
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=counter][data-phase=scan]').waitFor()
    // the next one by name, then cancelled within the window: Delete asks, Enter confirms
    await page.keyboard.type(HOUSEHOLD)
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=counter][data-phase=goods]').waitFor()
    await page.keyboard.press('2')
    await page.keyboard.press('Enter')
    await receipt.waitFor()
    await page.keyboard.press('Delete')
    await page.locator('[data-testid=counter-confirm-cancel]').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=receipt][data-status=CANCELLED]').waitFor()
    expect(await digits(page.locator('[data-testid=counter-balance]')) === state.after, 'the cancellation gave the points back')
    await page.close()
  })

  await step('points: the statement shows the award and the redemption, the chain is intact and the books balance', async () => {
    const page = await newPage('console')
    await signIn(page, 'community.admin')
    await page.locator('[data-menu="points-ledger"]').click()
    await page.locator('[data-testid=trial-balanced]', { hasText: '借贷平衡' }).waitFor()
    await choose(page, '[data-testid=pick-household]', HOUSEHOLD)
    await page.locator('[data-testid=statement] .el-table__row').first().waitFor()
    const kinds = await page.locator('[data-testid=statement] [data-kind]').evaluateAll((els) => els.map((e) => e.dataset.kind))
    expect(kinds.slice(0, 3).join() === 'REVERSAL,REDEMPTION,REDEMPTION', `newest first: the cancellation, the cancelled and the kept redemption (${kinds})`)
    const kept = page.locator('[data-testid=statement] .el-table__row').nth(2)
    expect(await digits(kept.locator('[data-testid=statement-amount]')) === -state.spent, 'the kept redemption for the points spent')
    await page.locator('[data-testid=statement] .el-table__row', { hasText: REASON }).waitFor()
    expect(await digits(page.locator('[data-testid=ledger-balance]')) === state.after, 'the balance after the redemption')
    await page.click('[data-testid=chain-check]')
    await page.locator('[data-testid=chain-result]', { hasText: '哈希链完整' }).waitFor()
    await page.screenshot({ path: join(artifacts, 'points-4-statement.png'), fullPage: true })
    await page.close()
  })

  await step('points: the resident sees the new balance and the redemption on the phone', async () => {
    const phone = await newPage('phone')
    await phoneSignIn(phone, base, 'resident')
    await phone.locator('[data-testid="tile-points"]').click()
    await phone.waitForFunction((n) => document.querySelector('[data-testid=my-balance]')?.textContent.trim() === String(n), state.after)
    await phone.locator('[data-testid=my-history] [data-kind=REDEMPTION]').first().waitFor()
    await phone.screenshot({ path: join(artifacts, 'points-5-phone-balance.png'), fullPage: true })
    await phone.close()
  })

  await step('points: the dashboard charts the months, and the monthly report exports an Excel with the month\'s flows', async () => {
    const page = await newPage('console')
    await signIn(page, 'community.admin')
    await page.locator('[data-menu="points-dashboard"]').click()
    await page.locator('[data-testid=points-chart] canvas').waitFor()
    expect(await digits(page.locator('[data-testid=points-stat-issued]')) >= AWARD, 'this month\'s issued points include the award')
    await page.waitForTimeout(1000) // the chart's entry animation, for the picture
    await page.screenshot({ path: join(artifacts, 'points-6-dashboard.png'), fullPage: true })
    await page.locator('[data-menu="points-reports"]').click()
    await page.locator('[data-testid=monthly-report]').waitFor()
    const download = page.waitForEvent('download')
    await page.click('[data-testid=report-export]')
    const file = await (await download).path()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const ws = wb.getWorksheet('月度报表')
    const cell = (ref) => ws.getCell(ref).value
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    expect(cell('A1') === '社区' && cell('B1') === '幸福社区', `B1 ${cell('B1')}`)
    expect(cell('B2') === month, `B2 ${cell('B2')} should be ${month}`)
    expect(cell('A3') === '发放' && cell('B3') >= AWARD, `issued ${cell('B3')}`)
    expect(cell('A4') === '兑换' && cell('B4') >= state.spent, `redeemed ${cell('B4')}`)
    expect(await digits(page.locator('[data-testid=report-issued]')) === cell('B3'), 'the file says what the page says')
    expect(wb.getWorksheet('近12个月').rowCount === 13, 'twelve months and a header')
    await page.close()
  })

  await step('points: a grid worker scores this month\'s inspection sheet from the keyboard and publishes the 清洁户', async () => {
    const page = await newPage('console')
    await signIn(page, 'grid.worker')
    await page.locator('[data-menu="points-inspection"]').click()
    const row = page.locator('[data-testid=sheet-table] tr', { hasText: HOUSEHOLD })
    await row.locator('input').first().click()
    for (const key of ['9', 'ArrowRight', '8', 'ArrowRight', '9']) await page.keyboard.press(key)
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/scores/'))
    await page.keyboard.press('Enter')
    expect((await saved).ok(), 'Enter saves the row')
    expect((await row.locator('td.num').textContent()).trim() === '26', 'the row totals 26')
    await row.locator('.el-tag', { hasText: '清洁户' }).waitFor()
    await page.click('[data-testid=sheet-publish]')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('[data-testid=sheet-status]', { hasText: '已发布' }).waitFor()
    await page.locator('[data-testid=clean-list] .el-tag', { hasText: HOUSEHOLD }).waitFor()
    await page.screenshot({ path: join(artifacts, 'points-7-inspection.png'), fullPage: true })
    await page.close()
  })
}
