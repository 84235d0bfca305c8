// Coded errors of file imports besides the platform's own (CommonErrorCode of @credit/common): a file too large
// to take or a sheet that crosses a limit (PAYLOAD_TOO_LARGE, BAD_USER_INPUT on `file`), and the client
// leaving before the import ended.
import { badInput, CommonErrorCode, DomainError, payloadTooLarge } from '@credit/common';

export type ImportErrorCode = Extract<CommonErrorCode, 'PAYLOAD_TOO_LARGE' | 'BAD_USER_INPUT'> | 'CLIENT_CLOSED_REQUEST';

export type ImportError = DomainError<ImportErrorCode>;

/** The upload was cut at the size limit. */
export function uploadTooLarge(maxMegabytes: number): ImportError {
  return payloadTooLarge(`文件超过${maxMegabytes} MB，请拆分后分别导入（the file is larger than ${maxMegabytes} MB; split it）`, 'file');
}

export function fileInflatesTooFar(maxMegabytes: number): ImportError {
  return payloadTooLarge(`文件内容解压后超过${maxMegabytes} MB，请拆分后分别导入（the file expands to more than ${maxMegabytes} MB; split it）`, 'file');
}

export function tooManyRows(maxRows: number): ImportError {
  return payloadTooLarge(`文件超过${maxRows}行，请拆分后分别导入（the file has more than ${maxRows} rows; split it）`, 'file');
}

/** `cell` as the clerk sees it (C12). */
export function cellBeyondColumns(cell: string, maxColumns: number): ImportError {
  return badInput(`单元格${cell}超出了${maxColumns}列的上限，请删除多余的列（cell ${cell} lies beyond the limit of ${maxColumns} columns; delete the extra columns）`, 'file');
}

export function cellTooLong(cell: string, length: number, maxChars: number): ImportError {
  return badInput(`单元格${cell}有${length}个字符，超过上限${maxChars}（cell ${cell} holds ${length} characters, more than ${maxChars}）`, 'file');
}

export function clientClosedRequest(): ImportError {
  return new DomainError('CLIENT_CLOSED_REQUEST', '客户端已断开，导入已停止（the client disconnected; the import stopped）');
}
