import fs from 'node:fs';
import path from 'node:path';
import type { Socket } from 'node:net';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, CurrentPrincipal, DepartmentPrincipal, Roles } from '@credit/common';
import { ImportSummaryModel } from './dto/import-summary.models';
import { uploadTooLarge } from './imports.errors';
import { PenaltyImportService } from './penalty-import.service';
import { FileUpload, UploadScalar } from './upload/upload.scalar';

@Resolver()
export class ImportsResolver {
  constructor(
    private readonly imports: PenaltyImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => ImportSummaryModel, {
    description:
      'DEPARTMENT. Imports a 双公示 spreadsheet (CSV in UTF-8 or GB18030, or XLSX; at most 20 MB by default, IMPORT_MAX_UPLOAD_BYTES) through the same ingestion as submitPenaltyRecords. ' +
      'Send it as a GraphQL multipart request with the header `apollo-require-preflight: true`. Re-importing a file is safe (UNCHANGED rows are counted).',
  })
  @Roles('DEPARTMENT')
  async importPenaltyFile(
    @Args('file', { type: () => UploadScalar }) file: FileUpload,
    @CurrentPrincipal() department: DepartmentPrincipal,
    @Context('req') request: { raw?: { socket?: Socket | null } } | undefined,
    @Args('dryRun', { type: () => Boolean, nullable: true, description: 'Validate only; nothing is written.' }) dryRun?: boolean | null,
  ): Promise<ImportSummaryModel> {
    const limits = this.config.imports;
    if (file.truncated) {
      const mb = Math.floor(limits.maxUploadBytes / 1024 / 1024);
      throw uploadTooLarge(mb);
    }
    // The upload sits in its own temporary directory; the report goes beside it and both are removed here,
    // once the import has stopped, whatever the outcome (the multipart hook removes it again after the response).
    const directory = path.dirname(file.path);
    const reportPath = path.join(directory, 'errors.csv');
    const disconnected = whenDisconnected(request?.raw?.socket ?? null);
    try {
      const summary = await this.imports.import(department, file.path, {
        dryRun: dryRun ?? false,
        reportPath,
        keepRejectedRows: limits.reportMaxRows,
        reportLimits: { maxRows: limits.reportMaxRows, maxBytes: limits.reportMaxBytes },
        signal: disconnected.signal,
      });
      const errorReportCsv = summary.errorReportPath ? await fs.promises.readFile(summary.errorReportPath, 'utf8') : null;
      return { ...summary, errorReportCsv };
    } finally {
      disconnected.dispose();
      await fs.promises.rm(directory, { recursive: true, force: true });
    }
  }
}

/** Aborts when the client's connection closes before the answer is sent; nobody would read it. */
function whenDisconnected(socket: Socket | null): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  if (!socket) return { signal: controller.signal, dispose: () => undefined };
  const abort = () => controller.abort();
  if (socket.destroyed) abort();
  socket.once('close', abort);
  return { signal: controller.signal, dispose: () => socket.off('close', abort) };
}
