// What the Zalo inbox keeps of an event: everything needed to replay it after a stop, except a
// typed invite or link code (Zalo has no deep links, so officers type them): those are never
// stored in clear. A replayed code event becomes an unsupported message; the person types the
// code again — the live event, processed from memory, was never affected.
import { normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import type { InboundEvent } from '../../app/inbound.ts';

const looksLikeCode = (text: string): boolean => {
  const t = text.trim();
  if (/^\/(start|link)(@\w+)?\s+\S/i.test(t)) return true;
  if (/\s/.test(t)) return false;
  const code = normaliseInviteCode(t);
  return code !== null && (code.length === 8 || code.length === 10);
};

export const inboxPayload = (event: InboundEvent): InboundEvent =>
  event.content.kind === 'text' && looksLikeCode(event.content.text) ? { ...event, content: { kind: 'unsupported', what: 'redacted_code' } } : event;
