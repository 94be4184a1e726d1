import { describe, expect, it } from 'vitest';
import { SHOP_PAGE_SIZE, shopPageHtml } from './pages';

const choices = { provinces: [], categories: {}, marks: {} };

describe('the public catalogue page', () => {
  it('says "more than" for a capped count and still offers the next page while this one is full', () => {
    // No items: the page's words and paging are what is checked, not the cards.
    const capped = shopPageHtml({ total: 1_000, totalIsCapped: true, items: [] }, { q: 'ผ้า', page: 42, lang: 'th' }, choices);
    expect(capped).toContain('พบมากกว่า 1,000 รายการ');
    const english = shopPageHtml({ total: 1_000, totalIsCapped: true, items: [] }, { q: 'silk', page: 1, lang: 'en' }, choices);
    expect(english).toContain('More than 1,000 products found');
    const exact = shopPageHtml({ total: SHOP_PAGE_SIZE * 2, items: [] }, { q: 'ผ้า', page: 2, lang: 'th' }, choices);
    expect(exact).toContain(`พบ ${SHOP_PAGE_SIZE * 2} รายการ`);
    expect(exact).not.toContain('มากกว่า');
  });
});
