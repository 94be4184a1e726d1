import { z } from 'zod';
import { saneDate } from '../../platform/http/schemas';
import { CERT_KINDS, CERT_STATUSES, OBSTACLE_CATEGORIES } from './enterprise.rules';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.)');
const Text = z.object({ th: z.string(), en: z.string() });
const Reason = z.object({ code: z.string(), en: z.string(), th: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);

export const CodeParam = z.strictObject({ code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/) });
export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const GroupParam = z.strictObject({ groupId: z.coerce.number().int().positive() });
export const UuidParam = z.strictObject({ id: z.uuid() });

export const StageSchema = z
  .object({
    code: z.string(),
    position: z.number().int(),
    nameTh: z.string(),
    nameEn: z.string(),
    evidence: z.object({ kind: z.string(), th: z.string(), en: z.string(), curriculumCode: z.string().optional(), minMembers: z.number().optional() }),
    deadline: z.string().nullable(),
    automatic: z.boolean(),
  })
  .meta({ id: 'ProgrammeStage' });

export const TargetSchema = z.object({
  stageCode: z.string(),
  fiscalYear: z.number().int(),
  areaKind: z.string(),
  areaCode: z.string().nullable(),
  target: z.number().int(),
  dueOn: z.string().nullable(),
  assumed: z.boolean(),
  sourceNote: z.string().nullable(),
});

export const ProgrammeSchema = z
  .object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    ownerAgencyCode: z.string(),
    fiscalYears: z.array(z.number().int()),
    descriptionTh: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    budgetSources: z.array(Text),
    onePerSubdistrict: z.boolean(),
    assumedFields: z.array(z.string()),
    sourceNote: z.string().nullable(),
    activeGroups: z.number().int(),
    stages: z.array(StageSchema),
    targets: z.array(TargetSchema),
  })
  .meta({ id: 'Programme' });

export const FunnelQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
  province: z
    .string()
    .regex(/^[1-9][0-9]$/)
    .optional(),
});
export const FunnelSchema = z
  .object({
    programmeCode: z.string(),
    fiscalYear: z.number().int(),
    stages: z.array(
      z.object({
        code: z.string(),
        nameTh: z.string(),
        nameEn: z.string(),
        position: z.number().int(),
        reached: z.number().int(),
        target: z.number().int().nullable(),
        dueOn: z.string().nullable(),
      }),
    ),
    byProvince: z.array(
      z.object({ provinceCode: z.string(), nameTh: z.string(), nameEn: z.string(), active: z.number().int(), reached: z.record(z.string(), z.number().int()) }),
    ),
  })
  .meta({ id: 'ProgrammeFunnel' });

export const LateQuery = z.strictObject({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .optional(),
  province: z
    .string()
    .regex(/^[1-9][0-9]$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const LateSchema = z
  .object({
    deadlines: z.array(
      z.object({
        stageCode: z.string(),
        nameTh: z.string(),
        nameEn: z.string(),
        deadline: z.string(),
        daysRemaining: z.number().int(),
        total: z.number().int(),
        byProvince: z.array(z.object({ provinceCode: z.string(), nameTh: z.string(), nameEn: z.string(), unitCode: z.string(), count: z.number().int() })),
        groups: z.array(
          z.object({
            participationId: z.number().int(),
            groupId: z.number().int(),
            groupName: z.string(),
            provinceCode: z.string(),
            unitCode: z.string(),
            stageCode: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'LateList' });

export const ParticipantsQuery = z.strictObject({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .optional(),
  province: z
    .string()
    .regex(/^[1-9][0-9]$/)
    .optional(),
  status: z.enum(['active', 'exited']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const StepSchema = z.object({
  stageCode: z.string(),
  position: z.number().int(),
  kind: z.enum(['advance', 'regress', 'exit']),
  reachedOn: z.string(),
  automatic: z.boolean(),
  evidence: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
});

export const ParticipationSchema = z
  .object({
    id: z.number().int(),
    programmeCode: z.string(),
    programmeNameTh: z.string(),
    programmeNameEn: z.string(),
    groupId: z.number().int(),
    groupName: z.string(),
    provinceCode: z.string(),
    subdistrictCode: z.string(),
    unitCode: z.string(),
    stageCode: z.string(),
    stagePosition: z.number().int(),
    status: z.enum(['active', 'exited']),
    nominatedAt: z.string(),
    steps: z.array(StepSchema),
    stages: z.array(StageSchema),
  })
  .meta({ id: 'Participation' });
export const ParticipantPageSchema = z.object({ items: z.array(ParticipationSchema.omit({ steps: true, stages: true })), total: z.number().int() });

export const NominateBody = z.strictObject({
  groupId: z.number().int().positive(),
  unitCode: z.string().min(1).max(40),
  note: z.string().trim().max(2000).optional(),
});
export const SelectBody = z.strictObject({ reason: text(2000) });
export const AdvanceBody = z.strictObject({
  stageCode: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
  note: z.string().trim().max(2000).optional(),
  documentRef: z.string().trim().max(500).optional(),
});
export const RegressBody = z.strictObject({ stageCode: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/), reason: text(2000) });
export const ExitBody = z.strictObject({ reason: text(2000) });

// ------------------------------------------------------------------ products

const CATEGORIES = ['food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other'] as const;
export const ProductBody = z.strictObject({
  name: text(200),
  category: z.enum(CATEGORIES),
  description: z.string().trim().max(4000).optional(),
  unitPriceSatang: z.number().int().min(0).max(100_000_000_00).describe('Unit price in satang (1 baht = 100 satang)'),
  capacityPerMonth: z.number().int().min(0).max(10_000_000).optional(),
  ingredients: z.string().trim().max(4000).optional(),
});
export const ProductPatch = ProductBody.partial();

export const CertificationSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    kind: z.enum(CERT_KINDS),
    status: z.enum(CERT_STATUSES),
    number: z.string().nullable(),
    standardNo: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    stars: z.number().int().nullable(),
    documents: z.array(z.object({ name: z.string(), ref: z.string() })),
    validity: z.enum(['valid', 'expiring', 'expired', 'not-certified', 'not-yet-valid']),
    daysLeft: z.number().int().nullable(),
  })
  .meta({ id: 'Certification' });

export const ProductSchema = z
  .object({
    id: z.number().int(),
    groupId: z.number().int(),
    provinceCode: z.string(),
    name: z.string(),
    category: z.string(),
    description: z.string().nullable(),
    unitPriceSatang: z.number().int(),
    capacityPerMonth: z.number().int().nullable(),
    ingredients: z.string().nullable(),
    version: z.number().int(),
    marks: z.array(z.string()).describe('Kinds of certificate standing today (Bangkok): an expired certificate gives no mark'),
    certifications: z.array(CertificationSchema),
    versions: z.array(z.object({ version: z.number().int(), changedAt: z.string(), data: z.record(z.string(), z.unknown()) })),
  })
  .meta({ id: 'Product' });

export const CertificationBody = z.strictObject({
  kind: z.enum(CERT_KINDS),
  status: z.enum(CERT_STATUSES).default('preparing'),
  number: z.string().trim().max(40).optional(),
  standardNo: z.string().trim().max(40).optional(),
  issuer: z.string().trim().max(200).optional(),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
  stars: z.number().int().min(1).max(5).optional(),
  documents: z
    .array(z.strictObject({ name: text(200), ref: text(500) }))
    .max(20)
    .optional(),
});
export const CertificationPatch = z.strictObject({
  status: z.enum(CERT_STATUSES),
  number: z.string().trim().max(40).optional(),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
  documents: z
    .array(z.strictObject({ name: text(200), ref: text(500) }))
    .max(20)
    .optional(),
});
export const ExpiringQuery = z.strictObject({ within: z.coerce.number().int().min(1).max(365).default(90) });
export const ExpiringSchema = z.array(
  z.object({
    id: z.number().int(),
    kind: z.string(),
    number: z.string().nullable(),
    standardNo: z.string().nullable(),
    expiresOn: z.string(),
    daysLeft: z.number().int(),
    reminder: z.enum(['90-days', '30-days']),
    productId: z.number().int(),
    productName: z.string(),
    groupId: z.number().int(),
    provinceCode: z.string(),
  }),
);

// ------------------------------------------------------------------ visits

const clientId = z.uuid();
export const VisitInput = z.strictObject({
  id: clientId.describe('Made on the phone: the same visit synchronised twice is stored once'),
  groupId: z.number().int().positive(),
  programmeCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/)
    .optional(),
  visitedOn: isoDate,
  officers: z.array(text(200)).min(1).max(20),
  progress: z
    .array(z.strictObject({ stageCode: z.string().max(40), note: z.string().trim().max(2000) }))
    .max(20)
    .default([]),
  obstacles: z
    .array(
      z.strictObject({
        id: clientId,
        category: z.enum(OBSTACLE_CATEGORIES),
        text: text(2000),
        open: z.boolean().default(true),
        at: z.iso.datetime().optional(),
      }),
    )
    .max(50)
    .default([]),
  actions: z
    .array(z.strictObject({ id: clientId, text: text(2000), owner: text(200), dueOn: isoDate.nullable().default(null), at: z.iso.datetime().optional() }))
    .max(50)
    .default([]),
  notes: z
    .array(z.strictObject({ id: clientId, author: text(200), text: text(4000), at: z.iso.datetime() }))
    .max(100)
    .default([]),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  photos: z
    .array(
      z.strictObject({
        id: clientId,
        dataUrl: z
          .string()
          .max(1_400_000)
          .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'a data: URL of a JPEG, PNG or WebP image'),
      }),
    )
    .max(6)
    .default([]),
  editedAt: z.iso.datetime(),
});
export const SyncBody = z.strictObject({ visits: z.array(VisitInput).min(1).max(20) });
export const VisitSchema = z
  .object({
    id: z.string(),
    groupId: z.number().int(),
    programmeCode: z.string().nullable(),
    provinceCode: z.string(),
    visitedOn: z.string(),
    officers: z.array(z.string()),
    progress: z.array(z.object({ stageCode: z.string(), note: z.string() })),
    obstacles: z.array(z.object({ id: z.string(), category: z.string(), text: z.string(), open: z.boolean() })),
    actions: z.array(z.object({ id: z.string(), text: z.string(), owner: z.string(), dueOn: z.string().nullable() })),
    notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), at: z.string() })),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    photos: z.array(z.object({ id: z.string(), url: z.string(), contentType: z.string() })),
    syncCount: z.number().int(),
    editedAt: z.string(),
  })
  .meta({ id: 'FieldVisit' });
export const SyncResultSchema = z.object({ results: z.array(z.object({ id: z.string(), outcome: z.enum(['created', 'merged']), visit: VisitSchema })) });
export const ObstaclesSchema = z.array(
  z.object({ provinceCode: z.string(), nameTh: z.string(), nameEn: z.string(), category: z.string(), open: z.number().int() }),
);

// ------------------------------------------------------------------ group

export const DevelopmentBody = z.strictObject({
  ceRegistrationNo: z.string().trim().max(40).nullable(),
  ceRegisteredOn: isoDate.nullable(),
  note: z.string().trim().max(2000).optional(),
});
export const DevelopmentSchema = z.object({
  groupId: z.number().int(),
  ceRegistrationNo: z.string().nullable(),
  ceRegisteredOn: z.string().nullable(),
  note: z.string().nullable(),
});
export const DevelopmentQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2500).max(2700).optional() });
export const DevelopmentSummarySchema = z.object({
  fiscalYear: z.number().int(),
  registered: z.number().int(),
  target: z.number().int(),
  targetSource: z.string(),
});

export const GroupEnterpriseSchema = z
  .object({
    groupId: z.number().int(),
    groupName: z.string(),
    provinceCode: z.string(),
    canEdit: z.boolean(),
    participations: z.array(ParticipationSchema),
    products: z.array(ProductSchema),
    visits: z.array(VisitSchema),
    development: DevelopmentSchema.nullable(),
  })
  .meta({ id: 'GroupEnterprise' });

export { Reason };
