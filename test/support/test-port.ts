// Ports for the servers an end-to-end test starts (the fake Bot API, the bot's HTTP server).
// They are chosen below the kernel's ephemeral range: a port in that range can be taken at any
// moment by an outgoing connection (a database client, a fetch) or a `listen(0)` in the unit
// suites running beside us, which is how a test once failed with EADDRINUSE on 38496.
import { readFileSync } from 'node:fs';

const FLOOR = 20_000;

const ephemeralStart = (): number => {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const n = Number(start);
    return Number.isInteger(n) && n > FLOOR + 1_000 ? n : 32_768;
  } catch {
    return 32_768; // Linux's default where /proc is not there
  }
};

/** The first of `span` consecutive ports, all below the ephemeral range. */
export const testPortBase = (span = 4): number => {
  const ceiling = ephemeralStart() - span;
  return FLOOR + Math.floor(Math.random() * (ceiling - FLOOR));
};
