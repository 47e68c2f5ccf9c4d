import type zh from './zh-CN'

const en: typeof zh = {
  app: { title: 'RedGrid', subtitle: 'Party-led community grid governance' },
  nav: { dashboard: 'Dashboard', tree: 'Grid tree', people: 'People', units: 'Partner units', import: 'Import', logout: 'Log out', language: '中文' },
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
  level: { DISTRICT: 'District', STREET: 'Street', COMMUNITY: 'Community', GRID: 'Grid', SPECIAL_GRID: 'Special grid', BUILDING: 'Building' },
  position: {
    GRID_LEADER: 'Grid leader', GRID_WORKER: 'Grid worker', BUILDING_LEADER: 'Building leader', PARTY_MEMBER: 'Party member',
    SINKING_CADRE: 'Sinking cadre', VOLUNTEER: 'Volunteer',
  },
  dashboard: { grids: 'Grids', households: 'Households', byCommunity: 'Grids and households by community', scope: 'Your scope' },
  tree: { detail: 'Node details', code: 'Code', name: 'Name', level: 'Level', status: 'Status', households: 'Households', map: 'Boundary', noBoundary: 'No boundary drawn', path: 'Path' },
  people: {
    under: 'Under node', position: 'Post', all: 'All', search: 'Search', name: 'Name', phone: 'Phone', node: 'Node', posts: 'Posts',
    detail: 'Person', idNumber: 'ID number', reveal: 'Show in full', reason: 'Reason', revealPrompt: 'Why do you need the full personal data? (recorded)',
    export: 'Export Excel', more: 'Load more', masked: 'masked', party: 'Party membership', employer: 'Employer',
  },
  units: { name: 'Unit', kind: 'Kind', node: 'Paired with', contacts: 'Contacts' },
  import: {
    title: 'Import people', template: 'Download template', choose: 'Choose Excel file', start: 'Import', row: 'Row', result: 'Result', ok: 'Imported', failed: 'Failed',
    summary: '{total} rows: {ok} imported, {failed} failed', invalidRows: 'These rows failed validation and were not imported', noFile: 'Choose a file first',
  },
  validation: { required: '{field} is required', phone: 'Invalid phone number', idNumber: 'ID number must have 18 characters' },
  mobile: {
    title: 'Resident services', myRecord: 'My record', largeText: 'Senior mode (large text, high contrast)', login: 'Sign in', logout: 'Sign out',
    name: 'Name', phone: 'Phone', home: 'Home grid', notLinked: 'Your account is not linked to a resident record yet; please contact your community',
  },
}

export default en
