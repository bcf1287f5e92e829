// The collector API as the auditor UI uses it: the audit routes with the bearer token, the public
// log and key routes without it. Errors are values: every call answers a Result.
// Every shape is protocol's wire contract, the one the collector's answers are checked against.
import {
  type AdminSite,
  type AdminSitesAnswer,
  type AuditSite,
  type AuditSitesAnswer,
  type ConfigAnswer,
  type ConsistencyProofBundle,
  type ErrorBody,
  type ExportParams,
  fail,
  type InclusionProofBundle,
  type Jwks,
  ok,
  type Pending,
  type PublishAnswer,
  type ReceiptSearchAnswer,
  type ReceiptSearchParams,
  type Result,
  type SiteAnswer,
  type SiteConfig,
  type SiteRevisionsAnswer,
  type StatsAnswer,
  type StatsParams,
  type SubjectHistory,
  type WitnessStatusAnswer,
} from '@consent-ledger/protocol';

/** A failed call: the collector's error code (or `network`), its message and the HTTP status (0 offline). */
export type ApiResult<T> = Result<T, string> & { status?: number };

/** Filters of the receipt search as the search view sets them (the client picks order and page size). */
export type SearchQuery = Omit<ReceiptSearchParams, 'order' | 'limit'>;

/** The latest checkpoint note, with when it was signed (its Last-Modified; null when not sent). */
export interface CheckpointAnswer {
  note: string;
  signedAt: string | null;
}

/** Where the collector is and who is asking. */
export interface Caller {
  /** The collector's origin; '' for the one serving this page. */
  base: string;
  token: string;
  fetch?: typeof fetch;
}

/** A caller and the site it works on. */
export interface ApiOptions extends Caller {
  site: string;
}

const path = (value: string) => encodeURIComponent(value);

/** Calls the collector; a failure is a value with the collector's code and the status. */
async function call(caller: Caller, url: string, init: RequestInit = {}): Promise<ApiResult<Response>> {
  const doFetch = caller.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(caller.base + url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    return { ...fail('network', error instanceof Error ? error.message : String(error)), status: 0 };
  }
  if (res.ok) return ok(res);
  // Whatever answered (the collector, or a proxy's page), read as much of an ErrorBody as there is.
  const body = (await res.json().catch(() => null)) as { error?: Partial<ErrorBody['error']> } | null;
  return {
    ...fail(body?.error?.code ?? `http-${res.status}`, body?.error?.message ?? res.statusText),
    status: res.status,
  };
}

/** Calls and reads the JSON answer. */
async function json<T>(caller: Caller, url: string, init?: RequestInit): Promise<ApiResult<T>> {
  const res = await call(caller, url, init);
  if (!res.ok) return res;
  try {
    return ok((await res.value.json()) as T);
  } catch {
    return { ...fail('malformed', `${url}: the answer is not JSON`), status: res.value.status };
  }
}

const bearer = (caller: Caller) => ({ authorization: `Bearer ${caller.token}` });

/** The sites `caller`'s token may read, in id order. */
export async function listSites(caller: Caller): Promise<ApiResult<AuditSite[]>> {
  const res = await json<AuditSitesAnswer>(caller, '/v1/audit/sites', { headers: bearer(caller) });
  return res.ok ? ok(res.value.sites) : res;
}

/** The sites `caller`'s token administers; a 403 (`forbidden`) for an auditor token. */
export async function listAdminSites(caller: Caller): Promise<ApiResult<AdminSite[]>> {
  const res = await json<AdminSitesAnswer>(caller, '/v1/admin/sites', { headers: bearer(caller) });
  return res.ok ? ok(res.value.sites) : res;
}

/** The console's calls on one site (admin token). */
export function createAdminApi(caller: Caller, site: string) {
  const url = `/v1/admin/sites/${path(site)}`;
  const headers = bearer(caller);
  return {
    site,
    /** The collector's origin ('' for the one serving this page): its consent.js is the preview's. */
    base: caller.base,
    get: () => json<SiteAnswer>(caller, url, { headers }),
    revisions: () => json<SiteRevisionsAnswer>(caller, `${url}/revisions`, { headers }),
    publish: (config: SiteConfig) =>
      json<PublishAnswer>(caller, url, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(config),
      }),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;

/** The API client of one signed-in auditor and one site. */
export function createApi(options: ApiOptions) {
  const site = path(options.site);
  const audit = bearer(options);
  const get = <T>(url: string, init?: RequestInit) => json<T>(options, url, init);

  const query = (params: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
    const text = q.toString();
    return text ? `?${text}` : '';
  };

  return {
    site: options.site,
    history: (subject: string) =>
      get<SubjectHistory>(`/v1/audit/sites/${site}/subjects/${path(subject)}`, { headers: audit }),
    search: (q: SearchQuery, limit = 50) =>
      get<ReceiptSearchAnswer>(
        `/v1/audit/sites/${site}/receipts${query({ ...q, order: 'desc', limit: String(limit) } satisfies ReceiptSearchParams)}`,
        { headers: audit },
      ),
    stats: (q: StatsParams) => get<StatsAnswer>(`/v1/audit/sites/${site}/stats${query(q)}`, { headers: audit }),
    /** The export response, for the caller to stream. */
    exportResponse: (q: ExportParams, signal?: AbortSignal) =>
      call(options, `/v1/audit/sites/${site}/export${query(q)}`, { headers: audit, signal }),
    keys: () => get<Jwks>('/v1/keys'),
    checkpoint: async (): Promise<ApiResult<CheckpointAnswer>> => {
      const res = await call(options, `/v1/sites/${site}/log/checkpoint`);
      if (!res.ok) return res;
      const time = Date.parse(res.value.headers.get('last-modified') ?? '');
      return ok({
        note: await res.value.text(),
        signedAt: Number.isFinite(time) ? new Date(time).toISOString() : null,
      });
    },
    /** An entry's inclusion proof against the latest checkpoint; null while pending. */
    proof: async (id: string): Promise<ApiResult<InclusionProofBundle | null>> => {
      const res = await get<InclusionProofBundle | Pending>(`/v1/sites/${site}/log/proof/${path(id)}`);
      return res.ok && 'status' in res.value ? ok(null) : (res as ApiResult<InclusionProofBundle>);
    },
    consistency: (from: number, to: number) =>
      get<ConsistencyProofBundle>(`/v1/sites/${site}/log/consistency${query({ from: String(from), to: String(to) })}`),
    /** How far each witness the collector asks has cosigned the log (the collector's account). */
    witnesses: () => get<WitnessStatusAnswer>(`/v1/sites/${site}/log/witnesses`),
    config: (lang: string) => get<ConfigAnswer>(`/v1/sites/${site}/config${query({ lang })}`),
  };
}

export type Api = ReturnType<typeof createApi>;
