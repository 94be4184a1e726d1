import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { problems } from '../../platform/problem';
import {
  AccountBody,
  AdvisorBody,
  AdvisorSchema,
  CataloguePageSchema,
  CatalogueProductSchema,
  CatalogueQuery,
  ConsentBody,
  DecisionBody,
  FeedParam,
  FeedSchema,
  GroupChannelParam,
  GroupChannelsSchema,
  GroupParam,
  GroupProductsSchema,
  GroupSalesSchema,
  IdParam,
  ListingBody,
  ListingPatch,
  ListingSchema,
  MyGroupsSchema,
  OrderImportQuery,
  OrderImportSchema,
  PartnerGroupsSchema,
  PhotoParam,
  QueueQuery,
  SalesBody,
  SalesParam,
  SalesSummarySchema,
  ShopQuery,
  SummaryQuery,
  UnlistBody,
  UserParam,
} from './marketplace.schemas';
import type { MarketplaceService } from './marketplace.service';
import { PAGE_POLICY, SHOP_POLICY } from './pages';
import { PHOTO_MAX_BYTES } from './photos';

const tags = ['marketplace'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

const bodyBytes = (request: FastifyRequest) => {
  if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
  return request.body;
};

export const marketplaceRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async (app, { marketplace }) => {
  // Files are the request body itself: a photo as the phone took it, an order export as the channel wrote it.
  app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES + 1024 }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(['text/csv', 'application/octet-stream', XLSX], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  // ---------------------------------------------------------------- public
  app.get(
    '/api/marketplace/catalogue',
    {
      schema: {
        tags,
        summary: 'Public catalogue: approved products with valid marks; search by any part of a word, filter by province, category, mark',
        security: [],
        querystring: CatalogueQuery,
        response: withProblems({ 200: CataloguePageSchema }),
      },
    },
    async (request) => marketplace.catalogue(request.query),
  );
  app.get(
    '/api/marketplace/catalogue/:id',
    {
      schema: {
        tags,
        summary: 'One catalogue product with its Open Graph tags and schema.org Product/Offer',
        security: [],
        params: IdParam,
        response: withProblems({ 200: CatalogueProductSchema }),
      },
    },
    async (request) => marketplace.catalogueItem(request.params.id),
  );
  app.get(
    '/api/marketplace/photos/:id/:width',
    {
      schema: {
        tags,
        summary: 'A listing photo at the stored width nearest the one asked (public while the listing is approved)',
        security: [],
        params: PhotoParam,
        response: withProblems({ 200: z.any().describe('image/jpeg') }),
      },
    },
    async (request, reply) => {
      const photo = await marketplace.photo(request.actor ? requireContext(request) : null, request.params.id, request.params.width);
      reply.header('cache-control', photo.isPublic ? 'public, max-age=86400' : 'private, max-age=3600');
      return reply.type(photo.contentType).send(photo.data);
    },
  );
  app.get(
    '/shop/products/:id',
    {
      schema: {
        tags,
        summary: 'A catalogue product’s page as HTML made on the server (Open Graph, JSON-LD, no script)',
        security: [],
        params: IdParam,
        response: withProblems({ 200: z.string().describe('text/html') }),
      },
    },
    async (request, reply) => {
      const page = await marketplace.productPage(request.params.id);
      reply.header('content-security-policy', PAGE_POLICY);
      reply.header('cache-control', 'public, max-age=300');
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );
  app.get(
    '/shop',
    {
      schema: {
        tags,
        summary: 'The public catalogue as HTML made on the server: search by any part of a word, filters by province, category, mark (no script)',
        security: [],
        querystring: ShopQuery,
        response: withProblems({ 200: z.string().describe('text/html') }),
      },
    },
    async (request, reply) => {
      const page = await marketplace.shopPage(request.query);
      reply.header('content-security-policy', SHOP_POLICY);
      reply.header('cache-control', 'public, max-age=60');
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );
  app.get(
    '/sitemap.xml',
    {
      schema: {
        tags,
        summary: 'Sitemap of the catalogue’s product pages',
        security: [],
        querystring: z.strictObject({}),
        response: withProblems({ 200: z.string().describe('application/xml') }),
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return reply.type('application/xml; charset=utf-8').send(await marketplace.sitemap());
    },
  );

  // ---------------------------------------------------------------- listings
  app.post(
    '/api/marketplace/listings',
    {
      schema: {
        tags,
        summary: 'A group (its leader, or an officer of its area) proposes one of its products for the catalogue',
        body: ListingBody,
        response: withProblems({ 201: ListingSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await marketplace.propose(requireContext(request), request.body)),
  );
  app.get(
    '/api/marketplace/listings',
    {
      schema: {
        tags,
        summary: 'The listing queue of the reader’s area: proposed listings oldest first (or another status)',
        querystring: QueueQuery,
        response: withProblems({ 200: z.array(ListingSchema) }),
      },
    },
    async (request) => marketplace.queue(requireContext(request), request.query),
  );
  app.get(
    '/api/marketplace/listings/:id',
    {
      schema: {
        tags,
        summary: 'A listing (its group, officers of the area, a consented partner)',
        params: IdParam,
        response: withProblems({ 200: ListingSchema }),
      },
    },
    async (request) => marketplace.getListing(requireContext(request), request.params.id),
  );
  app.patch(
    '/api/marketplace/listings/:id',
    {
      schema: {
        tags,
        summary: 'Changes a listing; it is checked again (back to proposed)',
        params: IdParam,
        body: ListingPatch,
        response: withProblems({ 200: ListingSchema }),
      },
    },
    async (request) => marketplace.update(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/marketplace/listings/:id/decision',
    {
      schema: {
        tags,
        summary: 'An officer of the area approves a proposed listing (claimed marks valid, a photo) or returns it with reasons',
        params: IdParam,
        body: DecisionBody,
        response: withProblems({ 200: ListingSchema }),
      },
    },
    async (request) => marketplace.decide(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/marketplace/listings/:id/unlist',
    {
      schema: {
        tags,
        summary: 'Takes a listing out of the catalogue, with the reason',
        params: IdParam,
        body: UnlistBody,
        response: withProblems({ 200: ListingSchema }),
      },
    },
    async (request) => marketplace.unlist(requireContext(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/marketplace/listings/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES + 1024,
      schema: {
        tags,
        summary: 'Adds a photo (JPEG or PNG as the body, at most 8 MB, checked by its bytes), kept resized to 320, 640 and 1200 px',
        description: 'Send the image as the body with Content-Type image/jpeg or image/png.',
        params: IdParam,
        response: withProblems({ 201: ListingSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await marketplace.addPhoto(requireContext(request), request.params.id, bodyBytes(request))),
  );
  app.get(
    '/api/marketplace/my',
    {
      schema: {
        tags,
        summary: 'The groups the signed-in citizen leads (leader or committee), where she proposes listings and records sales',
        querystring: z.strictObject({}),
        response: withProblems({ 200: MyGroupsSchema }),
      },
    },
    async (request) => marketplace.myGroups(requireContext(request)),
  );
  app.get(
    '/api/marketplace/groups/:groupId/products',
    {
      schema: {
        tags,
        summary: 'A group’s products with the marks standing today, to propose for listing (its leader, an officer of its area)',
        params: GroupParam,
        response: withProblems({ 200: GroupProductsSchema }),
      },
    },
    async (request) => marketplace.groupProducts(requireContext(request), request.params.groupId),
  );
  app.get(
    '/api/marketplace/groups/:groupId/listings',
    { schema: { tags, summary: 'A group’s listings in every status', params: GroupParam, response: withProblems({ 200: z.array(ListingSchema) }) } },
    async (request) => marketplace.listingsOfGroup(requireContext(request), request.params.groupId),
  );

  // ---------------------------------------------------------------- channels
  app.get(
    '/api/marketplace/groups/:groupId/channels',
    {
      schema: {
        tags,
        summary: 'A group’s channel accounts with their onboarding path and consents (a partner’s advisor sees its own channel)',
        params: GroupParam,
        response: withProblems({ 200: GroupChannelsSchema }),
      },
    },
    async (request) => marketplace.groupChannels(requireContext(request), request.params.groupId),
  );
  app.put(
    '/api/marketplace/groups/:groupId/channels/:channel',
    {
      schema: {
        tags,
        summary: 'Records a channel account: shop URL/ID, advisor and the date of each onboarding step',
        params: GroupChannelParam,
        body: AccountBody,
        response: withProblems({ 200: GroupChannelsSchema }),
      },
    },
    async (request) => marketplace.setAccount(requireContext(request), request.params.groupId, request.params.channel, request.body),
  );
  app.post(
    '/api/marketplace/groups/:groupId/consents',
    {
      schema: {
        tags,
        summary: 'Records the group’s consent to share its data with a channel’s partner (given by a member, on the group’s timeline)',
        params: GroupParam,
        body: ConsentBody,
        response: withProblems({ 201: GroupChannelsSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await marketplace.giveConsent(requireContext(request), request.params.groupId, request.body)),
  );
  app.post(
    '/api/marketplace/groups/:groupId/consents/:channel/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraws the group’s consent: the partner’s advisors no longer see the group',
        params: GroupChannelParam,
        response: withProblems({ 200: GroupChannelsSchema }),
      },
    },
    async (request) => marketplace.withdrawConsent(requireContext(request), request.params.groupId, request.params.channel),
  );
  app.get(
    '/api/marketplace/partner/groups',
    {
      schema: {
        tags,
        summary: 'A partner’s advisor: the groups that consented to share with its partner, with that channel’s path',
        querystring: z.strictObject({}),
        response: withProblems({ 200: PartnerGroupsSchema }),
      },
    },
    async (request) => marketplace.partnerGroups(requireContext(request)),
  );
  app.put(
    '/api/marketplace/partner-advisors/:userId',
    {
      schema: {
        tags,
        summary: 'An administrator names the partner (channel) a marketplace-partner account advises for',
        params: UserParam,
        body: AdvisorBody,
        response: withProblems({ 200: AdvisorSchema }),
      },
    },
    async (request) => marketplace.setAdvisor(requireContext(request), request.params.userId, request.body.channel),
  );

  // ---------------------------------------------------------------- feeds
  app.get(
    '/api/marketplace/groups/:groupId/feeds/:format',
    {
      schema: {
        tags,
        summary: 'A group’s approved products as a channel feed (Lazada /product/create payloads, Meta CSV, Google Merchant XML), with errors per product',
        params: FeedParam,
        response: withProblems({ 200: FeedSchema }),
      },
    },
    async (request) => marketplace.feed(requireContext(request), request.params.groupId, request.params.format),
  );

  // ---------------------------------------------------------------- sales
  app.get(
    '/api/marketplace/groups/:groupId/sales',
    {
      schema: {
        tags,
        summary: 'A group’s monthly sales per channel, and its income per member beside the members’ income at registration',
        params: GroupParam,
        response: withProblems({ 200: GroupSalesSchema }),
      },
    },
    async (request) => marketplace.groupSales(requireContext(request), request.params.groupId),
  );
  app.put(
    '/api/marketplace/groups/:groupId/sales/:channel/:month',
    {
      schema: {
        tags,
        summary: 'Records a month’s sales on a channel (the group’s leader or an officer): orders, revenue in satang, returns',
        params: SalesParam,
        body: SalesBody,
        response: withProblems({ 200: GroupSalesSchema }),
      },
    },
    async (request) =>
      marketplace.recordSales(requireContext(request), request.params.groupId, request.params.channel, request.params.month, {
        orders: request.body.orders,
        revenueSatang: request.body.revenueSatang,
        returns: request.body.returns,
      }),
  );
  app.post(
    '/api/marketplace/groups/:groupId/sales/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Imports a channel’s order export (CSV/XLSX) into monthly sales; dryRun=true (the default) checks only; the same orders twice add nothing',
        description: 'Send the file as the body with Content-Type text/csv or the XLSX type.',
        params: GroupParam,
        querystring: OrderImportQuery,
        response: withProblems({ 200: OrderImportSchema }),
      },
    },
    async (request) =>
      marketplace.importOrders(requireContext(request), request.params.groupId, {
        channel: request.query.channel,
        fileName: request.query.fileName,
        bytes: bodyBytes(request),
        dryRun: request.query.dryRun === 'true',
      }),
  );
  app.get(
    '/api/marketplace/sales/summary',
    {
      schema: {
        tags,
        summary: 'Sales of a fiscal year by province, channel and month in the reader’s area',
        querystring: SummaryQuery,
        response: withProblems({ 200: SalesSummarySchema }),
      },
    },
    async (request) => marketplace.summary(requireContext(request), request.query.fiscalYear),
  );
};
