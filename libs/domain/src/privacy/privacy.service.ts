// People's data: "download my data" for every signed-in person, and erasure on request. Erasure is
// a pseudonymisation: the person's name and e-mail leave the database, their work stays under a
// pseudonym so results by every method are unchanged. It waits until every edition the person
// holds a role in is decided, so nothing in progress loses its author.
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecorder, ConflictError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { AccountsService, RequestMeta } from '../accounts/accounts.service';
import { ErasedUserView, PersonalDataView } from './dto/privacy.dto';
import { PrivacyRepository } from './privacy.repository';

@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly repository: PrivacyRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditRecorder,
  ) {}

  async myData(principal: Principal): Promise<PersonalDataView> {
    const manager = this.dataSource.manager;
    const person = await this.repository.person(manager, principal.userId);
    if (!person) throw new NotFoundError('User');
    const data = await this.repository.personalData(manager, principal.userId);
    return {
      exportedAt: new Date(),
      account: { id: person.id, email: person.email, name: person.name, locale: person.locale, status: person.status, createdAt: person.created_at },
      ...data,
    };
  }

  async erase(actor: Principal, userId: string, reason: string, meta: RequestMeta): Promise<ErasedUserView> {
    if (userId === actor.userId) throw new ConflictError('cannot_erase_self', 'You cannot erase your own account; ask another coordinator');
    return this.uow.run(async ({ manager }) => {
      await this.accounts.assertNotLastCoordinator(manager, userId);
      const person = await this.repository.lockPerson(manager, userId);
      if (!person) throw new NotFoundError('User');
      if (person.erased_at) throw new ConflictError('already_erased', 'This person was already erased', { erasedAt: person.erased_at });
      const open = await this.repository.openEditionGrants(manager, userId);
      if (open.length > 0) {
        const editions = [...new Set(open.map((grant) => grant.year))];
        throw new ConflictError('active_grant', `The person holds a role in an edition that is not decided yet (${editions.join(', ')}); erase them once it is`, { editions });
      }
      const tag = randomBytes(3).toString('hex');
      const pseudonym = { name: `Anonymised person ${tag}`, email: `erased-${tag}-${randomBytes(6).toString('hex')}@erased.invalid` };
      await this.repository.erase(manager, person, pseudonym);
      await this.audit.record(
        { actorId: actor.userId, action: 'user.erase', objectType: 'user', objectId: userId, ip: meta.ip, outcome: 'success', details: { reason, pseudonym: pseudonym.name } },
        manager,
      );
      return { id: userId, pseudonym: pseudonym.name, erasedAt: new Date() };
    });
  }
}
