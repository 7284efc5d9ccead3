// The dashboard channel: the page under /app/ and its JSON API under /app/api/. A request is
// authenticated by Telegram Mini App initData (`Authorization: tma <initData>`) or by the signed
// /dashboard link of other channels (`Authorization: link <token>`); then the coordination use
// cases answer with the caller's scope, exactly as in chat. Forged or expired → 401, outside
// the scope → 403. Texts from the catalogues are rendered here (like the chat renders replies);
// the page inserts them with textContent only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { pickText } from '../../../core/criteria/localized-text.ts';
import { answerText } from '../../../core/criteria/answer-text.ts';
import { tierText } from '../../../core/criteria/tier-text.ts';
import type { Reply, ReplyParam } from '../../../core/reply.ts';
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import type { CoordinationDeps } from '../../app/coordination/coordination-context.ts';
import {
  dashboardMe,
  dashboardRanking,
  dashboardStatus,
  dashboardUnit,
  resolveCaller,
  type DashboardCaller,
  type DashboardIdentity,
  type DashboardOutcome,
  type DashboardRefusal,
} from '../../app/dashboard/dashboard-queries.ts';
import type { LevelRankingView } from '../../app/coordination/ranking-command.ts';
import { FILES_PATH } from '../../app/coordination/linked-files.ts';
import { verifyInitData } from '../../platform/dashboard/telegram-init-data.ts';
import {
  DASHBOARD_LINK_KIND,
  DASHBOARD_PATH,
  DASHBOARD_SESSION_HEADER,
  DASHBOARD_SESSION_KIND,
  LINK_NONCE_PREFIX,
} from '../../platform/dashboard/dashboard-link.ts';
import type { HttpServer } from '../../platform/http-server.ts';
import { isLocale, loadCatalogues, type Locale, type Translator } from '../../platform/i18n.ts';
import { projectRoot } from '../../platform/project-root.ts';
import type { FileDescriptor, SignedLinks } from '../../platform/signed-links.ts';
import { renderText } from '../render.ts';

// Generated files linked from the page stay valid for as long as the page's own link would.
const DOWNLOAD_TTL_MS = 3_600_000;

export type DashboardHttpDeps = {
  readonly coordination: CoordinationDeps;
  readonly translator: Translator;
  readonly defaultLocale: Locale;
  readonly now: () => Date;
  /** Telegram: initData is checked with the bot token. */
  readonly telegram?: { readonly botToken: string; readonly maxAgeSeconds: number };
  /** Signed links (FILE_LINK_SECRET): the /dashboard link and the downloads. */
  readonly links?: SignedLinks;
  /** Records a key once across instances (the processed-updates table); false when it was seen before. */
  readonly claimOnce?: (key: string, now: Date) => Promise<boolean>;
};

const STATIC: Record<string, { file: string; mime: string }> = {
  '/app/': { file: 'index.html', mime: 'text/html; charset=utf-8' },
  '/app/dashboard.js': { file: 'dashboard.js', mime: 'text/javascript; charset=utf-8' },
  '/app/dashboard.css': { file: 'dashboard.css', mime: 'text/css; charset=utf-8' },
};

const headers = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
// Scripts and styles only from this server; images from here and data: (none from elsewhere).
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const json = (res: http.ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

const REFUSAL_STATUS: Record<DashboardRefusal, number> = {
  unknown_person: 403,
  not_coordinator: 403,
  out_of_scope: 403,
  no_period: 404,
  unknown_unit: 404,
  bad_request: 400,
};

/** The identity an Authorization header proves, or why it proves none. */
export const authenticate = (
  deps: Pick<DashboardHttpDeps, 'telegram' | 'links'>,
  header: string | undefined,
  now: Date,
):
  | { ok: true; identity: DashboardIdentity; languageCode?: string; once?: { readonly nonce: string; readonly expiresAt: Date } }
  | { ok: false; error: 'missing' | 'malformed' | 'tampered' | 'expired' } => {
  const m = /^(tma|link) (.+)$/.exec(header ?? '');
  if (!m) return { ok: false, error: 'missing' };
  const [, scheme, value] = m as unknown as [string, string, string];
  if (scheme === 'tma') {
    if (!deps.telegram) return { ok: false, error: 'tampered' };
    const v = verifyInitData(deps.telegram.botToken, value, now, deps.telegram.maxAgeSeconds);
    if (!v.ok) return { ok: false, error: v.error };
    return {
      ok: true,
      identity: { kind: 'account', channel: 'telegram', externalId: String(v.value.user.id) },
      ...(v.value.user.languageCode ? { languageCode: v.value.user.languageCode } : {}),
    };
  }
  if (!deps.links) return { ok: false, error: 'tampered' };
  const v = deps.links.verify(value, now);
  if (!v.ok) return { ok: false, error: v.error };
  // A file link is no dashboard link (and the other way round: the file route 404s these kinds).
  if (v.value.kind === DASHBOARD_SESSION_KIND) return { ok: true, identity: { kind: 'person', personId: v.value.personId } };
  if (v.value.kind !== DASHBOARD_LINK_KIND || !v.value.fileId?.startsWith(LINK_NONCE_PREFIX)) return { ok: false, error: 'tampered' };
  return { ok: true, identity: { kind: 'person', personId: v.value.personId }, once: { nonce: v.value.fileId, expiresAt: v.value.expiresAt } };
};

export const routeDashboard = (http: HttpServer, deps: DashboardHttpDeps): void => {
  const dir = path.join(projectRoot(), 'bot', 'channels', 'dashboard', 'static');
  const files = new Map(Object.entries(STATIC).map(([route, f]) => [route, { data: readFileSync(path.join(dir, f.file)), mime: f.mime }]));
  const catalogues = loadCatalogues();
  const t = (locale: Locale, r: Pick<Reply, 'key' | 'params'>) => renderText(deps.translator, locale, r, 'plain');
  const param = (locale: Locale, p: ReplyParam): string => (typeof p === 'string' ? p : typeof p === 'number' ? String(p) : t(locale, { key: p.key }));

  http.route('GET', '/app', (_req, res) => void res.writeHead(301, { ...headers, location: DASHBOARD_PATH }).end());
  for (const [route, file] of files) {
    http.route('GET', route, (_req, res) => {
      res.writeHead(200, { ...headers, 'content-type': file.mime, 'content-security-policy': CSP }).end(file.data);
    });
  }
  // The page's words, before any authentication (the refusal must be readable too).
  http.route('GET', '/app/api/i18n', (req, res) => {
    const lang = new URL(req.url ?? '/', 'http://local').searchParams.get('lang');
    const locale: Locale = isLocale(lang) ? lang : deps.defaultLocale;
    json(res, 200, { locale, strings: catalogues[locale]['dashboard'] ?? {} });
  });

  const sign = (d: Omit<FileDescriptor, 'expiresAt'>): string | undefined =>
    deps.links ? `${FILES_PATH}?t=${deps.links.sign({ ...d, expiresAt: new Date(deps.now().getTime() + DOWNLOAD_TTL_MS) })}` : undefined;

  const api = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    f: (caller: DashboardCaller, url: URL, locale: Locale) => Promise<DashboardOutcome<unknown>>,
  ) => {
    const now = deps.now();
    const auth = authenticate(deps, req.headers.authorization, now);
    if (!auth.ok) return json(res, 401, { error: auth.error });
    // A /dashboard link works once: its first use gets the page a session token, any later use is refused.
    if (auth.once) {
      if (!deps.links || !deps.claimOnce || !(await deps.claimOnce(`dash:${auth.once.nonce}`, now))) return json(res, 401, { error: 'used' });
      const identity = auth.identity as { personId: string };
      res.setHeader(
        DASHBOARD_SESSION_HEADER,
        deps.links.sign({ kind: DASHBOARD_SESSION_KIND, periodId: 'open', personId: identity.personId, expiresAt: auth.once.expiresAt }),
      );
    }
    const caller = await resolveCaller(deps.coordination, auth.identity, deps.defaultLocale);
    if (!caller) return json(res, 403, { error: 'unknown_person' });
    const url = new URL(req.url ?? '/', 'http://local');
    const lang = url.searchParams.get('lang');
    const out = await f(caller, url, isLocale(lang) ? lang : caller.locale);
    if (!out.ok) return json(res, REFUSAL_STATUS[out.refusal], { error: out.refusal });
    json(res, 200, out.value);
  };

  http.route('GET', '/app/api/me', (req, res) =>
    api(req, res, async (caller, _url, locale) => {
      const me = await dashboardMe(deps.coordination, caller);
      if (!me.ok) return me;
      const period = me.value.period;
      const downloads = [
        ...(sign({ kind: 'export_xlsx', periodId: period.id, personId: caller.personId })
          ? [{ kind: 'export_xlsx', url: sign({ kind: 'export_xlsx', periodId: period.id, personId: caller.personId }) }]
          : []),
        ...me.value.levels.flatMap((level) => {
          const url = sign({ kind: 'chart_png', periodId: period.id, personId: caller.personId, level });
          return url ? [{ kind: 'chart_png', level, url }] : [];
        }),
      ];
      return {
        ok: true,
        value: {
          ...me.value,
          locale,
          levelNames: Object.fromEntries(me.value.levels.map((l) => [l, t(locale, { key: `coord:level.${l}` })])),
          downloads,
        },
      };
    }),
  );

  http.route('GET', '/app/api/status', (req, res) =>
    api(req, res, async (caller, url) => {
      const out = await dashboardStatus(
        deps.coordination,
        caller,
        {
          ...(url.searchParams.get('level') ? { level: url.searchParams.get('level')! } : {}),
          ...(url.searchParams.get('district') ? { district: url.searchParams.get('district')! } : {}),
        },
        deps.now(),
      );
      if (!out.ok) return out;
      return {
        ok: true,
        value: { period: out.value.period, levels: out.value.levels.map((l) => ({ ...l, deadlineText: formatDateVi(l.deadline) })) },
      };
    }),
  );

  const rankingRows = (r: LevelRankingView, locale: Locale, parentCode: (id: string | undefined) => string | null) => {
    // What a row shows whether it is ranked or not; rank, lateness and the reason differ.
    const common = (row: LevelRankingView['ranked'][number] | LevelRankingView['notRanked'][number]) => ({
      code: row.unitCode,
      name: row.unitName,
      district: parentCode(row.parentId),
      points: row.points,
      percent: row.percent,
      tier: param(locale, tierText(r.tiers, row.tier, locale)),
      basis: row.basis,
      status: row.status,
      submitted: row.submitted,
      workingDaysLate: row.workingDaysLate,
    });
    return [
      ...r.ranked.map((row) => ({
        rank: row.rank,
        ranked: true,
        ...common(row),
        late: row.lateFlag,
        reason: row.rank === 'last' ? t(locale, { key: row.lastReason?.key ?? 'ranking:reason.not_submitted', params: row.lastReason?.params ?? {} }) : null,
      })),
      ...r.notRanked.map((row) => ({ rank: null, ranked: false, ...common(row), late: false, reason: t(locale, row.reason) })),
    ];
  };

  http.route('GET', '/app/api/ranking', (req, res) =>
    api(req, res, async (caller, url, locale) => {
      const query = {
        ...(url.searchParams.get('level') ? { level: url.searchParams.get('level')! } : {}),
        ...(url.searchParams.get('district') ? { district: url.searchParams.get('district')! } : {}),
      };
      const out = await dashboardRanking(deps.coordination, caller, query);
      if (!out.ok) return out;
      const units = await deps.coordination.repos.units.list();
      const codes = new Map(units.map((u) => [u.id, u.code]));
      const parentCode = (id: string | undefined) => (id ? (codes.get(id) ?? null) : null);
      return {
        ok: true,
        value: {
          period: out.value.period,
          levels: out.value.levels.map((r) => ({ level: r.level, excludedCount: r.excludedCount, rows: rankingRows(r, locale, parentCode) })),
        },
      };
    }),
  );

  http.routePrefix('GET', '/app/api/unit/', (req, res) =>
    api(req, res, async (caller, url, locale) => {
      const code = decodeURIComponent(url.pathname.slice('/app/api/unit/'.length));
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(code)) return { ok: false, refusal: 'bad_request' };
      const out = await dashboardUnit(deps.coordination, { ...caller, locale }, code);
      if (!out.ok) return out;
      const { unit, row, detail, period } = out.value;
      const lang = locale;
      const totals = (s: NonNullable<typeof detail>['self']) => ({
        points: s.points,
        applicableMax: s.applicableMax,
        percent: s.percent,
        tier: param(lang, tierText(detail?.tiers ?? [], s.tier?.key ?? null, lang)),
      });
      return {
        ok: true,
        value: {
          code: unit.code,
          name: unit.name,
          level: unit.level,
          status: row?.status ?? null,
          statusText: row ? t(lang, { key: `coord:state.${row.status}` }) : null,
          submittedAt: row?.submission?.firstSubmittedAt ? formatDateVi(toLocalDate(row.submission.firstSubmittedAt)) : null,
          late: row?.late.late ?? false,
          workingDaysLate: row?.late.workingDaysLate ?? 0,
          self: detail ? totals(detail.self) : null,
          verified: detail?.verified ? totals(detail.verified) : null,
          appraisal: detail ? t(lang, { key: `coord:appraisal.${detail.snapshot.appraisalState}` }) : null,
          signed: detail?.signed ?? null,
          returnNote: detail?.snapshot.status === 'returned' ? (detail.snapshot.returnNote ?? null) : null,
          criteria: (detail?.criteria ?? []).map((c) => {
            const answer = detail!.snapshot.answers[c.criterion.code];
            const override = detail!.snapshot.overrides[c.criterion.code];
            return {
              code: c.criterion.code,
              title: pickText(c.criterion.text, lang),
              value: answer ? t(lang, answerText(c.criterion, answer.value, lang)) : '',
              points: c.row.points,
              max: c.criterion.maxPoints,
              status: c.row.status,
              explanation: answer?.explanation ?? null,
              verifiedPoints: override && c.verifiedRow ? c.verifiedRow.points : null,
              verifiedNote: override?.note ?? null,
              evidence: c.files.map((f) => {
                const url =
                  f.storedPath && row?.submission
                    ? sign({ kind: 'evidence', periodId: period.id, unitId: unit.id, fileId: `${row.submission.id}:${f.id}`, personId: caller.personId })
                    : undefined;
                return { name: f.fileName ?? f.kind, kind: f.kind, mime: f.mime, image: (f.mime ?? '').startsWith('image/'), url: url ?? null };
              }),
            };
          }),
          unanswered: detail?.unanswered ?? [],
          blockers: detail?.blockers ?? [],
          downloads: row?.submission
            ? (['form_pdf', 'form_docx'] as const).flatMap((kind) => {
                const u = sign({ kind, periodId: period.id, unitId: unit.id, personId: caller.personId });
                return u ? [{ kind, url: u }] : [];
              })
            : [],
        },
      };
    }),
  );
  // Anything else under /app/api/ is no page.
  http.routePrefix('GET', '/app/api/', (_req, res) => json(res, 404, { error: 'not_found' }));
};
