import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf, type Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { FileProblem } from '../../platform/files/decode';
import { cellReader, mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import { problems } from '../../platform/problem';
import { fiscalYearOf, fiscalYearRange } from '../../../shared/fiscal-year';
import type { MarketplaceAccess } from './marketplace.access';
import * as repository from './marketplace.repository';
import { bahtToSatang, bangkokToday, monthOf, partnerConsentPurpose, perMember, type SalesChannel } from './marketplace.rules';

type Ctx = ActorContext;

export interface SalesInput {
  orders: number;
  revenueSatang: number;
  returns: number;
}

type OrderKey = 'orderRef' | 'orderedOn' | 'amount' | 'status';
/** A channel's order export: Lazada's, Shopee's and TikTok's column names are aliases. */
export const ORDER_COLUMNS: readonly ImportColumn<OrderKey>[] = [
  {
    key: 'orderRef',
    th: 'หมายเลขคำสั่งซื้อ',
    en: 'Order number',
    required: true,
    hintTh: 'ตามที่ช่องทางออกให้',
    hintEn: 'As the channel gives it',
    aliases: ['Order ID', 'Order No', 'เลขที่คำสั่งซื้อ', 'รหัสคำสั่งซื้อ'],
  },
  {
    key: 'orderedOn',
    th: 'วันที่สั่งซื้อ',
    en: 'Order date',
    required: true,
    hintTh: 'ปปปป-ดด-วว',
    hintEn: 'YYYY-MM-DD',
    aliases: ['Created at', 'Order Creation Date', 'Created Time', 'วันที่สร้างคำสั่งซื้อ'],
  },
  {
    key: 'amount',
    th: 'ยอดชำระ (บาท)',
    en: 'Paid price (baht)',
    required: true,
    hintTh: 'ตัวเลข',
    hintEn: 'A number',
    aliases: ['Paid Price', 'Total Amount', 'Grand Total', 'Order Amount', 'ยอดรวม', 'ราคาที่ชำระ'],
  },
  {
    key: 'status',
    th: 'สถานะ',
    en: 'Status',
    required: false,
    hintTh: 'คืนสินค้า / ยกเลิก / อื่น ๆ',
    hintEn: 'returned / cancelled / other',
    aliases: ['Order Status', 'สถานะคำสั่งซื้อ'],
  },
];
const ORDER_IMPORT_MAX_ROWS = 20_000;
const RETURNED = /return|refund|คืน/i;
const CANCELLED = /cancel|ยกเลิก|failed|unpaid/i;

const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

/**
 * Monthly sales per group and channel: recorded by the group's leader or an officer, or summed
 * from a channel's order export (the same order is stored once, so a file imported twice adds
 * nothing). The group's income per member set beside the income its members had at registration.
 */
export function createSalesService(access: MarketplaceAccess) {
  const { db, registry, guardGroup, readScope, telling } = access;

  const refuseFuture = (month: string) => {
    if (month > monthOf(bangkokToday(new Date())))
      throw problems.validation([
        { field: 'params.month', code: 'future-month', message: 'Sales cannot be recorded for a month to come.', messageTh: 'บันทึกยอดขายของเดือนที่ยังมาไม่ถึงไม่ได้' },
      ]);
  };

  const service = {
    async recordSales(ctx: Ctx, groupId: number, channel: SalesChannel, month: string, input: SalesInput) {
      const { group, standing } = await guardGroup(ctx, groupId, 'act', { en: 'record this group’s sales', th: 'บันทึกยอดขายของกลุ่มนี้' });
      const first = monthOf(month);
      refuseFuture(first);
      if (input.returns > input.orders)
        throw problems.validation([
          { field: 'body.returns', code: 'returns-above-orders', message: 'More returns than orders.', messageTh: 'จำนวนคืนสินค้ามากกว่าจำนวนคำสั่งซื้อ' },
        ]);
      await db.transaction().execute(async (trx) => {
        await telling(trx, groupId, async () => {
          await repository.upsertSales(trx, {
            group_id: groupId,
            province_code: group.provinceCode,
            channel,
            month: first,
            orders: input.orders,
            revenue_satang: input.revenueSatang,
            returns: input.returns,
            source: standing.officer ? 'officer' : 'leader',
            recorded_by: ctx.actor.userId,
          });
          if (input.orders > 0) await repository.markFirstSale(trx, groupId, channel, first);
        });
        await recordAudit(trx, ctx, {
          action: 'sales.record',
          entityType: 'occupation_group',
          entityId: String(groupId),
          provinceCode: group.provinceCode,
          after: { channel, month: first, ...input },
        });
      });
      return service.groupSales(ctx, groupId);
    },

    /** A channel's order export (CSV/XLSX): checked row by row; `dryRun` only reports. */
    async importOrders(ctx: Ctx, groupId: number, input: { channel: SalesChannel; fileName: string; bytes: Buffer; dryRun: boolean }) {
      const { group } = await guardGroup(ctx, groupId, 'act', { en: 'import this group’s orders', th: 'นำเข้าคำสั่งซื้อของกลุ่มนี้' });
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(input.bytes, { maxRows: ORDER_IMPORT_MAX_ROWS });
      } catch (error) {
        if (error instanceof FileProblem) throw problems.malformed({ en: `${input.fileName}: ${error.en}`, th: `${input.fileName}: ${error.th}` });
        throw error;
      }
      const { mapping, missing } = mapHeader(table.header, ORDER_COLUMNS);
      if (missing.length)
        throw problems.validation(
          missing.map((key) => {
            const c = ORDER_COLUMNS.find((x) => x.key === key)!;
            return { field: `file.${key}`, code: 'missing-column', message: `The file has no column “${c.en}”.`, messageTh: `ไฟล์ไม่มีคอลัมน์ “${c.th}”` };
          }),
        );
      const label = (k: OrderKey) => ORDER_COLUMNS.find((c) => c.key === k)!;
      const errors: RowError[] = [];
      const orders = new Map<string, { order_ref: string; ordered_on: string; amount_satang: number; returned: boolean; line: number }>();
      let cancelled = 0;
      const today = bangkokToday(new Date());
      for (const record of table.rows) {
        const before = errors.length;
        const cell = cellReader(record.cells, record.line, mapping, errors, label);
        const ref = cell.required('orderRef');
        const on = parseLooseDate(cell.required('orderedOn') ?? '');
        if (!on) cell.fail('orderedOn', 'date', 'a date as YYYY-MM-DD.', 'วันที่ในรูปแบบ ปปปป-ดด-วว');
        else if (on > today) cell.fail('orderedOn', 'future', 'the date is in the future.', 'วันที่เป็นวันในอนาคต');
        const amount = bahtToSatang(cell.required('amount') ?? '');
        if (amount === null) cell.fail('amount', 'number', 'an amount of baht such as 1250.50.', 'จำนวนเงินบาท เช่น 1250.50');
        if (ref && orders.has(ref))
          cell.fail('orderRef', 'repeated', `the order is already on line ${orders.get(ref)!.line}.`, `คำสั่งซื้อนี้ซ้ำกับบรรทัด ${orders.get(ref)!.line}`);
        if (errors.length > before) continue;
        const status = cell.get('status');
        if (CANCELLED.test(status)) {
          cancelled++;
          continue;
        }
        orders.set(ref!, { order_ref: ref!, ordered_on: on!, amount_satang: amount!, returned: RETURNED.test(status), line: record.line });
      }
      const rows = [...orders.values()];
      const seen = await repository.existingOrderRefs(
        db,
        groupId,
        input.channel,
        rows.map((r) => r.order_ref),
      );
      const fresh = rows.filter((r) => !seen.has(r.order_ref));
      const months = [...new Set(fresh.map((r) => monthOf(r.ordered_on)))].sort();
      if (!input.dryRun && errors.length === 0 && fresh.length > 0) {
        await db.transaction().execute((trx) =>
          telling(trx, groupId, async () => {
            const inserted = await repository.insertOrders(
              trx,
              fresh.map(({ line: _line, ...r }) => ({ ...r, group_id: groupId, channel: input.channel })),
            );
            for (const month of [...new Set(inserted.map((r) => monthOf(r.ordered_on)))]) {
              const t = await repository.orderTotals(trx, groupId, input.channel, month, nextMonth(month));
              await repository.upsertSales(trx, {
                group_id: groupId,
                province_code: group.provinceCode,
                channel: input.channel,
                month,
                orders: Number(t.orders),
                revenue_satang: Number(t.revenue),
                returns: Number(t.returns),
                source: 'import',
                recorded_by: ctx.actor.userId,
              });
            }
            if (inserted.length) await repository.markFirstSale(trx, groupId, input.channel, months[0]!);
            await recordAudit(trx, ctx, {
              action: 'sales.import',
              entityType: 'occupation_group',
              entityId: String(groupId),
              provinceCode: group.provinceCode,
              after: { channel: input.channel, fileName: input.fileName, orders: inserted.length, months },
            });
          }),
        );
      }
      return {
        rows: table.rows.length,
        dryRun: input.dryRun,
        // A file with any bad row imports nothing: an export is fixed and sent again whole.
        imported: input.dryRun || errors.length > 0 ? 0 : fresh.length,
        alreadyImported: rows.length - fresh.length,
        cancelled,
        months,
        errors: errors.map((e) => ({ line: e.line, column: e.column, value: e.value, code: e.code, th: e.th, en: e.en })),
      };
    },

    /** The group's reports, and its income per member month by month beside the members' income at registration. */
    async groupSales(ctx: Ctx, groupId: number) {
      const { group, standing } = await guardGroup(ctx, groupId, 'read', { en: 'read this group’s sales', th: 'ดูยอดขายของกลุ่มนี้' });
      const [reports, members] = await Promise.all([repository.salesOfGroup(db, groupId), registry.currentMembers({ groupIds: [groupId] })]);
      const memberIds = members.get(groupId) ?? [];
      // The members' income at registration is each member's personal data: a partner's advisor
      // (Lazada's, say) reads it only from the members whose own consent to share with that
      // partner stands. The group's channel consent opens the group's records, not its members'.
      const partner = standing.reader || standing.leader ? null : standing.partnerChannel;
      const sharing = partner ? await registry.consentingPeople(memberIds, partnerConsentPurpose(partner)) : null;
      const facts = await registry.facts(sharing ? memberIds.filter((id) => sharing.has(id)) : memberIds);
      const incomes = [...facts.values()].map((f) => f.monthlyIncomeSatang).filter((v): v is number => v !== null);
      const baseline = incomes.length ? Math.floor(incomes.reduce((a, b) => a + b, 0) / incomes.length) : null;
      const byMonth = new Map<string, { orders: number; revenueSatang: number; returns: number }>();
      for (const r of reports) {
        const m = byMonth.get(r.month) ?? { orders: 0, revenueSatang: 0, returns: 0 };
        byMonth.set(r.month, { orders: m.orders + r.orders, revenueSatang: m.revenueSatang + Number(r.revenue_satang), returns: m.returns + r.returns });
      }
      return {
        groupId,
        groupName: group.name,
        members: memberIds.length,
        incomeAtRegistrationPerMemberSatang: baseline,
        reports: reports.map((r) => ({
          channel: r.channel as SalesChannel,
          month: r.month.slice(0, 7),
          orders: r.orders,
          revenueSatang: Number(r.revenue_satang),
          returns: r.returns,
          source: r.source as 'leader' | 'officer' | 'import',
        })),
        income: [...byMonth.entries()].map(([month, m]) => ({
          month: month.slice(0, 7),
          ...m,
          perMemberSatang: perMember(m.revenueSatang, memberIds.length),
        })),
      };
    },

    /**
     * For monitoring (and the summary below): sales by province, channel and month of a fiscal
     * year, in these provinces (null: all). Reads the reports only, never people.
     */
    async salesFacts(fiscalYear: number, provinces: readonly string[] | null = null) {
      const { start, end } = fiscalYearRange(fiscalYear);
      const rows = await repository.salesTotals(db, { from: start, to: nextMonth(monthOf(end)), provinces });
      return rows.map((r) => ({
        provinceCode: r.province_code,
        channel: r.channel as SalesChannel,
        month: String(r.month).slice(0, 7),
        orders: Number(r.orders),
        revenueSatang: Number(r.revenue_satang),
        returns: Number(r.returns),
        groups: Number(r.groups),
      }));
    },

    async summary(ctx: Ctx, fiscalYear?: number) {
      const scope: Scope = await readScope(ctx, { en: 'reading sales', th: 'ดูยอดขาย' });
      const fy = fiscalYear ?? fiscalYearOf(new Date());
      const rows = await service.salesFacts(fy, provincesOf(scope));
      const total = rows.reduce((a, r) => ({ orders: a.orders + r.orders, revenueSatang: a.revenueSatang + r.revenueSatang }), { orders: 0, revenueSatang: 0 });
      return { fiscalYear: fy, ...total, rows };
    },
  };
  return service;
}
