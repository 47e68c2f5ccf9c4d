import { expect, it } from 'vitest'
import { CursorPages } from './paging'

/** 7 rows served 3 at a time, cursors being the next row's index, recording each call. */
function source() {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
  const calls: (string | undefined)[] = []
  const fetch = async (cursor: string | undefined, limit: number) => {
    calls.push(cursor)
    const from = Number(cursor ?? 0)
    const next = from + limit < rows.length ? String(from + limit) : undefined
    return { items: rows.slice(from, from + limit), next }
  }
  return { fetch, calls }
}

it('reads numbered pages through the cursors, jumping ahead by reading the pages between', async () => {
  const { fetch, calls } = source()
  const pages = new CursorPages(fetch)
  expect(await pages.page(3, 3)).toEqual(['g'])
  expect(calls).toEqual([undefined, '3', '6'])
  expect(await pages.page(2, 3)).toEqual(['d', 'e', 'f'])
  expect(calls.at(-1)).toBe('3')
  expect(pages.knownTotal(3, 1)).toBe(7)
})

it('announces one more page while there is one, and starts again on a new page size', async () => {
  const { fetch, calls } = source()
  const pages = new CursorPages(fetch)
  await pages.page(1, 3)
  expect(pages.knownTotal(1, 3)).toBe(6)
  expect(await pages.page(2, 5)).toEqual(['f', 'g'])
  expect(calls).toEqual([undefined, undefined, '5'])
})
