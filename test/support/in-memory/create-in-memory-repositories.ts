// Every port of bot/app/ports.ts over one in-memory store: the same `Repositories` shape as
// bot/db/create-repositories.ts, for use-case tests that need no database. The port contract
// test (test/db/ports-contract.test.ts) runs the same cases against both so they cannot drift.
import type { Repositories } from '../../../bot/app/ports.ts';
import { createInMemoryCalendarRepository } from './calendar-repository.ts';
import { createInMemoryChatRepository } from './chat-repository.ts';
import { createInMemoryCoordinationRepository } from './coordination-repository.ts';
import { createInMemoryCriteriaSetRepository } from './criteria-set-repository.ts';
import { createInMemoryInboxRepository } from './inbox-repository.ts';
import { createInMemoryInviteRepository } from './invite-repository.ts';
import { createInMemoryLeaseRepository } from './lease-repository.ts';
import { createInMemoryLinkCodeRepository } from './link-code-repository.ts';
import { createInMemoryOutboxRepository } from './outbox-repository.ts';
import { createInMemoryPeopleRepository } from './people-repository.ts';
import { createInMemoryPeriodRepository } from './period-repository.ts';
import { createInMemoryPublicationRepository } from './publication-repository.ts';
import { createInMemorySignedFormRepository } from './signed-form-repository.ts';
import { createInMemorySubmissionRepository } from './submission-repository.ts';
import { createInMemoryUnitRepository } from './unit-repository.ts';
import { createInMemoryStore, type InMemoryStore } from './store.ts';

export type InMemoryRepositories = Repositories & { readonly store: InMemoryStore };

export const createInMemoryRepositories = (store: InMemoryStore = createInMemoryStore()): InMemoryRepositories => ({
  store,
  units: createInMemoryUnitRepository(store),
  people: createInMemoryPeopleRepository(store),
  chats: createInMemoryChatRepository(store),
  inbox: createInMemoryInboxRepository(store),
  invites: createInMemoryInviteRepository(store),
  linkCodes: createInMemoryLinkCodeRepository(store),
  periods: createInMemoryPeriodRepository(store),
  criteriaSets: createInMemoryCriteriaSetRepository(store),
  submissions: createInMemorySubmissionRepository(store),
  coordination: createInMemoryCoordinationRepository(store),
  outbox: createInMemoryOutboxRepository(store),
  leases: createInMemoryLeaseRepository(store),
  calendar: createInMemoryCalendarRepository(store),
  publications: createInMemoryPublicationRepository(store),
  signedForms: createInMemorySignedFormRepository(),
});
