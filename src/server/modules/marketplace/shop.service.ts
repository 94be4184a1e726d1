import type { ActorContext } from '../../platform/context';
import type { CatalogueQuery } from './catalogue.service';
import type { MarketplaceAccess } from './marketplace.access';
import { CATEGORY_NAMES, MARK_NAMES } from './marketplace.rules';
import { SHOP_PAGE_SIZE, shopPageHtml, type ShopFilters } from './pages';

type Catalogue = (query: CatalogueQuery) => Promise<{ total: number; totalIsCapped?: boolean; items: Parameters<typeof shopPageHtml>[0]['items'] }>;

/**
 * What the web pages need beside the catalogue's reads: the public catalogue page as HTML, the
 * groups a citizen leads (her way in on her phone) and a group's products to propose from.
 */
export function createShopService(access: MarketplaceAccess, catalogue: Catalogue) {
  const { geo, registry, enterprise, guardGroup } = access;
  return {
    /** The public catalogue page (`/shop`): a page of results for the filters, in Thai or English. */
    async shopPage(filters: ShopFilters) {
      const [result, provinces] = await Promise.all([
        catalogue({
          q: filters.q,
          province: filters.province,
          category: filters.category,
          mark: filters.mark,
          limit: SHOP_PAGE_SIZE,
          offset: (filters.page - 1) * SHOP_PAGE_SIZE,
        }),
        geo.provinces(),
      ]);
      return shopPageHtml(result, filters, {
        provinces: provinces.map((p) => ({ code: p.code, nameTh: p.nameTh, nameEn: p.nameEn })),
        categories: CATEGORY_NAMES,
        marks: MARK_NAMES,
      });
    },

    /** The groups the signed-in citizen leads (leader or committee), where she acts in the marketplace; none for anyone else. */
    async myGroups(ctx: ActorContext) {
      const personId = ctx.actor.personId;
      const ids = personId === null ? [] : await registry.groupsLedBy(personId);
      const places = await registry.groupPlaces(ids);
      return {
        groups: ids.flatMap((id) => {
          const g = places.get(id);
          return g ? [{ groupId: g.id, groupName: g.name, provinceCode: g.provinceCode }] : [];
        }),
      };
    },

    /** A group's products with the marks standing today: what its leader or an officer may propose for listing. */
    async groupProducts(ctx: ActorContext, groupId: number) {
      await guardGroup(ctx, groupId, 'act', { en: 'propose this group’s products', th: 'เสนอสินค้าของกลุ่มนี้' });
      const products = await enterprise.productsOfGroup(groupId);
      return products.map((p) => ({ id: p.id, name: p.name, category: p.category, unitPriceSatang: p.unitPriceSatang, marks: p.marks }));
    },
  };
}
