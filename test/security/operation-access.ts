// Who may call what: every query and mutation of schema.graphql, for each kind of caller. `ALLOW` means the
// guard and the service let the caller in (the call may still fail on its arguments); `DENY` means
// UNAUTHENTICATED for anonymous callers and FORBIDDEN (or NOT_DESIGNATING_DEPARTMENT) for the others.
// Department B calls with department A's objects (A's decision, A's listing, A's check): ownership, not role.

export type Caller = 'anonymous' | 'departmentA' | 'departmentB' | 'regulator' | 'admin';
export type Outcome = 'ALLOW' | 'DENY';

const everyone: Record<Caller, Outcome> = { anonymous: 'ALLOW', departmentA: 'ALLOW', departmentB: 'ALLOW', regulator: 'ALLOW', admin: 'ALLOW' };
const signedIn: Record<Caller, Outcome> = { ...everyone, anonymous: 'DENY' };
const adminOnly: Record<Caller, Outcome> = { anonymous: 'DENY', departmentA: 'DENY', departmentB: 'DENY', regulator: 'DENY', admin: 'ALLOW' };
const regulatorOnly: Record<Caller, Outcome> = { ...adminOnly, admin: 'DENY', regulator: 'ALLOW' };
const people: Record<Caller, Outcome> = { ...adminOnly, regulator: 'ALLOW' };
const anyDepartment: Record<Caller, Outcome> = { anonymous: 'DENY', departmentA: 'ALLOW', departmentB: 'ALLOW', regulator: 'DENY', admin: 'DENY' };
const owningDepartment: Record<Caller, Outcome> = { ...anyDepartment, departmentB: 'DENY' };
const owningDepartmentOrRegulator: Record<Caller, Outcome> = { ...owningDepartment, regulator: 'ALLOW' };
const departmentOrRegulator: Record<Caller, Outcome> = { ...anyDepartment, regulator: 'ALLOW' };

export const OPERATION_ACCESS: Record<string, Record<Caller, Outcome>> = {
  // queries
  creditSubject: signedIn,
  creditSubjects: signedIn,
  departmentApiKeys: adminOnly,
  departmentList: people,
  departmentReportingAuthorities: adminOnly,
  disclosure: everyone,
  jointPunishmentCheck: anyDepartment,
  jointPunishmentStats: regulatorOnly,
  listTypes: signedIn,
  listingSuggestions: departmentOrRegulator,
  listings: signedIn,
  me: people,
  measures: signedIn,
  pendingNameChanges: people, // regulators see only subjects within their region
  publicSeriousDishonestyList: everyone,
  searchDisclosures: everyone,
  tierDistribution: signedIn,
  // mutations
  allowDepartmentToReportFor: adminOnly,
  approveCreditRepair: owningDepartment,
  approveNameChange: people, // regulators only within the subject's region
  confirmListing: owningDepartment,
  createDepartment: adminOnly,
  createListType: adminOnly,
  createMeasure: adminOnly,
  createUser: adminOnly,
  fileListingObjection: owningDepartmentOrRegulator,
  importPenaltyFile: anyDepartment,
  login: everyone,
  notifyListingParty: owningDepartment,
  proposeListing: owningDepartment, // only departments designated for the list type (A is, B is not)
  recordMeasureFeedback: owningDepartment,
  rejectNameChange: people, // regulators only within the subject's region
  removeListing: owningDepartmentOrRegulator,
  resolveListingObjection: owningDepartmentOrRegulator,
  revokeDepartmentApiKey: adminOnly,
  revokeDepartmentReportingFor: adminOnly,
  revokePenaltyRecord: owningDepartment,
  rotateDepartmentApiKey: adminOnly,
  submitPenaltyRecords: anyDepartment,
};
