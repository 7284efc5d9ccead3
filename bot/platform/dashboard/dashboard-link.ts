// The /dashboard link of channels without Mini Apps (Zalo, the console): a signed link naming
// one person, valid for DASHBOARD_LINK_TTL_SECONDS and usable once. Its first use is exchanged
// for a session token (same person, same expiry) that the page keeps for its later calls; a
// forwarded or re-opened link is refused. The server re-reads the person's memberships each time.
import { randomBytes } from 'node:crypto';
import type { SignedLinks } from '../signed-links.ts';

export const DASHBOARD_PATH = '/app/';
/** The signed link's descriptor kind: a link for one person to open the dashboard, nothing else. */
export const DASHBOARD_LINK_KIND = 'dashboard';
/** What a link's first use is exchanged for: the page's own token, for as long as the link would have lived. */
export const DASHBOARD_SESSION_KIND = 'dashboard_session';
/** The response header that carries the session token to the page. */
export const DASHBOARD_SESSION_HEADER = 'x-dashboard-session';
/** Each link's once-only nonce travels in the descriptor's fileId as `once:<nonce>`. */
export const LINK_NONCE_PREFIX = 'once:';

export type DashboardLinks = { readonly link: (personId: string, now: Date) => { readonly url: string; readonly expiresAt: Date } };

export const createDashboardLinks = (links: SignedLinks, baseUrl: string, ttlSeconds: number): DashboardLinks => ({
  link: (personId, now) => {
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    // periodId is required by the descriptor; the dashboard always shows the open period.
    const nonce = `${LINK_NONCE_PREFIX}${randomBytes(12).toString('base64url')}`;
    const token = links.sign({ kind: DASHBOARD_LINK_KIND, periodId: 'open', personId, expiresAt, fileId: nonce });
    return { url: `${baseUrl.replace(/\/$/, '')}${DASHBOARD_PATH}?t=${encodeURIComponent(token)}`, expiresAt };
  },
});

/** The Mini App's address: Telegram opens web_app buttons only over https. */
export const webAppUrl = (baseUrl: string | undefined): string | undefined =>
  baseUrl && baseUrl.startsWith('https://') ? `${baseUrl.replace(/\/$/, '')}${DASHBOARD_PATH}` : undefined;
