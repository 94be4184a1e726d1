/**
 * The registry's part of the demo: people across the country by file import (as an office would
 * bring them), more in Khon Kaen for the Khon Kaen officers, the four prototype groups the
 * seeds name (seed 004) with their members, a few Khon Kaen groups, a person with disability data
 * under explicit consent, and a likely duplicate to review. Running it again adds nothing.
 */
import type { Services } from '../src/server/app';
import type { Database } from '../src/server/db/engine';
import { generatePeople, peopleCsv, type SynthPerson } from '../bench/synth/people';
import { normalizeNationalId } from '../src/shared/national-id';

const KHON_KAEN_SUBDISTRICTS = ['400101', '400102', '400103', '400104', '400105', '400106'];

/** The prototype groups of One Tambon One Group named in seed 004; sub-districts are ours where the seed names none. */
const PROTOTYPE_GROUPS = [
  { name: 'กลุ่มดอกไม้จันทน์และพวงหรีดย่านซื่อ', type: 'independent-occupation', occupation: 'handicrafts', subdistrictCode: '150114', foundedOn: '2019-05-01' },
  { name: 'กลุ่มเกษตรแปรรูปข้าวมาลี', type: 'independent-occupation', occupation: 'food-processing', subdistrictCode: '930101', foundedOn: '2018-11-15' },
  { name: 'กลุ่มนวดสปาสมุนไพร', type: 'independent-occupation', occupation: 'herbal-beauty', subdistrictCode: '480101', foundedOn: '2020-02-01' },
  {
    name: 'กลุ่มหมูแดดเดียววิสาหกิจชุมชนเกาะตาล',
    type: 'community-enterprise',
    registrationNo: '6-62-04-13/1-0007',
    occupation: 'food-processing',
    subdistrictCode: '620413',
    foundedOn: '2017-08-20',
  },
  { name: 'กลุ่มทอผ้าไหมมัดหมี่บ้านโนนทัน', type: 'women-occupation', occupation: 'textiles', subdistrictCode: '400101', foundedOn: '2016-03-10' },
  { name: 'กลุ่มผู้สูงอายุจักสานบ้านสำราญ', type: 'elderly-occupation', occupation: 'handicrafts', subdistrictCode: '400102', foundedOn: '2021-07-01' },
] as const;

export async function fillRegistry(services: Services, database: Database): Promise<void> {
  const hq = await database.db.selectFrom('app_user').select('id').where('username', '=', 'demo.dwf.hq').executeTakeFirstOrThrow();
  const actor = (await services.identity.loadActor(hq.id))!;
  const ctx = { actor: { ...actor, mustChangePassword: false }, requestId: 'demo' };
  services.jobs.start();
  try {
    const importPeople = async (fileName: string, people: SynthPerson[]) => {
      const uploaded = await services.imports.upload(ctx, { kind: 'people', fileName, bytes: Buffer.from(peopleCsv(people, { header: 'th' })) });
      await services.imports.commit(ctx, uploaded.id);
      await services.jobs.drain();
      const result = (await services.imports.get(ctx, uploaded.id)).result;
      console.log(`  ${fileName}: ${result?.inserted ?? 0} new, ${result?.unchanged ?? 0} already there, ${result?.rejected ?? 0} rejected`);
    };
    console.log('Registry:');
    await importPeople('demo-people-nationwide.csv', [...generatePeople(2000, { seed: 2026 })]);
    await importPeople('demo-people-khon-kaen.csv', [...generatePeople(300, { seed: 2027, subdistrictCodes: KHON_KAEN_SUBDISTRICTS })]);
    const groupMembers = PROTOTYPE_GROUPS.map((g, i) => [...generatePeople(8, { seed: 3000 + i, subdistrictCodes: [g.subdistrictCode] })]);
    await importPeople('demo-group-members.csv', groupMembers.flat());

    const idOf = async (doc: string) =>
      (
        await database.db
          .selectFrom('person')
          .select('id')
          .where('doc_number', '=', normalizeNationalId(doc))
          .where('doc_type', '=', 'th-id')
          .executeTakeFirst()
      )?.id;
    for (const [i, group] of PROTOTYPE_GROUPS.entries()) {
      const exists = await services.registry.listGroups(ctx, { q: group.name, limit: 1, offset: 0 });
      if (exists.total > 0) continue;
      const members = [];
      for (const [k, p] of groupMembers[i]!.entries()) {
        const personId = await idOf(p.id_number);
        if (personId) members.push({ personId, role: k === 0 ? 'leader' : k < 3 ? 'committee' : 'member', joinedOn: group.foundedOn });
      }
      await services.registry.createGroup(ctx, { ...group, contactName: null, contactPhone: null, members });
      console.log(`  group: ${group.name} (${members.length} members)`);
    }

    // A person with disability data, recorded with explicit consent.
    const disabled = {
      docType: 'th-id',
      docNumber: '1400100000015',
      title: 'mr',
      firstNameTh: 'ประสิทธิ์',
      lastNameTh: 'มั่นคงดี',
      sex: 'male',
      birthDate: '1978-04-12',
      subdistrictCode: '400101',
      targetGroups: ['disability', 'informal-worker'],
      disability: { type: 'physical', cardNo: '1-4001-00012-34-5' },
    };
    if (!(await idOf(disabled.docNumber))) {
      await services.registry.registerPerson(ctx, {
        ...disabled,
        consents: [
          { purpose: 'sensitive-data', evidence: 'แบบฟอร์มยินยอม สค.01 (สาธิต)' },
          { purpose: 'share-lazada', evidence: null },
        ],
      });
      console.log('  a person with disability data under explicit consent');
    }
    // The same woman registered twice, once by her Thai ID and once by a passport: for the duplicates page.
    const twice = {
      title: 'mrs',
      firstNameTh: 'บัวผัน',
      lastNameTh: 'ศรีสุขใจ',
      sex: 'female',
      birthDate: '1969-09-09',
      subdistrictCode: '400103',
      targetGroups: ['older-person'],
    };
    if (!(await idOf('3400300000015'))) {
      await services.registry.registerPerson(ctx, { ...twice, docType: 'th-id', docNumber: '3400300000015' });
      await services.registry.registerPerson(ctx, { ...twice, docType: 'passport', docNumber: 'AB7654321' }).catch(() => undefined);
      console.log('  a likely duplicate to review (บัวผัน ศรีสุขใจ)');
    }
  } finally {
    await services.jobs.stop();
  }
}
