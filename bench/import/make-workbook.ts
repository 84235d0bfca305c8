// Writes the benchmark workbook with exceljs' streaming writer, shared strings on (as Excel saves), in its own
// process so that generating it does not count towards the import's memory.
// Usage: node -r ./tools/register.js bench/import/make-workbook.ts <file.xlsx> <rows>
import ExcelJS from 'exceljs';
import { benchDrafts, WORKBOOK_HEADERS, workbookRow } from './bench-rows';

async function main(file: string, total: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('行政处罚');
  sheet.addRow(WORKBOOK_HEADERS).commit();
  const dateColumn = WORKBOOK_HEADERS.indexOf('处罚决定日期') + 1;
  for (const chunk of benchDrafts(total)) {
    for (const draft of chunk) {
      const row = sheet.addRow(workbookRow(draft));
      row.getCell(dateColumn).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

main(process.argv[2], Number(process.argv[3])).catch((error) => {
  console.error(error);
  process.exit(1);
});
