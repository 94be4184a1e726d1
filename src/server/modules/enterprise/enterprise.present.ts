import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Stage } from './enterprise.access';
import { isAutomatic, marksOf, validityOf, type CertKind, type CertStatus } from './enterprise.rules';

/** Rows → API objects. Enterprise holds no personal data of citizens: groups are organisations, officers name themselves on visits. */
export const presentStage = (s: Stage) => ({ ...s, evidence: { ...s.evidence }, automatic: isAutomatic(s.evidence) });

export const presentTarget = (t: Selectable<DB['programme_target']>) => ({
  stageCode: t.stage_code,
  fiscalYear: t.fiscal_year,
  areaKind: t.area_kind,
  areaCode: t.area_code,
  target: t.target,
  dueOn: t.due_on,
  assumed: t.assumed,
  sourceNote: t.source_note,
});

export const presentStep = (s: Selectable<DB['participation_step']>) => ({
  stageCode: s.stage_code,
  position: s.stage_position,
  kind: s.kind,
  reachedOn: s.reached_on,
  automatic: s.automatic,
  evidence: (s.evidence ?? {}) as Record<string, unknown>,
  reason: s.reason,
});

export const presentParticipation = (p: Selectable<DB['participation']>, names: { programmeNameTh: string; programmeNameEn: string; groupName: string }) => ({
  id: p.id,
  programmeCode: p.programme_code,
  ...names,
  groupId: p.group_id,
  provinceCode: p.province_code,
  subdistrictCode: p.subdistrict_code,
  unitCode: p.unit_code,
  stageCode: p.stage_code,
  stagePosition: p.stage_position,
  status: p.status,
  nominatedAt: new Date(p.nominated_at).toISOString(),
});

export const presentCertification = (c: Selectable<DB['certification']>, now: Date) => {
  const v = validityOf({ status: c.status, issuedOn: c.issued_on, expiresOn: c.expires_on }, now);
  return {
    id: c.id,
    productId: c.product_id,
    kind: c.kind as CertKind,
    status: c.status as CertStatus,
    number: c.number,
    standardNo: c.standard_no,
    issuer: c.issuer,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
    stars: c.stars,
    documents: (c.documents ?? []) as { name: string; ref: string }[],
    validity: v.validity,
    daysLeft: v.daysLeft,
  };
};

export const presentProduct = (
  p: Selectable<DB['product']>,
  certs: Selectable<DB['certification']>[],
  versions: Selectable<DB['product_version']>[],
  now: Date,
) => ({
  id: p.id,
  groupId: p.group_id,
  provinceCode: p.province_code,
  name: p.name,
  category: p.category,
  description: p.description,
  unitPriceSatang: p.unit_price_satang,
  capacityPerMonth: p.capacity_per_month,
  ingredients: p.ingredients,
  version: p.version,
  marks: marksOf(
    certs.map((c) => ({ kind: c.kind, status: c.status, issuedOn: c.issued_on, expiresOn: c.expires_on })),
    now,
  ),
  certifications: certs.map((c) => presentCertification(c, now)),
  versions: versions.map((v) => ({ version: v.version, changedAt: new Date(v.changed_at).toISOString(), data: v.data as Record<string, unknown> })),
});

export const presentVisit = (v: Selectable<DB['field_visit']>, photos: { id: string; content_type: string }[]) => ({
  id: v.id,
  groupId: v.group_id,
  programmeCode: v.programme_code,
  provinceCode: v.province_code,
  visitedOn: v.visited_on,
  officers: v.officers,
  progress: v.progress as { stageCode: string; note: string }[],
  obstacles: (v.obstacles as { id: string; category: string; text: string; open: boolean }[]).map(({ id, category, text, open }) => ({
    id,
    category,
    text,
    open,
  })),
  actions: (v.actions as { id: string; text: string; owner: string; dueOn: string | null }[]).map(({ id, text, owner, dueOn }) => ({ id, text, owner, dueOn })),
  notes: v.notes as { id: string; author: string; text: string; at: string }[],
  latitude: v.latitude,
  longitude: v.longitude,
  photos: photos.map((f) => ({ id: f.id, url: `/api/enterprise/photos/${f.id}`, contentType: f.content_type })),
  syncCount: v.sync_count,
  editedAt: new Date(v.edited_at).toISOString(),
});
