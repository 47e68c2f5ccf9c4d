export default {
  app: { title: '红网格', subtitle: '党建引领网格化基层治理' },
  nav: { dashboard: '工作台', tree: '网格树', people: '人员', units: '共建单位', import: '批量导入', logout: '退出登录', language: 'English' },
  login: {
    title: '登录红网格',
    username: '用户名',
    password: '密码',
    submit: '登录',
    demo: '演示账号（密码 redgrid-demo）',
    oidc: '使用统一身份认证登录',
    failed: '登录失败',
  },
  state: { loading: '加载中…', empty: '暂无数据', error: '加载失败', retry: '重试' },
  level: { DISTRICT: '区', STREET: '街道', COMMUNITY: '社区', GRID: '网格', SPECIAL_GRID: '专属网格', BUILDING: '楼栋/微网格' },
  position: {
    GRID_LEADER: '网格长', GRID_WORKER: '网格员', BUILDING_LEADER: '楼栋长', PARTY_MEMBER: '党员', SINKING_CADRE: '下沉干部', VOLUNTEER: '志愿者',
  },
  dashboard: { grids: '网格数', households: '住户数', byCommunity: '各社区网格与住户', scope: '管辖范围' },
  tree: { detail: '节点详情', code: '编码', name: '名称', level: '层级', status: '状态', households: '住户数', map: '网格边界', noBoundary: '该节点未绘制边界', path: '路径' },
  people: {
    under: '所在节点', position: '岗位', all: '全部', search: '查询', name: '姓名', phone: '电话', node: '节点', posts: '岗位',
    detail: '人员详情', idNumber: '身份证号', reveal: '查看完整信息', reason: '查看事由', revealPrompt: '请填写查看完整个人信息的事由（将被记录）',
    export: '导出 Excel', more: '加载更多', masked: '已脱敏', party: '党员类型', employer: '工作单位',
  },
  units: { name: '单位名称', kind: '类别', node: '结对节点', contacts: '联系人' },
  import: {
    title: '批量导入人员', template: '下载模板', choose: '选择 Excel 文件', start: '开始导入', row: '行号', result: '结果', ok: '成功', failed: '失败',
    summary: '共 {total} 行：成功 {ok} 行，失败 {failed} 行', invalidRows: '以下行未通过校验，未导入', noFile: '请先选择文件',
  },
  validation: { required: '{field}必填', phone: '电话号码格式不正确', idNumber: '身份证号须为 18 位' },
  mobile: {
    title: '居民服务', myRecord: '我的信息', largeText: '长辈模式（大字高对比）', login: '登录', logout: '退出', name: '姓名', phone: '电话',
    home: '居住网格', notLinked: '账号尚未关联居民信息，请联系社区',
  },
}
