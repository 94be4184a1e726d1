/**
 * `node --import tsx --import ./bench/lib/unaudited.ts bench/enrolment.ts --variant unaudited …`:
 * the same server and the same transactions with `recordAudit` recording nothing, as the limit the
 * audited figures are compared with. A resolve hook hands every importer of the audit service
 * `audit-unaudited.ts` instead, so nothing in `src/` knows this exists or can be switched off by
 * configuration.
 */
import { register } from 'node:module';

register('./unaudited-hooks.mjs', import.meta.url);
(globalThis as { archeepUnaudited?: boolean }).archeepUnaudited = true;
