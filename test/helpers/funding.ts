import { dayFromToday } from './training';

const KK = 'DOE-PEO-40';

/** A body for POST /api/funding/funds: a Khon Kaen fund of 5,000,000 baht lending 50,000–300,000 baht. */
export const fundBody = (over: Record<string, unknown> = {}, rules: Record<string, unknown> = {}) => ({
  code: `KK-FUND-${Math.floor(Math.random() * 1e6)}`,
  nameTh: 'กองทุนหมุนเวียนกลุ่มอาชีพ ขอนแก่น',
  nameEn: 'Khon Kaen occupation group revolving fund',
  ownerUnitCode: KK,
  provinceCodes: ['40'],
  capitalSatang: 500_000_000,
  rules: {
    minAmountSatang: 5_000_000,
    maxAmountSatang: 30_000_000,
    minTermMonths: 1,
    maxTermMonths: 24,
    rateBp: 0,
    dueDay: 31,
    deadline: dayFromToday(30),
    oneOpenLoan: true,
    ...rules,
  },
  ...over,
});
