// GET /templates/penalties.xlsx and /templates/penalties.csv[?encoding=gb18030]: the 双公示 import template,
// public (a clerk downloads it from a link before any key is issued). The files never change while the process
// runs, so each is built once, on first request.
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@credit/common';
import { penaltyTemplateCsv, penaltyTemplateXlsx, TemplateCsvEncoding } from './penalty-template.files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ENCODINGS: Readonly<Record<string, TemplateCsvEncoding>> = { 'utf-8': 'UTF-8', utf8: 'UTF-8', gb18030: 'GB18030', gbk: 'GB18030' };

/** The file name a browser saves under, in both forms (RFC 6266: ASCII fallback, then UTF-8). */
function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@Controller('templates')
export class PenaltyTemplatesController {
  private xlsx: Promise<Buffer> | null = null;
  private readonly csv = new Map<TemplateCsvEncoding, Buffer>();

  @Get('penalties.xlsx')
  @Public()
  async xlsxTemplate(@Res() reply: FastifyReply): Promise<void> {
    this.xlsx ??= penaltyTemplateXlsx();
    const content = await this.xlsx;
    await reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('penalties.xlsx', '双公示行政处罚导入模板.xlsx')).send(content);
  }

  /** UTF-8 with a BOM by default; `?encoding=gb18030` for Excel versions that open a CSV only in the local code page. */
  @Get('penalties.csv')
  @Public()
  async csvTemplate(@Query('encoding') requested: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const encoding = ENCODINGS[(requested ?? 'utf-8').toLowerCase()];
    if (!encoding) {
      const message = `不支持的编码“${requested}”，请使用 utf-8 或 gb18030（unsupported encoding; use utf-8 or gb18030）`;
      await reply.status(400).send({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'encoding' } }] });
      return;
    }
    let content = this.csv.get(encoding);
    if (!content) this.csv.set(encoding, (content = penaltyTemplateCsv(encoding)));
    const charset = encoding === 'UTF-8' ? 'utf-8' : 'gb18030';
    const name = encoding === 'UTF-8' ? 'penalties-utf8.csv' : 'penalties-gb18030.csv';
    await reply.header('content-type', `text/csv; charset=${charset}`).header('content-disposition', attachment(name, `双公示行政处罚导入模板-${charset}.csv`)).send(content);
  }
}
