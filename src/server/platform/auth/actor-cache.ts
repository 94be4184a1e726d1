import type { Actor } from './actor';

/**
 * Who is behind a session token, remembered for a few seconds: without it every request costs
 * four queries (session, user, roles, unit areas) before its own work. A sign-out, password
 * change, role change or disabling forgets the entries in this process at once; another server
 * process notices within `ttlMs` (the bound on how long a revoked session can still act there).
 */
export function createActorCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { actor: Actor; until: number }>();
  return {
    get(token: string): Actor | undefined {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (entry.until < Date.now()) {
        entries.delete(token);
        return undefined;
      }
      return entry.actor;
    },
    set(token: string, actor: Actor): void {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(token, { actor, until: Date.now() + ttlMs });
    },
    forgetToken(token: string): void {
      entries.delete(token);
    },
    forgetUser(userId: string): void {
      for (const [token, entry] of entries) if (entry.actor.userId === userId) entries.delete(token);
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type ActorCache = ReturnType<typeof createActorCache>;
