import type { Category, Criterion, DemandStatus, ProjectStatus, ResourceKind } from '../model'

/**
 * The three lists' words (三张清单). Every label table is typed against the value list it names, so a value added to
 * the model breaks the build until it is named here; the console's selects list these tables' keys.
 */
export default {
  menu: { demands: '需求清单', resources: '资源清单', projects: '项目清单', matching: '匹配看板', indicators: '清单指标' },
  category: {
    CARE: '爱心认领', LABOUR: '义务劳动', INFO: '信息咨询', MEDIATION: '矛盾调处', WISH: '微心愿', CLINIC: '义诊', LEGAL: '法律援助',
    FINANCE: '金融进万家', HEALTH: '健康伴你行', ENVIRONMENT: '环境整治', ELDERLY: '助老助残', CULTURE: '文化活动', PATROL: '治安巡逻',
  } satisfies Record<Category, string>,
  categoryGroup: { resident: '群众点单', service: '共建服务', governance: '基层治理' },
  demandStatus: {
    OPEN: '待认领', CLAIMED: '已认领', MATCHED: '已派单', DONE: '已完成', CLOSED: '已评价办结', CANCELLED: '已撤销',
  } satisfies Record<DemandStatus, string>,
  projectStatus: { PLANNED: '计划中', IN_PROGRESS: '实施中', DONE: '已完成', EVALUATED: '已评估', CANCELLED: '已取消' } satisfies Record<ProjectStatus, string>,
  resourceKind: { UNIT: '共建单位', MEMBER: '党员', TEAM: '志愿服务队' } satisfies Record<ResourceKind, string>,
  resourceStatus: { ACTIVE: '可用', WITHDRAWN: '已撤回' },
  source: { PHONE: '群众点单', VISIT: '入户走访', IMPORT: '批量导入' },
  urgency: { 1: '不急', 2: '一般', 3: '较急', 4: '紧急', 5: '非常紧急' } as Record<number, string>,
  criterion: { CATEGORY: '类别', SKILL: '技能', PROXIMITY: '距离', TIME: '时间', URGENCY: '紧急程度' } satisfies Record<Criterion, string>,
  explain: {
    CATEGORY: { full: '服务类别相符', none: '服务类别不同' },
    SKILL: { full: '所需技能全部具备', part: '具备部分所需技能（{pct}%）', none: '不具备所需技能' },
    PROXIMITY: { full: '就在同一网格', community: '在同一社区', street: '在同一街道', part: '距离较近（{pct}%）', none: '不在同一街道' },
    TIME: { full: '服务时间完全吻合', part: '服务时间部分重叠（{pct}%）', none: '服务时间不重叠' },
    URGENCY: { full: '需求非常紧急，优先安排', part: '需求{level}', none: '需求不急' },
    share: '{what}：{words}，占总分 {share}%',
    lead: '主要因为{what}',
  },
  filter: {
    category: '类别', grid: '网格', status: '状态', urgency: '紧急程度', atLeast: '不低于{label}', all: '全部', under: '范围', search: '查询',
  },
  demand: {
    title: '需求', category: '类别', grid: '所在网格', urgency: '紧急程度', status: '状态', window: '服务时间', skills: '所需技能',
    source: '来源', publishedAt: '发布时间', claimant: '认领人', description: '说明', households: '受益住户', anytime: '时间不限',
    create: '新增需求', created: '已新增需求：{title}', export: '导出 Excel', import: '导入 Excel', total: '本页 {n} 条',
    done: '标记完成', doneNote: '完成情况', cancel: '撤销', cancelReason: '撤销原因', feedback: '评价', rating: '满意度', comment: '评价内容',
    feedbackGiven: '{rating} 星：{comment}', detail: '需求详情', claimedVia: { CLAIM: '秒认领', MATCHING: '匹配派单' }, minutes: '{n} 分钟后认领',
  },
  import: {
    title: '批量导入需求', template: '下载模板', hint: '一行一条需求，第一行为表头；类别、网格用名称或编码均可', drop: '将 Excel 文件拖到此处，或', pick: '点击选择',
    start: '开始导入', row: '行号', result: '结果', ok: '可导入', failed: '有误', noFile: '请先选择文件', fixFirst: '共 {n} 行有误，请改正后再导入（一行也未导入）',
    summary: '共 {total} 行：新增 {created} 条，已导入过 {existing} 条', serverRefused: '服务器拒绝了以下行（一行也未导入）',
    resourceTitle: '批量导入资源', resourceHint: '一行一个资源，第一行为表头；类型、类别、节点用名称或编码均可，多项用顿号分隔',
  },
  resource: {
    name: '名称', kind: '类型', node: '所在', covers: '服务范围', categories: '服务类别', skills: '技能', capacity: '每月可承接', taken: '本月已承接',
    available: '可服务时间', owner: '负责人', status: '状态', export: '导出 Excel', create: '登记资源', edit: '修改', editTitle: '修改资源：{name}',
    import: '导入 Excel', saved: '已保存资源：{name}', hours: '每月可服务时长', hoursHint: '小时，仅供参考；承接以每月可承接的需求数计',
  },
  project: {
    title: '项目', category: '类别', owner: '牵头单位', theme: '主题', schedule: '时间', budget: '预算（元）', participants: '参与人', hours: '服务时长（小时）',
    beneficiaries: '受益住户', beneficiariesHint: '本社区住户（默认带出所含需求的受益户）',  summary: '成效', start: '开始实施', complete: '完成', evaluate: '评估', create: '新建项目', published: '发布给共建单位认领',
    addParticipant: '添加参与人', login: '账号', completeTitle: '完成项目：{title}', evaluateTitle: '评估项目：{title}', rating: '评分', comment: '评语',
    none: '暂无', totalHours: '共 {n} 小时', demands: '包含需求', export: '导出 Excel', saved: '已保存', moved: '{title} → {status}',
    photos: '成果照片', photosHint: '最多 9 张，JPG、PNG 或 WebP，每张不超过 5 MB；保存时去除拍摄位置', photoType: '只能上传 JPG、PNG 或 WebP 图片',
    photoSize: '每张照片不超过 5 MB', photoCount: '成果照片（{n}）', photosTitle: '{title} 的成果照片',
    edit: '修改', editTitle: '修改项目：{title}', publish: '发布', unpublish: '撤回发布', publishedTag: '已发布', picks: '认领',
    changed: '项目已被他人修改或认领，已刷新，请重新操作', cancel: '取消项目', cancelReason: '取消原因', resources: '包含资源',
    demandsHint: '本社区待认领的需求', resourcesHint: '本社区的可用资源', cancelled: '已取消项目：{title}',
  },
  matching: {
    node: '匹配范围', run: '运行匹配', runHint: '对范围内所有待认领需求和可用资源求总匹配度最高的分配（每个资源不超过本月剩余承接量）',
    batch: '批次', createdAt: '时间', summary: '{demands} 条需求 × {resources} 个资源，{candidates} 条候选，建议 {pairs} 对，总匹配度 {total}',
    demand: '需求', resource: '资源', fit: '匹配度', breakdown: '得分构成', why: '为什么这样匹配', decision: '处理',
    acceptShown: '接受已显示的（{n}）', acceptSelected: '接受所选（{n}）', reject: '拒绝', edit: '改派', accept: '接受', editTitle: '改派：{title}', editSave: '改派给所选资源',
    decided: { ACCEPTED: '已接受', REJECTED: '已拒绝', FAILED: '未成功' }, unmatched: '未能匹配的需求（{n}）', noCandidate: '其中 {n} 条没有可承接的资源', reason: { NO_CANDIDATE: '没有覆盖该网格、提供该类服务且本月仍有余量的资源', CAPACITY_TAKEN: '可承接的资源已分给总匹配度更高的配对' },
    gridFilter: '只看某社区或网格', shown: '已显示 {shown} / {total} 对', more: '加载更多',
    result: '已接受 {accepted} 对，拒绝 {rejected} 条，未成功 {failed} 对', noBatch: '尚未运行匹配', weights: '权重', saveWeights: '保存权重（下次匹配起生效）', history: '历史批次',
  },
  indicators: {
    month: '月份', total: '需求总数', matchRate: '匹配率', medianClaim: '认领用时中位数', utilisation: '资源利用率', byCategory: '按类别',
    byGrid: '按网格', byStatus: '按状态', claimTime: '认领用时分布', minutes: '{n} 分钟', within: '{n} 分钟内', longer: '更久', none: '—',
    capacity: '本月承接 {taken} / {capacity}',
  },
  m: {
    need: '我要点单', wish: '微心愿', mine: '我的需求', open: '党员接单', claims: '我的认领',
    title: '需求标题', titleHint: '一句话说明需要什么帮助', wishHint: '例如：想要一套儿童绘本', description: '详细说明', grid: '所在网格',
    urgency: '紧急程度', when: '希望时间', submit: '提交', submitted: '已提交，网格员和党员会尽快响应', category: '类别',
    claim: '认领', claimFirst: '认领成功！这条需求由你负责', claimLost: '手慢了：这条需求已被其他人认领', claimNoResource: '认领前请先登记一次：你能提供的服务和每月可承接的件数', offer: '登记志愿服务', offerSkills: '我的技能（逗号分隔）', offerCapacity: '每月可承接', offered: '已登记，可以认领了',
    markDone: '已完成', doneOk: '已标记完成，等待居民评价', close: '评价并办结', closed: '感谢评价，需求已办结', rating: '满意度', comment: '说点什么（可选）',
    empty: '暂无', noGrid: '账号未关联住址，请选择网格', status: '状态', claimedAt: '认领于 {time}',
    openProjects: '可认领项目', myProjects: '我的项目', budget: '预算', yuan: '{n} 元', demandCount: '{n} 项', pick: '认领项目',
    pickWith: '用哪项资源认领', pickNoResource: '本单位暂无可用资源，请先在资源清单登记', pickOk: '认领成功，已加入我的项目',
    pickedByUs: '本单位已认领（{names}）', pickedWith: '认领资源', cancel: '取消',
  },
}
