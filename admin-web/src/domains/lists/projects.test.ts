import { describe, expect, it } from 'vitest'
import { changesOf, distinctProjects, draftOf, pickable, pickedBy } from './projects'
import type { Project, Resource } from './model'

const project: Project = {
  id: 'P1', title: '健康伴你行', category: 'HEALTH', communityCode: 'C01', ownerUnit: '示范区人民医院', theme: '十二月 健康月',
  startDate: '2026-12-01', endDate: '2026-12-31', budget: 300000, demandIds: ['D1'], resourceIds: ['R1'], published: true,
  picks: [{ resourceId: 'R1', resourceName: '义诊队', login: 'partner.unit', pickedAt: '2026-11-25T08:00:00Z' }], status: 'PLANNED', version: 3,
}
const resource = (id: string, status: Resource['status'] = 'ACTIVE'): Resource => ({
  id, kind: 'UNIT', name: id, nodeCode: 'C01', covers: ['C01'], categories: ['HEALTH'], capacity: 4, status, owner: 'partner.unit',
})

describe('editing a planned project', () => {
  it('sends only what changed, with the version read', () => {
    expect(changesOf(project, draftOf(project))).toEqual({ version: 3 })
    const draft = { ...draftOf(project), title: ' 健康伴你行·冬季 ', theme: '', dates: ['2026-12-05', '2026-12-31'] as [string, string], budget: 3500.5, published: false }
    expect(changesOf(project, draft)).toEqual({ version: 3, title: '健康伴你行·冬季', theme: '', startDate: '2026-12-05', budget: 350050, published: false })
    expect(changesOf(project, { ...draftOf(project), demandIds: ['D1', 'D2'], resourceIds: [] })).toEqual({ version: 3, demandIds: ['D1', 'D2'], resourceIds: [] })
  })
})

describe('picking a project on the phone', () => {
  it('offers the unit its active resources not yet in the project, and knows whose pick it is', () => {
    expect(pickable(project, [resource('R1'), resource('R2'), resource('R3', 'WITHDRAWN')]).map((r) => r.id)).toEqual(['R2'])
    expect(pickedBy(project, 'partner.unit')).toBe(true)
    expect(pickedBy(project, 'other.unit')).toBe(false)
    expect(pickedBy({ ...project, picks: undefined }, 'partner.unit')).toBe(false)
  })

  it('lists a project picked with two resources once', () => {
    expect(distinctProjects([project, { ...project, version: 4 }, { ...project, id: 'P2' }]).map((p) => p.id)).toEqual(['P1', 'P2'])
  })
})
