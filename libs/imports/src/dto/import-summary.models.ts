import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportFieldError', { description: 'One problem with one cell of a rejected row.' })
export class ImportFieldErrorModel {
  @Field({ description: 'The column as the file names it (e.g. 处罚类别), for the clerk.' }) column!: string;
  @Field({ description: 'The field path of the record (e.g. penaltyCategories[1]), for programs.' }) field!: string;
  @Field() code!: string;
  @Field({ description: 'Chinese first, English in brackets.' }) message!: string;
}

@ObjectType('ImportRejectedRow', { description: 'One spreadsheet row the import refused, with its problems.' })
export class ImportRejectedRowModel {
  @Field(() => Int, { description: 'The row number as Excel shows it (the header row included).' }) rowNumber!: number;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field(() => [ImportFieldErrorModel]) errors!: ImportFieldErrorModel[];
}

@ObjectType('ImportSummary', { description: 'The outcome of importing one 双公示 spreadsheet.' })
export class ImportSummaryModel {
  @Field({ description: 'CSV or XLSX.' }) format!: string;
  @Field(() => String, { nullable: true, description: 'UTF-8 or GB18030 for a CSV; null for XLSX.' }) encoding!: string | null;
  @Field({ description: 'True when nothing was written: created, updated and unchanged then say what an import would do.' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Data rows read (header and blank rows excluded).' }) rowsRead!: number;
  @Field(() => Int, { description: 'created + updated + unchanged; in a dry run, the rows that would be accepted.' }) accepted!: number;
  @Field(() => Int, { description: 'Rows stored as new decisions (in a dry run: that would be).' }) created!: number;
  @Field(() => Int, { description: 'Rows that changed a decision already stored (in a dry run: that would).' }) updated!: number;
  @Field(() => Int, { description: 'Rows already stored with the same content: re-importing a file is safe.' }) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [ImportRejectedRowModel], { description: 'The first rejected rows (1,000 by default, IMPORT_REPORT_MAX_ROWS).' })
  rejectedRows!: ImportRejectedRowModel[];
  @Field({ description: 'True when more rows were rejected than rejectedRows lists.' }) rejectedRowsTruncated!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The error report as CSV (UTF-8 with BOM, opens in Excel): 行号, 错误字段, 错误代码, 错误说明, then the original cells, formulas neutralised with a leading apostrophe. ' +
      'Null when no row was rejected. It holds the first rejected rows up to IMPORT_REPORT_MAX_ROWS rows and IMPORT_REPORT_MAX_BYTES bytes; errorReportRowsOmitted counts the rest. It can be corrected and uploaded again as it is.',
  })
  errorReportCsv!: string | null;
  @Field(() => Int, { description: 'Rejected rows left out of errorReportCsv by its limits; 0 when it holds them all.' })
  errorReportRowsOmitted!: number;
}
