import type { components } from '../../../api/schema'

/**
 * The check-in domain's words (报到打卡). Value lists (statuses, leave types, grades, service categories) are the keys
 * of these label tables (values.ts).
 */
export default {
  menu: {
    registrations: '报到审核', board: '亮身份公示', attendance: '考勤日历', ledger: '服务台账', evaluation: '年终考评', employer: '本单位报到', employers: '单位排名', calendar: '工作日历',
  },
  m: {
    register: '在职党员报到', clock: '打卡', service: '登记服务', mine: '我的服务', leave: '请销假', confirm: '服务确认',
  },
  status: { PENDING: '待确认', CONFIRMED: '已报到', REJECTED: '已退回' },
  leaveType: { PERSONAL: '事假', SICK: '病假', ANNUAL: '年休假', OFFICIAL: '公出', OTHER: '其他' },
  leaveStatus: { PENDING: '待审批', APPROVED: '已批准', REJECTED: '未批准', CANCELLED: '已撤销', CLOSED: '已销假' } satisfies Record<components['schemas']['LeaveStatus'], string>,
  grade: { GOOD: '好', FAIRLY_GOOD: '较好', AVERAGE: '一般', POOR: '差' },
  criterion: { HOURS: '服务时长', RECORDS: '服务次数', ATTENDANCE: '出勤率', RATING: '群众评价' },
  category: {
    CARE: '爱心认领', LABOUR: '义务劳动', INFO: '信息咨询', MEDIATION: '矛盾调处', WISH: '微心愿', CLINIC: '义诊', LEGAL: '法律援助',
    FINANCE: '金融进万家', HEALTH: '健康伴你行', ENVIRONMENT: '环境整治', ELDERLY: '助老助残', CULTURE: '文化活动', PATROL: '治安巡逻',
  },
  common: {
    node: '节点', grid: '网格', month: '月份', quarter: '季度', year: '年度', name: '姓名', employer: '工作单位', home: '居住楼栋', phone: '电话',
    skills: '特长', availability: '可服务时间', status: '状态', reason: '理由', actions: '操作', confirm: '确认', reject: '退回', cancel: '取消',
    submit: '提交', save: '保存', print: '打印', export: '导出 Excel', selectNode: '请在左侧选择网格或楼栋', selectGrid: '请在左侧选择网格',
    hours: '{h} 小时', minutes: '分钟', day: '日期', content: '内容', category: '类别', member: '人员', total: '合计', none: '无', done: '已完成',
    refresh: '刷新', approve: '批准', rejectReason: '请填写退回理由（将告知本人）', reasonRequired: '请填写理由', saved: '已保存',
  },
  registrations: {
    tally: '待确认 {pending} · 已报到 {confirmed} · 已退回 {rejected}', confirmed: '已确认 {name} 报到', rejected: '已退回 {name} 的报到',
    rejectTitle: '退回 {name} 的报到', submittedAt: '提交时间', reviewedBy: '审核人',
  },
  board: {
    title: '{name} · 在职党员亮身份', subtitle: '共 {n} 名党员在本{level}报到，欢迎居民群众监督', members: '报到党员', printedAt: '公示日期 {day}',
    noPhone: '—', gridLevel: '网格', buildingLevel: '楼栋',
  },
  attendance: {
    title: '{grid} · {month} 考勤', workingDays: '应出勤 {n} 天', present: '出勤', partial: '未签退', missed: '缺勤', leave: '请假', outside: '网格外打卡',
    weekend: '休息日', future: '未到', legend: '图例', anomalies: '异常', anomaly: '{name}：缺勤 {missed} 天，网格外打卡 {outside} 次',
    noAnomalies: '本月无异常', pendingLeave: '待审批请假', leaveFrom: '起', leaveTo: '止', leaveDays: '{n} 天', approved: '已批准', rejectedLeave: '已不批准',
    rejectLeaveTitle: '不批准 {name} 的请假', in: '签到', out: '签退', notYet: '考勤日历将在后端提供网格月度考勤后显示',
  },
  ledger: {
    title: '{grid} · {quarter} 服务台账', verify: '核实', verified: '已核实', unverified: '待核实', verifiedVia: { LEADER: '网格长核实', BENEFICIARY: '受益户确认' },
    verifiedOk: '已核实', households: '受益户', photos: '照片', publish: '发布本季度公示', published: '已于 {at} 公示', publishConfirm: '公示后本季度台账冻结，确定发布 {quarter}？',
    publication: '季度公示', totalHours: '合计 {h} 小时 · 已核实 {n} 条', notPublished: '本季度尚未公示', rating: '评价',
  },
  evaluation: {
    title: '{community} · {year} 年度考评', rules: '考评规则', weights: '权重', targets: '满分标准', cutoffs: '等次分数线', rulesVersion: '规则版本 {v}',
    defaults: '（默认规则）', propose: '生成考评建议', finalise: '定稿', finaliseConfirm: '定稿后不可再调整，确定将 {year} 年度考评定稿？', proposed: '建议中', final: '已定稿',
    score: '得分', proposedGrade: '建议等次', grade: '评定等次', overridden: '已调整', override: '调整等次', overrideTitle: '调整 {name} 的等次',
    overrideReason: '调整理由（将记入审计）', breakdown: '得分构成', value: '实际', target: '标准', weight: '权重', contribution: '得分',
    notice: '考评通知', noticeTitle: '在职党员进社区年度考评结果通知', noticeBody: '{employer}：\n贵单位在职党员 {name} 同志于 {year} 年度在{community}报到服务，累计服务 {hours} 小时、{records} 次，经社区考评，等次为：',
    noticeSign: '{community}（盖章）', overrides: '调整记录', none: '尚未生成考评建议', members: '人数', hours: '服务时长', records: '服务次数',
    good: '好 ≥', fairlyGood: '较好 ≥', average: '一般 ≥', attendanceRate: '出勤率', rating: '评分',
  },
  employers: {
    roster: '花名册', upload: '上传花名册', uploadHint: 'Excel 第一行为表头：姓名、手机号码、职务；一行一人。上传将替换原花名册。', template: '下载模板',
    uploaded: '已上传：共 {rows} 人，新增 {added}，移除 {removed}，变更 {changed}', rowErrors: '以下行有误，花名册未上传', row: '行号', post: '职务',
    registered: '已报到', notRegistered: '未报到', community: '报到社区', rate: '报到率', rostered: '花名册人数', confirmed: '已确认', staff: '本单位人员',
    ranking: '单位排名', rank: '名次', participationRate: '参与率', score: '得分', registry: '单位名录', code: '单位代码', grades: '年度考评结果', contact: '联系人',
  },
  phone: {
    required: '必填',
    registerIntro: '在职党员到居住地社区报到，亮身份、作表率。提交后由社区确认。', employerCode: '单位代码', employerName: '工作单位', home: '居住楼栋或网格',
    pickHome: '请选择', showPhone: '在公示栏显示我的电话', skills: '特长（用逗号分隔）', availability: '可服务时间（如 周末上午）', submitted: '已提交，等待社区确认',
    myRegistration: '我的报到', locationWhy: '打卡需要获取你此刻的位置，用于确认你在所负责的网格内。位置只在打卡时读取一次，随打卡记录保存，不会持续追踪。',
    allowLocation: '允许并打卡', locating: '正在定位…', clockIn: '上班打卡', clockOut: '下班打卡', clockedIn: '打卡成功 {at}', refused: '打卡未成功',
    locationDenied: '无法获取位置：请在浏览器或系统设置中允许本页面使用位置信息后重试', locationFailed: '定位失败：{message}', grid: '打卡网格', today: '今日打卡',
    serviceDay: '服务日期', minutes: '服务时长（分钟）', content: '服务内容', households: '受益户编号（可选，用逗号分隔）', photos: '现场照片（最多 9 张）',
    keepLocation: '保留照片中的拍摄位置', keepLocationHint: '默认会去除照片里的位置信息', logged: '已登记，待网格长核实', photoType: '只能上传 JPG、PNG 或 WebP 图片',
    photoSize: '每张照片不超过 5 MB', uploading: '正在上传照片…', monthHours: '本月已核实', yearHours: '本年已核实', records: '我的服务记录', pending: '待核实',
    evaluation: '我的年度考评', leaveFrom: '开始日期', leaveTo: '结束日期', leaveType: '请假类型', leaveReason: '事由', requestLeave: '提交请假',
    myLeave: '我的请假', cancelLeave: '撤销/销假', leaveSent: '已提交，等待审批', toConfirm: '为我家提供的服务', confirmService: '确认已服务',
    rating: '评价', comment: '留言（可选）', confirmedThanks: '已确认，谢谢！', alreadyConfirmed: '已确认', noServices: '暂无需要确认的服务', notRegistered: '尚未报到',
    notGridStaff: '你没有可打卡的网格', pickDate: '选择日期',
  },
  workCalendar: {
    selectDistrict: '请在左侧选择区', set: '已设置（第 {v} 版）', notSet: '未设置：按周一至周五计算工作日',
    holiday: '节假日', workday: '调休上班', kind: '类型', name: '名称', namePlaceholder: '如：春节、国庆节调休', remove: '移除',
    none: '尚未标注节假日或调休', month: '{m} 月', conflict: '工作日历已被他人修改，已为您重新载入，请核对后再保存',
    hint: '点击工作日标为节假日，点击周六、周日标为调休上班日，再次点击恢复；保存后考勤与年终考评按此计算应出勤日。',
    week: { mon: '一', tue: '二', wed: '三', thu: '四', fri: '五', sat: '六', sun: '日' },
  },
}
