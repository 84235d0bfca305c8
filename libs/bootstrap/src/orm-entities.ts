// Every MikroORM entity of the platform, in one list: the composition root hands it to the ORM, the
// migrator and the migration drift check.
import { AuditEntry } from '@credit/audit';
import { User } from '@credit/auth';
import { Department, DepartmentApiKey } from '@credit/departments';
import { PenaltyRecord, PenaltyRecordVersion } from '@credit/penalties';
import { CreditSubject, SubjectNameChange } from '@credit/subjects';

export const ORM_ENTITIES = [
  AuditEntry,
  User,
  Department,
  DepartmentApiKey,
  CreditSubject,
  SubjectNameChange,
  PenaltyRecord,
  PenaltyRecordVersion,
];
