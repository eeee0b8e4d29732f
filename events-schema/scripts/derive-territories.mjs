// Derives the shipped French territorial reference (territories.tsv.gz) from the official
// Etalab package @etalab/decoupage-administratif 6.0.0 (millésime 2026; code under MIT licence,
// data under Licence Ouverte / Etalab, from INSEE's Code officiel géographique and populations
// légales and the DGCL's list of EPCI à fiscalité propre). Attribution: LICENCE-etalab.txt next
// to the resource.
//
// README — how to run (Node >= 18, no npm install needed, run from anywhere):
//   node events-schema/scripts/derive-territories.mjs
//       downloads @etalab/decoupage-administratif@6.0.0 with `npm pack` into a temporary
//       directory, then writes
//       events-schema/src/main/resources/fr/labos/partenariats/schema/territory/territories.tsv.gz
//   node events-schema/scripts/derive-territories.mjs --package-dir /path/to/package
//       same, but reads an already unpacked package (the folder holding package.json and data/),
//       e.g. node_modules/@etalab/decoupage-administratif, for offline runs.
// Re-running on the same package version gives the same bytes (sorted rows, gzip header without
// timestamp and with a fixed OS byte). The script prints the SHA-256 of the uncompressed TSV,
// which is the thing to compare if a different Node/zlib ever compresses differently.
// To move to a newer data release, change PACKAGE_VERSION, re-run, run the events-schema tests
// and update LICENCE-etalab.txt next to the resource.
//
// Output format: UTF-8, tab-separated, one header line then one row per territory, sorted by
// kind (parents before children) then code:
//   kind         code                              name  departements             region  epci         commune              population
//   region       INSEE région code                 nom   -                        -       -            -                    -
//   departement  INSEE département code            nom   -                        région  -            -                    -
//   epci         SIREN                             nom   départements, primary    région  -            -                    -
//                                                        first, comma-separated   of the primary
//   commune      INSEE code (commune actuelle)     nom   its département          région  EPCI SIREN   -                    population (0 if missing)
//   arrondissement INSEE code (arr. municipal,    nom   its département          région  -            parent commune code  population
//                Paris/Lyon/Marseille)
// ("-" above means an empty field.)
//
// Scope: metropolitan France and the five DROM (101 départements, 18 régions). The collectivités
// d'outre-mer (zone "com": Saint-Pierre-et-Miquelon, Polynésie, Nouvelle-Calédonie...) are left
// out because they have neither département nor région, which every commune here is expected to
// have. Communes déléguées / associées are left out: they are no longer communes and their codes
// often collide with the code of the commune nouvelle that absorbed them.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const PACKAGE_NAME = '@etalab/decoupage-administratif';
const PACKAGE_VERSION = '6.0.0';
const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const OUTPUT = resolve(SCRIPT_DIR, '../src/main/resources/fr/labos/partenariats/schema/territory/territories.tsv.gz');
const KEPT_ZONES = new Set(['metro', 'drom']);

function fail(message) {
  throw new Error(message);
}

function obtainPackage(argv) {
  const i = argv.indexOf('--package-dir');
  if (i >= 0) {
    const dir = resolve(argv[i + 1] ?? fail('--package-dir needs a path'));
    return { dir, cleanup: () => {} };
  }
  const work = mkdtempSync(join(tmpdir(), 'decoupage-'));
  // npm pack checks the tarball against the registry's integrity hash, and runs no install scripts.
  execFileSync('npm', ['pack', '--silent', `${PACKAGE_NAME}@${PACKAGE_VERSION}`], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? fail('npm pack produced no tarball');
  execFileSync('tar', ['xzf', tarball], { cwd: work, stdio: 'inherit' });
  return { dir: join(work, 'package'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

function readJson(dir, file) {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

function clean(text, what) {
  if (typeof text !== 'string' || text.length === 0) fail(`missing text for ${what}`);
  if (/[\t\r\n]/.test(text)) fail(`tab or newline in ${what}: ${JSON.stringify(text)}`);
  return text.normalize('NFC');
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function derive(dir) {
  const pkg = readJson(dir, 'package.json');
  if (pkg.name !== PACKAGE_NAME || pkg.version !== PACKAGE_VERSION) {
    fail(`expected ${PACKAGE_NAME}@${PACKAGE_VERSION}, found ${pkg.name}@${pkg.version} in ${dir}`);
  }
  const regionsIn = readJson(dir, 'data/regions.json');
  const departementsIn = readJson(dir, 'data/departements.json');
  const communesIn = readJson(dir, 'data/communes.json');
  const epciIn = readJson(dir, 'data/epci.json');

  const regions = regionsIn.filter((r) => KEPT_ZONES.has(r.zone)).map((r) => ({ code: r.code, nom: clean(r.nom, `région ${r.code}`) }));
  const regionCodes = new Set(regions.map((r) => r.code));

  const departements = departementsIn
    .filter((d) => KEPT_ZONES.has(d.zone))
    .map((d) => {
      if (!regionCodes.has(d.region)) fail(`département ${d.code} has unknown région ${d.region}`);
      return { code: d.code, nom: clean(d.nom, `département ${d.code}`), region: d.region };
    });
  const departementByCode = new Map(departements.map((d) => [d.code, d]));

  const communes = communesIn
    .filter((c) => c.type === 'commune-actuelle' && KEPT_ZONES.has(c.zone))
    .map((c) => {
      const dep = departementByCode.get(c.departement) ?? fail(`commune ${c.code} has unknown département ${c.departement}`);
      if (dep.region !== c.region) fail(`commune ${c.code}: région ${c.region} differs from its département's ${dep.region}`);
      return { code: c.code, nom: clean(c.nom, `commune ${c.code}`), departement: c.departement, region: c.region, population: Number.isInteger(c.population) ? c.population : 0, epci: '' };
    });
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  if (communeByCode.size !== communes.length) fail('duplicate commune code');

  const arrondissements = communesIn
    .filter((c) => c.type === 'arrondissement-municipal')
    .map((a) => {
      const parent = communeByCode.get(a.commune) ?? fail(`arrondissement ${a.code} has unknown commune ${a.commune}`);
      if (communeByCode.has(a.code)) fail(`arrondissement ${a.code} collides with a commune code`);
      return { code: a.code, nom: clean(a.nom, `arrondissement ${a.code}`), departement: parent.departement, region: parent.region, commune: parent.code, population: Number.isInteger(a.population) ? a.population : 0 };
    });

  const epcis = [];
  for (const e of epciIn) {
    const members = e.membres.map((m) => communeByCode.get(m.code) ?? fail(`EPCI ${e.code} member ${m.code} is not a current commune`));
    // Majority of member communes decides the primary département; ties go to the more populated side, then the smaller code.
    const perDep = new Map();
    for (const m of members) {
      if (m.epci) fail(`commune ${m.code} belongs to both ${m.epci} and ${e.code}`);
      m.epci = e.code;
      const s = perDep.get(m.departement) ?? { code: m.departement, communes: 0, population: 0 };
      s.communes += 1;
      s.population += m.population;
      perDep.set(m.departement, s);
    }
    const ranked = [...perDep.values()].sort((a, b) => b.communes - a.communes || b.population - a.population || byCode(a, b));
    epcis.push({
      code: e.code,
      nom: clean(e.nom, `EPCI ${e.code}`),
      departements: ranked.map((s) => s.code),
      region: departementByCode.get(ranked[0].code).region,
    });
  }

  const rows = [];
  for (const r of [...regions].sort(byCode)) rows.push(['region', r.code, r.nom, '', '', '', '', '']);
  for (const d of [...departements].sort(byCode)) rows.push(['departement', d.code, d.nom, '', d.region, '', '', '']);
  for (const e of [...epcis].sort(byCode)) rows.push(['epci', e.code, e.nom, e.departements.join(','), e.region, '', '', '']);
  for (const c of [...communes].sort(byCode)) rows.push(['commune', c.code, c.nom, c.departement, c.region, c.epci, '', String(c.population)]);
  for (const a of [...arrondissements].sort(byCode)) rows.push(['arrondissement', a.code, a.nom, a.departement, a.region, '', a.commune, String(a.population)]);

  const header = ['kind', 'code', 'name', 'departements', 'region', 'epci', 'commune', 'population'];
  const tsv = [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
  const counts = { region: regions.length, departement: departements.length, epci: epcis.length, commune: communes.length, arrondissement: arrondissements.length, communeWithoutEpci: communes.filter((c) => !c.epci).length };
  return { tsv, counts };
}

function deterministicGzip(text) {
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: zlibConstants.Z_BEST_COMPRESSION });
  // zlib leaves MTIME at 0 but writes the building OS in byte 9; pin it so Windows and Unix agree.
  gz[9] = 0xff;
  return gz;
}

const { dir, cleanup } = obtainPackage(process.argv.slice(2));
try {
  const { tsv, counts } = derive(dir);
  const gz = deterministicGzip(tsv);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, gz);
  const sha = createHash('sha256').update(tsv, 'utf8').digest('hex');
  console.log(`wrote ${OUTPUT}`);
  console.log(`  ${gz.length} bytes gzipped, ${Buffer.byteLength(tsv)} bytes TSV, sha256(tsv)=${sha}`);
  console.log(`  ${JSON.stringify(counts)}`);
} finally {
  cleanup();
}
