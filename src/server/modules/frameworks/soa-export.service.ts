import { renderSoaCsv } from '../../../formats/soa-csv.js';
import type { ServiceContext } from '../../kernel/context.js';
import { fileNamePart } from '../../kernel/http/downloads.js';
import { buildSoa } from './soa.service.js';

export const soaFormats = ['xlsx', 'csv', 'pdf'] as const;
export type SoaFormat = (typeof soaFormats)[number];

const contentTypes: Record<SoaFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export async function exportSoa(
  ctx: ServiceContext,
  frameworkId: string,
  format: SoaFormat,
  serviceId?: string,
) {
  const soa = await buildSoa(ctx, frameworkId, serviceId);
  const body =
    format === 'xlsx'
      ? await (await import('../../../formats/soa-xlsx.js')).renderSoaXlsx(soa)
      : format === 'pdf'
        ? await (await import('../../../formats/soa-pdf.js')).renderSoaPdf(soa)
        : renderSoaCsv(soa);
  const scope = soa.serviceName ? `-${fileNamePart(soa.serviceName)}` : '';
  const date = soa.generatedAt.slice(0, 10);
  return {
    body,
    contentType: contentTypes[format],
    fileName: `SoA-${fileNamePart(soa.frameworkName)}${scope}-${date}.${format}`,
  };
}
