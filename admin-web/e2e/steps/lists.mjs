// Browser steps for the three lists (三张清单, issue 13): a resident's need on the phone is matched on the console,
// accepted, done by the member, closed with the resident's feedback; one-tap claims where the first wins; the project
// board; the demand and resource sheets out and in, a resource edited; indicators. Against the local runtime's demo data.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

/** Signs a phone page in through the phone's own form. */
async function phoneSignIn(page, base, username) {
  await page.goto(`${base}/m/`)
  await page.locator('.van-field input').nth(0).fill(username)
  await page.locator('.van-field input').nth(1).fill('redgrid-demo')
  await page.click('button[type=submit]')
  await page.locator('[data-testid=phone-tiles]').waitFor()
}

/** A form field by its test id, wherever the component put the id (on the input itself or on a wrapper). */
function field(page, id) {
  return page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first()
}

/** Chooses an option of an Element Plus select by its visible words. */
async function choose(page, select, words) {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: words }).first().click()
}

async function submitNeed(phone, base, title) {
  await phone.goto(`${base}/m/`)
  await phone.click('[data-testid="tile-lists/need"]')
  await phone.locator('[data-testid=need-form] input[name=title]').fill(title)
  await phone.locator('[data-testid=need-category] [data-category=ELDERLY]').click()
  await phone.click('[data-testid=need-submit]')
  await phone.waitForURL('**/m/lists/mine')
  await phone.locator('[data-demand]', { hasText: title }).waitFor()
}

export default async function lists({ step, expect, base, signIn, look, newPage, artifacts }) {
  const stamp = Date.now().toString(36).slice(-4)
  const need = `帮忙更换楼道灯泡 ${stamp}`
  const second = `陪同老人去医院 ${stamp}`
  const resident = await newPage('phone')
  const admin = await newPage('console')
  const member = await newPage('phone')
  try {
    await step('lists: a resident asks for help on the phone, in their own words, and sees it waiting', async () => {
      await phoneSignIn(resident, base, 'resident')
      for (const tile of ['lists/need', 'lists/wish', 'lists/mine']) {
        expect(await resident.locator(`[data-testid="tile-${tile}"]`).count() === 1, `the resident has the ${tile} tile`)
      }
      expect(await resident.locator('[data-testid="tile-lists/open"]').count() === 0, 'a resident does not claim')
      await submitNeed(resident, base, need)
      const card = resident.locator('[data-demand]', { hasText: need })
      expect((await card.locator('[data-testid=demand-status]').textContent()).includes('待认领'), 'the need waits for a claim')
      expect((await look(resident)).overflowX <= 0, 'nothing overflows at 390 px')
      await resident.screenshot({ path: join(artifacts, 'lists-1-need.png'), fullPage: true })
      await submitNeed(resident, base, second)
    })

    await step('lists: one-tap claims: the first claim wins and a late one is told plainly it lost', async () => {
      const late = await newPage('phone')
      try {
        await phoneSignIn(member, base, 'party.member')
        await phoneSignIn(late, base, 'party.member')
        for (const page of [member, late]) {
          await page.goto(`${base}/m/lists/open`)
          await page.locator('[data-demand]', { hasText: second }).waitFor()
        }
        const mine = member.locator('[data-demand]', { hasText: second })
        await mine.locator('[data-testid=claim]').click()
        const won = mine.locator('[data-testid=claim-result]')
        // a member's first claim asks once what they offer, then claims
        const offer = member.locator('[data-testid=offer-popup] [data-testid=offer-submit]')
        await Promise.race([won.waitFor(), offer.waitFor()])
        if (await offer.isVisible()) {
          await field(member, 'offer-skills').fill('水电维修、陪护')
          await offer.click()
        }
        await mine.locator('[data-testid=claim-result][data-outcome=won]').waitFor()
        expect((await won.textContent()).includes('认领成功'), 'the winner is told the demand is theirs')
        const theirs = late.locator('[data-demand]', { hasText: second })
        await theirs.locator('[data-testid=claim]').click()
        await theirs.locator('[data-testid=claim-result][data-outcome=lost]').waitFor()
        expect((await theirs.locator('[data-testid=claim-result]').textContent()).includes('已被其他人认领'), 'the late claim is told it lost')
        await late.screenshot({ path: join(artifacts, 'lists-4-claim-lost.png'), fullPage: true })
      } finally {
        await late.close()
      }
    })

    await step('lists: the community admin runs matching and reads why each pair was proposed', async () => {
      await signIn(admin, 'community.admin')
      await admin.locator('[data-menu="three-lists/matching"]').click()
      await admin.locator('[data-testid=matching-run]').click()
      await admin.locator('[data-testid=matching-summary]').waitFor()
      const row = admin.locator('[data-testid=pairs-table] .el-table__body .el-table__row', { hasText: need })
      await row.waitFor()
      const why = await row.locator('[data-testid=pair-why]').innerText()
      expect(why.includes('主要因为') && why.includes('类别：服务类别相符') && /占总分 \d+%/.test(why), `the pair is explained in words: ${why}`)
      await admin.screenshot({ path: join(artifacts, 'lists-2-matching.png'), fullPage: true })
    })

    await step('lists: the admin accepts the pair, and it becomes the member\'s claim', async () => {
      const row = admin.locator('[data-testid=pairs-table] .el-table__body .el-table__row', { hasText: need })
      // the proposal may name another resource of the demo data: staff reassign it to the member's
      if (!(await row.locator('[data-testid=pair-resource]').textContent()).includes('party.member')) {
        await row.locator('[data-testid=pair-edit]').click()
        await admin.locator('[data-testid=edit-options] .el-radio', { hasText: 'party.member' }).first().click()
        await admin.click('[data-testid=edit-save]')
        await row.locator('[data-testid=pair-resource]', { hasText: 'party.member' }).waitFor()
      }
      await admin.screenshot({ path: join(artifacts, 'lists-2b-to-accept.png'), fullPage: true })
      await row.locator('[data-testid=pair-accept]').click()
      await row.locator('[data-testid=pair-decision][data-decision=ACCEPTED]').waitFor()
      await member.goto(`${base}/m/`)
      await member.click('[data-testid="tile-lists/claims"]')
      const card = member.locator('[data-demand]', { hasText: need })
      await card.waitFor()
      expect((await card.locator('[data-testid=claim-via]').textContent()).includes('匹配派单'), 'the claim came from matching')
      await member.screenshot({ path: join(artifacts, 'lists-3-claims.png'), fullPage: true })
    })

    await step('lists: the member marks the demand done and the resident closes it with feedback', async () => {
      await member.goto(`${base}/m/lists/claims`)
      const card = member.locator('[data-demand]', { hasText: need })
      await card.locator('[data-testid=claim-done]').click()
      await member.locator('[data-demand][data-status=DONE]', { hasText: need }).waitFor()
      await resident.goto(`${base}/m/lists/mine`)
      const mine = resident.locator('[data-demand]', { hasText: need })
      await mine.locator('[data-testid=demand-close]').click()
      await field(resident, 'close-comment').fill('灯泡已换好，谢谢')
      await resident.click('[data-testid=close-submit]')
      await resident.locator('[data-demand][data-status=CLOSED]', { hasText: need }).waitFor()
      expect((await mine.locator('[data-testid=demand-status]').textContent()).includes('已评价办结'), 'closed with feedback')
      await resident.screenshot({ path: join(artifacts, 'lists-5-closed.png'), fullPage: true })
    })

    await step('lists: the phone pages read in senior mode', async () => {
      await resident.goto(`${base}/m/`)
      const elder = resident.locator('[data-testid=elder-mode]')
      if (!(await resident.locator('.mobile.elder').count())) await elder.click()
      await resident.goto(`${base}/m/lists/mine`)
      await resident.locator('.mobile.elder [data-demand]').first().waitFor()
      const size = await resident.locator('[data-demand] .van-cell__title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
      expect(size >= 20, `large text in senior mode (${size}px)`)
      expect((await look(resident)).overflowX <= 0, 'nothing overflows in senior mode')
      await resident.screenshot({ path: join(artifacts, 'lists-6-elder.png'), fullPage: true })
      await resident.goto(`${base}/m/`)
      await elder.click()
    })

    await step('lists: the closed demand exports to Excel with names, status and feedback in its cells', async () => {
      await admin.locator('[data-menu="three-lists/demands"]').click()
      await admin.locator('[data-testid=demands-table]').or(admin.locator('[data-state=empty]')).first().waitFor()
      await choose(admin, '[data-testid=demands-status]', '已评价办结')
      await admin.locator('[data-testid=demands-table] .el-table__row', { hasText: need }).waitFor()
      const download = admin.waitForEvent('download')
      await admin.click('[data-testid=demands-export]')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(await (await download).path())
      const ws = wb.worksheets[0]
      expect(ws.getRow(1).getCell(1).value === '需求标题' && ws.getRow(1).getCell(10).value === '状态', 'the sheet has the import columns first')
      let found
      ws.eachRow((r, n) => { if (n > 1 && r.getCell(1).value === need) found = r })
      expect(found, `the export holds the closed demand ${need}`)
      const cells = [2, 3, 10, 11, 14].map((c) => found.getCell(c).value)
      expect(cells[0] === '助老助残' && cells[1] === '幸福一网格' && cells[2] === '已评价办结' && cells[3] === '群众点单'
        && String(cells[4]).includes('灯泡已换好'), `cells: ${cells}`)
      await admin.screenshot({ path: join(artifacts, 'lists-7-demands.png'), fullPage: true })
    })

    await step('lists: an import sheet with a bad row shows the row\'s errors and imports nothing; a good one imports', async () => {
      const sheet = async (rows) => {
        const wb = new ExcelJS.Workbook()
        const ws = wb.addWorksheet('需求')
        ws.addRow(['需求标题', '类别', '网格', '紧急程度', '所需技能', '开始时间', '结束时间', '说明', '受益住户'])
        rows.forEach((r) => ws.addRow(r))
        const file = join(mkdtempSync(join(tmpdir(), 'redgrid-lists-')), 'demands.xlsx')
        await wb.xlsx.writeFile(file)
        return file
      }
      await admin.click('[data-testid=demand-import]')
      await admin.setInputFiles('[data-testid=demand-import-drop] input[type=file]', await sheet([
        [`清理楼道杂物 ${stamp}`, '环境整治', '幸福一网格', '一般'], ['', '修车', 'G0101', '紧急'],
      ]))
      await admin.locator('[data-row="3"][data-outcome=failed]').waitFor()
      const text = await admin.locator('[data-row="3"]').textContent()
      expect(text.includes('需求标题必填') && text.includes('不在 13 类之中'), `row 3 errors: ${text}`)
      expect(await admin.locator('[data-testid=demand-import-start]').isDisabled() === false, 'the button stays, the sheet is refused')
      await admin.click('[data-testid=demand-import-start]')
      expect((await admin.locator('[data-testid=demand-import-message]').textContent()).includes('一行也未导入'), 'nothing imported')
      await admin.screenshot({ path: join(artifacts, 'lists-8-import-errors.png'), fullPage: true })
      await admin.setInputFiles('[data-testid=demand-import-drop] input[type=file]', await sheet([
        [`清理楼道杂物 ${stamp}`, '环境整治', '幸福一网格', '一般', '', '2026-12-01 09:00', '2026-12-01 11:00'],
      ]))
      await admin.locator('[data-row="2"][data-outcome=ok]').waitFor()
      await admin.click('[data-testid=demand-import-start]')
      await admin.locator('[data-testid=demand-import-message]', { hasText: '新增 1 条' }).waitFor()
      await admin.keyboard.press('Escape')
    })

    await step('lists: a resource sheet imports, the resource is edited in its form, and the export holds the edit', async () => {
      const resource = `楼道照明志愿队 ${stamp}`
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('资源')
      ws.addRow(['资源名称', '类型', '所在节点', '服务范围', '服务类别', '技能', '每月可承接', '每月可服务时长', '开始时间', '结束时间', '说明'])
      ws.addRow([resource, '志愿服务队', '幸福社区', '幸福一网格', '环境整治、义务劳动', '电工', 4, 12])
      const file = join(mkdtempSync(join(tmpdir(), 'redgrid-lists-')), 'resources.xlsx')
      await wb.xlsx.writeFile(file)
      await admin.locator('[data-menu="three-lists/resources"]').click()
      await admin.locator('[data-testid=resources-table]').or(admin.locator('[data-state=empty]')).first().waitFor()
      await admin.click('[data-testid=resource-import]')
      await admin.setInputFiles('[data-testid=resource-import-drop] input[type=file]', file)
      await admin.locator('[data-row="2"][data-outcome=ok]').waitFor()
      await admin.click('[data-testid=resource-import-start]')
      await admin.locator('[data-testid=resource-import-message]', { hasText: '新增 1 条' }).waitFor()
      await admin.keyboard.press('Escape')
      const row = admin.locator('[data-testid=resources-table] .el-table__row', { hasText: resource })
      await row.waitFor()
      await row.locator('[data-testid=resource-edit]').click()
      const form = admin.locator('[data-testid=resource-form]')
      await form.locator('[data-testid=resource-capacity] input').fill('6')
      await form.locator('[data-testid=resource-save]').click()
      await admin.locator('[data-testid=resources-table] .el-table__row', { hasText: resource }).filter({ hasText: '/6' }).waitFor()
      await admin.screenshot({ path: join(artifacts, 'lists-9-resources.png'), fullPage: true })
      const download = admin.waitForEvent('download')
      await admin.click('[data-testid=resources-export]')
      const out = new ExcelJS.Workbook()
      await out.xlsx.readFile(await (await download).path())
      let found
      out.worksheets[0].eachRow((r, n) => { if (n > 1 && r.getCell(1).value === resource) found = r })
      expect(found, `the export holds ${resource}`)
      const cells = [3, 4, 7, 8].map((c) => found.getCell(c).value)
      expect(cells[0] === '幸福社区' && cells[1] === '幸福一网格' && cells[2] === 6 && cells[3] === 12, `cells: ${cells}`)
    })

    await step('lists: the project board moves a project on, with participants, hours and an outcome photo on completion', async () => {
      await admin.locator('[data-menu="three-lists/projects"]').click()
      await admin.locator('[data-testid=project-board]').waitFor()
      const project = `楼道亮灯行动 ${stamp}`
      await admin.click('[data-testid=project-create]')
      const form = admin.locator('[data-testid=project-form]')
      await form.locator('input[name=title]').fill(project)
      await form.locator('[data-testid=category-select]').click()
      await admin.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '环境整治' }).click()
      await form.locator('input[name=ownerUnit]').fill('幸福社区党委')
      await form.locator('.el-range-input').nth(0).fill('2026-12-01')
      await form.locator('.el-range-input').nth(1).fill('2026-12-31')
      await form.locator('.el-range-input').nth(1).press('Enter')
      await form.locator('[data-testid=project-save]').click()
      const planned = admin.locator('[data-stage=PLANNED] [data-project]', { hasText: project })
      await planned.waitFor()
      await planned.locator('[data-testid=project-start]').click()
      await admin.locator('[data-stage=IN_PROGRESS] [data-project]', { hasText: project }).waitFor()
      const running = admin.locator('[data-stage=IN_PROGRESS] [data-project]', { hasText: project })
      const id = await running.getAttribute('data-project')
      await running.locator('[data-testid=project-complete]').click()
      await field(admin, 'participant-login-0').fill('party.member')
      await field(admin, 'participant-hours-0').fill('2.5')
      await field(admin, 'project-summary').fill('为 12 户更换了楼道灯')
      // An outcome photo drawn by the browser itself: it goes straight to the lists' bucket through a presigned PUT.
      const jpeg = await admin.evaluate(() => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 })
        const g = canvas.getContext('2d')
        g.fillStyle = '#c0392b'
        g.fillRect(0, 0, 64, 48)
        return canvas.toDataURL('image/jpeg').split(',')[1]
      })
      await admin.setInputFiles('[data-testid=project-photos] input[type=file]', { name: 'outcome.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') })
      await admin.click('[data-testid=project-complete-save]')
      const done = admin.locator(`[data-stage=DONE] [data-project="${id}"]`)
      await done.waitFor()
      expect((await done.locator('[data-testid=project-participants]').textContent()).includes('party.member 2.5h'), 'participants and hours shown')
      await done.locator('[data-testid=project-photos-open]').click()
      const shown = admin.locator('[data-testid=project-photo] img')
      await shown.waitFor()
      await admin.waitForFunction((img) => img.complete && img.naturalWidth === 64, await shown.elementHandle())
      await admin.screenshot({ path: join(artifacts, 'lists-9-project-photos.png'), fullPage: true })
      await admin.keyboard.press('Escape')
      await admin.screenshot({ path: join(artifacts, 'lists-9-projects.png'), fullPage: true })
    })

    await step('lists: a partner unit picks a published project on the phone with its resource; the admin sees the pick and edits the plan', async () => {
      const unit = await newPage('phone')
      try {
        const title = '金融进万家·防范电信诈骗讲座'
        await phoneSignIn(unit, base, 'partner.unit')
        await unit.click('[data-testid="tile-lists/projects"]')
        const card = unit.locator('[data-project]', { hasText: title })
        await card.waitFor()
        expect((await card.locator('[data-testid=project-demand-count]').textContent()).includes('1'), 'the card counts its demands')
        await card.locator('[data-testid=project-pick]').click()
        await unit.locator('[data-testid=pick-resources] .van-action-sheet__item', { hasText: '示范区人民医院义诊队' }).click()
        await card.locator('[data-testid=project-picked]').waitFor()
        expect((await look(unit)).overflowX <= 0, 'nothing overflows at 390 px')
        await unit.screenshot({ path: join(artifacts, 'lists-9b-pick.png'), fullPage: true })
        await unit.goto(`${base}/m/`)
        await unit.click('[data-testid="tile-lists/my-projects"]')
        await unit.locator('[data-project]', { hasText: title }).locator('[data-testid=my-project-pick]', { hasText: '示范区人民医院义诊队' }).waitFor()

        await admin.reload()
        const planned = admin.locator('[data-stage=PLANNED] [data-project]', { hasText: title })
        await planned.locator('[data-testid=project-picks]', { hasText: '示范区人民医院义诊队' }).waitFor()
        await planned.locator('[data-testid=project-edit]').click()
        const form = admin.locator('[data-testid=project-form]:visible')
        await form.locator('input[name=ownerUnit]').fill('幸福社区党委·示范区人民医院')
        await form.locator('[data-testid=project-save]').click()
        await admin.locator('[data-stage=PLANNED] [data-project]', { hasText: '幸福社区党委·示范区人民医院' }).waitFor()
        await planned.locator('[data-testid=project-unpublish]').click()
        await planned.locator('[data-testid=project-publish]').waitFor()
        await unit.goto(`${base}/m/lists/projects`)
        await unit.locator('[data-project]', { hasText: '健康伴你行' }).waitFor()
        expect(await unit.locator('[data-project]', { hasText: title }).count() === 0, 'an unpublished project is not offered to pick')
      } finally {
        await unit.close()
      }
    })

    await step('lists: indicators chart demands by category, grid and status, with the match rate', async () => {
      await admin.locator('[data-menu="three-lists/indicators"]').click()
      await admin.locator('[data-testid=chart-byCategory] canvas').waitFor()
      expect(Number((await admin.locator('[data-testid=ind-total]').textContent()).replace(/\D/g, '')) >= 2, 'the month counts the demands')
      expect(/\d+%/.test(await admin.locator('[data-testid=ind-match-rate]').textContent()), 'a match rate')
      await admin.waitForTimeout(1000) // the charts' entry animation
      await admin.screenshot({ path: join(artifacts, 'lists-10-indicators.png'), fullPage: true })
    })
  } finally {
    await Promise.all([resident, admin, member].map((p) => p.close()))
  }
}
