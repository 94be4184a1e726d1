import { maskNationalId } from '../../../shared/national-id';
import type * as groups from './groups.repository';
import type { GroupRow } from './groups.repository';
import type * as repository from './registry.repository';
import type { PersonRow } from './registry.repository';

/** '1-2345-xxxxx-xx-1' for a Thai ID; other documents keep their first two and last character. */
export function maskDocument(docType: string, docNumber: string): string {
  if (docType === 'th-id' && docNumber.length === 13) return maskNationalId(docNumber);
  if (docNumber.length <= 3) return 'x'.repeat(docNumber.length);
  return docNumber.slice(0, 2) + 'x'.repeat(docNumber.length - 3) + docNumber.slice(-1);
}

export const maskPhone = (phone: string | null) => (phone ? phone.slice(0, 3) + 'xxx' + phone.slice(-4) : null);

export interface Viewer {
  sensitive: boolean;
  phone: boolean;
  sensitiveConsent: boolean;
  sensitiveTargetGroups: ReadonlySet<string>;
}

type PersonCoreRow = Pick<
  PersonRow,
  'id' | 'doc_type' | 'doc_number' | 'title' | 'first_name_th' | 'last_name_th' | 'first_name_en' | 'last_name_en' | 'sex' | 'birth_date' | 'status'
>;

/** What a person's page and a list row both show. */
const personCore = (p: PersonCoreRow) => ({
  id: p.id,
  docType: p.doc_type,
  docNumberMasked: maskDocument(p.doc_type, p.doc_number),
  title: p.title,
  firstNameTh: p.first_name_th,
  lastNameTh: p.last_name_th,
  firstNameEn: p.first_name_en,
  lastNameEn: p.last_name_en,
  sex: p.sex,
  birthDate: p.birth_date,
  status: p.status,
});

/** A row of a people list. The sensitive target groups are left out for everyone: consent is checked per person on their page. */
export function presentPersonListItem(
  p: PersonCoreRow &
    Pick<
      PersonRow,
      'phone' | 'target_groups' | 'province_code' | 'district_code' | 'province_name_th' | 'province_name_en' | 'district_name_th' | 'district_name_en'
    >,
  v: { phone: boolean; sensitiveTargetGroups: ReadonlySet<string> },
) {
  return {
    ...personCore(p),
    phone: v.phone ? p.phone : null,
    provinceCode: p.province_code,
    districtCode: p.district_code,
    provinceNameTh: p.province_name_th,
    provinceNameEn: p.province_name_en,
    districtNameTh: p.district_name_th,
    districtNameEn: p.district_name_en,
    targetGroups: p.target_groups.filter((g) => !v.sensitiveTargetGroups.has(g)),
  };
}

export function presentPerson(p: PersonRow, v: Viewer) {
  const showSensitive = v.sensitive && v.sensitiveConsent;
  return {
    ...personCore(p),
    phone: v.phone ? p.phone : maskPhone(p.phone),
    address: {
      houseNo: p.house_no,
      villageNo: p.village_no,
      subdistrictCode: p.subdistrict_code,
      districtCode: p.district_code,
      provinceCode: p.province_code,
      subdistrictNameTh: p.subdistrict_name_th,
      subdistrictNameEn: p.subdistrict_name_en,
      districtNameTh: p.district_name_th,
      districtNameEn: p.district_name_en,
      provinceNameTh: p.province_name_th,
      provinceNameEn: p.province_name_en,
      postcode: p.postcode,
    },
    targetGroups: showSensitive ? p.target_groups : p.target_groups.filter((g) => !v.sensitiveTargetGroups.has(g)),
    // The card number is usually the national ID: masked like it, revealed only by the audited reveal (issue 15 §3).
    disability:
      showSensitive && p.disability_type
        ? { type: p.disability_type, cardNo: p.disability_card_no ? maskDocument('other', p.disability_card_no) : null }
        : null,
    /** True when the record holds sensitive data this viewer may not see. */
    sensitiveWithheld: !showSensitive && Boolean(p.disability_type || p.disability_card_no || p.target_groups.some((g) => v.sensitiveTargetGroups.has(g))),
    education: p.education,
    workStatus: p.work_status,
    monthlyIncomeSatang: p.monthly_income_satang,
    householdSize: p.household_size,
    lawfulBasis: p.lawful_basis,
    registeredUnitCode: p.registered_unit_code,
    source: p.source,
    mergedInto: p.merged_into,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
    version: p.version,
  };
}

export function presentGroup(g: GroupRow) {
  return {
    id: g.id,
    name: g.name,
    type: g.type,
    registrationNo: g.registration_no,
    occupation: g.occupation,
    subdistrictCode: g.subdistrict_code,
    districtCode: g.district_code,
    provinceCode: g.province_code,
    subdistrictNameTh: g.subdistrict_name_th,
    subdistrictNameEn: g.subdistrict_name_en,
    districtNameTh: g.district_name_th,
    districtNameEn: g.district_name_en,
    provinceNameTh: g.province_name_th,
    provinceNameEn: g.province_name_en,
    foundedOn: g.founded_on,
    contactName: g.contact_name,
    contactPhone: g.contact_phone,
    registeredUnitCode: g.registered_unit_code,
    source: g.source,
    status: g.status,
    memberCount: g.member_count,
    createdAt: new Date(g.created_at).toISOString(),
    version: g.version,
  };
}

export function presentEvent(e: repository.EventRow & { actor_name: string | null }) {
  return {
    id: e.id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    module: e.module,
    kind: e.kind,
    summaryTh: e.summary_th,
    summaryEn: e.summary_en,
    actorName: e.actor_name,
    data: (e.data ?? null) as Record<string, unknown> | null,
  };
}
export function presentConsent(c: Awaited<ReturnType<typeof repository.consentsOf>>[number]) {
  return {
    id: c.id,
    purpose: c.purpose,
    lawfulBasis: c.lawful_basis,
    givenAt: new Date(c.given_at).toISOString(),
    withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
    evidence: c.evidence,
  };
}
export function presentMembershipOfPerson(m: Awaited<ReturnType<typeof groups.membershipsOf>>[number]) {
  return {
    id: m.id,
    groupId: m.group_id,
    groupName: m.group_name,
    groupType: m.group_type,
    role: m.role,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    leftReason: m.left_reason,
  };
}
export function presentMember(m: Awaited<ReturnType<typeof groups.membersOf>>[number]) {
  return {
    id: m.id,
    personId: m.person_id,
    title: m.title,
    firstNameTh: m.first_name_th,
    lastNameTh: m.last_name_th,
    firstNameEn: m.first_name_en,
    lastNameEn: m.last_name_en,
    role: m.role,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    leftReason: m.left_reason,
  };
}
