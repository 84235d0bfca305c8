import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { TEMPLATE_HEADERS, templateExampleCells, templateNoteRows, TEMPLATE_NOTES_HEADERS } from '@credit/domain';
import {
  penaltyTemplateCsv,
  penaltyTemplateFiles,
  penaltyTemplateXlsx,
  TEMPLATE_FILE_NAMES,
  TEMPLATE_NOTES_SHEET_NAME,
  TEMPLATE_SHEET_NAME,
  workbookText,
} from './penalty-template.files';

const DOCS = path.resolve(__dirname, '../../../../docs/templates');
const REGENERATE = 'regenerate them: node -r ./tools/register.js libs/imports/src/templates/write-templates.ts';

describe('the 双公示 template files', () => {
  it('CSV in UTF-8 with a BOM and in GB18030: the header row and the example row', () => {
    const utf8 = penaltyTemplateCsv('UTF-8');
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gb = penaltyTemplateCsv('GB18030');
    for (const text of [utf8.toString('utf8'), iconv.decode(gb, 'gb18030')]) {
      expect(parse(text, { bom: true })).toEqual([[...TEMPLATE_HEADERS], templateExampleCells()]);
    }
  });

  it('XLSX: the template sheet first (the importer reads only that one), then the notes sheet', async () => {
    const sheets = await workbookText(await penaltyTemplateXlsx());
    expect(Object.keys(sheets)).toEqual([TEMPLATE_SHEET_NAME, TEMPLATE_NOTES_SHEET_NAME]);
    expect(sheets[TEMPLATE_SHEET_NAME]).toEqual([[...TEMPLATE_HEADERS], templateExampleCells()]);
    expect(sheets[TEMPLATE_NOTES_SHEET_NAME]).toEqual([[...TEMPLATE_NOTES_HEADERS], ...templateNoteRows()]);
  });

  it('the copies committed in docs/templates are what the code builds', async () => {
    const built = await penaltyTemplateFiles();
    expect(fs.readdirSync(DOCS).sort()).toEqual(Object.keys(built).sort());
    for (const name of [TEMPLATE_FILE_NAMES.csvUtf8, TEMPLATE_FILE_NAMES.csvGb18030]) {
      const committed = fs.readFileSync(path.join(DOCS, name));
      if (!committed.equals(built[name])) throw new Error(`docs/templates/${name} differs from the code; ${REGENERATE}`);
    }
    // A workbook's zip carries the time it was written: its cells are compared, not its bytes.
    const committed = await workbookText(fs.readFileSync(path.join(DOCS, TEMPLATE_FILE_NAMES.xlsx)));
    const expected = await workbookText(built[TEMPLATE_FILE_NAMES.xlsx]);
    if (JSON.stringify(committed) !== JSON.stringify(expected)) throw new Error(`docs/templates/${TEMPLATE_FILE_NAMES.xlsx} differs from the code; ${REGENERATE}`);
  });
});
