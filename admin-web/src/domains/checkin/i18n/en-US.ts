import type zh from './zh-CN'

const en: typeof zh = {
  menu: {
    registrations: 'Registrations', board: 'Public board', attendance: 'Attendance', ledger: 'Service ledger', evaluation: 'Year-end evaluation', employer: 'Our staff', employers: 'Employer ranking', calendar: 'Work calendar',
  },
  m: {
    register: 'Register at home', clock: 'Clock in', service: 'Log a service', mine: 'My service', leave: 'Leave', confirm: 'Confirm a service',
  },
  status: { PENDING: 'Pending', CONFIRMED: 'Registered', REJECTED: 'Returned' },
  leaveType: { PERSONAL: 'Personal', SICK: 'Sick', ANNUAL: 'Annual', OFFICIAL: 'Official duty', OTHER: 'Other' },
  leaveStatus: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected', CANCELLED: 'Cancelled', CLOSED: 'Returned' },
  grade: { GOOD: 'Good', FAIRLY_GOOD: 'Fairly good', AVERAGE: 'Average', POOR: 'Poor' },
  criterion: { HOURS: 'Hours', RECORDS: 'Records', ATTENDANCE: 'Attendance', RATING: 'Residents\' rating' },
  category: {
    CARE: 'Care pledge', LABOUR: 'Voluntary labour', INFO: 'Information', MEDIATION: 'Mediation', WISH: 'Small wishes', CLINIC: 'Free clinic',
    LEGAL: 'Legal aid', FINANCE: 'Finance help', HEALTH: 'Health', ENVIRONMENT: 'Environment', ELDERLY: 'Elderly and disabled', CULTURE: 'Culture',
    PATROL: 'Patrol',
  },
  common: {
    node: 'Node', grid: 'Grid', month: 'Month', quarter: 'Quarter', year: 'Year', name: 'Name', employer: 'Employer', home: 'Home building', phone: 'Phone',
    skills: 'Skills', availability: 'Availability', status: 'Status', reason: 'Reason', actions: 'Actions', confirm: 'Confirm', reject: 'Return', cancel: 'Cancel',
    submit: 'Submit', save: 'Save', print: 'Print', export: 'Export Excel', selectNode: 'Choose a grid or building on the left', selectGrid: 'Choose a grid on the left',
    hours: '{h} h', minutes: 'minutes', day: 'Day', content: 'Content', category: 'Category', member: 'Member', total: 'Total', none: 'None', done: 'Done',
    refresh: 'Refresh', approve: 'Approve', rejectReason: 'Why is it returned (the member will see this)', reasonRequired: 'A reason is required', saved: 'Saved',
  },
  registrations: {
    tally: 'Pending {pending} · registered {confirmed} · returned {rejected}', confirmed: '{name} is registered', rejected: '{name}\'s registration was returned',
    rejectTitle: 'Return {name}\'s registration', submittedAt: 'Submitted', reviewedBy: 'Reviewed by',
  },
  board: {
    title: '{name} · Party members serving here', subtitle: '{n} party members registered in this {level}; residents are welcome to hold them to account',
    members: 'Registered members', printedAt: 'Published {day}', noPhone: '—', gridLevel: 'grid', buildingLevel: 'building',
  },
  attendance: {
    title: '{grid} · attendance {month}', workingDays: '{n} working days', present: 'Present', partial: 'No clock-out', missed: 'Missed', leave: 'Leave',
    outside: 'Outside the grid', weekend: 'Day off', future: 'Not yet', legend: 'Legend', anomalies: 'Anomalies',
    anomaly: '{name}: {missed} days missed, {outside} clock-ins outside the grid', noAnomalies: 'No anomalies this month', pendingLeave: 'Leave to approve',
    leaveFrom: 'From', leaveTo: 'To', leaveDays: '{n} days', approved: 'Approved', rejectedLeave: 'Rejected', rejectLeaveTitle: 'Reject {name}\'s leave',
    in: 'In', out: 'Out', notYet: 'The calendar shows once the backend serves a grid\'s month',
  },
  ledger: {
    title: '{grid} · ledger {quarter}', verify: 'Verify', verified: 'Verified', unverified: 'To verify', verifiedVia: { LEADER: 'by the grid leader', BENEFICIARY: 'by the household' },
    verifiedOk: 'Verified', households: 'Households', photos: 'Photos', publish: 'Publish this quarter', published: 'Published {at}',
    publishConfirm: 'Publishing freezes the ledger of {quarter}. Publish?', publication: 'Quarterly publication', totalHours: '{h} h in total · {n} verified records',
    notPublished: 'This quarter is not published yet', rating: 'Rating',
  },
  evaluation: {
    title: '{community} · evaluation {year}', rules: 'Rules', weights: 'Weights', targets: 'Full marks at', cutoffs: 'Grade cut-offs', rulesVersion: 'Rules version {v}',
    defaults: '(defaults)', propose: 'Propose grades', finalise: 'Finalise', finaliseConfirm: 'Grades cannot change once final. Finalise {year}?', proposed: 'Proposed',
    final: 'Final', score: 'Score', proposedGrade: 'Proposed', grade: 'Grade', overridden: 'Overridden', override: 'Override', overrideTitle: 'Override {name}\'s grade',
    overrideReason: 'Reason (audited)', breakdown: 'Breakdown', value: 'Value', target: 'Target', weight: 'Weight', contribution: 'Points',
    notice: 'Notice', noticeTitle: 'Year-end evaluation of a party member serving in the community',
    noticeBody: 'To {employer}:\nYour party member {name} served in {community} in {year}: {hours} hours in {records} records. The community graded the service as:',
    noticeSign: '{community} (seal)', overrides: 'Overrides', none: 'No proposal yet', members: 'Members', hours: 'Hours', records: 'Records',
    good: 'Good ≥', fairlyGood: 'Fairly good ≥', average: 'Average ≥', attendanceRate: 'Attendance', rating: 'Rating',
  },
  employers: {
    roster: 'Roster', upload: 'Upload roster', uploadHint: 'Row 1 is the header: name, mobile, post; one person a row. An upload replaces the roster.',
    template: 'Download template', uploaded: 'Uploaded: {rows} people, {added} added, {removed} removed, {changed} changed', rowErrors: 'These rows are wrong; nothing was uploaded',
    row: 'Row', post: 'Post', registered: 'Registered', notRegistered: 'Not registered', community: 'Community', rate: 'Registration rate', rostered: 'On roster',
    confirmed: 'Confirmed', staff: 'Our staff', ranking: 'Ranking', rank: 'Rank', participationRate: 'Participation', score: 'Score', registry: 'Registry', code: 'Code',
    grades: 'Year-end grades', contact: 'Contact',
  },
  phone: {
    required: 'Required',
    registerIntro: 'Party members in service register at the community they live in. The community confirms.', employerCode: 'Employer code', employerName: 'Employer',
    home: 'Home building or grid', pickHome: 'Choose', showPhone: 'Show my phone on the public board', skills: 'Skills (comma separated)',
    availability: 'When I can serve (e.g. weekend mornings)', submitted: 'Sent; the community will confirm', myRegistration: 'My registration',
    locationWhy: 'Clocking in reads where you are once, to check you are inside the grid you serve. It is kept with the clock-in and never tracked.',
    allowLocation: 'Allow and clock in', locating: 'Locating…', clockIn: 'Clock in', clockOut: 'Clock out', clockedIn: 'Clocked at {at}', refused: 'Not clocked',
    locationDenied: 'No location: allow this page to use your location in the browser or phone settings, then try again', locationFailed: 'Location failed: {message}',
    grid: 'Grid', today: 'Today', serviceDay: 'Day of service', minutes: 'Duration (minutes)', content: 'What was done', households: 'Household ids (optional, comma separated)',
    photos: 'Photos (up to 9)', keepLocation: 'Keep where the photo was taken', keepLocationHint: 'Photo locations are removed unless you keep them',
    logged: 'Logged; the grid leader will verify it', photoType: 'Only JPG, PNG or WebP images', photoSize: 'At most 5 MB a photo', uploading: 'Uploading photos…',
    monthHours: 'Verified this month', yearHours: 'Verified this year', records: 'My records', pending: 'To verify', evaluation: 'My year-end grade',
    leaveFrom: 'From', leaveTo: 'To', leaveType: 'Type', leaveReason: 'Reason', requestLeave: 'Request leave', myLeave: 'My leave', cancelLeave: 'Cancel / return',
    leaveSent: 'Sent for approval', toConfirm: 'Services for my household', confirmService: 'Confirm it was done', rating: 'Rating', comment: 'Comment (optional)',
    confirmedThanks: 'Confirmed, thank you!', alreadyConfirmed: 'Confirmed', noServices: 'Nothing to confirm', notRegistered: 'Not registered yet',
    notGridStaff: 'You have no grid to clock in at', pickDate: 'Choose a date',
  },
  workCalendar: {
    selectDistrict: 'Pick a district on the left', set: 'Set (version {v})', notSet: 'Not set: working days are Monday to Friday',
    holiday: 'Holiday', workday: 'Working weekend day', kind: 'Kind', name: 'Name', namePlaceholder: 'e.g. Spring Festival', remove: 'Remove',
    none: 'No holidays or working weekend days marked yet', month: 'Month {m}', conflict: 'Someone else changed the calendar; it was reloaded, check it and save again',
    hint: 'Click a weekday to mark a holiday, a Saturday or Sunday to mark a working day, click again to undo; attendance and the year-end evaluation count duty days by it once saved.',
    week: { mon: 'Mo', tue: 'Tu', wed: 'We', thu: 'Th', fri: 'Fr', sat: 'Sa', sun: 'Su' },
  },
}

export default en
