import type { ColumnType, Generated } from 'kysely';

/**
 * The marketplace module's tables (migration 0017), merged into `DB` by declaration merging as
 * enterprise's are.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface ListingTable {
  id: Generated<number>;
  product_id: number;
  group_id: number;
  province_code: string;
  status: string;
  title_th: string;
  title_en: string | null;
  description_th: string;
  description_en: string | null;
  price_satang: number;
  category: string;
  required_marks: ColumnType<string[], string[] | undefined, string[]>;
  stock: number | null;
  package_weight_grams: number | null;
  package_cm: number[] | null;
  contact_phone: string | null;
  line_id: string | null;
  search_text: string;
  return_reasons: Json;
  unlisted_reason: string | null;
  proposed_at: Timestamp;
  proposed_by: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  approved_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ListingPhotoTable {
  id: string;
  listing_id: number;
  position: number;
  original_width: number;
  original_height: number;
  created_at: Generated<Date>;
}

export interface ListingPhotoSizeTable {
  photo_id: string;
  width: number;
  height: number;
  content_type: string;
  data: Uint8Array;
}

export interface ChannelAccountTable {
  id: Generated<number>;
  group_id: number;
  province_code: string;
  channel: string;
  shop_url: string | null;
  shop_ref: string | null;
  advisor_user_id: string | null;
  documents_ready_on: string | null;
  shop_opened_on: string | null;
  first_product_live_on: string | null;
  first_sale_on: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ChannelConsentTable {
  id: Generated<number>;
  group_id: number;
  channel: string;
  given_by_person_id: number | null;
  lawful_basis: Generated<string>;
  evidence: string | null;
  recorded_by: string | null;
  given_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface PartnerAdvisorTable {
  user_id: string;
  channel: string;
  created_at: Generated<Date>;
}

export interface SalesReportTable {
  id: Generated<number>;
  group_id: number;
  province_code: string;
  channel: string;
  month: string;
  orders: number;
  revenue_satang: number;
  returns: Generated<number>;
  source: string;
  recorded_by: string | null;
  updated_at: Timestamp;
}

export interface SalesOrderTable {
  group_id: number;
  channel: string;
  order_ref: string;
  ordered_on: string;
  amount_satang: number;
  returned: Generated<boolean>;
  imported_at: Generated<Date>;
}

export interface MarketplaceSweepTable {
  day: string;
  unlisted: Generated<number>;
  ran_at: Generated<Date>;
}

declare module './schema' {
  interface DB {
    listing: ListingTable;
    listing_photo: ListingPhotoTable;
    listing_photo_size: ListingPhotoSizeTable;
    channel_account: ChannelAccountTable;
    channel_consent: ChannelConsentTable;
    partner_advisor: PartnerAdvisorTable;
    sales_report: SalesReportTable;
    sales_order: SalesOrderTable;
    marketplace_sweep: MarketplaceSweepTable;
  }
}
