// The marketplace pages, loaded together as one chunk the first time one of them is opened.
// The public catalogue and product pages are HTML made on the server (/shop, /shop/products/:id).
export { GroupShopPage } from './GroupShopPage';
export { ListingFormPage } from './ListingFormPage';
export { ListingPage } from './ListingPage';
export { MarketplacePage } from './MarketplacePage';
export { MyShopPage } from './MyShopPage';
export { PartnerPage } from './PartnerPage';
export { SalesImportPage } from './SalesImportPage';
