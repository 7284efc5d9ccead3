import { seedDemo } from '../../app/admin/seed-demo.ts';
import type { CliCommand } from '../cli-context.ts';

export const demoSeed: CliCommand = async (ctx) => {
  const summary = await seedDemo(await ctx.repos(), ctx.now());
  ctx.io.out(`demo data ready: ${summary.units} units, ${summary.sets} criteria sets, period ${summary.period.name} (${summary.period.status})`);
  return 0;
};
