/** The shell's own words (login, layout, states, resident pages); each domain brings its own under src/domains/<domain>/i18n. */
export default {
  app: { title: '红网格', subtitle: '党建引领网格化基层治理' },
  nav: { logout: '退出登录', language: 'English', menu: '菜单', collapse: '收起菜单', expand: '展开菜单', forbidden: '你的账号没有打开这个页面的权限' },
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
  redirect: {
    toMobile: '管理后台供街道、社区和网格的工作人员使用；你的账号是居民账号，已为你打开居民服务页面。',
    toConsole: '手机页面里没有你的账号能用的功能；你的账号是工作人员账号，已为你打开管理后台。',
  },
  mobile: {
    title: '居民服务', myRecord: '我的信息', largeText: '长辈模式（大字高对比）', login: '登录', logout: '退出', name: '姓名', phone: '电话',
    home: '住址', notLinked: '账号尚未关联居民信息，请联系社区', services: '我的服务', back: '返回',
  },
}
