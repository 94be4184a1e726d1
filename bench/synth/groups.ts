/**
 * Synthetic occupation groups with their members, drawn from synthetic people: a group lives
 * where its leader lives and its members come from the same district, as a village group's do.
 *
 * About one group per 250 people, 7 to 30 members each (a community enterprise needs at least
 * 7), one leader and two to four committee members. Members come from the leader's district, so
 * with a few thousand people spread over 928 districts groups are smaller; from about 100,000
 * people they reach full size. Names and registration numbers are made up
 * in the usual pattern ("กลุ่มทอผ้าตำบลบ้านเป็ด"); nothing here is a real group.
 *
 * Group g depends only on (seed, g) and on where the people live, so the same seed gives the same
 * groups for the same people.
 */
import { readFileSync } from 'node:fs';
import { GROUP_COLUMNS } from '../../src/server/modules/registry/import/columns';
import { GROUP_TYPES, MEMBER_ROLES, OCCUPATION_CATEGORIES, type GroupType, type MemberRole, type OccupationCategory } from '../../src/shared/person-fields';
import { toBuddhistYear } from '../../src/shared/thai-date';
import { csvCell } from './people';
import { Rng, streamKey, WeightedTable } from './random';

export interface SynthMember {
  /** The person's index among the generated people. */
  person: number;
  role: MemberRole;
  /** ISO date. */
  joinedOn: string;
}

export interface SynthGroup {
  index: number;
  name: string;
  type: GroupType;
  registrationNo: string | null;
  occupation: OccupationCategory;
  subdistrictCode: string;
  /** ISO date. */
  foundedOn: string;
  contactPhone: string;
  members: SynthMember[];
}

/** Where each generated person lives, by index: what groups are drawn from. */
export class Residents {
  private readonly subdistrictOf: string[] = [];
  private readonly byDistrict = new Map<string, number[]>();

  constructor(readonly start: number) {}

  add(index: number, subdistrictCode: string): void {
    this.subdistrictOf[index - this.start] = subdistrictCode;
    const district = subdistrictCode.slice(0, 4);
    let list = this.byDistrict.get(district);
    if (!list) this.byDistrict.set(district, (list = []));
    list.push(index);
  }

  get count(): number {
    return this.subdistrictOf.length;
  }

  subdistrict(index: number): string {
    return this.subdistrictOf[index - this.start]!;
  }

  neighbours(index: number): readonly number[] {
    return this.byDistrict.get(this.subdistrict(index).slice(0, 4))!;
  }
}

/** One group per this many people. */
export const PEOPLE_PER_GROUP = 250;

const TYPE_TABLE = new WeightedTable<GroupType>(
  ['community-enterprise', 'women-occupation', 'independent-occupation', 'elderly-occupation', 'disability-occupation', 'other'],
  [0.45, 0.2, 0.15, 0.1, 0.05, 0.05],
);
const OCCUPATION_TABLE = new WeightedTable<OccupationCategory>(
  OCCUPATION_CATEGORIES.map((c) => c.code),
  OCCUPATION_CATEGORIES.map((c) => (c.code === 'food-processing' || c.code === 'textiles' ? 3 : c.code === 'handicrafts' ? 2 : 1)),
);
const NAME_PREFIX: Record<GroupType, string> = {
  'community-enterprise': 'วิสาหกิจชุมชน',
  'women-occupation': 'กลุ่มสตรี',
  'elderly-occupation': 'กลุ่มผู้สูงอายุ',
  'disability-occupation': 'กลุ่มคนพิการ',
  'independent-occupation': 'กลุ่ม',
  other: 'กลุ่ม',
};
const OCCUPATION_TH = new Map(OCCUPATION_CATEGORIES.map((c) => [c.code, (c.aliases[0] ?? c.th) as string]));

let subdistrictNames: Map<string, string> | null = null;
function subdistrictName(code: string): string {
  subdistrictNames ??= new Map(
    (
      JSON.parse(readFileSync(new URL('../../src/server/modules/geo/data/subdistricts.json', import.meta.url), 'utf8')) as {
        subdistrictCode: number;
        subdistrictNameTh: string;
      }[]
    ).map((s) => [String(s.subdistrictCode).padStart(6, '0'), s.subdistrictNameTh]),
  );
  return subdistrictNames.get(code) ?? code;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** `count` groups (default: one per PEOPLE_PER_GROUP people) over the residents. */
export function* generateGroups(residents: Residents, options: { seed?: number; count?: number } = {}): Generator<SynthGroup> {
  const seed = options.seed ?? 1;
  const count = options.count ?? Math.floor(residents.count / PEOPLE_PER_GROUP);
  if (residents.count === 0) return;
  const rng = new Rng();
  const namesUsed = new Set<string>();
  for (let g = 0; g < count; g++) {
    // The group's own stream, apart from the people's (whose keys use the plain seed).
    rng.reset(streamKey(seed ^ 0x5a17c0de, g));
    const leader = residents.start + rng.below(residents.count);
    const subdistrictCode = residents.subdistrict(leader);
    const type = TYPE_TABLE.pick(rng.next());
    const occupation = OCCUPATION_TABLE.pick(rng.next());
    const prefix = NAME_PREFIX[type];
    let name = `${prefix}${OCCUPATION_TH.get(occupation)}ตำบล${subdistrictName(subdistrictCode)}`;
    for (let n = 2; namesUsed.has(`${subdistrictCode} ${name}`); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    namesUsed.add(`${subdistrictCode} ${name}`);
    const foundedYear = rng.between(2005, 2025);
    const foundedOn = iso(foundedYear, rng.between(1, 12), rng.between(1, 28));

    const neighbours = residents.neighbours(leader);
    const size = Math.min(rng.between(7, 30), neighbours.length);
    const chosen = new Set([leader]);
    for (let tries = 0; chosen.size < size && tries < size * 4; tries++) chosen.add(neighbours[rng.below(neighbours.length)]!);
    const committee = rng.between(2, 4);
    const members: SynthMember[] = [...chosen].map((person, k) => {
      const joinedYear = Math.min(2026, foundedYear + (k === 0 ? 0 : rng.below(6)));
      return {
        person,
        role: k === 0 ? 'leader' : k <= committee ? 'committee' : 'member',
        joinedOn: k === 0 ? foundedOn : iso(joinedYear, rng.between(1, 12), rng.between(1, 28)),
      };
    });
    yield {
      index: g,
      name,
      type,
      registrationNo:
        type === 'community-enterprise'
          ? `${subdistrictCode.slice(0, 2)}-${subdistrictCode.slice(2, 4)}-${subdistrictCode.slice(4)}-${String(g + 1).padStart(6, '0')}`
          : null,
      occupation,
      subdistrictCode,
      foundedOn,
      contactPhone: `08${rng.between(0, 9)}${String(rng.below(10_000_000)).padStart(7, '0')}`,
      members,
    };
  }
}

const thaiDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${toBuddhistYear(Number(y))}`;
};

/**
 * The groups as the group import template (Thai header, one row per member, the group's columns
 * repeated); `documentOf` gives a member's identity document number by person index.
 */
export function* groupsCsvChunks(groups: Iterable<SynthGroup>, documentOf: (person: number) => string): Generator<string> {
  yield GROUP_COLUMNS.map((c) => csvCell(c.th)).join(',') + '\r\n';
  const typeTh = new Map(GROUP_TYPES.map((t) => [t.code, t.th]));
  const occupationTh = new Map(OCCUPATION_CATEGORIES.map((c) => [c.code, c.th]));
  const roleTh = new Map(MEMBER_ROLES.map((r) => [r.code, r.aliases[0] ?? r.th]));
  let chunk = '';
  for (const g of groups) {
    for (const m of g.members) {
      const cells: Record<(typeof GROUP_COLUMNS)[number]['key'], string> = {
        group_name: g.name,
        group_type: typeTh.get(g.type)!,
        registration_no: g.registrationNo ?? '',
        occupation: occupationTh.get(g.occupation)!,
        group_subdistrict_code: g.subdistrictCode,
        founded_on: thaiDate(g.foundedOn),
        contact_phone: g.contactPhone,
        member_id_number: documentOf(m.person),
        member_role: roleTh.get(m.role)!,
        joined_on: thaiDate(m.joinedOn),
      };
      chunk += GROUP_COLUMNS.map((c) => csvCell(cells[c.key])).join(',') + '\r\n';
    }
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
