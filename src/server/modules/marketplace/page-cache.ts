/**
 * Product pages as rendered, kept for a while in this process. A page costs six queries (the
 * listing, the product's marks and certificates, the group, photos, shops, the province), about
 * 100 pages a second on two busy cores; a link shared in a LINE group is opened by hundreds at
 * once, and the benchmark's goal is 2,000 a second (docs/BENCHMARKS.md, "Marketplace").
 *
 * What the marketplace changes in this process (a listing's text, status or photos; a group's
 * shops) forgets the page at once. A mark's certificate lapsing by date ends the page on its day:
 * an entry lasts no later than the earliest expiry of the marks it shows. What other modules or
 * processes change (a certificate withdrawn early, the group renamed) shows within `ttlMs` — well
 * inside the five minutes the page's `Cache-Control` already lets browsers and LINE keep it.
 */
export function createPageCache(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const pages = new Map<number, { html: string; groupId: number; until: number }>();
  /** Bumped by every forget: a page rendered while something changed is not kept. */
  let generation = 0;

  return {
    /** The page from the cache, else rendered (and kept unless something changed meanwhile). */
    async page(id: number, render: () => Promise<{ html: string; groupId: number; lapsesAt: number | null }>) {
      const kept = pages.get(id);
      if (kept && kept.until > now()) return kept.html;
      if (kept) pages.delete(id);
      const started = generation;
      const made = await render();
      if (started === generation) {
        // A Map iterates in insertion order: the first key is the oldest page.
        if (pages.size >= options.maxEntries) pages.delete(pages.keys().next().value!);
        pages.set(id, { html: made.html, groupId: made.groupId, until: Math.min(now() + options.ttlMs, made.lapsesAt ?? Infinity) });
      }
      return made.html;
    },
    forget(listingId: number) {
      generation++;
      pages.delete(listingId);
    },
    forgetGroup(groupId: number) {
      generation++;
      for (const [id, p] of pages) if (p.groupId === groupId) pages.delete(id);
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
