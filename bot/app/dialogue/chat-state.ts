// What the bot remembers about one chat between updates, stored as JSON in ChatState.
// Parsed with zod on every load: a row written by an older version degrades to "idle".
import { z } from 'zod';
import { SessionStateSchema } from '../../../core/questionnaire/session-state.schema.ts';

export const ChatStateSchema = z.object({
  v: z.literal(1),
  mode: z.enum(['idle', 'report', 'confirm_submit', 'choose_unit', 'choose_period']),
  unitId: z.string().optional(),
  /** True while a coordinator walks an assessor-answered set about `unitId` (/assess). */
  assess: z.boolean().optional(),
  periodId: z.string().optional(),
  submissionId: z.string().optional(),
  session: SessionStateSchema.optional(),
  /** A criteria workbook a coordinator sent, waiting for "Nạp" (see workbook-upload.ts). */
  workbook: z.object({ fileRef: z.string(), fileName: z.string(), checksum: z.string(), url: z.string().optional() }).optional(),
  /**
   * Choice values offered by the last message: validates buttons, maps typed numbers/letters.
   * `stamp` names that message: its buttons carry it, so a button of an older message (another
   * question, the same question before a skip) is told apart from the one on screen.
   */
  offered: z.object({ values: z.array(z.string()), exclusive: z.boolean(), stamp: z.string().optional() }).optional(),
});
export type ChatState = z.infer<typeof ChatStateSchema>;

export const idleState: ChatState = { v: 1, mode: 'idle' };

export const parseChatState = (raw: unknown): ChatState => {
  const parsed = ChatStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : idleState;
};
