// The /dashboard link of channels without Mini Apps (Zalo, the console): a signed link naming
// one person, valid for DASHBOARD_LINK_TTL_SECONDS; the page sends its token back with every
// API call and the server re-reads that person's current memberships each time.
import type { SignedLinks } from '../signed-links.ts';

export const DASHBOARD_PATH = '/app/';
/** The signed link's descriptor kind: a link for one person to open the dashboard, nothing else. */
export const DASHBOARD_LINK_KIND = 'dashboard';

export type DashboardLinks = { readonly link: (personId: string, now: Date) => { readonly url: string; readonly expiresAt: Date } };

export const createDashboardLinks = (links: SignedLinks, baseUrl: string, ttlSeconds: number): DashboardLinks => ({
  link: (personId, now) => {
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    // periodId is required by the descriptor; the dashboard always shows the open period.
    const token = links.sign({ kind: DASHBOARD_LINK_KIND, periodId: 'open', personId, expiresAt });
    return { url: `${baseUrl.replace(/\/$/, '')}${DASHBOARD_PATH}?t=${encodeURIComponent(token)}`, expiresAt };
  },
});

/** The Mini App's address: Telegram opens web_app buttons only over https. */
export const webAppUrl = (baseUrl: string | undefined): string | undefined =>
  baseUrl && baseUrl.startsWith('https://') ? `${baseUrl.replace(/\/$/, '')}${DASHBOARD_PATH}` : undefined;
