// Every MikroORM entity of the platform, in one list: the composition root hands it to the ORM, the
// migrator and the migration drift check.
import { AuditCheckpoint, AuditEntry } from '@credit/audit';
import { User } from '@credit/auth';
import { WorkingCalendarYearEntity } from '@credit/calendar';
import { JointPunishmentCheck, Listing, ListingObjection, ListingPenaltyRecord, ListingSuggestion, ListType, MeasureFeedback, PunishmentMeasure } from '@credit/blacklist';
import { Department, DepartmentApiKey, DepartmentReportingAuthority } from '@credit/departments';
import { CreditRepair, SearchOutboxEntry } from '@credit/disclosure';
import { InspectionAssignment, InspectionItem, InspectionPlan, InspectionPlanSeed, InspectionPublishedResult, InspectionResult, InspectionSelection, Inspector } from '@credit/inspections';
import { PenaltyRecord, PenaltyRecordVersion } from '@credit/penalties';
import { PublicDisclosure } from '@credit/search';
import { SubjectTier, SubjectTierHistory, SubjectTierOverride } from '@credit/credit-tiers';
import { CreditSubject, SubjectNameChange } from '@credit/subjects';

export const ORM_ENTITIES = [
  AuditEntry,
  AuditCheckpoint,
  User,
  Department,
  DepartmentApiKey,
  DepartmentReportingAuthority,
  CreditSubject,
  SubjectNameChange,
  PenaltyRecord,
  PenaltyRecordVersion,
  ListType,
  PunishmentMeasure,
  Listing,
  ListingPenaltyRecord,
  ListingObjection,
  ListingSuggestion,
  JointPunishmentCheck,
  MeasureFeedback,
  SubjectTier,
  SubjectTierHistory,
  SubjectTierOverride,
  PublicDisclosure,
  SearchOutboxEntry,
  CreditRepair,
  WorkingCalendarYearEntity,
  InspectionItem,
  InspectionPlan,
  InspectionPlanSeed,
  InspectionSelection,
  Inspector,
  InspectionAssignment,
  InspectionResult,
  InspectionPublishedResult,
];
