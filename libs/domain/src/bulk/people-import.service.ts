// Many experts and jurors at once, from JSON rows or CSV text: per row, the account found by its
// e-mail or created (and invited), and the assignment given by the single add's rules. A real
// import runs each row in its own transaction; a dry run runs them all in one transaction, each
// row under a savepoint, and rolls it back, so the preview answers what the import would.
import { Injectable } from '@nestjs/common';
import { InvalidInputError, Principal, Tx, UnitOfWork, withSavepoint } from '@app/core';
import { AccountsService, RequestMeta } from '../accounts/accounts.service';
import { CitiesService } from '../cities/cities.service';
import { CityView } from '../editions/dto/edition.dto';
import { GrantsService } from '../grants/grants.service';
import { refuse, settle, validItem } from './bulk-items';
import { PeopleImportDto, PeopleImportResult, PersonImportItemResult, PersonRowDto } from './dto/bulk.dto';
import { parsePeopleCsv } from './people-csv';

interface ImportedPerson {
  userId: string;
  assignmentId: string;
  created: boolean;
  invited: boolean;
  city: CityView | undefined;
}

/** Thrown to roll a dry run back, carrying its results out. */
class DryRunDone extends Error {
  constructor(readonly items: PersonImportItemResult[]) {
    super('dry run');
  }
}

/** What the batch has done so far: a later row repeating an earlier one is refused as such. */
class BatchMemory {
  private readonly people = new Set<string>();
  private readonly expertCities = new Map<string, number>();

  check(row: PersonRowDto, cityId: string | undefined): void {
    if (this.people.has(`${row.role}:${row.email.toLowerCase()}`)) throw refuse('duplicate_row', `An earlier row already adds this ${row.role}`, 'email');
    const earlier = cityId && row.role === 'expert' ? this.expertCities.get(cityId) : undefined;
    if (earlier !== undefined) throw refuse('city_has_expert', `Row ${earlier} already names this city’s expert`, 'city');
  }

  remember(line: number, row: PersonRowDto, cityId: string | undefined): void {
    this.people.add(`${row.role}:${row.email.toLowerCase()}`);
    if (cityId && row.role === 'expert') this.expertCities.set(cityId, line);
  }
}

@Injectable()
export class PeopleImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsService,
    private readonly cities: CitiesService,
    private readonly grants: GrantsService,
  ) {}

  async import(principal: Principal, editionId: string, dto: PeopleImportDto, meta: RequestMeta): Promise<PeopleImportResult> {
    if ((dto.rows === undefined) === (dto.csv === undefined)) throw new InvalidInputError('rows', 'or csv must be given (one of them, not both)');
    const rows = dto.rows ? dto.rows.map((row, index) => ({ line: index + 1, row: row as object })) : parsePeopleCsv(dto.csv!);
    const options = { principal, editionId, invite: dto.invite ?? true, meta };
    const dryRun = dto.dryRun ?? false;
    const items = dryRun ? await this.dryRun(rows, options) : await this.runEach(rows, options);
    const count = (outcome: PersonImportItemResult['outcome']) => items.filter((item) => item.outcome === outcome).length;
    return { dryRun, items, created: count('created'), grantAdded: count('grantAdded'), refused: count('refused'), invited: items.filter((item) => item.invited).length };
  }

  private async runEach(rows: { line: number; row: object }[], options: RowOptions): Promise<PersonImportItemResult[]> {
    const memory = new BatchMemory();
    const items: PersonImportItemResult[] = [];
    for (const { line, row } of rows) items.push(await this.settleRow(line, row, memory, (work) => this.uow.run(work), options));
    return items;
  }

  private async dryRun(rows: { line: number; row: object }[], options: RowOptions): Promise<PersonImportItemResult[]> {
    try {
      await this.uow.run(async (tx) => {
        const memory = new BatchMemory();
        const items: PersonImportItemResult[] = [];
        for (const { line, row } of rows) items.push(await this.settleRow(line, row, memory, (work) => withSavepoint(tx.manager, () => work(tx)), options));
        throw new DryRunDone(items);
      });
    } catch (error) {
      if (error instanceof DryRunDone) return error.items;
      throw error;
    }
    throw new Error('unreachable: a dry run always rolls back');
  }

  private async settleRow(
    line: number,
    raw: object,
    memory: BatchMemory,
    inTransaction: (work: (tx: Tx) => Promise<ImportedPerson>) => Promise<ImportedPerson>,
    options: RowOptions,
  ): Promise<PersonImportItemResult> {
    const text = (field: keyof PersonRowDto) => {
      const value = (raw as Record<string, unknown>)[field];
      return typeof value === 'string' ? value.trim() : null;
    };
    const shown = { line, name: text('name'), email: text('email'), role: text('role'), city: text('city') };
    const result = await settle(async () => {
      const row = await validItem(PersonRowDto, raw);
      return inTransaction(async (tx) => {
        const city = row.city ? await this.cities.findByIdOrName(tx.manager, row.city) : undefined;
        if (row.city && !city) throw refuse('unknown_city', `No city is named “${row.city}”`, 'city');
        memory.check(row, city?.id);
        const person = await this.addPerson(tx, row, city, options);
        memory.remember(line, row, city?.id);
        return person;
      });
    });
    if ('refusal' in result) return { ...shown, outcome: 'refused', invited: false, refusal: result.refusal };
    const { userId, assignmentId, created, invited, city } = result.value;
    return { ...shown, city: city?.name ?? null, outcome: created ? 'created' : 'grantAdded', userId, assignmentId, invited };
  }

  /** One row, in its transaction: the account (found or created), then the assignment, each by the single action's rules. */
  private async addPerson(tx: Tx, row: PersonRowDto, city: CityView | undefined, { principal, editionId, invite, meta }: RowOptions): Promise<ImportedPerson> {
    if (row.role === 'expert' && !city) throw refuse('invalid_input', 'city is required for an expert', 'city');
    const existing = await this.accounts.findByEmail(tx.manager, row.email);
    if (existing?.status === 'disabled') throw refuse('account_disabled', 'The account with this e-mail address is disabled', 'email');
    if (row.role === 'expert') {
      const [current] = await this.grants.list('expert', { editionId, cityId: city!.id }, tx.manager);
      if (current && current.userId !== existing?.id) throw refuse('city_has_expert', `${city!.name} already has an expert in this edition`, 'city');
    }
    const user = existing ?? (await this.accounts.createUserIn(tx, principal, { email: row.email, name: row.name, locale: row.language ?? 'pl' }, meta, invite));
    const assignment = row.role === 'expert'
      ? await this.grants.assignExpertIn(tx, principal, editionId, { userId: user.id, cityId: city!.id })
      : await this.grants.assignJurorIn(tx, principal, editionId, { userId: user.id, cityId: city?.id });
    const invited = !invite ? false : existing ? await this.accounts.reinviteIn(tx, principal, user.id, meta) : true;
    return { userId: user.id, assignmentId: assignment.id, created: !existing, invited, city };
  }
}

interface RowOptions {
  principal: Principal;
  editionId: string;
  invite: boolean;
  meta: RequestMeta;
}
