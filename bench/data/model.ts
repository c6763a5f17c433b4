// The vocabulary of the bench data: rows and tables, the seeded random stream, sizes per scale,
// the names the generators draw from, and lookups into tables generated earlier.
import { createHash } from 'node:crypto';

/** A value as COPY writes it (jsonb: pass JSON text; arrays: PostgreSQL arrays of text). */
export type Cell = string | number | boolean | null | readonly string[];

export interface TableData {
  table: string;
  columns: string[];
  rows: Cell[][];
}

/** What a generator gets: its own random stream, the scale, and the tables generated before it. */
export interface GenContext {
  seed: number;
  scale: number;
  rng: Rng;
  /** Rows of earlier tables by name (e.g. city ids for editions), columns as in their TableData. */
  tables: ReadonlyMap<string, TableData>;
  /** Fixed "now" of the data set, so timestamps do not depend on when it is generated. */
  epoch: Date;
  /** argon2id hash of BENCH_PASSWORD (app parameters, salt from the seed): one hash for every active account. */
  passwordHash: string;
}

export type TableGenerator = (ctx: GenContext) => TableData;

/** The password of every active bench account (the scenarios sign in with it through the API). */
export const BENCH_PASSWORD = 'bench password for every account';

/** sfc32: small, fast, good enough for test data, and identical everywhere. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const hash = createHash('sha256').update(`${seed}:${stream}`).digest();
    [this.a, this.b, this.c, this.d] = [0, 4, 8, 12].map((offset) => hash.readUInt32LE(offset));
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `count` distinct items (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4 UUID drawn from this stream (deterministic). */
  uuid(): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i += 4) bytes.writeUInt32LE(Math.floor(this.next() * 4294967296), i);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

export const EPOCH = new Date('2025-01-01T00:00:00.000Z');
export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const DAY = 86_400_000;
export const iso = (date: Date) => date.toISOString();

/** Counts at a scale (scale 1 = national). The jury does not grow with the country. */
export function sizes(scale: number) {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  return {
    cities: n(2_500, 20),
    /** Eligible practices of the edition in juryScoring. */
    practices: n(10_000, 40),
    /** Practices of the published edition before it. */
    publishedPractices: n(3_000, 20),
    users: n(200_000, 500),
    jurors: 50,
    /** Jurors tied to a city (their own city's practices are never on their ballot). */
    tiedJurors: 30,
    officials: n(20, 5),
    coordinators: 2,
    conflicts: n(200, 5),
    awards: n(40, 3),
    categories: 8,
    outboxEvents: n(1_000, 100),
  };
}

/** The column index of `name` in an earlier table (fails loudly on a typo). */
export function col(data: TableData, name: string): number {
  const index = data.columns.indexOf(name);
  if (index < 0) throw new Error(`${data.table} has no column ${name}`);
  return index;
}

export function table(ctx: GenContext, name: string): TableData {
  const data = ctx.tables.get(name);
  if (!data) throw new Error(`${name} must be generated before it is read`);
  return data;
}

export const EDITION_YEARS = { published: 2025, current: 2026 } as const;
export const REGIONS = [
  'dolnośląskie', 'kujawsko-pomorskie', 'lubelskie', 'lubuskie', 'łódzkie', 'małopolskie', 'mazowieckie', 'opolskie',
  'podkarpackie', 'podlaskie', 'pomorskie', 'śląskie', 'świętokrzyskie', 'warmińsko-mazurskie', 'wielkopolskie', 'zachodniopomorskie',
];
export const CITY_STEMS = ['Nowa Wola', 'Stare Pole', 'Zielona Góra', 'Biała', 'Dąbrowa', 'Łęka', 'Żółkiewka', 'Gródek', 'Świerklany', 'Kępno', 'Brzeźnica', 'Ostrów'];
export const FIRST_NAMES = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Olena', 'Andrij', 'Maria', 'Paweł', 'Zofia', 'Jakub', 'Iryna', 'Łukasz', 'Małgorzata', 'Dmytro'];
export const LAST_NAMES = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Shevchenko', 'Zielińska', 'Szymański', 'Bondarenko', 'Dąbrowska', 'Kozłowski'];
export const CATEGORY_NAMES = [
  'Informacja i doradztwo', 'Edukacja', 'Rynek pracy', 'Mieszkalnictwo', 'Zdrowie', 'Kultura i integracja społeczna', 'Partycypacja', 'Współpraca z organizacjami',
];
export const TOPICS = ['punkt informacyjny', 'kursy języka polskiego', 'asystenci międzykulturowi', 'mentoring zawodowy', 'dyżury prawne', 'festiwal sąsiedzki', 'rada ds. migrantów', 'tłumaczenia dokumentów'];
export const UNITS = ['Wydział Spraw Społecznych', 'Miejski Ośrodek Pomocy Społecznej', 'Centrum Wielokulturowe', 'Urząd Pracy', 'Wydział Edukacji', 'Biuro Rzecznika'];

