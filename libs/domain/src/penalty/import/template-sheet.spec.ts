import { fillPublishingAuthority, PublishingAuthority } from '../publishing-authority';
import { validatePenaltyRecord } from '../penalty-record.validation';
import { buildUscc } from '../../identifiers/identifier-builders';
import { mapHeaderRow, TEMPLATE_COLUMNS } from './template-columns';
import { TEMPLATE_HEADERS, TEMPLATE_NOTES_HEADERS, templateExampleCells, templateNoteRows } from './template-sheet';
import { rowToDraft } from './spreadsheet-row';

const OWN: PublishingAuthority = { uscc: buildUscc('11', '341100', '00300001'), name: '滁州市市场监督管理局', own: true };

describe('the downloadable template', () => {
  it('has every template column as its header row, which maps with nothing missing or unknown', () => {
    expect(TEMPLATE_HEADERS).toEqual(TEMPLATE_COLUMNS.map((column) => column.header));
    expect(mapHeaderRow(TEMPLATE_HEADERS)).toMatchObject({ missing: [], unknown: [], duplicated: [] });
  });

  it.each(['2024-05-20', '2026-12-03', '2099-01-01'])('its example row passes validation for any department, today = %s', (today) => {
    const { draft } = rowToDraft(templateExampleCells(), mapHeaderRow(TEMPLATE_HEADERS));
    const filled = fillPublishingAuthority(draft, [OWN]);
    expect(filled.issue).toBeNull();
    const outcome = validatePenaltyRecord(filled.draft, today);
    expect(outcome).toMatchObject({ ok: true, warnings: [] });
  });

  it('its notes name each column with its code, whether required and the values the validator takes', () => {
    const rows = templateNoteRows();
    expect(rows).toHaveLength(TEMPLATE_COLUMNS.length);
    expect(rows.every((row) => row.length === TEMPLATE_NOTES_HEADERS.length && row[3] !== '')).toBe(true);
    const byHeader = new Map(rows.map((row) => [row[0], row]));
    expect(byHeader.get('行政处罚决定书文号')?.slice(1, 3)).toEqual(['CF_WSH', '是']);
    expect(byHeader.get('备注')?.slice(1, 3)).toEqual(['BZ', '否']);
    expect(byHeader.get('行政相对人类别')?.[4]).toBe('法人及非法人组织、个体工商户、自然人');
    expect(byHeader.get('处罚类别')?.[4]).toContain('警告、通报批评、罚款、没收违法所得');
    expect(byHeader.get('违法事实')?.[4]).toBe('文本，不超过4000个字符');
  });
});
