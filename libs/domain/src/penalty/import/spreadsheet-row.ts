// From one spreadsheet row to the raw draft that validatePenaltyRecord (and so the ingestion service) takes.
// Only the spreadsheet's own conventions are handled here; every rule stays in the validator.
import { PENALTY_FIELD_LABELS } from '../penalty-record.messages';
import { cleanLine } from '../penalty-record.normalize';
import { PenaltyRecordDraft } from '../penalty-record.types';
import { cellText, readAmountCell, readDateCell, SpreadsheetCell, splitPenaltyCategories } from './spreadsheet-cells';
import { ColumnBinding, DraftField, HeaderMapping } from './template-columns';

const DATE_FIELDS: ReadonlySet<DraftField> = new Set(['decisionDate', 'validUntil', 'publicUntil', 'actDate']);

export interface SpreadsheetDraft {
  draft: PenaltyRecordDraft;
  /** Which column each filled field came from, so an error names the column the clerk must fix. */
  sourceOf: Partial<Record<DraftField, ColumnBinding>>;
}

export function rowToDraft(cells: readonly SpreadsheetCell[], mapping: HeaderMapping): SpreadsheetDraft {
  const draft: Record<string, unknown> = {};
  const sourceOf: SpreadsheetDraft['sourceOf'] = {};
  for (const binding of mapping.bindings) {
    const cell = cells[binding.index] ?? null;
    const value = readField(binding, cell);
    if (value === null) continue;
    const taken = sourceOf[binding.field];
    // Two columns for one field (证件号码 and 法定代表人证件号码): the better-ranked filled cell wins.
    if (taken && taken.rank <= binding.rank) continue;
    draft[binding.field] = value;
    sourceOf[binding.field] = binding;
  }
  return { draft: draft as PenaltyRecordDraft, sourceOf };
}

function readField(binding: ColumnBinding, cell: SpreadsheetCell): string | string[] | null {
  if (binding.field === 'penaltyCategories') return splitPenaltyCategories(cell);
  if (binding.field === 'fineAmount' || binding.field === 'confiscatedAmount') return readAmountCell(cell, binding.unit);
  if (DATE_FIELDS.has(binding.field)) return readDateCell(cell);
  const text = cellText(cell);
  return text === null || cleanLine(text) === null ? null : text;
}

/** True when a row has no content at all (spreadsheets end with blank rows; they are not records). */
export function isBlankRow(cells: readonly SpreadsheetCell[]): boolean {
  return cells.every((cell) => cleanLine(cellText(cell)) === null);
}

/**
 * The decision number as the validator will store it (trimmed, spaces unified), to find the same decision
 * twice in one file before it reaches the ingestion batch.
 */
export function decisionNumberKey(draft: PenaltyRecordDraft): string | null {
  return cleanLine(draft.decisionNumber);
}

/**
 * The column an error points at: `penaltyCategories[1]` → the file's 处罚类别 header. Fields the file has no
 * column for fall back to the template's name.
 */
export function columnOfIssue(field: string, source: SpreadsheetDraft['sourceOf'], mapping: HeaderMapping): string {
  const base = field.replace(/[[.].*$/, '') as DraftField;
  return source[base]?.header ?? mapping.headerOf[base] ?? PENALTY_FIELD_LABELS[base]?.zh ?? field;
}
