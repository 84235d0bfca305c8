// Every CLI command, in the order `help` lists them. Each capability adds its commands here.
import type { CliCommand } from '../command';
import { auditRecordCommand } from './audit-record.command';
import { auditVerifyCommand } from './audit-verify.command';
import { calendarLoadCommand } from './calendar-load.command';
import { demoCommand } from './demo.command';
import { inspectionsVerifyDrawCommand } from './inspections-verify-draw.command';
import { migrateCommand } from './migrate.command';
import { penaltiesImportCommand } from './penalties-import.command';
import { searchDeadLettersCommand, searchRetryCommand } from './search-dead-letters.command';
import { searchReindexCommand } from './search-reindex.command';
import { searchVerifyCommand } from './search-verify.command';
import { tiersRecomputeCommand } from './tiers-recompute.command';

export const COMMANDS: CliCommand[] = [migrateCommand, demoCommand, auditVerifyCommand, auditRecordCommand, penaltiesImportCommand, searchReindexCommand, searchVerifyCommand, searchDeadLettersCommand, searchRetryCommand, tiersRecomputeCommand, calendarLoadCommand, inspectionsVerifyDrawCommand];
