import { hasAnyRole, scopeFor, type Actor, type Scope } from '../../platform/auth/actor';

/**
 * Who may do what in the marketplace, and where. Officers of the group's province check and
 * approve listings, record channels, consents and sales; executives and administrators read in
 * their area; a group's leader (a citizen who leads or sits on the committee of the group)
 * proposes its listings, records its consents and its sales; a partner's advisor
 * (`marketplace_partner`) sees and moves on only the groups that consented to share with its
 * partner. The public reads approved listings only.
 */
export const marketplacePolicy = {
  /** Read queues, channels, sales and summaries. */
  readScope: (actor: Actor): Scope => scopeFor(actor, ['officer', 'executive', 'system_admin']),
  /** Approve or return listings, record channels, consents and sales for groups. */
  writeScope: (actor: Actor): Scope => scopeFor(actor, ['officer']),
  /** A citizen may act for the groups she leads (which groups is the registry's to say). */
  mayLead: (actor: Actor): boolean => actor.personId !== null && hasAnyRole(actor, ['citizen']),
  /** A partner's advisor (which partner is the marketplace's `partner_advisor` row). */
  isPartner: (actor: Actor): boolean => hasAnyRole(actor, ['marketplace_partner']),
  /** Names advisors' partners. */
  managesAdvisors: (actor: Actor): boolean => hasAnyRole(actor, ['system_admin']),
};
