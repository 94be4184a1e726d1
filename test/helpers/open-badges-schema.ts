import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

/**
 * 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema (test/fixtures/open-badges, see its
 * SOURCE.md), compiled once with Ajv's 2019-09 draft and the `date-time` format, as validators do.
 */
const schema = JSON.parse(readFileSync(new URL('../fixtures/open-badges/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Where a credential departs from the schema (`/proof: must be array`); empty when it conforms. */
export function openBadgeSchemaProblems(credential: unknown): string[] {
  if (validate(credential)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
