import { describe, expect, it } from 'vitest'
import { apply, cancellable, cancelled, canAfford, chinaTime, decide, digitIndex, found, initialState, receiptLines, redeemed, type CounterState } from './counter'

const goods = [
  { id: 'g1', name: '洗衣液', price: 30, stock: 5 },
  { id: 'g2', name: '大米', price: 50, stock: 0 },
  { id: 'g3', name: '毛巾', price: 10, stock: 2 },
]
const wang = { householdId: 'H1', label: '王秀英家', balance: 100 }
const li = { householdId: 'H2', label: '李四家', balance: 5 }

/** Presses keys one after the other, applying what needs no server. */
function press(state: CounterState, ...keys: string[]): CounterState {
  return keys.reduce((s, k) => apply(s, decide(s, k)), state)
}

describe('the counter keyboard', () => {
  it('maps the digit keys to the first ten entries, 0 being the tenth', () => {
    expect(['1', '9', '0', 'a', 'Enter', '10'].map(digitIndex)).toEqual([0, 8, 9, undefined, undefined, undefined])
  })

  it('looks up on Enter in the scan field only when something was scanned or typed', () => {
    const s = initialState(goods)
    expect(decide(s, 'Enter', '  ')).toEqual({ type: 'none' })
    expect(decide(s, 'Enter', 'RG1.abc')).toEqual({ type: 'lookup' })
    expect(decide(s, '1', 'RG1')).toEqual({ type: 'none' })
  })

  it('serves one household found at once, and lists several by number', () => {
    expect(found(initialState(goods), [wang], goods).phase).toBe('goods')
    const several = found(initialState(goods), [wang, li], goods)
    expect(several.phase).toBe('households')
    expect(decide(several, '3')).toEqual({ type: 'none' })
    const chosen = press(several, '2')
    expect(chosen.phase).toBe('goods')
    expect(chosen.household).toEqual(li)
  })

  it('chooses a good by its number, changes the quantity within stock, and redeems on Enter only when affordable', () => {
    let s = found(initialState(goods), [wang], goods)
    expect(decide(s, 'Enter')).toEqual({ type: 'none' })
    s = press(s, '1', '+', '+', '+')
    expect([s.good?.id, s.quantity]).toEqual(['g1', 4])
    expect(canAfford(s)).toBe(false) // 4 × 30 > 100
    expect(decide(s, 'Enter')).toEqual({ type: 'none' })
    s = press(s, '-')
    expect(s.quantity).toBe(3)
    expect(decide(s, 'Enter')).toEqual({ type: 'redeem' })
    s = press(s, '-', '-', '-', 'ArrowDown')
    expect(s.quantity).toBe(1)
    s = press(s, '3', '+', '+', '+')
    expect(s.quantity).toBe(2) // stock 2
    s = press(s, '2')
    expect(canAfford(s)).toBe(false) // out of stock
    expect(decide(s, '7')).toEqual({ type: 'none' })
  })

  it('steps back with Esc: goods to the household list when there were several, else to the scan field', () => {
    const several = press(found(initialState(goods), [wang, li], goods), '1')
    expect(press(several, 'Escape').phase).toBe('households')
    expect(press(several, 'Escape', 'Escape').phase).toBe('scan')
    const one = found(initialState(goods), [wang], goods)
    expect(press(one, 'Escape')).toEqual(initialState(goods))
  })

  it('a letter typed while choosing starts the next customer with that letter', () => {
    const s = found(initialState(goods), [wang], goods)
    expect(decide(s, 'R')).toEqual({ type: 'next', key: 'R' })
    expect(decide(s, 'Shift')).toEqual({ type: 'none' })
  })

  it('on the receipt: P prints, Delete asks and Enter confirms the cancellation, Esc withdraws the question, Enter serves the next', () => {
    const before = press(found(initialState(goods), [wang], goods), '1', '+')
    const s = redeemed(before, { id: 'R1', goodId: 'g1', quantity: 2, points: 60, balanceAfter: 40, redeemedAt: new Date().toISOString() })
    expect(s.phase).toBe('receipt')
    expect(s.household?.balance).toBe(40)
    expect(s.goods[0].stock).toBe(3)
    expect(decide(s, 'p')).toEqual({ type: 'print' })
    expect(decide(s, 'Enter')).toEqual({ type: 'next' })
    const asking = press(s, 'Delete')
    expect(asking.confirmCancel).toBe(true)
    expect(decide(asking, 'Enter')).toEqual({ type: 'cancel' })
    expect(decide(asking, 'p')).toEqual({ type: 'none' })
    expect(press(asking, 'Escape').confirmCancel).toBe(false)
    expect(press(s, 'Enter').phase).toBe('scan')
    expect(decide(s, 'Delete', '', new Date(Date.now() + 31 * 60_000))).toEqual({ type: 'none' }) // past the window
    const undone = cancelled(asking, { id: 'R1' })
    expect([undone.receipt?.status, undone.household?.balance, undone.goods[0].stock, undone.confirmCancel]).toEqual(['CANCELLED', 100, 5, false])
    expect(decide(undone, 'Delete')).toEqual({ type: 'none' })
  })
})

describe('the receipt', () => {
  const receipt = { id: 'R1', storeName: '幸福积分超市', goodName: '洗衣液', householdId: 'H1', quantity: 2, points: 60, balanceAfter: 40,
    redeemedAt: '2026-11-25T09:05:00Z', clerk: 'store.clerk', status: 'REDEEMED' }

  it('prints store, household, goods, points, balance, China time, clerk and number', () => {
    expect(receiptLines(receipt, '王秀英家', chinaTime)).toEqual([
      ['超市', '幸福积分超市'], ['住户', '王秀英家'], ['商品', '洗衣液 × 2'], ['扣减积分', '60'], ['剩余积分', '40'],
      ['时间', '2026-11-25 17:05'], ['经办人', 'store.clerk'], ['单号', 'R1'],
    ])
  })

  it('says when it was cancelled', () => {
    expect(receiptLines({ ...receipt, status: 'CANCELLED' }, undefined, chinaTime).at(-1)).toEqual(['状态', '已撤销'])
    expect(receiptLines({ ...receipt, status: 'CANCELLED' }, undefined, chinaTime)[1]).toEqual(['住户', 'H1'])
  })

  it('may be cancelled within the window only, and not twice', () => {
    const at = new Date('2026-11-25T09:05:00Z')
    expect(cancellable(receipt, new Date(at.getTime() + 29 * 60_000))).toBe(true)
    expect(cancellable(receipt, new Date(at.getTime() + 30 * 60_000))).toBe(false)
    expect(cancellable({ ...receipt, status: 'CANCELLED' }, at)).toBe(false)
  })
})
