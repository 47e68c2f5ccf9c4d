import type zh from './zh-CN'

const en: typeof zh = {
  menu: { demands: 'Demands', resources: 'Resources', projects: 'Projects', matching: 'Matching board', indicators: 'List indicators' },
  category: {
    CARE: 'Care pledges', LABOUR: 'Voluntary labour', INFO: 'Information and advice', MEDIATION: 'Dispute mediation', WISH: 'Micro-wishes',
    CLINIC: 'Free clinics', LEGAL: 'Legal aid', FINANCE: 'Financial literacy', HEALTH: 'Health promotion', ENVIRONMENT: 'Environmental clean-up',
    ELDERLY: 'Help for the elderly and disabled', CULTURE: 'Cultural activities', PATROL: 'Safety patrols',
  },
  categoryGroup: { resident: 'Residents\' needs', service: 'Partner services', governance: 'Community governance' },
  demandStatus: { OPEN: 'Open', CLAIMED: 'Claimed', MATCHED: 'Assigned', DONE: 'Done', CLOSED: 'Closed with feedback', CANCELLED: 'Cancelled' },
  projectStatus: { PLANNED: 'Planned', IN_PROGRESS: 'In progress', DONE: 'Done', EVALUATED: 'Evaluated' },
  resourceKind: { UNIT: 'Partner unit', MEMBER: 'Party member', TEAM: 'Volunteer team' },
  resourceStatus: { ACTIVE: 'Active', WITHDRAWN: 'Withdrawn' },
  source: { PHONE: 'Resident', VISIT: 'Home visit', IMPORT: 'Import' },
  urgency: { 1: 'Not urgent', 2: 'Normal', 3: 'Soon', 4: 'Urgent', 5: 'Very urgent' },
  criterion: { CATEGORY: 'Category', SKILL: 'Skills', PROXIMITY: 'Proximity', TIME: 'Time', URGENCY: 'Urgency' },
  explain: {
    CATEGORY: { full: 'the service category matches', none: 'the service category differs' },
    SKILL: { full: 'has every skill needed', part: 'has some of the skills needed ({pct}%)', none: 'has none of the skills needed' },
    PROXIMITY: { full: 'is in the same grid', community: 'is in the same community', street: 'is in the same street', part: 'is close by ({pct}%)', none: 'is outside the street' },
    TIME: { full: 'the times match fully', part: 'the times partly overlap ({pct}%)', none: 'the times do not overlap' },
    URGENCY: { full: 'the need is very urgent, so it comes first', part: 'the need is {level}', none: 'the need is not urgent' },
    share: '{what}: {words}, {share}% of the score',
    lead: 'mainly because of {what}',
  },
  filter: {
    category: 'Category', grid: 'Grid', status: 'Status', urgency: 'Urgency', atLeast: 'At least {label}', all: 'All', under: 'Within', search: 'Search',
  },
  demand: {
    title: 'Demand', category: 'Category', grid: 'Grid', urgency: 'Urgency', status: 'Status', window: 'When', skills: 'Skills needed',
    source: 'Source', publishedAt: 'Published', claimant: 'Claimed by', description: 'Details', households: 'Households helped', anytime: 'Any time',
    create: 'New demand', created: 'Demand added: {title}', export: 'Export to Excel', import: 'Import from Excel', total: '{n} on this page',
    done: 'Mark done', doneNote: 'What was done', cancel: 'Cancel', cancelReason: 'Why', feedback: 'Feedback', rating: 'Satisfaction', comment: 'Comment',
    feedbackGiven: '{rating} stars: {comment}', detail: 'Demand', claimedVia: { CLAIM: 'Claimed', MATCHING: 'Matched' }, minutes: 'claimed after {n} minutes',
  },
  import: {
    title: 'Import demands', template: 'Download template', hint: 'One demand per row, headers in row 1; categories and grids by name or code', drop: 'Drop an Excel file here, or', pick: 'choose one',
    start: 'Import', row: 'Row', result: 'Result', ok: 'Ready', failed: 'Error', noFile: 'Choose a file first', fixFirst: '{n} rows have errors: fix them and import again (nothing was imported)',
    summary: '{total} rows: {created} new, {existing} imported before', serverRefused: 'The server refused these rows (nothing was imported)',
    resourceTitle: 'Import resources', resourceHint: 'One resource per row, headers in row 1; kinds, categories and places by name or code, several separated by 、',
  },
  resource: {
    name: 'Name', kind: 'Kind', node: 'Based at', covers: 'Covers', categories: 'Categories', skills: 'Skills', capacity: 'Per month', taken: 'Taken this month',
    available: 'Available', owner: 'Owner', status: 'Status', export: 'Export to Excel', create: 'Offer a resource', edit: 'Edit', editTitle: 'Edit: {name}',
    import: 'Import from Excel', saved: 'Resource saved: {name}', hours: 'Hours a month', hoursHint: 'hours, for information; capacity counts demands a month',
  },
  project: {
    title: 'Project', category: 'Category', owner: 'Owner unit', theme: 'Theme', schedule: 'Schedule', budget: 'Budget (yuan)', participants: 'Participants', hours: 'Hours',
    beneficiaries: 'Households helped', summary: 'Outcome', start: 'Start', complete: 'Complete', evaluate: 'Evaluate', create: 'New project', published: 'Offer to partner units',
    addParticipant: 'Add a participant', login: 'Login', completeTitle: 'Complete: {title}', evaluateTitle: 'Evaluate: {title}', rating: 'Rating', comment: 'Comment',
    none: 'None', totalHours: '{n} hours in all', demands: 'Demands', export: 'Export to Excel', saved: 'Saved', moved: '{title} → {status}',
  },
  matching: {
    node: 'Batch for', run: 'Run matching', runHint: 'Finds the assignment of all open demands to active resources with the highest total fit (no resource over its remaining monthly capacity)',
    batch: 'Batch', createdAt: 'When', summary: '{demands} demands × {resources} resources, {candidates} candidates, {pairs} pairs proposed, total fit {total}',
    demand: 'Demand', resource: 'Resource', fit: 'Fit', breakdown: 'Score', why: 'Why this pair', decision: 'Decision',
    acceptAll: 'Accept all', acceptSelected: 'Accept selected ({n})', reject: 'Reject', edit: 'Reassign', accept: 'Accept', editTitle: 'Reassign: {title}', editSave: 'Reassign to this resource',
    decided: { ACCEPTED: 'Accepted', REJECTED: 'Rejected', FAILED: 'Failed' }, unmatched: 'Demands left unmatched ({n})',
    result: '{accepted} accepted, {rejected} rejected, {failed} failed', noBatch: 'No matching run yet', weights: 'Weights', saveWeights: 'Save (used from the next batch)', history: 'Earlier batches',
  },
  indicators: {
    month: 'Month', total: 'Demands', matchRate: 'Match rate', medianClaim: 'Median time to claim', utilisation: 'Resource utilisation', byCategory: 'By category',
    byGrid: 'By grid', byStatus: 'By status', claimTime: 'Time to claim', minutes: '{n} min', within: 'within {n} min', longer: 'longer', none: '—',
    capacity: '{taken} / {capacity} taken this month',
  },
  m: {
    need: 'Ask for help', wish: 'Micro-wish', mine: 'My requests', open: 'Open demands', claims: 'My claims',
    title: 'What do you need?', titleHint: 'One line on the help you need', wishHint: 'e.g. a set of picture books', description: 'Details', grid: 'Grid',
    urgency: 'Urgency', when: 'When', submit: 'Submit', submitted: 'Sent: grid staff and party members will answer soon', category: 'Category',
    claim: 'Claim', claimFirst: 'Claimed! This demand is yours', claimLost: 'Too late: someone else claimed this demand first', claimNoResource: 'Before your first claim, say once what you can offer and how many a month',
    offer: 'Offer to help', offerSkills: 'My skills (comma-separated)', offerCapacity: 'Per month', offered: 'Registered: you can claim now',
    markDone: 'Done', doneOk: 'Marked done; the resident will give feedback', close: 'Give feedback and close', closed: 'Thank you: the request is closed', rating: 'Satisfaction', comment: 'Anything to add (optional)',
    empty: 'Nothing here', noGrid: 'Your account has no address: choose a grid', status: 'Status', claimedAt: 'Claimed {time}',
  },
}

export default en
