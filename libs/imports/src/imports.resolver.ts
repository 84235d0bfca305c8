import fs from 'node:fs';
import path from 'node:path';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, DepartmentPrincipal, DomainError, Roles } from '@credit/common';
import { ImportSummaryModel } from './dto/import-summary.models';
import { PenaltyImportService } from './penalty-import.service';
import { MAX_UPLOAD_BYTES } from './imports.constants';
import { FileUpload, UploadScalar } from './upload/upload.scalar';

@Resolver()
export class ImportsResolver {
  constructor(private readonly imports: PenaltyImportService) {}

  @Mutation(() => ImportSummaryModel, {
    description:
      'DEPARTMENT. Imports a 双公示 spreadsheet (CSV in UTF-8 or GB18030, or XLSX; at most 20 MB) through the same ingestion as submitPenaltyRecords. ' +
      'Send it as a GraphQL multipart request with the header `apollo-require-preflight: true`. Re-importing a file is safe (UNCHANGED rows are counted).',
  })
  @Roles('DEPARTMENT')
  async importPenaltyFile(
    @Args('file', { type: () => UploadScalar }) file: FileUpload,
    @CurrentPrincipal() department: DepartmentPrincipal,
    @Args('dryRun', { type: () => Boolean, nullable: true, description: 'Validate only; nothing is written.' }) dryRun?: boolean | null,
  ): Promise<ImportSummaryModel> {
    if (file.truncated) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `文件超过${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分后分别导入（the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it）`, { field: 'file' });
    }
    // The upload sits in its own temporary directory, removed with it once the response is sent.
    const reportPath = path.join(path.dirname(file.path), 'errors.csv');
    const summary = await this.imports.import(department, file.path, { dryRun: dryRun ?? false, reportPath });
    const errorReportCsv = summary.errorReportPath ? await fs.promises.readFile(summary.errorReportPath, 'utf8') : null;
    return { ...summary, errorReportCsv };
  }
}
