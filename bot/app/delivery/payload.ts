// The JSON of an outbox row's replies, parsed back into reply descriptors at send time.
import { z } from 'zod';
import type { Reply } from '../../../core/reply.ts';

const params = z.record(z.string(), z.union([z.string(), z.number(), z.strictObject({ key: z.string() })]));
const choice = z.object({ value: z.string(), key: z.string(), params: params.optional() });
export const replySchema = z.object({ key: z.string(), params: params.optional(), choices: z.array(choice).optional(), row: z.literal(true).optional() });
export const replyListSchema = z.array(replySchema).transform((r) => r as Reply[]);
