// Worker threads do not inherit tsx's loader on Node 20: register it, then load the TypeScript thread.
import { register } from 'tsx/esm/api';

register();
await import('./remote-bot-api-worker.ts');
