import { toBuddhistYear } from '../../../shared/thai-date';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { FileProblem } from '../../platform/files/decode';
import { cellReader, mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { publishProblem } from './employment.rules';

type Ctx = ActorContext;

export interface VacancyInput {
  employerId?: number;
  kind: 'employment' | 'home-based' | 'self-employment';
  occupationCode: string;
  titleTh: string;
  titleEn?: string | null;
  description?: string | null;
  requiredStandardCode?: string | null;
  education?: string | null;
  remote: boolean;
  subdistrictCode?: string | null;
  wageSatang: number;
  wageUnit: 'day' | 'month' | 'piece';
  openings: number;
  opensOn: string;
  closesOn: string;
  quantity?: number | null;
  materialsSupplied?: boolean | null;
  deliveryOn?: string | null;
  publish: boolean;
}

export const VACANCY_IMPORT_MAX_ROWS = 5000;
type ImportKey =
  | 'employerTaxId'
  | 'kind'
  | 'occupationCode'
  | 'titleTh'
  | 'subdistrictCode'
  | 'wageBaht'
  | 'wageUnit'
  | 'openings'
  | 'opensOn'
  | 'closesOn'
  | 'requiredStandardCode';
export const VACANCY_COLUMNS: readonly ImportColumn<ImportKey>[] = [
  { key: 'employerTaxId', th: 'เลขทะเบียนนิติบุคคล', en: 'Employer tax number', required: true, hintTh: '13 หลัก', hintEn: '13 digits' },
  {
    key: 'kind',
    th: 'ประเภท',
    en: 'Kind',
    required: false,
    hintTh: 'employment / home-based / self-employment',
    hintEn: 'employment / home-based / self-employment',
  },
  { key: 'occupationCode', th: 'รหัสอาชีพ', en: 'Occupation code', required: true, hintTh: 'ISCO-08 4 หลัก', hintEn: 'ISCO-08, 4 digits' },
  { key: 'titleTh', th: 'ชื่อตำแหน่ง', en: 'Title', required: true, hintTh: 'ภาษาไทย', hintEn: 'In Thai' },
  { key: 'subdistrictCode', th: 'รหัสตำบล', en: 'Sub-district code', required: true, hintTh: '6 หลัก', hintEn: '6 digits' },
  { key: 'wageBaht', th: 'ค่าจ้าง (บาท)', en: 'Wage (baht)', required: true, hintTh: 'ตัวเลข', hintEn: 'A number' },
  { key: 'wageUnit', th: 'หน่วยค่าจ้าง', en: 'Wage unit', required: true, hintTh: 'day / month / piece', hintEn: 'day / month / piece' },
  { key: 'openings', th: 'จำนวนที่รับ', en: 'Openings', required: true, hintTh: '1–10000', hintEn: '1–10000' },
  { key: 'opensOn', th: 'วันเปิดรับ', en: 'Opens on', required: true, hintTh: 'YYYY-MM-DD', hintEn: 'YYYY-MM-DD' },
  { key: 'closesOn', th: 'วันปิดรับ', en: 'Closes on', required: true, hintTh: 'YYYY-MM-DD', hintEn: 'YYYY-MM-DD' },
  {
    key: 'requiredStandardCode',
    th: 'คุณวุฒิที่ต้องการ',
    en: 'Required qualification',
    required: false,
    hintTh: 'รหัสมาตรฐาน เช่น TPQI-ECW',
    hintEn: 'Standard code, e.g. TPQI-ECW',
  },
];

/** Vacancies and home-based work orders: drafted by an employer (or an officer for one), published once verified, on a public board. */
export function createVacanciesService(access: EmploymentAccess) {
  const { db, geo, today, requireEmployer, employerIdOf, vacancyFor, presentVacancy, presentVacancies, outOfArea, standardFor } = access;

  /** The employer a new vacancy is for, checked against who asks. */
  async function employerForNew(ctx: Ctx, employerId: number | undefined) {
    const own = await employerIdOf(ctx);
    if (own !== null) {
      if (employerId !== undefined && employerId !== own)
        throw problems.forbidden({ en: 'An employer posts vacancies for itself only.', th: 'นายจ้างประกาศตำแหน่งงานได้เฉพาะของตนเอง' });
      return { employer: await requireEmployer(own), source: 'employer' as const };
    }
    if (employerId === undefined)
      throw problems.validation([{ field: 'body.employerId', code: 'required', message: 'Name the employer.', messageTh: 'กรุณาระบุนายจ้าง' }]);
    const employer = await requireEmployer(employerId);
    if (!employmentPolicy.acts(ctx.actor, employer.province_code))
      throw await outOfArea(
        { en: 'post vacancies for this employer', th: 'ประกาศตำแหน่งงานให้นายจ้างรายนี้' },
        employer.province_code,
        employmentPolicy.officerScope(ctx.actor),
      );
    return { employer, source: 'officer' as const };
  }

  /** Field errors of a vacancy's input (dates, place, home-based details, the standard), none when it is right. */
  async function checkVacancy(
    input: VacancyInput,
    prefix = 'body',
  ): Promise<{ errors: FieldError[]; area: { districtCode: string; provinceCode: string } | null }> {
    const errors: FieldError[] = [];
    const e = (field: string, code: string, message: string, messageTh: string) => errors.push({ field: `${prefix}.${field}`, code, message, messageTh });
    if (input.closesOn < input.opensOn) e('closesOn', 'before-opening', 'The closing date is before the opening date.', 'วันปิดรับสมัครอยู่ก่อนวันเปิดรับ');
    let area = null;
    if (input.subdistrictCode) {
      area = (await geo.subdistrictAreas()).get(input.subdistrictCode) ?? null;
      if (!area) e('subdistrictCode', 'unknown', `No sub-district has code ${input.subdistrictCode}.`, `ไม่พบตำบลรหัส ${input.subdistrictCode}`);
    } else if (!input.remote && input.kind !== 'home-based')
      e('subdistrictCode', 'required', 'Say where the work is, or mark it remote.', 'กรุณาระบุสถานที่ทำงาน หรือระบุว่าทำงานทางไกล');
    if (input.kind === 'home-based') {
      if (!input.quantity) e('quantity', 'required', 'A home-based work order states the quantity.', 'งานรับไปทำที่บ้านต้องระบุจำนวนชิ้นงาน');
      if (!input.deliveryOn) e('deliveryOn', 'required', 'A home-based work order states the delivery date.', 'งานรับไปทำที่บ้านต้องระบุวันส่งมอบงาน');
      if (input.wageUnit !== 'piece') e('wageUnit', 'piece-rate', 'Home-based work is paid by the piece.', 'งานรับไปทำที่บ้านจ่ายค่าจ้างตามชิ้นงาน');
    }
    if (input.requiredStandardCode)
      await standardFor(input.requiredStandardCode, `${prefix}.requiredStandardCode`).catch((p) =>
        errors.push(...((p as { errors?: FieldError[] }).errors ?? [])),
      );
    return { errors, area };
  }

  const rowOf = (
    input: VacancyInput,
    employer: repository.EmployerRow,
    area: { districtCode: string; provinceCode: string } | null,
    code: string,
    source: 'employer' | 'officer' | 'import',
    by: string,
  ) => ({
    code,
    employer_id: employer.id,
    kind: input.kind,
    occupation_code: input.occupationCode,
    title_th: input.titleTh,
    title_en: input.titleEn ?? null,
    description: input.description ?? null,
    required_standard_code: input.requiredStandardCode ?? null,
    education: input.education ?? null,
    remote: input.remote,
    subdistrict_code: input.subdistrictCode ?? null,
    district_code: area?.districtCode ?? null,
    province_code: area?.provinceCode ?? employer.province_code,
    wage_satang: input.wageSatang,
    wage_unit: input.wageUnit,
    openings: input.openings,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    quantity: input.quantity ?? null,
    materials_supplied: input.materialsSupplied ?? null,
    delivery_on: input.deliveryOn ?? null,
    source,
    created_by: by,
  });

  const service = {
    async createVacancy(ctx: Ctx, input: VacancyInput) {
      const { employer, source } = await employerForNew(ctx, input.employerId);
      const { errors, area } = await checkVacancy(input);
      if (errors.length) throw problems.validation(errors);
      // An officer's vacancy is a record of its place's province: that too must be in the officer's area.
      if (source === 'officer' && area && !employmentPolicy.acts(ctx.actor, area.provinceCode))
        throw await outOfArea({ en: 'post vacancies in this place', th: 'ประกาศตำแหน่งงานในพื้นที่นี้' }, area.provinceCode, employmentPolicy.officerScope(ctx.actor));
      if (input.publish) {
        const why = publishProblem(
          { kind: input.kind, status: 'draft', closesOn: input.closesOn, openings: input.openings, placedCount: 0 },
          { status: employer.status, homeWorkRegistrationNo: employer.home_work_registration_no },
          today(),
        );
        if (why) throw problems.unprocessable(why);
      }
      const created = await db.transaction().execute(async (trx) => {
        const code = await repository.nextVacancyCode(trx, toBuddhistYear(Number(today().slice(0, 4))));
        const v = await repository.insertVacancy(trx, {
          ...rowOf(input, employer, area, code, source, ctx.actor.userId),
          status: input.publish ? 'published' : 'draft',
        });
        await recordAudit(trx, ctx, {
          action: 'vacancy.create',
          entityType: 'vacancy',
          entityId: String(v.id),
          provinceCode: v.province_code,
          after: { code, titleTh: v.title_th, openings: v.openings, status: v.status },
        });
        return v;
      });
      return presentVacancy({ ...created, employer_name_th: employer.name_th, employer_name_en: employer.name_en });
    },

    /** Publish a draft (the employer verified, home-based work registered) or close a vacancy. */
    async setVacancyStatus(ctx: Ctx, id: number, status: 'published' | 'closed') {
      const { vacancy: v, own } = await vacancyFor(ctx, id, 'act');
      if (!own && !employmentPolicy.acts(ctx.actor, v.province_code))
        throw problems.forbidden({ en: 'You may not change this vacancy.', th: 'คุณไม่มีสิทธิ์แก้ไขตำแหน่งงานนี้' });
      const employer = await requireEmployer(v.employer_id);
      if (status === 'published') {
        const why = publishProblem(
          { kind: v.kind, status: v.status, closesOn: v.closes_on, openings: v.openings, placedCount: v.placed_count },
          { status: employer.status, homeWorkRegistrationNo: employer.home_work_registration_no },
          today(),
        );
        if (why) throw problems.unprocessable(why);
      } else if (v.status === 'closed') throw problems.conflict({ en: 'The vacancy is closed already.', th: 'ตำแหน่งงานนี้ปิดแล้ว' });
      const updated = await db.transaction().execute(async (trx) => {
        const after = await repository.updateVacancy(trx, id, { status });
        await recordAudit(trx, ctx, {
          action: `vacancy.${status === 'published' ? 'publish' : 'close'}`,
          entityType: 'vacancy',
          entityId: String(id),
          provinceCode: v.province_code,
          before: { status: v.status },
          after: { status },
        });
        return after;
      });
      return presentVacancy({ ...updated, employer_name_th: v.employer_name_th, employer_name_en: v.employer_name_en });
    },

    async getVacancy(ctx: Ctx, id: number) {
      return presentVacancy((await vacancyFor(ctx, id, 'read')).vacancy);
    },

    /** An employer's own vacancies; an officer's or executive's area's. */
    async listVacancies(
      ctx: Ctx,
      query: {
        status?: repository.VacancyRow['status'];
        province?: string;
        occupation?: string;
        kind?: repository.VacancyRow['kind'];
        q?: string;
        limit: number;
        offset: number;
      },
    ) {
      const own = await employerIdOf(ctx);
      const scope = employmentPolicy.readScope(ctx.actor);
      if (own === null && scope.kind === 'none')
        throw problems.forbidden({
          en: 'Your role does not include reading vacancies here; see the public board.',
          th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายการนี้ ดูประกาศงานสาธารณะแทน',
        });
      const found = await repository.listVacancies(db, {
        ...(own !== null ? { employerId: own } : { provinces: provincesOf(scope) }),
        status: query.status ? [query.status] : undefined,
        province: query.province,
        occupation: query.occupation,
        kind: query.kind,
        q: query.q,
        limit: query.limit,
        offset: query.offset,
      });
      return { items: await presentVacancies(found.items), total: found.total };
    },

    /** The public board: published vacancies open today, no personal data. */
    async board(query: { province?: string; occupation?: string; kind?: repository.VacancyRow['kind']; q?: string; limit: number; offset: number }) {
      const found = await repository.listVacancies(db, { status: ['published'], openOn: today(), ...query });
      return { items: await presentVacancies(found.items), total: found.total };
    },
    async boardVacancy(id: number) {
      const v = await repository.findVacancy(db, id);
      if (!v || v.status !== 'published') throw problems.notFound({ en: `No published vacancy has id ${id}.`, th: `ไม่พบประกาศตำแหน่งงานรหัส ${id}` });
      return presentVacancy(await access.requireVacancy(id));
    },

    /**
     * Vacancies from a job fair's or the national portal's CSV/XLSX (the platform's table reader and
     * row-error report): every row is checked; with `dryRun` nothing is written, otherwise the valid
     * rows become drafts of employers in the officer's area.
     */
    async importVacancies(ctx: Ctx, input: { fileName: string; bytes: Buffer; dryRun: boolean }) {
      const scope = employmentPolicy.officerScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Only employment officers import vacancies.', th: 'เฉพาะเจ้าหน้าที่เท่านั้นที่นำเข้าตำแหน่งงานได้' });
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(input.bytes, { maxRows: VACANCY_IMPORT_MAX_ROWS });
      } catch (error) {
        if (error instanceof FileProblem) throw problems.malformed({ en: `${input.fileName}: ${error.en}`, th: `${input.fileName}: ${error.th}` });
        throw error;
      }
      const { mapping, missing } = mapHeader(table.header, VACANCY_COLUMNS);
      if (missing.length)
        throw problems.validation(
          missing.map((key) => {
            const c = VACANCY_COLUMNS.find((x) => x.key === key)!;
            return { field: `file.${key}`, code: 'missing-column', message: `The file has no column “${c.en}”.`, messageTh: `ไฟล์ไม่มีคอลัมน์ “${c.th}”` };
          }),
        );
      const errors: RowError[] = [];
      const ready: { input: VacancyInput; employer: repository.EmployerRow; area: { districtCode: string; provinceCode: string } | null; line: number }[] = [];
      const label = (k: ImportKey) => VACANCY_COLUMNS.find((c) => c.key === k)!;
      for (const record of table.rows) {
        const before = errors.length;
        const cell = cellReader(record.cells, record.line, mapping, errors, label);
        const taxId = cell.required('employerTaxId');
        const employer = taxId ? await repository.findEmployerByTaxId(db, taxId.replace(/[\s-]/g, '')) : undefined;
        if (taxId && !employer) cell.fail('employerTaxId', 'unknown-employer', 'no registered employer has this number.', 'ไม่พบนายจ้างที่ลงทะเบียนด้วยเลขนี้');
        if (employer && !employmentPolicy.acts(ctx.actor, employer.province_code))
          cell.fail('employerTaxId', 'out-of-scope', 'the employer is outside your area.', 'นายจ้างอยู่นอกพื้นที่รับผิดชอบของคุณ');
        const kind = (cell.get('kind') || 'employment') as VacancyInput['kind'];
        if (!['employment', 'home-based', 'self-employment'].includes(kind))
          cell.fail('kind', 'unknown', 'use employment, home-based or self-employment.', 'ใช้ employment, home-based หรือ self-employment');
        const occupation = cell.required('occupationCode');
        if (occupation && !/^\d{4}$/.test(occupation)) cell.fail('occupationCode', 'format', 'an ISCO-08 code has 4 digits.', 'รหัสอาชีพ ISCO-08 มี 4 หลัก');
        const title = cell.required('titleTh');
        const wage = Number(cell.required('wageBaht'));
        if (!Number.isFinite(wage) || wage < 0) cell.fail('wageBaht', 'number', 'a wage is a number of baht.', 'ค่าจ้างต้องเป็นตัวเลขจำนวนบาท');
        const unit = cell.required('wageUnit') as VacancyInput['wageUnit'];
        if (unit && !['day', 'month', 'piece'].includes(unit)) cell.fail('wageUnit', 'unknown', 'use day, month or piece.', 'ใช้ day, month หรือ piece');
        const openings = Number(cell.required('openings'));
        if (!Number.isInteger(openings) || openings < 1 || openings > 10000)
          cell.fail('openings', 'range', 'a whole number from 1 to 10,000.', 'จำนวนเต็มตั้งแต่ 1 ถึง 10,000');
        const opensOn = parseLooseDate(cell.required('opensOn') ?? '');
        if (!opensOn) cell.fail('opensOn', 'date', 'a date as YYYY-MM-DD.', 'วันที่ในรูปแบบ ปปปป-ดด-วว');
        const closesOn = parseLooseDate(cell.required('closesOn') ?? '');
        if (!closesOn) cell.fail('closesOn', 'date', 'a date as YYYY-MM-DD.', 'วันที่ในรูปแบบ ปปปป-ดด-วว');
        if (errors.length > before || !employer) continue;
        const input: VacancyInput = {
          kind,
          occupationCode: occupation!,
          titleTh: title!,
          subdistrictCode: cell.get('subdistrictCode') || null,
          requiredStandardCode: cell.get('requiredStandardCode') || null,
          remote: false,
          wageSatang: Math.round(wage * 100),
          wageUnit: unit,
          openings,
          opensOn: opensOn!,
          closesOn: closesOn!,
          quantity: kind === 'home-based' ? openings : null,
          deliveryOn: kind === 'home-based' ? closesOn : null,
          publish: false,
        };
        const checked = await checkVacancy(input, `line ${record.line}`);
        for (const f of checked.errors)
          errors.push({ line: record.line, column: f.field.split('.').pop() ?? null, value: null, code: f.code, en: f.message, th: f.messageTh });
        if (checked.area && !employmentPolicy.acts(ctx.actor, checked.area.provinceCode))
          errors.push({
            line: record.line,
            column: 'subdistrictCode',
            value: null,
            code: 'out-of-scope',
            en: 'the place is outside your area.',
            th: 'สถานที่ทำงานอยู่นอกพื้นที่รับผิดชอบของคุณ',
          });
        else if (!checked.errors.length) ready.push({ input, employer, area: checked.area, line: record.line });
      }
      if (!input.dryRun && ready.length) {
        await db.transaction().execute(async (trx) => {
          for (const r of ready) {
            const code = await repository.nextVacancyCode(trx, toBuddhistYear(Number(today().slice(0, 4))));
            await repository.insertVacancy(trx, rowOf(r.input, r.employer, r.area, code, 'import', ctx.actor.userId));
          }
          await recordAudit(trx, ctx, {
            action: 'vacancy.import',
            entityType: 'vacancy',
            after: { fileName: input.fileName, created: ready.length, rejected: table.rows.length - ready.length },
          });
        });
      }
      return {
        rows: table.rows.length,
        created: input.dryRun ? 0 : ready.length,
        dryRun: input.dryRun,
        errors: errors.map((e) => ({ line: e.line, column: e.column, value: e.value, code: e.code, th: e.th, en: e.en })),
      };
    },
  };
  return service;
}
