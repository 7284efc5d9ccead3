import { z } from 'zod';
import { createInvite } from '../../app/create-invite.ts';
import { telegramDeepLink } from '../../app/invite-codes.ts';
import { createInviteRepository } from '../../db/repositories/invite-repository.ts';
import { createUnitRepository } from '../../db/repositories/unit-repository.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

const optionsSchema = z.object({
  unit: z.string().min(1, '--unit <CODE> is required'),
  role: z.enum(['reporter', 'coordinator'], { message: '--role must be reporter or coordinator' }),
  uses: z.coerce.number().int().min(1).max(10_000, '--uses must be 1..10000').default(1),
  days: z.coerce.number().int().min(1).max(365, '--days must be 1..365').default(14),
});

export const inviteCreate: CliCommand = async (ctx) => {
  const parsed = optionsSchema.safeParse({
    unit: stringFlag(ctx.args, 'unit') ?? '',
    role: stringFlag(ctx.args, 'role'),
    uses: stringFlag(ctx.args, 'uses'),
    days: stringFlag(ctx.args, 'days'),
  });
  if (!parsed.success) throw new CliUsageError(`invite create: ${parsed.error.issues[0]?.message ?? 'invalid options'}`);
  const db = (await ctx.db()).prisma;
  const unit = await createUnitRepository(db).findByCode(parsed.data.unit);
  if (!unit) throw new CliUsageError(`invite create: unknown unit ${parsed.data.unit}`);
  const { code, expiresAt } = await createInvite(createInviteRepository(db), {
    unitId: unit.id,
    role: parsed.data.role,
    uses: parsed.data.uses,
    days: parsed.data.days,
    createdById: null,
    now: ctx.now(),
  });
  ctx.io.out(`${parsed.data.role} invite for ${unit.code} ${unit.name}: ${parsed.data.uses} use(s), expires ${expiresAt.toISOString()}`);
  ctx.io.out(`Telegram: ${telegramDeepLink(ctx.config.TELEGRAM_BOT_USERNAME, code)}`);
  ctx.io.out(`Zalo: send /start ${code}`);
  ctx.io.out(code);
  return 0;
};
