import type { CounterHousehold, Good, Receipt } from './api'

/**
 * The counter screen's keyboard (柜台): a clerk serves a queue with the keyboard alone. The scan field takes what a
 * USB scanner types (a household code or the QR token from the resident's phone, then Enter) or a name typed by
 * hand; digits choose a household or a good by its number; + and − change the quantity; Enter redeems; Esc steps
 * back; on the receipt P prints, Delete asks to cancel (Enter confirms), any other key starts the next customer.
 */
export type Phase = 'scan' | 'households' | 'goods' | 'receipt'

export interface CounterState {
  phase: Phase
  households: CounterHousehold[]
  household?: CounterHousehold
  goods: Good[]
  good?: Good
  quantity: number
  receipt?: Receipt
  confirmCancel: boolean
}

export type Action =
  | { type: 'lookup' }
  | { type: 'household'; index: number }
  | { type: 'good'; index: number }
  | { type: 'quantity'; delta: number }
  | { type: 'redeem' }
  | { type: 'back' }
  | { type: 'print' }
  | { type: 'ask-cancel' }
  | { type: 'cancel' }
  | { type: 'next'; key?: string }
  | { type: 'none' }

export const initialState = (goods: Good[] = []): CounterState => ({ phase: 'scan', households: [], goods, quantity: 1, confirmCancel: false })

/** 1–9 choose the first nine, 0 the tenth (the top row and the number pad give the same key). */
export function digitIndex(key: string): number | undefined {
  if (!/^[0-9]$/.test(key)) return undefined
  return key === '0' ? 9 : Number(key) - 1
}

const printable = (key: string) => key.length === 1 && key !== ' '

/** What one key press means in the state the counter is in (nothing is changed here: the page carries it out). */
export function decide(state: CounterState, key: string, scanText = '', now: Date = new Date()): Action {
  switch (state.phase) {
    case 'scan':
      if (key === 'Enter') return scanText.trim() ? { type: 'lookup' } : { type: 'none' }
      return { type: 'none' } // the scan field itself takes the characters
    case 'households': {
      if (key === 'Escape') return { type: 'back' }
      const index = digitIndex(key)
      if (index !== undefined) return index < state.households.length ? { type: 'household', index } : { type: 'none' }
      if (key === 'Enter' && state.households.length === 1) return { type: 'household', index: 0 }
      return printable(key) ? { type: 'next', key } : { type: 'none' }
    }
    case 'goods': {
      if (key === 'Escape') return { type: 'back' }
      const index = digitIndex(key)
      if (index !== undefined) return index < state.goods.length ? { type: 'good', index } : { type: 'none' }
      if (key === '+' || key === '=' || key === 'ArrowUp') return { type: 'quantity', delta: 1 }
      if (key === '-' || key === 'ArrowDown') return { type: 'quantity', delta: -1 }
      if (key === 'Enter') return state.good && canAfford(state) ? { type: 'redeem' } : { type: 'none' }
      return printable(key) ? { type: 'next', key } : { type: 'none' }
    }
    case 'receipt':
      if (state.confirmCancel) {
        if (key === 'Enter') return { type: 'cancel' }
        if (key === 'Escape') return { type: 'back' }
        return { type: 'none' }
      }
      if (key === 'Delete') return cancellable(state.receipt, now) ? { type: 'ask-cancel' } : { type: 'none' }
      if (key === 'p' || key === 'P') return { type: 'print' }
      if (key === 'Enter' || key === 'Escape') return { type: 'next' }
      return printable(key) ? { type: 'next', key } : { type: 'none' }
  }
}

/** The points the chosen good and quantity cost. */
export const cost = (state: Pick<CounterState, 'good' | 'quantity'>) => (state.good?.price ?? 0) * state.quantity

/** Whether the household's balance and the good's stock cover the quantity (the server judges again). */
export function canAfford(state: CounterState): boolean {
  if (!state.good || !state.household || state.quantity < 1) return false
  return cost(state) <= state.household.balance && state.quantity <= (state.good.stock ?? 0)
}

/** The state after an action that needs no server (the page applies lookups, redemptions and cancellations). */
export function apply(state: CounterState, action: Action): CounterState {
  switch (action.type) {
    case 'household':
      return { ...state, phase: 'goods', household: state.households[action.index], good: undefined, quantity: 1 }
    case 'good':
      return { ...state, good: state.goods[action.index], quantity: 1 }
    case 'quantity': {
      const max = Math.max(1, state.good?.stock ?? 1)
      return { ...state, quantity: Math.min(max, Math.max(1, state.quantity + action.delta)) }
    }
    case 'ask-cancel':
      return { ...state, confirmCancel: true }
    case 'back':
      if (state.phase === 'receipt') return { ...state, confirmCancel: false }
      if (state.phase === 'goods' && state.households.length > 1) return { ...state, phase: 'households', household: undefined, good: undefined, quantity: 1 }
      return initialState(state.goods)
    case 'next':
      return initialState(state.goods)
    default:
      return state
  }
}

/** After a look-up: one household is served at once, several are listed by number, none stays on the scan field. */
export function found(state: CounterState, households: CounterHousehold[], goods: Good[]): CounterState {
  const next = { ...initialState(goods), households }
  if (households.length === 1) return { ...next, phase: 'goods', household: households[0] }
  if (households.length > 1) return { ...next, phase: 'households' }
  return next
}

/** After a redemption: the receipt, and the household's balance as the ledger now has it. */
export function redeemed(state: CounterState, receipt: Receipt): CounterState {
  const household = state.household && receipt.balanceAfter !== undefined ? { ...state.household, balance: receipt.balanceAfter } : state.household
  const goods = state.goods.map((g) => (g.id === receipt.goodId ? { ...g, stock: (g.stock ?? 0) - (receipt.quantity ?? 0) } : g))
  return { ...state, phase: 'receipt', receipt, household, goods, confirmCancel: false }
}

/** After a cancellation: the receipt marked cancelled, the points back on the household, the stock back on the shelf. */
export function cancelled(state: CounterState, receipt: Receipt): CounterState {
  const r = state.receipt!
  const household = state.household && { ...state.household, balance: state.household.balance + (r.points ?? 0) }
  const goods = state.goods.map((g) => (g.id === r.goodId ? { ...g, stock: (g.stock ?? 0) + (r.quantity ?? 0) } : g))
  return { ...state, household, goods, confirmCancel: false, receipt: { ...r, ...receipt, status: 'CANCELLED' } }
}

/** Whether a redemption may still be cancelled at the counter (the server's window; it decides in the end). */
export function cancellable(receipt: Receipt | undefined, now: Date, windowMinutes = 30): boolean {
  if (!receipt?.redeemedAt || receipt.status === 'CANCELLED') return false
  return now.getTime() - new Date(receipt.redeemedAt).getTime() < windowMinutes * 60_000
}

/** The receipt's lines as printed (zh-CN labels: the slip is handed to the resident). */
export function receiptLines(r: Receipt, householdLabel: string | undefined, formatTime: (iso: string) => string): [string, string][] {
  return [
    ['超市', r.storeName ?? r.storeId ?? ''],
    ['住户', householdLabel ?? r.householdId ?? ''],
    ['商品', `${r.goodName ?? r.goodId ?? ''} × ${r.quantity ?? 0}`],
    ['扣减积分', String(r.points ?? 0)],
    ['剩余积分', r.balanceAfter === undefined ? '' : String(r.balanceAfter)],
    ['时间', r.redeemedAt ? formatTime(r.redeemedAt) : ''],
    ['经办人', r.clerk ?? ''],
    ['单号', r.id ?? ''],
    ...(r.status === 'CANCELLED' ? ([['状态', '已撤销']] as [string, string][]) : []),
  ]
}

/** China time, as a receipt shows it: 2026-11-25 17:08. */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}
