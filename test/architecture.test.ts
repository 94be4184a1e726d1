import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CONTRACTS, MODULE_CONTRACTS, tableOwners } from '../src/server/modules/contracts';
import type { Database } from '../src/server/db/engine';
import type { LinkDeclaration } from '../src/server/platform/contract';
import { createTestDatabase } from './helpers/database';

/** Longest file a module may hold (issue 13 §3): beyond it, a file is split along its use cases. */
const MAX_LINES = 500;
const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports of a file, resolved to paths under src/server. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => path.relative(SERVER, path.resolve(path.dirname(file), m[1]!)));
}

const layerOf = (file: string) => /\.(routes|service|repository|policy|schemas)$/.exec(path.basename(file, '.ts'))?.[1];
const moduleOf = (relative: string) => /^modules\/([^/]+)\//.exec(relative)?.[1];
/** Who a file speaks for when it names tables: its module, its platform part, or the database layer. */
const ownerOf = (relative: string) => moduleOf(relative) ?? /^(platform\/[^/]+)\//.exec(relative)?.[1] ?? (relative.startsWith('db/') ? 'db' : null);

/** The file without its comments, so prose about tables is not read as SQL. */
const codeOf = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const BUILDER =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|(?:inner|left|right|full|cross)Join(?:Lateral)?)\(\s*(\[[^\]]*\]|'[^']*')/g;
const RAW = /\b(?:from|join|into|update|truncate|table|analyze)\s+(?:only\s+)?([a-z_][a-z0-9_]*)/g;

/** Every table a file names in SQL: Kysely's builder calls, and the text of raw `sql` templates. */
export function tablesNamedIn(text: string, known: ReadonlySet<string>): { table: string; how: string }[] {
  const code = codeOf(text);
  const found: { table: string; how: string }[] = [];
  for (const m of code.matchAll(BUILDER)) {
    for (const quoted of m[2]!.matchAll(/'([^']+)'/g)) {
      const table = quoted[1]!.trim().split(/\s+as\s+/)[0]!;
      if (known.has(table)) found.push({ table, how: `${m[1]}('${quoted[1]}')` });
    }
  }
  // Raw SQL: templates nest (`${sql`…`}`), so the whole file is read where it holds any; prose is
  // in comments, and messages do not say "from <table>".
  if (/\bsql(?:<[^`]*?>)?`/.test(code)) {
    for (const m of code.matchAll(RAW)) if (known.has(m[1]!)) found.push({ table: m[1]!, how: `sql\`…${m[0]}…\`` });
  }
  return found;
}

/** Does the file hold SQL (a query builder call or a raw template)? */
export const holdsSql = (text: string) =>
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(|\bsql(?:<[^`]*?>)?`|\bsql\.raw\(/.test(codeOf(text));

/**
 * Where SQL may live: repositories (modules' and the platform's), and the database layer (engines,
 * migrator, reference-data loader). `scripts/` and `bench/` are outside src/server and not checked:
 * they are tools that write demo and benchmark data straight into tables (the benchmark fill
 * streams COPY into person), and `bench/bench.smoke.test.ts` fails when a table they use changes.
 */
const mayHoldSql = (relative: string) => relative.startsWith('db/') || relative.endsWith('.repository.ts') || SQL_PENDING_ELSEWHERE.has(relative);

/** Files exempt from both SQL checks, each with why (none today). */
const SQL_PENDING_ELSEWHERE = new Map<string, string>();

describe('dependency direction (routes → services → repositories; modules meet through services)', () => {
  const files = sourceFiles(SERVER).map((f) => ({ file: f, relative: path.relative(SERVER, f), imports: importsOf(f) }));

  it('keeps platform/ ignorant of the modules', () => {
    const offenders = files
      .filter((f) => f.relative.startsWith('platform/'))
      .flatMap((f) => f.imports.filter((i) => i.startsWith('modules/')).map((i) => `${f.relative} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps routes off repositories and repositories off services', () => {
    const offenders = files.flatMap((f) => {
      const layer = layerOf(f.file);
      return f.imports
        .filter((i) => (layer === 'routes' && /\.repository$/.test(i)) || (layer === 'repository' && /\.(service|routes)$/.test(i)))
        .map((i) => `${f.relative} → ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it("never reaches into another module's repository", () => {
    const offenders = files.flatMap((f) => {
      const own = moduleOf(f.relative);
      return f.imports.filter((i) => /\.repository$/.test(i) && moduleOf(i) !== own).map((i) => `${f.relative} → ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between modules (the module graph points one way)', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      const from = moduleOf(f.relative);
      if (!from) continue;
      for (const i of f.imports) {
        const to = moduleOf(i);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, pathSoFar: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (pathSoFar.includes(next)) cycles.push([...pathSoFar.slice(pathSoFar.indexOf(next)), next].join(' → '));
        else visit(next, [...pathSoFar, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });

  it('finds the layers it checks (so the checks above are not vacuous)', () => {
    expect(files.filter((f) => layerOf(f.file) === 'repository').length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => layerOf(f.file) === 'routes').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every file of a module within one sitting (500 lines)', () => {
    const long = sourceFiles(path.join(SERVER, 'modules'))
      .map((file) => ({ file: path.relative(SERVER, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long, `split these along their use cases (at most ${MAX_LINES} lines)`).toEqual([]);
  });
});

describe('table ownership (each table has one owner; only its owner names it in SQL)', () => {
  const owners = tableOwners();
  const known = new Set(owners.keys());
  const files = sourceFiles(SERVER).map((f) => ({ relative: path.relative(SERVER, f), text: readFileSync(f, 'utf8') }));

  it('gives every table one owner', () => {
    const all = ALL_CONTRACTS.flatMap((c) => c.tables.map((t) => `${t} (${c.module})`));
    const twice = all.filter((entry, i) => all.findIndex((e) => e.split(' ')[0] === entry.split(' ')[0]) !== i);
    expect(twice).toEqual([]);
  });

  it('declares a contract for every module folder', () => {
    const folders = readdirSync(path.join(SERVER, 'modules')).filter((n) => statSync(path.join(SERVER, 'modules', n)).isDirectory());
    expect(folders.sort()).toEqual(MODULE_CONTRACTS.map((c) => c.module).sort());
  });

  it("names no other module's table in SQL (query builder or raw)", () => {
    const offenders = files.flatMap((f) => {
      const owner = ownerOf(f.relative);
      if (SQL_PENDING_ELSEWHERE.has(f.relative)) return [];
      return tablesNamedIn(f.text, known)
        .filter((t) => owners.get(t.table) !== owner)
        .map((t) => `${f.relative}: ${t.how} — ${t.table} belongs to ${owners.get(t.table)}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories (and the database layer)', () => {
    const offenders = files.filter((f) => holdsSql(f.text) && !mayHoldSql(f.relative)).map((f) => f.relative);
    expect(offenders).toEqual([]);
  });

  it('recognises cross-module SQL in every form it checks (so the check above is not vacuous)', () => {
    const tables = new Set(['person', 'enrolment']);
    expect(tablesNamedIn("db.selectFrom('person as p').innerJoin('enrolment as e', 'e.person_id', 'p.id')", tables).map((t) => t.table)).toEqual([
      'person',
      'enrolment',
    ]);
    expect(tablesNamedIn('sql`select 1 from enrolment e join person p on p.id = e.person_id`', tables).map((t) => t.table)).toEqual(['enrolment', 'person']);
    expect(tablesNamedIn("// a comment about selectFrom('person')\nconst x = 1;", tables)).toEqual([]);
    expect(holdsSql("await trx.updateTable('person').set({})")).toBe(true);
    expect(holdsSql('const x = 1; // no sql`here`')).toBe(false);
  });
});

describe('the database catalogue against the contracts', () => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ database, dispose } = await createTestDatabase('pglite')));
  afterAll(() => dispose?.());

  // A partition is its parent's (seeker_match's per province): only tables that are not partitions are checked.
  const notPartition = sql`not exists (select 1 from pg_inherits i join pg_class pc on pc.oid = i.inhrelid where pc.relname = t.table_name)`;

  it('has an owner for every table', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables t where table_schema = 'public' and table_type = 'BASE TABLE' and ${notPartition} order by 1`.execute(
      database.db,
    );
    const owners = tableOwners();
    expect(tables.rows.map((t) => t.table_name).filter((t) => !owners.has(t))).toEqual([]);
    // And no contract claims a table the database does not have.
    const present = new Set(tables.rows.map((t) => t.table_name));
    expect([...owners.keys()].filter((t) => !present.has(t))).toEqual([]);
  });

  it('declares every column that points at a person or a group, with what merge and erasure do', async () => {
    const named = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
       where c.table_schema = 'public' and ${notPartition}
         and (c.column_name in ('person_id', 'group_id') or c.column_name like '%\\_person\\_id' or c.column_name like '%\\_group\\_id')`.execute(database.db);
    const foreign = await sql<{ table_name: string; column_name: string; target: string }>`
      select cl.relname as table_name, a.attname as column_name, ft.relname as target
        from pg_constraint k
        join pg_class cl on cl.oid = k.conrelid
        join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
        join pg_class ft on ft.oid = k.confrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
       where k.contype = 'f' and ft.relname in ('person', 'occupation_group') and not cl.relispartition`.execute(database.db);
    const declared = new Map<string, LinkDeclaration & { module: string }>(
      ALL_CONTRACTS.flatMap((c) => c.links.map((l) => [`${l.table}.${l.column}`, { ...l, module: c.module }] as const)),
    );
    const owners = tableOwners();

    const missing = [...new Set([...named.rows, ...foreign.rows].map((r) => `${r.table_name}.${r.column_name}`))].filter((k) => !declared.has(k));
    expect(missing, 'undeclared links to people or groups: declare them in the owning module’s contract').toEqual([]);
    // A declaration sits with the table's owner, and says what its foreign key says.
    for (const f of foreign.rows) {
      const link = declared.get(`${f.table_name}.${f.column_name}`)!;
      expect(link.refersTo, `${f.table_name}.${f.column_name}`).toBe(f.target === 'person' ? 'person' : 'group');
    }
    for (const [key, link] of declared) expect(owners.get(link.table), key).toBe(link.module);
    // Every declaration names a real column.
    const columns = await sql<{ key: string }>`
      select table_name || '.' || column_name as key from information_schema.columns where table_schema = 'public'`.execute(database.db);
    const real = new Set(columns.rows.map((c) => c.key));
    expect([...declared.keys()].filter((k) => !real.has(k))).toEqual([]);
  });
});
