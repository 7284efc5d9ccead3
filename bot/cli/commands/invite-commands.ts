import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import { unitLevelSchema } from '../../../core/units/unit.ts';
import { createBulkInvites } from '../../app/admin/bulk-invites.ts';
import { createInvite } from '../../app/admin/create-invite.ts';
import { hashCode, telegramDeepLink } from '../../app/admin/invite-codes.ts';
import { csvLine } from '../../platform/documents/appendix/csv-writer.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

const optionsSchema = z.object({
  unit: z.string().min(1, '--unit <CODE> is required'),
  // An assessor (thẩm định) may only /assess the units in the scope of --unit (e.g. the province).
  role: z.enum(['reporter', 'coordinator', 'assessor'], { message: '--role must be reporter, coordinator or assessor' }),
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
  const repos = await ctx.repos();
  const unit = await repos.units.findByCode(parsed.data.unit);
  if (!unit) throw new CliUsageError(`invite create: unknown unit ${parsed.data.unit}`);
  const { code, expiresAt } = await createInvite(repos.invites, {
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

const bulkSchema = z.object({
  level: unitLevelSchema.refine((l) => l !== 'province', '--level must be department, district or commune'),
  district: z.string().min(1).optional(),
  role: z.enum(['reporter', 'coordinator'], { message: '--role must be reporter or coordinator' }),
  out: z.string().min(1, '--out <file.csv> is required'),
  uses: z.coerce.number().int().min(1).max(10_000, '--uses must be 1..10000').optional(),
  days: z.coerce.number().int().min(1).max(365, '--days must be 1..365').default(30),
});

/** `invite bulk --level <level> [--district <code>] --role … --out invites.csv`: one code per unit. */
export const inviteBulk: CliCommand = async (ctx) => {
  const flag = (name: string) => stringFlag(ctx.args, name);
  const parsed = bulkSchema.safeParse({
    level: flag('level'),
    district: flag('district'),
    role: flag('role'),
    out: flag('out') ?? '',
    uses: flag('uses'),
    days: flag('days'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliUsageError(
      `invite bulk: ${issue?.path[0] === 'level' ? '--level must be department, district or commune' : (issue?.message ?? 'invalid options')}`,
    );
  }
  const o = parsed.data;
  const { t } = ctx.translator;
  const made = await createBulkInvites(await ctx.repos(), {
    level: o.level,
    ...(o.district ? { districtCode: o.district } : {}),
    role: o.role,
    // A commune's report is usually shared by a few officers; a coordinator invite is personal.
    uses: o.uses ?? (o.role === 'reporter' ? 5 : 1),
    days: o.days,
    botUsername: ctx.config.TELEGRAM_BOT_USERNAME,
    now: ctx.now(),
  });
  if (!made.ok) throw new CliUsageError(t(ctx.locale, `cli:invite.${made.error}`, { district: o.district ?? '', level: o.level }));
  const header = ['unit_code', 'unit_name', 'deep_link', 'code'];
  const body = made.rows.map((r) => csvLine([r.unitCode, r.unitName, r.link, r.code])).join('');
  await writeFile(o.out, `\uFEFF${csvLine(header)}${body}`, 'utf8');
  ctx.io.out(t(ctx.locale, 'cli:invite.bulk_done', { count: made.rows.length, file: o.out, expires: made.expiresAt.toISOString().slice(0, 10) }));
  if (made.skippedExcluded > 0) ctx.io.out(t(ctx.locale, 'cli:invite.bulk_skipped', { count: made.skippedExcluded }));
  return 0;
};

/** `invite revoke <code>`: the code can no longer be used (memberships already made stay). */
export const inviteRevoke: CliCommand = async (ctx) => {
  const typed = ctx.args.words[2];
  const code = typed ? normaliseInviteCode(typed) : null;
  if (!code) throw new CliUsageError('usage: invite revoke <code>');
  const { t } = ctx.translator;
  const { invites, units } = await ctx.repos();
  const invite = await invites.findByHash(hashCode(code));
  if (!invite) throw new CliUsageError(t(ctx.locale, 'cli:invite.unknown_code'));
  if (!invite.revokedAt) await invites.revoke(invite.id, ctx.now());
  const unit = await units.findById(invite.unitId);
  ctx.io.out(t(ctx.locale, 'cli:invite.revoked', { code, role: invite.role, unit: unit ? `${unit.code} ${unit.name}` : invite.unitId, uses: invite.uses }));
  return 0;
};
