// Generators of the work done in an edition: reports, practices, conflicts, scores, awards and
// the outbox (one function per table, in dependency order).
import type { OutboxEventType } from '@app/core/outbox/outbox-events';
import { addMs, Cell, col, DAY, GenContext, iso, sizes, table, TableData, TOPICS, UNITS } from './model';
import { usersWith } from './tables-setup';

/** report: every city reported in the current edition, about 60% in the published one; all submitted by their expert. */
export function reports(ctx: GenContext): TableData {
  const { rng, epoch } = ctx;
  const cityIds = table(ctx, 'city').rows.map((row) => row[0] as string);
  const experts = usersWith(ctx, 'expert-');
  const ed = table(ctx, 'edition');
  const rows: Cell[][] = [];
  ed.rows.forEach((edition, e) => {
    const isCurrent = edition[col(ed, 'stage')] === 'juryScoring';
    const offset = isCurrent ? -40 * DAY : -400 * DAY;
    cityIds.forEach((cityId, i) => {
      if (!isCurrent && !rng.chance(0.6)) return;
      const created = addMs(epoch, offset + rng.int(0, 10 * DAY));
      const submitted = iso(addMs(created, rng.int(DAY, 15 * DAY)));
      rows.push([rng.uuid(), edition[col(ed, 'id')], cityId, 'submitted', `Raport ${e + 1}/${i + 1}: działania miasta na rzecz integracji migrantów.`, experts[i], submitted, experts[i], iso(created), submitted]);
    });
  });
  return {
    table: 'report',
    columns: ['id', 'edition_id', 'city_id', 'status', 'summary', 'created_by', 'submitted_at', 'submitted_by', 'created_at', 'updated_at'],
    rows,
  };
}

/**
 * practice: each report has at least one, the rest land on reports at random. Current edition:
 * `practices` eligible plus 1% ineligible. Published edition: distinguished (one per future award
 * and some more), not distinguished, and a few ineligible.
 */
export function practices(ctx: GenContext): TableData {
  const { rng, scale } = ctx;
  const size = sizes(scale);
  const rep = table(ctx, 'report');
  const ed = table(ctx, 'edition');
  const coordinator = usersWith(ctx, 'coordinator-')[0];
  const rows: Cell[][] = [];
  for (const edition of ed.rows) {
    const editionId = edition[col(ed, 'id')];
    const isCurrent = edition[col(ed, 'stage')] === 'juryScoring';
    const editionReports = rep.rows.filter((row) => row[col(rep, 'edition_id')] === editionId);
    const count = isCurrent ? size.practices + Math.round(size.practices * 0.01) : size.publishedPractices;
    const owners = editionReports.map((_, i) => i);
    while (owners.length < count) owners.push(rng.int(0, editionReports.length - 1));
    const ineligibleFrom = isCurrent ? size.practices : count - Math.round(count * 0.05);
    const perReport = new Map<number, number>();
    owners.forEach((owner, i) => {
      const report = editionReports[owner];
      const position = perReport.get(owner) ?? 0;
      perReport.set(owner, position + 1);
      const topic = rng.pick(TOPICS);
      const status = i >= ineligibleFrom ? 'ineligible' : isCurrent ? 'eligible' : rng.chance(0.1) ? 'distinguished' : 'notDistinguished';
      const submitted = report[col(rep, 'submitted_at')] as string;
      const decided = iso(addMs(new Date(submitted), rng.int(DAY, 10 * DAY)));
      const units = rng.sample(UNITS, rng.int(1, 2));
      rows.push([
        rng.uuid(),
        report[col(rep, 'id')],
        `${topic[0].toUpperCase()}${topic.slice(1)} ${i + 1}`,
        `Miasto prowadzi ${topic} dla cudzoziemców i ich rodzin; działanie ${i + 1} w raporcie ${owner + 1}. `.repeat(rng.int(2, 6)).trim(),
        units,
        `20${rng.int(10, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
        rng.chance(0.5) ? [`https://miasto-${owner + 1}.example.org/${i + 1}`] : [],
        status,
        status === 'ineligible' ? 'Działanie poza zakresem konkursu.' : null,
        decided,
        coordinator,
        position,
        report[col(rep, 'created_at')],
        decided,
      ]);
    });
  }
  return {
    table: 'practice',
    columns: ['id', 'report_id', 'title', 'description', 'recipient_units', 'started_on', 'links', 'status', 'eligibility_reason', 'eligibility_decided_at', 'eligibility_decided_by', 'position', 'created_at', 'updated_at'],
    rows,
  };
}

/** The edition of each report (for the practice-level generators below). */
export function reportIndex(ctx: GenContext): Map<string, { editionId: string; cityId: string }> {
  const rep = table(ctx, 'report');
  return new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, { editionId: row[col(rep, 'edition_id')] as string, cityId: row[col(rep, 'city_id')] as string }]));
}

/** practice_category: one to three categories of the practice's edition. */
export function practiceCategories(ctx: GenContext): TableData {
  const { rng } = ctx;
  const cat = table(ctx, 'category');
  const byEdition = new Map<string, string[]>();
  for (const row of cat.rows) {
    const list = byEdition.get(row[col(cat, 'edition_id')] as string) ?? [];
    list.push(row[col(cat, 'id')] as string);
    byEdition.set(row[col(cat, 'edition_id')] as string, list);
  }
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const rows: Cell[][] = [];
  for (const practice of pr.rows) {
    const { editionId } = reportsById.get(practice[col(pr, 'report_id')] as string)!;
    for (const categoryId of rng.sample(byEdition.get(editionId)!, rng.int(1, 3))) rows.push([practice[col(pr, 'id')], categoryId]);
  }
  return { table: 'practice_category', columns: ['practice_id', 'category_id'], rows };
}

/** The jurors of the current edition with the city they are tied to. */
export function currentJurors(ctx: GenContext): { id: string; cityId: string | null; editionId: string }[] {
  const ed = table(ctx, 'edition');
  const current = ed.rows.find((row) => row[col(ed, 'stage')] === 'juryScoring')![col(ed, 'id')];
  const g = table(ctx, 'role_grant');
  return g.rows
    .filter((row) => row[col(g, 'role')] === 'juror' && row[col(g, 'edition_id')] === current)
    .map((row) => ({ id: row[col(g, 'user_id')] as string, cityId: row[col(g, 'city_id')] as string | null, editionId: current as string }));
}

/** Eligible practices of the current edition with their city. */
export function scoredPractices(ctx: GenContext): { id: string; cityId: string }[] {
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  return pr.rows
    .filter((row) => row[col(pr, 'status')] === 'eligible')
    .map((row) => ({ id: row[col(pr, 'id')] as string, cityId: reportsById.get(row[col(pr, 'report_id')] as string)!.cityId }));
}

/** conflict_of_interest: a few declared by jurors on practices of other cities (no score on those). */
export function conflicts(ctx: GenContext): TableData {
  const { rng, scale, epoch } = ctx;
  const jurors = currentJurors(ctx);
  const practiceList = scoredPractices(ctx);
  const seen = new Set<string>();
  const rows: Cell[][] = [];
  while (rows.length < sizes(scale).conflicts) {
    const juror = rng.pick(jurors);
    const practice = rng.pick(practiceList);
    const key = `${juror.id}:${practice.id}`;
    if (juror.cityId === practice.cityId || seen.has(key)) continue;
    seen.add(key);
    rows.push([rng.uuid(), juror.editionId, practice.id, juror.id, 'Współpracowałem z tym urzędem przy tym projekcie.', iso(addMs(epoch, -rng.int(1, 15) * DAY))]);
  }
  return { table: 'conflict_of_interest', columns: ['id', 'edition_id', 'practice_id', 'juror_id', 'reason', 'declared_at'], rows };
}

/**
 * score: every juror of the current edition on every eligible practice, except their own city's
 * and declared conflicts. Values 1..5 from the practice's quality, the juror's leniency and noise,
 * so the methods rank differently; 3% carry a comment.
 */
export function scores(ctx: GenContext): TableData {
  const { rng, epoch } = ctx;
  const jurors = currentJurors(ctx).map((juror) => ({ ...juror, bias: rng.next() * 1.4 - 0.7 }));
  const ci = table(ctx, 'conflict_of_interest');
  const conflicted = new Set(ci.rows.map((row) => `${row[col(ci, 'juror_id')]}:${row[col(ci, 'practice_id')]}`));
  const rows: Cell[][] = [];
  const value = (base: number) => Math.min(5, Math.max(1, Math.round(base + rng.next() * 2 - 1)));
  let at = addMs(epoch, -10 * DAY).getTime();
  for (const practice of scoredPractices(ctx)) {
    const quality = 1.5 + rng.next() * 3;
    for (const juror of jurors) {
      if (juror.cityId === practice.cityId || conflicted.has(`${juror.id}:${practice.id}`)) continue;
      const base = quality + juror.bias;
      at += rng.int(100, 2_000);
      const when = new Date(at).toISOString();
      rows.push([
        rng.uuid(), juror.editionId, practice.id, juror.id,
        value(base), value(base), value(base), value(base),
        rng.chance(0.03) ? 'Dobrze udokumentowane działanie.' : null,
        when, when,
      ]);
    }
  }
  return {
    table: 'score',
    columns: ['id', 'edition_id', 'practice_id', 'juror_id', 'comprehensiveness', 'long_term', 'government_engagement', 'effectiveness', 'comment', 'created_at', 'updated_at'],
    rows,
  };
}

/** award: distinctions of the published edition, each for a city's distinguished practices. */
export function awards(ctx: GenContext): TableData {
  const { rng, scale, epoch } = ctx;
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const byCity = new Map<string, { editionId: string; practiceIds: string[] }>();
  for (const row of pr.rows) {
    if (row[col(pr, 'status')] !== 'distinguished') continue;
    const { editionId, cityId } = reportsById.get(row[col(pr, 'report_id')] as string)!;
    const entry = byCity.get(cityId) ?? { editionId, practiceIds: [] };
    entry.practiceIds.push(row[col(pr, 'id')] as string);
    byCity.set(cityId, entry);
  }
  const coordinator = usersWith(ctx, 'coordinator-')[0];
  const rows: Cell[][] = [];
  // Up to half of the awards go to cities that have an official, so P4's answers include awards.
  const g = table(ctx, 'role_grant');
  const count = sizes(scale).awards;
  const followed = g.rows.filter((row) => row[col(g, 'role')] === 'cityOfficial').map((row) => row[col(g, 'city_id')] as string).filter((id) => byCity.has(id));
  const first = rng.sample(followed, Math.ceil(count / 2));
  const chosen = [...first, ...rng.sample([...byCity.keys()].filter((id) => !first.includes(id)), count - first.length)];
  chosen.forEach((cityId, position) => {
    const at = iso(addMs(epoch, -260 * DAY));
    rows.push([rng.uuid(), byCity.get(cityId)!.editionId, cityId, rng.pick(UNITS), 'Za konsekwentne i długofalowe wspieranie cudzoziemców.', position, coordinator, at, at]);
  });
  return { table: 'award', columns: ['id', 'edition_id', 'city_id', 'recipient_unit', 'citation', 'position', 'created_by', 'created_at', 'updated_at'], rows };
}

/** award_category: one or two categories of the award's edition. */
export function awardCategories(ctx: GenContext): TableData {
  const { rng } = ctx;
  const aw = table(ctx, 'award');
  const cat = table(ctx, 'category');
  const rows: Cell[][] = [];
  for (const award of aw.rows) {
    const options = cat.rows.filter((row) => row[col(cat, 'edition_id')] === award[col(aw, 'edition_id')]).map((row) => row[col(cat, 'id')] as string);
    for (const categoryId of rng.sample(options, rng.int(1, 2))) rows.push([award[col(aw, 'id')], categoryId]);
  }
  return { table: 'award_category', columns: ['award_id', 'category_id'], rows };
}

/** award_practice: the city's distinguished practices of that edition. */
export function awardPractices(ctx: GenContext): TableData {
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const aw = table(ctx, 'award');
  const rows: Cell[][] = [];
  for (const award of aw.rows) {
    for (const practice of pr.rows) {
      const owner = reportsById.get(practice[col(pr, 'report_id')] as string)!;
      if (practice[col(pr, 'status')] === 'distinguished' && owner.cityId === award[col(aw, 'city_id')] && owner.editionId === award[col(aw, 'edition_id')]) {
        rows.push([award[col(aw, 'id')], practice[col(pr, 'id')]]);
      }
    }
  }
  return { table: 'award_practice', columns: ['award_id', 'practice_id'], rows };
}

/**
 * outbox_event: a history of already relayed and processed events (enqueued_at and processed_at set,
 * so the relay of a running API leaves them alone).
 */
export function outboxEvents({ rng, scale, epoch }: GenContext): TableData {
  const type: OutboxEventType = 'system.ping';
  const count = sizes(scale).outboxEvents;
  const rows: Cell[][] = [];
  let at = addMs(epoch, -count * 60_000);
  for (let i = 0; i < count; i++) {
    at = addMs(at, rng.int(1_000, 119_000));
    const enqueued = addMs(at, rng.int(1, 500));
    const processed = addMs(enqueued, rng.int(5, 200));
    rows.push([rng.uuid(), type, JSON.stringify({ note: `bench ${i}` }), at.toISOString(), enqueued.toISOString(), processed.toISOString()]);
  }
  return { table: 'outbox_event', columns: ['id', 'type', 'payload', 'created_at', 'enqueued_at', 'processed_at'], rows };
}
