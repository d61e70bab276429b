import { valueTableCsv, valueTableFileName, valueTableXlsx } from '../reports/valueTableFiles.js';
import type { Db } from '../db/repositories/types.js';
import { valueTable } from './indicatorTable.js';

/** An indicator's values with provenance as a CSV or XLSX file. */
export interface DownloadFile {
  fileName: string;
  mediaType: string;
  body: Buffer | string;
}

export async function valueDownload(db: Db, id: string, options: { areaIds: readonly string[]; breakdown: string; format: 'csv' | 'xlsx' }): Promise<DownloadFile> {
  const table = await valueTable(db, id, options);
  if (options.format === 'csv') return { fileName: valueTableFileName(table, 'csv'), mediaType: 'text/csv; charset=utf-8', body: valueTableCsv(table) };
  return {
    fileName: valueTableFileName(table, 'xlsx'),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await valueTableXlsx(table),
  };
}
