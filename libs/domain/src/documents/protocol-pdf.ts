// The jury's protocol as a PDF (in Polish, the organiser's language): the edition, the jurors with
// their cities and declared conflicts, the ranking by the chosen method with per-criterion means
// and n, the agreement in words, the awards with their citations and recorded votes, the stage history with times,
// and signature lines. A draft until the edition is decided, final from then on.
import { VOTE_CHOICES, type VoteChoice } from '../decisions/award-vote.entity';
import type { AwardView } from '../decisions/dto/decisions.dto';
import type { VoteCounts, VoteEntry } from '../decisions/dto/deliberation.dto';
import type { EditionStage } from '../editions/edition-stage';
import { CRITERIA, CRITERION_TEXT } from '../jury/criteria';
import type { AgreementView, EditionConflictView, ResultMethod, ResultsView } from '../jury/dto/jury.dto';
import { newPdf, Pdf, pdfBytes } from './pdf';
import type { ProtocolEdition, ProtocolJuror, ProtocolStageEvent } from './protocol.repository';

export interface ProtocolContent {
  edition: ProtocolEdition;
  final: boolean;
  generatedAt: Date;
  jurors: ProtocolJuror[];
  conflicts: EditionConflictView[];
  results: ResultsView;
  agreement: AgreementView;
  awards: AwardView[];
  history: ProtocolStageEvent[];
  coordinatorName: string;
  /** The recorded votes by award id (awards without a vote are absent). */
  votes: ReadonlyMap<string, ProtocolVote>;
}

export interface ProtocolVote {
  openedAt: Date;
  closedAt: Date | null;
  counts: VoteCounts;
  votes: VoteEntry[];
}

const CHOICE_NAMES: Record<VoteChoice, string> = { for: 'za', against: 'przeciw', abstain: 'wstrzymujący się' };

/** The vote on an award in the protocol's words: the counts, and who voted what (the jury's votes are recorded by name). */
export function voteInWords(vote: ProtocolVote): string[] {
  const state = vote.closedAt ? `zamknięte ${warsaw.format(new Date(vote.closedAt))}` : 'niezamknięte';
  const { counts } = vote;
  const lines = [`Głosowanie jury (${state}): za ${counts.for}, przeciw ${counts.against}, wstrzymujących się ${counts.abstain}.`];
  for (const choice of VOTE_CHOICES) {
    const names = vote.votes.filter((entry) => entry.choice === choice).map((entry) => entry.jurorName);
    if (names.length > 0) lines.push(`${CHOICE_NAMES[choice]}: ${names.join(', ')}`);
  }
  return lines;
}

const STAGE_NAMES: Record<EditionStage, string> = {
  draft: 'szkic',
  reportsOpen: 'raporty ekspertów',
  juryScoring: 'ocena jury',
  deliberation: 'obrady',
  decided: 'decyzje podjęte',
  published: 'wyniki opublikowane',
};

const METHOD_NAMES: Record<ResultMethod, string> = {
  mean: 'średnia ważona ocen',
  median: 'mediana ważonych ocen',
  zscore: 'średnia ocen standaryzowanych (z-score) każdego jurora',
  borda: 'metoda Bordy (pozycje w rankingach jurorów)',
};

const decimals = (digits: number) => new Intl.NumberFormat('pl-PL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const warsaw = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'short' });

export function formatScore(value: number | null): string {
  return value === null ? '—' : decimals(3).format(value);
}

/** Krippendorff's alpha in words, with the thresholds Krippendorff gives (0.800 reliable, 0.667 tentative). */
export function agreementInWords(alpha: number | null): string {
  if (alpha === null) return 'nieokreślona (za mało ocen lub brak zróżnicowania ocen)';
  const value = `α = ${decimals(3).format(alpha)}`;
  if (alpha >= 0.8) return `${value}: wysoka zgodność ocen jurorów (α ≥ 0,800)`;
  if (alpha >= 0.667) return `${value}: umiarkowana zgodność, wystarczająca do wniosków ostrożnych (0,667 ≤ α < 0,800)`;
  if (alpha >= 0) return `${value}: niska zgodność ocen jurorów (α < 0,667)`;
  return `${value}: brak zgodności, oceny rozbieżne bardziej niż przypadkowe (α < 0)`;
}

function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#1f4e79').text(text).fillColor('#000000').font('regular').fontSize(10).moveDown(0.3);
}

export async function renderProtocol(content: ProtocolContent): Promise<Buffer> {
  const { edition, results, agreement } = content;
  const title = content.final ? 'Protokół z obrad jury' : 'Projekt protokołu z obrad jury (wersja robocza)';
  const doc = newPdf({ title: `${title} — ${edition.name}` });

  doc.font('bold').fontSize(18).text(title, { align: 'center' });
  doc.font('regular').fontSize(12).text(`${edition.name} (${edition.year})`, { align: 'center' });
  doc.fontSize(9).fillColor('#444444')
    .text(`Etap edycji: ${STAGE_NAMES[edition.stage]}. Wygenerowano ${warsaw.format(content.generatedAt)} (czas warszawski).`, { align: 'center' })
    .fillColor('#000000');
  if (!content.final) doc.font('bold').fontSize(10).fillColor('#a33').text('Wersja robocza: decyzje nie są jeszcze ostateczne.', { align: 'center' }).fillColor('#000000').font('regular');
  const { startsAt, venue, city } = edition.ceremony;
  if (startsAt) doc.fontSize(10).text(`Ceremonia wręczenia wyróżnień: ${warsaw.format(new Date(startsAt))}, ${[venue, city].filter(Boolean).join(', ')}`, { align: 'center' });

  heading(doc, `1. Skład jury (${content.jurors.length})`);
  for (const [i, juror] of content.jurors.entries()) {
    const details = [juror.cityName ? `miasto: ${juror.cityName}` : 'bez przypisanego miasta', juror.countryOfOrigin ? `pochodzenie: ${juror.countryOfOrigin}` : null].filter(Boolean).join('; ');
    doc.text(`${i + 1}. ${juror.name} (${details})`);
  }
  doc.moveDown(0.4).font('bold').text('Konflikty interesów').font('regular');
  const declared = content.conflicts.filter((conflict) => conflict.reasonCode === 'declared');
  const ties = content.conflicts.length - declared.length;
  if (declared.length === 0) doc.text('Żaden juror nie zgłosił konfliktu interesów.');
  for (const conflict of declared) doc.text(`• ${conflict.jurorName}: „${conflict.practiceTitle}” (${conflict.cityName}): ${conflict.reason}`);
  doc.text(`Nie liczą się oceny jurorów dotyczące praktyk miast, z którymi są związani (par juror–praktyka: ${ties}).`);

  heading(doc, '2. Ranking praktyk');
  doc.text(`Metoda: ${METHOD_NAMES[results.method]}. Skala ocen 1–${edition.scaleMax}; n: liczba jurorów, których oceny się liczą.`);
  doc.text(`Średnie kryteriów: ${CRITERIA.map((criterion, i) => `K${i + 1} ${CRITERION_TEXT[criterion].pl.name.toLowerCase()}`).join(', ')}.`).moveDown(0.3);
  for (const item of results.items) {
    doc.font('bold').text(`${item.rank}. ${item.title} — ${item.cityName}`, { continued: false });
    const means = CRITERIA.map((criterion, i) => `K${i + 1} ${formatScore(item.perCriterion[criterion] ?? null)}`).join(' · ');
    doc.font('regular').text(`wynik ${formatScore(item.score)}; n = ${item.n}; ${means}`, { indent: 14 });
  }
  if (results.items.length === 0) doc.text('Brak praktyk dopuszczonych do oceny.');

  heading(doc, '3. Zgodność ocen (alfa Krippendorffa, skala przedziałowa)');
  doc.text(`Ocena ważona: ${agreementInWords(agreement.overall.alpha)}.`);
  for (const criterion of CRITERIA) doc.text(`${CRITERION_TEXT[criterion].pl.name}: ${agreementInWords(agreement.perCriterion[criterion].alpha)}.`);
  doc.text(`Oceny ${agreement.jurors} jurorów dotyczące ${agreement.practices} praktyk.`);

  heading(doc, `4. Wyróżnienia (${content.awards.length})`);
  if (content.awards.length === 0) doc.text('Nie przyznano jeszcze wyróżnień.');
  for (const [i, award] of content.awards.entries()) {
    doc.font('bold').text(`${i + 1}. ${award.city.name}${award.recipientUnit ? ` — ${award.recipientUnit}` : ''}`).font('regular');
    doc.text(`Kategorie: ${award.categories.map((category) => category.name).join('; ')}`, { indent: 14 });
    doc.text(`Praktyki: ${award.practices.map((practice) => practice.title).join('; ')}`, { indent: 14 });
    doc.text(`Uzasadnienie: ${award.citation ?? '—'}`, { indent: 14 });
    const vote = content.votes.get(award.id);
    if (vote) for (const line of voteInWords(vote)) doc.text(line, { indent: 14 });
  }

  heading(doc, '5. Przebieg edycji');
  for (const event of content.history) {
    doc.text(`${warsaw.format(new Date(event.at))}: ${STAGE_NAMES[event.from]} → ${STAGE_NAMES[event.to]}${event.actorName ? ` (${event.actorName})` : ''}`);
  }

  heading(doc, '6. Podpisy');
  const signers = [...content.jurors.map((juror) => `${juror.name}, juror`), `${content.coordinatorName}, koordynator`];
  for (const signer of signers) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    doc.moveDown(1.2).text('…………………………………………………………', { continued: false }).fontSize(9).text(signer).fontSize(10);
  }
  numberPages(doc);
  return pdfBytes(doc);
}

/** "Strona i z n" at the foot of every page. */
function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#666666').text(`Strona ${i + 1} z ${range.count}`, 50, doc.page.height - 30, { align: 'center', width: doc.page.width - 100 });
    doc.page.margins.bottom = bottom;
  }
}
