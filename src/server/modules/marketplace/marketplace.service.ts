import { createCatalogueService } from './catalogue.service';
import { createChannelsService } from './channels.service';
import { createListingsService } from './listings.service';
import { createMarketplaceAccess, type MarketplaceDeps } from './marketplace.access';
import { marketplaceTallies } from './facts.repository';
import { createSalesService } from './sales.service';
import { createShopService } from './shop.service';

/**
 * The marketplace: listings of enterprise's products in a public catalogue, channel accounts and
 * their onboarding, partners' advisors, feeds for the channels, and monthly sales that show up as
 * the group's income. Reads products and certificates through enterprise's service, groups and
 * members through the registry's.
 */
export function createMarketplaceService(deps: MarketplaceDeps) {
  const access = createMarketplaceAccess(deps);
  const catalogue = createCatalogueService(access);
  return {
    ...createListingsService(access),
    ...catalogue,
    ...createShopService(access, catalogue.catalogue),
    ...createChannelsService(access),
    ...createSalesService(access),
    /** Monitoring's facts over every group (selling online, sales), for the rebuild. */
    monitoringTallies: () => marketplaceTallies(deps.db, null),
  };
}

export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
