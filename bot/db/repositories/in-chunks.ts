// Lists of ids longer than a database takes as bound parameters (Prisma refused /status at
// 10,000 submissions: "the query parameter limit supported by your database is exceeded") are
// read a slice at a time and the rows put together.
export const IN_CHUNK = 500;

export const inChunks = async <T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> => {
  if (ids.length <= IN_CHUNK) return read([...ids]);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await read(ids.slice(i, i + IN_CHUNK))));
  return out;
};
