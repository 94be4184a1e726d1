import { z } from 'zod';
import { bilingual, saneDate } from '../../platform/http/schemas';
import { FEED_FORMATS } from './feeds';
import { CHANNELS, LISTING_STATUSES, MARKS, ONBOARDING_STEPS, RETURN_REASONS, SALES_CHANNELS } from './marketplace.rules';

const isoDate = saneDate.describe('YYYY-MM-DD (C.E.)');
const text = (max: number, en: string, th: string) =>
  z
    .string()
    .trim()
    .min(1, { error: bilingual(en, th) })
    .max(max, { error: bilingual(`${en} (at most ${max} characters)`, `${th} (ไม่เกิน ${max} ตัวอักษร)`) });
const satang = z.number().int({ error: bilingual('An amount in whole satang (1 baht = 100 satang).', 'จำนวนเงินเป็นสตางค์จำนวนเต็ม (1 บาท = 100 สตางค์)') });
const phone = z
  .string()
  .regex(/^0\d{8,9}$/, { error: bilingual('A Thai phone number of 9 or 10 digits starting with 0.', 'หมายเลขโทรศัพท์ 9 หรือ 10 หลัก ขึ้นต้นด้วย 0') });
const httpsUrl = z.url({ protocol: /^https$/, error: bilingual('A shop address starting with https://.', 'ที่อยู่ร้านค้าต้องขึ้นต้นด้วย https://') }).max(500);

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const GroupParam = z.strictObject({ groupId: z.coerce.number().int().positive() });
export const GroupChannelParam = z.strictObject({
  groupId: z.coerce.number().int().positive(),
  channel: z.enum(CHANNELS, { error: bilingual(`A channel: ${CHANNELS.join(', ')}.`, `ช่องทาง: ${CHANNELS.join(', ')}`) }),
});
export const SalesParam = z.strictObject({
  groupId: z.coerce.number().int().positive(),
  channel: z.enum(SALES_CHANNELS, { error: bilingual(`A sales channel: ${SALES_CHANNELS.join(', ')}.`, `ช่องทางการขาย: ${SALES_CHANNELS.join(', ')}`) }),
  month: z
    .string()
    .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, { error: bilingual('A month as YYYY-MM (C.E.).', 'เดือนในรูปแบบ ปปปป-ดด (ค.ศ.)') })
    .transform((m) => `${m}-01`),
});
export const FeedParam = z.strictObject({ groupId: z.coerce.number().int().positive(), format: z.enum(FEED_FORMATS) });
export const PhotoParam = z.strictObject({ id: z.uuid(), width: z.coerce.number().int().min(1).max(4000) });
export const UserParam = z.strictObject({ userId: z.uuid() });

const Mark = z.enum(MARKS, { error: bilingual(`A mark: ${MARKS.join(', ')}.`, `เครื่องหมาย: ${MARKS.join(', ')}`) });
const listingFields = {
  titleTh: text(200, 'The Thai title is required.', 'ต้องระบุชื่อสินค้าภาษาไทย'),
  titleEn: z.string().trim().max(200).nullable().optional(),
  descriptionTh: text(5000, 'The Thai description is required.', 'ต้องระบุคำอธิบายสินค้าภาษาไทย'),
  descriptionEn: z.string().trim().max(5000).nullable().optional(),
  priceSatang: satang
    .min(1, { error: bilingual('The price must be above zero.', 'ราคาต้องมากกว่าศูนย์') })
    .max(100_000_000_00)
    .optional(),
  requiredMarks: z.array(Mark).max(MARKS.length).optional().describe('The marks the listing claims; each must stand for it to be approved and stay listed'),
  stock: z.number().int().min(0).max(1_000_000).nullable().optional(),
  packageWeightGrams: z.number().int().min(1).max(100_000).nullable().optional(),
  packageCm: z.array(z.number().int().min(1).max(500)).length(3).nullable().optional().describe('Length, width, height in whole centimetres'),
  contactPhone: phone.nullable().optional().describe('The group’s public contact for buyers (never a member’s own number unless she chose it)'),
  lineId: z
    .string()
    .regex(/^@?[a-z0-9._-]{2,40}$/i, {
      error: bilingual('A LINE ID of letters, digits, . _ -, optionally starting with @.', 'LINE ID ประกอบด้วยตัวอักษร ตัวเลข . _ - อาจขึ้นต้นด้วย @'),
    })
    .nullable()
    .optional(),
};
export const ListingBody = z.strictObject({ productId: z.number().int().positive(), ...listingFields });
export const ListingPatch = z.strictObject(listingFields).partial();
export const DecisionBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  reasons: z
    .array(z.strictObject({ code: z.enum(RETURN_REASONS), note: text(500, 'Say what to fix.', 'กรุณาระบุสิ่งที่ต้องแก้ไข') }))
    .max(10)
    .optional(),
});
export const UnlistBody = z.strictObject({ reason: text(500, 'Say why the listing is unlisted.', 'กรุณาระบุเหตุผลที่นำสินค้าออก') });
export const QueueQuery = z.strictObject({
  status: z.enum(LISTING_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const PhotoSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  sizes: z.array(z.object({ width: z.number().int(), height: z.number().int(), url: z.string() })),
});
export const ListingSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    groupId: z.number().int(),
    provinceCode: z.string(),
    status: z.enum(LISTING_STATUSES),
    titleTh: z.string(),
    titleEn: z.string().nullable(),
    descriptionTh: z.string(),
    descriptionEn: z.string().nullable(),
    priceSatang: z.number().int(),
    category: z.string(),
    requiredMarks: z.array(z.string()),
    stock: z.number().int().nullable(),
    packageWeightGrams: z.number().int().nullable(),
    packageCm: z.array(z.number().int()).nullable(),
    contactPhone: z.string().nullable(),
    lineId: z.string().nullable(),
    returnReasons: z.array(z.object({ code: z.string(), note: z.string() })),
    unlistedReason: z.string().nullable(),
    proposedAt: z.string(),
    decidedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    version: z.number().int(),
    photos: z.array(PhotoSchema),
  })
  .meta({ id: 'Listing' });

// ------------------------------------------------------------------ public catalogue

export const CatalogueQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Any part of a word of the title, description or group name (Thai or English); one or two letters: the start of a title'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  category: z.enum(['food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other']).optional(),
  mark: Mark.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
/** A GET form sends its empty choices as empty strings: they mean "any". */
const orBlank = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => undefined), schema]).optional();
export const ShopQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Any part of a word of the title, description or group name'),
  province: orBlank(z.string().regex(/^\d{2}$/)),
  category: orBlank(z.enum(['food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other'])),
  mark: orBlank(Mark),
  page: z.coerce.number().int().min(1).max(400).default(1),
  lang: z.enum(['th', 'en']).default('th'),
});
const CatalogueItem = z.object({
  id: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  descriptionTh: z.string(),
  descriptionEn: z.string().nullable(),
  priceSatang: z.number().int(),
  category: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }),
  province: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() }),
  marks: z.array(z.object({ kind: z.string(), nameTh: z.string(), nameEn: z.string(), number: z.string().nullable(), validUntil: z.string().nullable() })),
  howToBuy: z.object({
    shops: z.array(z.object({ channel: z.enum(CHANNELS), nameTh: z.string(), nameEn: z.string(), url: z.string() })),
    lineId: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  photos: z.array(PhotoSchema),
  url: z.string(),
  stock: z.number().int().nullable(),
  packageWeightGrams: z.number().int().nullable(),
  packageCm: z.array(z.number().int()).nullable(),
  updatedAt: z.string(),
});
export const CataloguePageSchema = z
  .object({
    total: z.number().int().describe('How many products match, counted up to 1,000'),
    totalIsCapped: z.boolean().describe('True when more than `total` products match'),
    items: z.array(CatalogueItem),
  })
  .meta({ id: 'CataloguePage' });
export const CatalogueProductSchema = CatalogueItem.extend({
  openGraph: z.record(z.string(), z.string()),
  jsonLd: z.record(z.string(), z.unknown()).describe('schema.org Product with its Offer'),
}).meta({ id: 'CatalogueProduct' });

export const MyGroupsSchema = z
  .object({ groups: z.array(z.object({ groupId: z.number().int(), groupName: z.string(), provinceCode: z.string() })) })
  .meta({ id: 'MyMarketplaceGroups' });
export const GroupProductsSchema = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    category: z.string(),
    unitPriceSatang: z.number().int(),
    marks: z.array(z.string()).describe('Marks standing today: the ones a listing may claim'),
  }),
);

// ------------------------------------------------------------------ channels

const optionalDate = isoDate.nullable().optional();
export const AccountBody = z.strictObject({
  shopUrl: httpsUrl.nullable().optional(),
  shopRef: z.string().trim().min(1).max(100).nullable().optional(),
  advisorUserId: z.uuid().nullable().optional(),
  documentsReadyOn: optionalDate,
  shopOpenedOn: optionalDate,
  firstProductLiveOn: optionalDate,
  firstSaleOn: optionalDate,
});
export const ConsentBody = z.strictObject({
  channel: z.enum(CHANNELS, { error: bilingual(`A channel: ${CHANNELS.join(', ')}.`, `ช่องทาง: ${CHANNELS.join(', ')}`) }),
  givenByPersonId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('The member who gave the group’s consent (the leader); the signed-in leader when omitted'),
  evidence: z.string().trim().max(500).nullable().optional(),
});
export const AdvisorBody = z.strictObject({ channel: z.enum(CHANNELS) });
const ChannelSchema = z.object({
  channel: z.enum(CHANNELS),
  nameTh: z.string(),
  nameEn: z.string(),
  shopUrl: z.string().nullable(),
  shopRef: z.string().nullable(),
  advisorUserId: z.string().nullable(),
  consent: z.object({ givenAt: z.string(), evidence: z.string().nullable(), givenByPersonId: z.number().int().nullable() }).nullable(),
  consentHistory: z.array(z.object({ givenAt: z.string(), withdrawnAt: z.string().nullable() })),
  steps: z.array(z.object({ step: z.enum(ONBOARDING_STEPS), on: z.string().nullable(), reached: z.boolean() })),
  current: z.enum(ONBOARDING_STEPS).nullable(),
});
export const GroupChannelsSchema = z
  .object({ groupId: z.number().int(), groupName: z.string(), provinceCode: z.string(), channels: z.array(ChannelSchema) })
  .meta({ id: 'GroupChannels' });
export const PartnerGroupsSchema = z
  .object({
    channel: z.enum(CHANNELS).nullable(),
    groups: z.array(z.object({ groupId: z.number().int(), groupName: z.string(), provinceCode: z.string(), account: ChannelSchema })),
  })
  .meta({ id: 'PartnerGroups' });
export const AdvisorSchema = z.object({ userId: z.string(), channel: z.enum(CHANNELS) });

// ------------------------------------------------------------------ feeds

export const FeedSchema = z
  .object({
    format: z.enum(FEED_FORMATS),
    groupId: z.number().int(),
    total: z.number().int(),
    valid: z.number().int(),
    products: z.array(
      z.object({
        listingId: z.number().int(),
        sku: z.string(),
        valid: z.boolean(),
        errors: z.array(z.object({ field: z.string(), code: z.string(), en: z.string(), th: z.string() })),
        payload: z.record(z.string(), z.unknown()).optional().describe('Lazada /product/create payload (valid products)'),
      }),
    ),
    document: z
      .object({ contentType: z.string(), fileName: z.string(), text: z.string() })
      .nullable()
      .describe('Meta CSV or Google Merchant XML of the valid products'),
  })
  .meta({ id: 'Feed' });

// ------------------------------------------------------------------ sales

const count = z.number().int().min(0).max(10_000_000);
export const SalesBody = z.strictObject({
  orders: count,
  revenueSatang: satang.min(0).max(100_000_000_000),
  returns: count.default(0),
});
export const OrderImportQuery = z.strictObject({
  channel: z.enum(SALES_CHANNELS),
  fileName: z.string().trim().min(1).max(200),
  dryRun: z.enum(['true', 'false']).default('true'),
});
export const OrderImportSchema = z.object({
  rows: z.number().int(),
  dryRun: z.boolean(),
  imported: z.number().int(),
  alreadyImported: z.number().int(),
  cancelled: z.number().int(),
  months: z.array(z.string()),
  errors: z.array(
    z.object({ line: z.number().int(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), th: z.string(), en: z.string() }),
  ),
});
export const GroupSalesSchema = z
  .object({
    groupId: z.number().int(),
    groupName: z.string(),
    members: z.number().int(),
    incomeAtRegistrationPerMemberSatang: z.number().int().nullable(),
    reports: z.array(
      z.object({
        channel: z.enum(SALES_CHANNELS),
        month: z.string(),
        orders: z.number().int(),
        revenueSatang: z.number().int(),
        returns: z.number().int(),
        source: z.enum(['leader', 'officer', 'import']),
      }),
    ),
    income: z.array(
      z.object({
        month: z.string(),
        orders: z.number().int(),
        revenueSatang: z.number().int(),
        returns: z.number().int(),
        perMemberSatang: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'GroupSales' });
export const SummaryQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(2500).max(2700).optional() });
export const SalesSummarySchema = z.object({
  fiscalYear: z.number().int(),
  orders: z.number().int(),
  revenueSatang: z.number().int(),
  rows: z.array(
    z.object({
      provinceCode: z.string(),
      channel: z.enum(SALES_CHANNELS),
      month: z.string(),
      orders: z.number().int(),
      revenueSatang: z.number().int(),
      returns: z.number().int(),
      groups: z.number().int(),
    }),
  ),
});
