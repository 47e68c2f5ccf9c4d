import type { components } from '../../../api/schema'

type S = components['schemas']

/**
 * The directory's words. The labels of each API enum are typed against the generated schema, so a value the API adds
 * or drops breaks the build until it is named here; the console's value lists are these labels' keys (values.ts).
 */
export default {
  menu: { dashboard: '工作台', tree: '网格树', people: '人员', households: '住户', units: '共建单位', import: '批量导入' },
  level: { DISTRICT: '区', STREET: '街道', COMMUNITY: '社区', GRID: '网格', SPECIAL_GRID: '专属网格', BUILDING: '楼栋/微网格' } satisfies Record<S['NodeLevel'], string>,
  position: {
    GRID_LEADER: '网格长', GRID_WORKER: '网格员', BUILDING_LEADER: '楼栋长', PARTY_MEMBER: '党员', SINKING_CADRE: '下沉干部', VOLUNTEER: '志愿者',
  } satisfies Record<S['PositionType'], string>,
  partyStatus: { IN_SERVICE: '在职党员', RETIRED: '退休党员', FLOATING: '流动党员' } satisfies Record<S['PartyStatus'], string>,
  gender: { MALE: '男', FEMALE: '女' } satisfies Record<S['Gender'], string>,
  nodeStatus: { ACTIVE: '正常', RETIRED: '已撤销' } satisfies Record<S['NodeStatus'], string>,
  dashboard: {
    title: '{name} · 工作台', people: '人员', partyMembers: '党员', households: '住户', units: '共建单位', todos: '待办',
    noTodos: '暂无待办', todoNoHouseholds: '{name}尚未登记住户', todoNoPeople: '{name}尚未登记人员',
    breakdown: '下级{level}人员与住户', perNode: '按下级节点', scope: '管辖范围',
  },
  tree: {
    detail: '节点详情', code: '编码', name: '名称', level: '层级', status: '状态', households: '住户数', householdCount: '{n} 户', people: '人数', partyMembers: '党员数',
    map: '网格边界', noBoundary: '该节点未绘制边界', path: '路径',
  },
  people: {
    position: '岗位', all: '全部', search: '查询', name: '姓名', nameFilter: '在本页按姓名筛选', phone: '电话', gender: '性别', home: '居住地',
    posts: '岗位', party: '党员类型', employer: '工作单位', idNumber: '身份证号', detail: '人员详情', reveal: '查看完整信息',
    revealPrompt: '请填写查看完整个人信息的事由（将被记录）', masked: '已脱敏', total: '共 {total} 人', selectNode: '请在左侧选择节点',
    columns: '列设置', create: '新增人员', edit: '编辑', save: '保存', cancel: '取消', saved: '已保存', created: '已新增 {name}',
    exportSelected: '导出所选（{n}）', export: '导出本页', assign: '分配岗位（{n}）', assignTitle: '为所选 {n} 人分配岗位',
    assignNode: '岗位所在节点', assignDone: '已分配 {ok} 人，失败 {failed} 人', homeNode: '居住节点', none: '无',
    duplicate: '身份证号已登记', duplicateOpen: '查看已登记的人员',
  },
  households: { address: '住址', label: '户名', node: '所在网格', total: '住户共 {total} 户' },
  units: { name: '单位名称', kind: '类别', node: '结对节点', contacts: '联系人' },
  import: {
    title: '批量导入人员', template: '下载模板', templateHint: '按模板填写：一行一人，第一行为表头', drop: '将 Excel 文件拖到此处，或', pick: '点击选择',
    start: '开始导入', row: '行号', result: '结果', ok: '成功', failed: '失败', duplicate: '重复',
    summary: '共 {total} 行：成功 {ok} 行，失败 {failed} 行（其中重复 {duplicates} 行）', noFile: '请先选择文件',
    duplicateInFile: '与第 {row} 行的身份证号重复', duplicateOnServer: '身份证号已登记',
  },
}
