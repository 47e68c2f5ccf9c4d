import type zh from './zh-CN'

const en: typeof zh = {
  app: { title: 'RedGrid', subtitle: 'Party-led community grid governance' },
  nav: { logout: 'Log out', language: '中文', menu: 'Menu', collapse: 'Collapse menu', expand: 'Expand menu', forbidden: 'Your account may not open this page' },
  login: {
    title: 'Sign in to RedGrid',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    demo: 'Demo accounts (password redgrid-demo)',
    oidc: 'Sign in with single sign-on',
    failed: 'Sign-in failed',
  },
  state: { loading: 'Loading…', empty: 'No data', error: 'Could not load', retry: 'Retry' },
  redirect: {
    toMobile: 'The console is for street, community and grid staff; your account is a resident account, so the resident pages were opened for you.',
    toConsole: 'The phone pages hold nothing your staff account can use, so the console was opened for you.',
  },
  mobile: {
    title: 'Resident services', myRecord: 'My record', largeText: 'Senior mode (large text, high contrast)', login: 'Sign in', logout: 'Sign out',
    name: 'Name', phone: 'Phone', home: 'Home address',
    notLinked: 'Your account is not linked to a resident record yet; please contact your community',
    services: 'My services', back: 'Back',
  },
}

export default en
