import type { RuleKind } from '../api'
import type { components } from '../../../api/schema'

/** The points domain's words (文明积分与积分超市). */
export default {
  menu: {
    dashboard: '积分看板', rules: '积分规则', awards: '积分奖励', inspection: '卫生检查', stores: '超市商品', counter: '柜台兑换',
    ledger: '积分账本', reports: '积分报表',
  },
  community: '社区',
  kind: { INSPECTION: '清洁户评比', SERVICE_HOUR: '志愿服务（每小时）', PROJECT_HOUR: '项目参与（每小时）', PROJECT: '项目受益', MANUAL: '人工奖励' } satisfies Record<RuleKind, string>,
  entryKind: { AWARD: '发放', REDEMPTION: '兑换', EXPIRY: '过期', REVERSAL: '冲正' } satisfies Record<components['schemas']['EntryKind'], string>,
  common: {
    save: '保存', cancel: '取消', add: '新增', saved: '已保存', refresh: '刷新', month: '月份', year: '年份', grid: '网格', household: '住户',
    points: '积分', reason: '事由', time: '时间', status: '状态', actions: '操作', none: '无', more: '加载更多',
  },
  rules: {
    title: '积分规则目录', create: '新增规则', edit: '修改', kind: '类型', name: '名称', points: '分值', monthlyCap: '每户每月上限',
    threshold: '达标总分', maxScore: '每项满分', active: '启用', version: '版本', changedBy: '修改人', changedAt: '修改时间',
    versions: '历史版本', noCap: '不限', settings: '社区设置', approvalThreshold: '人工奖励审批限额', issuingLimit: '发放额度',
    householdMonthlyCap: '每户每月积分上限', expiryMonths: '积分有效期（年度结束后月数）', never: '永不过期', versionConflict: '规则已被他人修改，已重新读取',
  },
  awards: {
    title: '人工奖励积分', household: '住户', node: '所在网格', points: '积分', reason: '奖励事由', rule: '奖励类别', submit: '发放',
    posted: '已发放 {n} 分', pending: '超过审批限额，已提交待审批', queue: '待审批（超过限额的奖励须由另一人审批）', approve: '审批通过',
    approved: '已审批', awardedBy: '发放人', awardedAt: '发放时间', empty: '没有待审批的奖励', openAccount: '开立积分账户', accountOpened: '已开立账户',
    pickNode: '选择网格或楼栋', pickHousehold: '选择住户',
  },
  inspection: {
    title: '月度卫生检查表', open: '建立检查表', publish: '发布', published: '已发布', status: { OPEN: '评分中', PUBLISHING: '发布中', PUBLISHED: '已发布' },
    total: '总分', clean: '清洁户', threshold: '达标 {n} 分', publishConfirm: '发布后不能再改分，并为清洁户发放积分。确定发布？',
    cleanList: '本月清洁户', scoreHint: '方向键或 Tab 移动，输入分数后回车保存', pointsPosted: '+{n}', capped: '已达上限',
    noSheet: '该网格本月还没有检查表', saved: '已保存 {name}',
  },
  stores: {
    title: '积分超市', create: '开设超市', name: '超市名称', node: '所在节点', goods: '商品', good: '商品名称', price: '所需积分',
    stock: '库存', restock: '补货', restockQuantity: '补货数量', addGood: '上架商品', sales: '近 12 个月销售', quantity: '件数',
    redemptions: '兑换次数', noStore: '本社区还没有积分超市',
  },
  counter: {
    store: '选择超市', scan: '扫描积分码或输入户号、户名，回车查询', balance: '可用积分', price: '{n} 分', stock: '库存 {n}',
    cannot: '积分或库存不足', pressEnter: '回车兑换', done: '兑换成功，扣减 {n} 分', cancelled: '已撤销，积分与库存已退回',
    noneFound: '没有找到“{q}”', noStore: '没有可服务的积分超市', confirmCancel: '撤销这笔兑换？回车确认，Esc 返回',
    receiptTitle: '积分兑换小票', receiptFoot: '凭此小票 30 分钟内可撤销',
    keys: {
      scan: '扫码或输入后回车', households: '数字键选择住户 · Esc 返回', goods: '数字键选商品 · +/− 数量 · 回车兑换 · Esc 返回',
      receipt: 'P 打印 · Delete 撤销 · 回车下一位', receiptFinal: 'P 打印 · 回车下一位',
    },
  },
  ledger: {
    communityChain: '全社区哈希链校验', communityChainOk: '{n} 个账户哈希链全部完整', communityChainBroken: '{n} 个账户断裂：{accounts}', 
    title: '住户积分账本', account: '账户', balance: '余额', sequence: '序号', kind: '类型', amount: '变动', balanceAfter: '变动后余额',
    memo: '摘要', rule: '规则', chain: '哈希链校验', chainOk: '哈希链完整（校验 {n} 条）', chainBroken: '第 {at} 条起断裂：{problem}',
    trial: '社区试算平衡', issued: '已发放', redeemed: '已兑换', expired: '已过期', outstanding: '住户持有', storesHeld: '超市收入',
    budget: '发放账户', balanced: '借贷平衡', unbalanced: '不平衡', noAccount: '该住户还没有积分账户', reverse: '冲正',
  },
  reports: {
    title: '积分报表', leaderboard: '网格积分排行', rank: '名次', earned: '年度获得', sales: '超市销售', monthly: '月度报表',
    export: '导出 Excel', byKind: '按来源', byRule: '按规则', byGrid: '按网格', issued: '发放', redeemed: '兑换', expired: '过期',
    series: '近 12 个月发放、兑换与过期', trial: '试算平衡',
  },
  m: {
    mine: '我的积分', qr: '积分码', goods: '积分超市', balance: '当前积分', history: '积分明细', showQr: '到积分超市出示此码',
    refreshes: '{s} 秒后自动刷新', notLinked: '账号尚未关联住户，请联系社区', noGoods: '暂无商品', unavailable: '暂不能查看超市商品',
  },
}
