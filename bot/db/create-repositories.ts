// Builds every Prisma repository once over one client; the composition roots (bot/main.ts,
// bot/cli) call this and hand the result to the use cases.
import type { Repositories } from '../app/ports.ts';
import type { Db } from './database.ts';
import { createCalendarRepository } from './repositories/calendar-repository.ts';
import { createChatRepository } from './repositories/chat-repository.ts';
import { createCoordinationRepository } from './repositories/coordination-repository.ts';
import { createCriteriaSetRepository } from './repositories/criteria-set-repository.ts';
import { createInboxRepository } from './repositories/inbox-repository.ts';
import { createInviteRepository } from './repositories/invite-repository.ts';
import { createLeasesRepository } from './repositories/leases-repository.ts';
import { createLinkCodeRepository } from './repositories/link-code-repository.ts';
import { createMessageOutboxRepository } from './repositories/message-outbox-repository.ts';
import { createPeopleRepository } from './repositories/people-repository.ts';
import { createPublicationRepository } from './repositories/publication-repository.ts';
import { createPeriodRepository } from './repositories/period-repository.ts';
import { createSignedFormRepository } from './repositories/signed-form-repository.ts';
import { createSubmissionRepository } from './repositories/submission-repository.ts';
import { createUnitRepository } from './repositories/unit-repository.ts';

export const createRepositories = (db: Db): Repositories => ({
  units: createUnitRepository(db),
  people: createPeopleRepository(db),
  chats: createChatRepository(db),
  inbox: createInboxRepository(db),
  invites: createInviteRepository(db),
  linkCodes: createLinkCodeRepository(db),
  periods: createPeriodRepository(db),
  criteriaSets: createCriteriaSetRepository(db),
  submissions: createSubmissionRepository(db),
  coordination: createCoordinationRepository(db),
  outbox: createMessageOutboxRepository(db),
  leases: createLeasesRepository(db),
  calendar: createCalendarRepository(db),
  publications: createPublicationRepository(db),
  signedForms: createSignedFormRepository(db),
});
