// Who may call what: every query and mutation of schema.graphql, for each kind of caller. `ALLOW` means the
// guard and the service let the caller in (the call may still fail on its arguments); `DENY` means
// UNAUTHENTICATED for anonymous callers and FORBIDDEN (or NOT_DESIGNATING_DEPARTMENT) for the others;
// `HIDDEN` means let in, but answered as if the fixture's object did not exist: NOT_FOUND, null, or an empty
// page, list or statistics (for the reads the spec probes, see VISIBILITY in operation-access.e2e-spec.ts).
// Department B calls with department A's objects (A's decision, A's listing, A's check): ownership, not role.
// All fixture data lies in 滁州 (341100): departments of 341100, subjects of 341102.

export type BaseCaller = 'anonymous' | 'departmentA' | 'departmentB' | 'regulator' | 'admin';
/** Regulators bound to a region (issue 10): of the fixture's 341100, of 110000 (elsewhere), of 100000 (全国). */
export type RegionCaller = 'regulatorInRegion' | 'regulatorOutOfRegion' | 'regulatorNational';
export type Caller = BaseCaller | RegionCaller;
export type Outcome = 'ALLOW' | 'DENY' | 'HIDDEN';

const everyone: Record<BaseCaller, Outcome> = { anonymous: 'ALLOW', departmentA: 'ALLOW', departmentB: 'ALLOW', regulator: 'ALLOW', admin: 'ALLOW' };
const signedIn: Record<BaseCaller, Outcome> = { ...everyone, anonymous: 'DENY' };
const adminOnly: Record<BaseCaller, Outcome> = { anonymous: 'DENY', departmentA: 'DENY', departmentB: 'DENY', regulator: 'DENY', admin: 'ALLOW' };
const regulatorOnly: Record<BaseCaller, Outcome> = { ...adminOnly, admin: 'DENY', regulator: 'ALLOW' };
const people: Record<BaseCaller, Outcome> = { ...adminOnly, regulator: 'ALLOW' };
const anyDepartment: Record<BaseCaller, Outcome> = { anonymous: 'DENY', departmentA: 'ALLOW', departmentB: 'ALLOW', regulator: 'DENY', admin: 'DENY' };
const owningDepartment: Record<BaseCaller, Outcome> = { ...anyDepartment, departmentB: 'DENY' };
const owningDepartmentOrRegulator: Record<BaseCaller, Outcome> = { ...owningDepartment, regulator: 'ALLOW' };
const departmentOrRegulator: Record<BaseCaller, Outcome> = { ...anyDepartment, regulator: 'ALLOW' };
/** An inspection plan's people: its executing department (A) and regulators; B is told it does not exist. */
const planMembers: Record<BaseCaller, Outcome> = { ...departmentOrRegulator, departmentB: 'HIDDEN' };

export const OPERATION_ACCESS: Record<string, Record<BaseCaller, Outcome>> = {
  // queries
  creditSubject: signedIn,
  creditSubjects: signedIn,
  departmentApiKeys: adminOnly,
  departmentList: people,
  departmentTimeliness: people, // regulators see departments of their region only
  departmentReportingAuthorities: adminOnly,
  disclosure: everyone,
  jointPunishmentCheck: anyDepartment,
  jointPunishmentStats: regulatorOnly,
  listTypes: signedIn,
  listingSuggestions: { ...departmentOrRegulator, departmentB: 'HIDDEN' }, // B gets none of those addressed to A
  listings: { ...signedIn, departmentB: 'HIDDEN' }, // A's proposal is not LISTED yet: it stays with A
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
  loadWorkingCalendar: adminOnly,
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
  setDepartmentPublicContact: adminOnly,
  submitPenaltyRecords: anyDepartment,
  // 双随机、一公开 (issue 14): the fixture plan is department A's, in 341100
  createInspectionItem: adminOnly,
  inspectionItems: signedIn,
  createInspectionPlan: departmentOrRegulator,
  updateInspectionPlan: planMembers,
  publishInspectionPlan: planMembers,
  drawInspection: planMembers,
  inspectionPlan: planMembers,
  inspectionDraw: planMembers,
  createInspector: anyDepartment, // into the caller's own pool
  assignInspectors: planMembers,
  recordInspectionResult: { ...owningDepartment, departmentB: 'HIDDEN' }, // executing departments only
  searchInspectionResults: everyone,
  inspectionStats: regulatorOnly,
};

// The region dimension: every operation again, for regulators bound to a region. The one rule
// (libs/common/src/auth/region-scope.ts): what lies outside the caller's subtree does not exist for it.
const notForRegulators: Record<RegionCaller, Outcome> = { regulatorInRegion: 'DENY', regulatorOutOfRegion: 'DENY', regulatorNational: 'DENY' };
const confined: Record<RegionCaller, Outcome> = { regulatorInRegion: 'ALLOW', regulatorOutOfRegion: 'HIDDEN', regulatorNational: 'ALLOW' };
const unconfined: Record<RegionCaller, Outcome> = { regulatorInRegion: 'ALLOW', regulatorOutOfRegion: 'ALLOW', regulatorNational: 'ALLOW' };

export const REGION_ACCESS: Record<string, Record<RegionCaller, Outcome>> = {
  // queries
  creditSubject: confined,
  creditSubjects: confined,
  departmentApiKeys: notForRegulators,
  departmentList: confined,
  departmentTimeliness: confined,
  departmentReportingAuthorities: notForRegulators,
  pendingNameChanges: confined,
  disclosure: unconfined, // public: what anyone may read
  jointPunishmentCheck: notForRegulators,
  jointPunishmentStats: confined,
  listTypes: unconfined, // the national catalogue
  listingSuggestions: confined,
  listings: confined,
  me: unconfined,
  measures: unconfined, // the national catalogue
  publicSeriousDishonestyList: unconfined, // public
  searchDisclosures: unconfined, // public
  tierDistribution: confined,
  // mutations
  allowDepartmentToReportFor: notForRegulators,
  approveCreditRepair: notForRegulators,
  approveNameChange: confined,
  rejectNameChange: confined,
  revokeDepartmentReportingFor: notForRegulators,
  confirmListing: notForRegulators,
  createDepartment: notForRegulators,
  createListType: notForRegulators,
  createMeasure: notForRegulators,
  createUser: notForRegulators,
  fileListingObjection: confined,
  importPenaltyFile: notForRegulators,
  loadWorkingCalendar: notForRegulators,
  login: unconfined,
  notifyListingParty: notForRegulators,
  proposeListing: notForRegulators,
  recordMeasureFeedback: notForRegulators,
  removeListing: confined,
  resolveListingObjection: confined,
  revokeDepartmentApiKey: notForRegulators,
  revokePenaltyRecord: notForRegulators,
  rotateDepartmentApiKey: notForRegulators,
  setDepartmentPublicContact: notForRegulators,
  submitPenaltyRecords: notForRegulators,
  // 双随机、一公开 (issue 14)
  createInspectionItem: notForRegulators,
  inspectionItems: unconfined, // the national catalogue
  createInspectionPlan: unconfined, // a scope outside the caller's region is refused as an argument (BAD_USER_INPUT on regionCode)
  updateInspectionPlan: confined,
  publishInspectionPlan: confined,
  drawInspection: confined,
  inspectionPlan: confined,
  inspectionDraw: confined,
  createInspector: notForRegulators,
  assignInspectors: confined,
  recordInspectionResult: notForRegulators,
  searchInspectionResults: unconfined, // public
  inspectionStats: confined,
};

/** Both dimensions of one operation, or undefined when either table lacks it. */
export function accessOf(operation: string): Record<Caller, Outcome> | undefined {
  const base = OPERATION_ACCESS[operation];
  const region = REGION_ACCESS[operation];
  return base && region ? { ...base, ...region } : undefined;
}
