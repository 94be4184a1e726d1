import type { ActorContext } from '../../platform/context';
import { createEnterpriseAccess, type EnterpriseDeps } from './enterprise.access';
import { enterpriseTallies } from './facts';
import { createParticipationService } from './participation.service';
import { createProductsService } from './products.service';
import { createProgrammesService } from './programmes.service';
import { createVisitsService } from './visits.service';

export { loadEnterpriseReferenceData } from './programmes.service';

/**
 * Enterprise development: programmes and their funnel, groups' participation and path, products
 * and certifications, field visits. Registers with training so a course completed by a group's
 * members advances the group's stage in the same transaction.
 */
export function createEnterpriseService(deps: EnterpriseDeps) {
  const access = createEnterpriseAccess(deps);
  const participation = createParticipationService(access);
  const products = createProductsService(access);
  const visits = createVisitsService(access);
  deps.training.onCompletion((trx, ctx, completed) => participation.onCompletion(trx, ctx, completed));
  return {
    ...createProgrammesService(access),
    ...participation,
    ...products,
    ...visits,

    /** Monitoring's facts over every group (the funnel, registrations, certificates), for the rebuild. */
    monitoringTallies: () => enterpriseTallies(deps.db, deps.registry, null),

    /** A group's page: its programme paths, products with their marks, visits and development. */
    async groupEnterprise(ctx: ActorContext, groupId: number) {
      const group = await access.requireGroup(groupId);
      await access.guardRead(ctx, group.provinceCode, { en: 'read this group’s enterprise record', th: 'ดูข้อมูลการพัฒนาของกลุ่มนี้' });
      const [participations, productList, visitList, development] = await Promise.all([
        participation.participationsOfGroup(groupId),
        products.productsOfGroup(groupId),
        visits.visitsOfGroup(groupId),
        products.development(groupId),
      ]);
      return {
        groupId,
        groupName: group.name,
        provinceCode: group.provinceCode,
        canEdit: access.canWrite(ctx, group.provinceCode),
        participations,
        products: productList,
        visits: visitList,
        development,
      };
    },
  };
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
