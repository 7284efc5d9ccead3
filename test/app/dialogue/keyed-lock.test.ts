import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../../bot/app/dialogue/keyed-lock.ts';

describe('createKeyedLock', () => {
  it('runs work of one key one after the other, other keys alongside, and survives a failure', async () => {
    const lock = createKeyedLock();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = lock('a', async () => {
      log.push('a1 start');
      await gate;
      log.push('a1 end');
      throw new Error('a1 failed');
    });
    const a2 = lock('a', async () => void log.push('a2'));
    const b1 = lock('b', async () => void log.push('b1'));
    await b1;
    expect(log).toEqual(['a1 start', 'b1']);
    release();
    await expect(a1).rejects.toThrow('a1 failed');
    await a2;
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect(await lock('a', async () => 42)).toBe(42);
  });
});
