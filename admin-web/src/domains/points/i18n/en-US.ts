import type zh from './zh-CN'

const en: typeof zh = {
  menu: {
    dashboard: 'Points dashboard', rules: 'Point rules', awards: 'Awards', inspection: 'Inspections', stores: 'Stores & goods', counter: 'Counter',
    ledger: 'Ledgers', reports: 'Points reports',
  },
  community: 'Community',
  kind: { INSPECTION: 'Clean household', SERVICE_HOUR: 'Volunteer service (per hour)', PROJECT_HOUR: 'Project work (per hour)', PROJECT: 'Project beneficiary', MANUAL: 'Manual award' },
  entryKind: { AWARD: 'Issued', REDEMPTION: 'Redeemed', EXPIRY: 'Expired', REVERSAL: 'Reversal' },
  common: {
    save: 'Save', cancel: 'Cancel', add: 'Add', saved: 'Saved', refresh: 'Refresh', month: 'Month', year: 'Year', grid: 'Grid', household: 'Household',
    points: 'Points', reason: 'Reason', time: 'Time', status: 'Status', actions: 'Actions', none: 'None', more: 'Load more',
  },
  rules: {
    title: 'Rule catalogue', create: 'New rule', edit: 'Edit', kind: 'Kind', name: 'Name', points: 'Points', monthlyCap: 'Monthly cap per household',
    threshold: 'Passing total', maxScore: 'Top score per criterion', active: 'Active', version: 'Version', changedBy: 'Changed by', changedAt: 'Changed at',
    versions: 'Versions', noCap: 'No cap', settings: 'Community settings', approvalThreshold: 'Approval threshold', issuingLimit: 'Issuing limit',
    householdMonthlyCap: 'Household monthly cap', expiryMonths: 'Expiry (months after the year ends)', never: 'Never', versionConflict: 'Someone changed the rule; read again',
  },
  awards: {
    title: 'Award points', household: 'Household', node: 'Grid', points: 'Points', reason: 'Reason', rule: 'Award category', submit: 'Award',
    posted: '{n} points awarded', pending: 'Above the threshold: waiting for approval', queue: 'Waiting for a second person\'s approval', approve: 'Approve',
    approved: 'Approved', awardedBy: 'Awarded by', awardedAt: 'Awarded at', empty: 'Nothing waits for approval', openAccount: 'Open an account', accountOpened: 'Account opened',
    pickNode: 'Grid or building', pickHousehold: 'Household',
  },
  inspection: {
    title: 'Monthly inspection sheet', open: 'Open the sheet', publish: 'Publish', published: 'Published', status: { OPEN: 'Scoring', PUBLISHING: 'Publishing', PUBLISHED: 'Published' },
    total: 'Total', clean: 'Clean household', threshold: 'Pass at {n}', publishConfirm: 'Publishing freezes the scores and awards the clean households. Publish?',
    cleanList: 'Clean households this month', scoreHint: 'Arrow keys or Tab move; type a score and press Enter to save', pointsPosted: '+{n}', capped: 'Capped',
    noSheet: 'No sheet for this grid and month yet', saved: '{name} saved',
  },
  stores: {
    title: 'Points stores', create: 'Open a store', name: 'Store', node: 'Node', goods: 'Goods', good: 'Good', price: 'Points',
    stock: 'Stock', restock: 'Restock', restockQuantity: 'Quantity', addGood: 'Add a good', sales: 'Sales, last 12 months', quantity: 'Items',
    redemptions: 'Redemptions', noStore: 'No store in this community yet',
  },
  counter: {
    store: 'Store', scan: 'Scan the points code or type a household code or name, then Enter', balance: 'Balance', price: '{n} pts', stock: 'Stock {n}',
    cannot: 'Not enough points or stock', pressEnter: 'Enter to redeem', done: 'Redeemed: {n} points', cancelled: 'Cancelled: points and stock returned',
    noneFound: 'Nothing found for "{q}"', noStore: 'No store you may serve', confirmCancel: 'Cancel this redemption? Enter confirms, Esc goes back',
    receiptTitle: 'Points redemption receipt', receiptFoot: 'Cancellable within 30 minutes with this receipt',
    keys: {
      scan: 'Scan or type, then Enter', households: 'Digit chooses the household · Esc back', goods: 'Digit chooses · +/− quantity · Enter redeems · Esc back',
      receipt: 'P print · Delete cancel · Enter next', receiptFinal: 'P print · Enter next',
    },
  },
  ledger: {
    communityChain: 'Check every chain', communityChainOk: 'All {n} account chains intact', communityChainBroken: '{n} accounts broken: {accounts}', 
    title: 'Household ledger', account: 'Account', balance: 'Balance', sequence: 'No.', kind: 'Kind', amount: 'Amount', balanceAfter: 'Balance after',
    memo: 'Memo', rule: 'Rule', chain: 'Hash chain check', chainOk: 'Chain intact ({n} lines checked)', chainBroken: 'Broken from line {at}: {problem}',
    trial: 'Community trial balance', issued: 'Issued', redeemed: 'Redeemed', expired: 'Expired', outstanding: 'Held by households', storesHeld: 'Store takings',
    budget: 'Issuing account', balanced: 'Balanced', unbalanced: 'Not balanced', noAccount: 'This household has no points account', reverse: 'Reverse',
  },
  reports: {
    title: 'Points reports', leaderboard: 'Grid leaderboard', rank: 'Rank', earned: 'Earned this year', sales: 'Store sales', monthly: 'Monthly report',
    export: 'Export Excel', byKind: 'By source', byRule: 'By rule', byGrid: 'By grid', issued: 'Issued', redeemed: 'Redeemed', expired: 'Expired',
    series: 'Issued, redeemed and expired, last 12 months', trial: 'Trial balance',
  },
  m: {
    mine: 'My points', qr: 'Points code', goods: 'Points store', balance: 'Balance', history: 'History', showQr: 'Show this code at the points store',
    refreshes: 'Refreshes in {s} s', notLinked: 'Your account is not linked to a household yet; ask your community', noGoods: 'No goods yet', unavailable: 'Goods cannot be shown yet',
  },
}

export default en
