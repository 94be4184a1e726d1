import { describe, expect, it } from 'vitest';
import { renderFundingReport } from './report.pdf';

const cell = (outstandingSatang: number, loans: number) => ({ loans, outstandingSatang });

describe('the funding report PDF', () => {
  it('runs onto further pages when the months do not fit one', async () => {
    const flows = Array.from({ length: 48 }, (_, i) => ({
      month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      fiscalYear: 2566 + Math.floor((i + 3) / 12),
      disbursedSatang: 150_000_000 + i,
      repaidSatang: 62_500_000,
    }));
    const render = (months: typeof flows) =>
      renderFundingReport({
        generatedAt: new Date('2026-12-03T05:00:00Z'),
        funds: [{ code: 'KK', nameTh: 'กองทุนขอนแก่น', position: { capital: 1, committed: 0, outstanding: 0, repaid: 0, writtenOff: 0, available: 1 } }],
        flows: months,
        ageing: [
          {
            provinceCode: '40',
            provinceNameTh: 'ขอนแก่น',
            buckets: { current: cell(100, 1), '1-30': cell(0, 0), '31-60': cell(0, 0), '61-90': cell(0, 0), 'over-90': cell(0, 0) },
            par30Bp: 0,
            par90Bp: 0,
          },
        ],
      });
    const pages = (bytes: Buffer) => bytes.toString('latin1').match(/\/Type \/Page\b/g)!.length;
    expect(pages(await render(flows.slice(0, 3)))).toBe(1);
    expect(pages(await render(flows))).toBeGreaterThan(1);
  });
});
