import { expect, it } from 'vitest'
import { communityOnPath, distinctBy } from './community'

it('finds the community on a node\'s path, and none above community level', () => {
  const path = [{ code: 'D01', level: 'DISTRICT' }, { code: 'S01', level: 'STREET' }, { code: 'C01', level: 'COMMUNITY' }, { code: 'G0101', level: 'GRID' }] as const
  expect(communityOnPath([...path])?.code).toBe('C01')
  expect(communityOnPath([...path.slice(0, 2)])).toBeUndefined()
})

it('keeps the first of each key and drops items without one', () => {
  expect(distinctBy([{ id: 'a', n: 1 }, { id: undefined, n: 2 }, { id: 'a', n: 3 }, { id: 'b', n: 4 }], (x) => x.id).map((x) => x.n)).toEqual([1, 4])
})
