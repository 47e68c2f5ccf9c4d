import type zh from './zh-CN'

const en: typeof zh = {
  menu: { dashboard: 'Dashboard', tree: 'Grid tree', people: 'People', households: 'Households', units: 'Partner units', import: 'Import' },
  level: { DISTRICT: 'District', STREET: 'Street', COMMUNITY: 'Community', GRID: 'Grid', SPECIAL_GRID: 'Special grid', BUILDING: 'Building' },
  position: {
    GRID_LEADER: 'Grid leader', GRID_WORKER: 'Grid worker', BUILDING_LEADER: 'Building leader', PARTY_MEMBER: 'Party member',
    SINKING_CADRE: 'Sinking cadre', VOLUNTEER: 'Volunteer',
  },
  partyStatus: { IN_SERVICE: 'In service', RETIRED: 'Retired', FLOATING: 'Floating' },
  gender: { MALE: 'Male', FEMALE: 'Female' },
  nodeStatus: { ACTIVE: 'Active', RETIRED: 'Retired' },
  dashboard: {
    title: '{name} · Dashboard', people: 'People', partyMembers: 'Party members', households: 'Households', units: 'Partner units', todos: 'To do',
    noTodos: 'Nothing to do', todoNoHouseholds: '{name} has no households registered', todoNoPeople: '{name} has no people registered',
    breakdown: 'People and households by {level}', perNode: 'By sub-node', scope: 'Your scope',
  },
  tree: {
    detail: 'Node details', code: 'Code', name: 'Name', level: 'Level', status: 'Status', households: 'Households', householdCount: '{n} households', people: 'People',
    partyMembers: 'Party members', map: 'Boundary', noBoundary: 'No boundary drawn', path: 'Path',
  },
  people: {
    position: 'Post', all: 'All', search: 'Search', name: 'Name', nameFilter: 'Filter this page by name', phone: 'Phone', gender: 'Gender', home: 'Lives in',
    posts: 'Posts', party: 'Party membership', employer: 'Employer', idNumber: 'ID number', detail: 'Person', reveal: 'Show in full',
    revealPrompt: 'Why do you need the full personal data? (recorded)', masked: 'masked', total: '{total} people', selectNode: 'Select a node on the left',
    columns: 'Columns', create: 'New person', edit: 'Edit', save: 'Save', cancel: 'Cancel', saved: 'Saved', created: '{name} added',
    exportSelected: 'Export selected ({n})', export: 'Export this page', assign: 'Assign a post ({n})', assignTitle: 'Assign a post to {n} selected',
    assignNode: 'Node of the post', assignDone: '{ok} assigned, {failed} failed', homeNode: 'Home node', none: 'None',
    duplicate: 'ID number already registered', duplicateOpen: 'Open the registered person',
  },
  households: { address: 'Address', label: 'Household', node: 'Grid', total: '{total} households' },
  units: { name: 'Unit', kind: 'Kind', node: 'Paired with', contacts: 'Contacts' },
  import: {
    title: 'Import people', template: 'Download template', templateHint: 'One person per row; the first row is the header', drop: 'Drop an Excel file here, or',
    pick: 'click to choose', start: 'Import', row: 'Row', result: 'Result', ok: 'Imported', failed: 'Failed', duplicate: 'Duplicate',
    summary: '{total} rows: {ok} imported, {failed} failed ({duplicates} duplicates)', noFile: 'Choose a file first',
    duplicateInFile: 'Same ID number as row {row}', duplicateOnServer: 'ID number already registered',
  },
}

export default en
