// `consent-ledger tokens create|list|revoke`: API tokens for auditors and admins. `create`
// prints the token alone on stdout (so it can be captured) and its id on stderr; only its hash is kept.
import { ALL_SITES, issueToken, TOKEN_ROLES, type TokenRole, tokenExpired } from '@consent-ledger/collector';
import { SITE_ID } from '@consent-ledger/protocol';
import { CommandError, parse, UsageError } from '../args';
import { ledgerBackend } from '../backend';

export const TOKENS_USAGE =
  'consent-ledger tokens create --role auditor|admin --site <id>[,<id>] [--expires 90d|12h|30m|<ISO date>] [--data DIR]   (--site "*" for every site)\n' +
  'consent-ledger tokens list [--data DIR]\nconsent-ledger tokens revoke <id> [--data DIR]';

/** Runs `tokens create|list|revoke`; resolves with the exit code. */
export async function tokensCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'create') return create(rest);
  if (action === 'list') return list(rest);
  if (action === 'revoke') return revoke(rest);
  throw new UsageError(action ? `unknown tokens action "${action}"` : 'tokens needs an action: create, list or revoke');
}

async function create(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    role: { type: 'string' },
    site: { type: 'string' },
    expires: { type: 'string' },
    data: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('tokens create takes no positional argument');
  const now = Date.now();
  const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires, now);
  if (!TOKEN_ROLES.includes(values.role as TokenRole))
    throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
  const sites = (values.site ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (sites.length === 0) throw new UsageError('--site needs at least one site id');
  const bad = sites.find((s) => s !== ALL_SITES && !SITE_ID.test(s));
  if (bad !== undefined) throw new UsageError(`"${bad}" is not a site id`);
  const store = ledgerBackend(values.data ?? './data').openStore();
  try {
    const issued = await issueToken(
      store,
      { role: values.role as TokenRole, sites, expiresAt },
      new Date(now).toISOString(),
    );
    console.log(issued.token);
    console.error(
      `token ${issued.id} (${issued.record.role} of ${issued.record.sites.join(', ')}, ${expiresAt ? `expires ${expiresAt}` : 'never expires'}): shown once, keep it safe`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

const DURATION = /^(\d{1,6})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `--expires`: a duration from now (90d, 12h, 30m) or an ISO 8601 date-time in the future; the instant as an ISO string. */
export function parseExpiry(value: string, now: number): string {
  const duration = DURATION.exec(value);
  const at = duration
    ? now + Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]
    : /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(at))
    throw new UsageError(`--expires "${value}" is neither a duration (90d, 12h, 30m) nor an ISO date`);
  if (at <= now) throw new UsageError(`--expires ${value} is not in the future`);
  return new Date(at).toISOString();
}

async function list(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('tokens list takes no positional argument');
  const store = ledgerBackend(values.data ?? './data').openStore();
  try {
    const now = Date.now();
    for (const t of await store.listTokens()) {
      const expiry =
        t.expiresAt === null ? 'never expires' : `${tokenExpired(t, now) ? 'expired' : 'expires'} ${t.expiresAt}`;
      console.log(
        `${t.id}\t${t.role}\t${t.sites.join(',')}\tcreated ${t.createdAt}\t${expiry}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function revoke(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('tokens revoke takes one token id');
  const store = ledgerBackend(values.data ?? './data').openStore();
  try {
    if (!(await store.revokeToken(positionals[0], new Date().toISOString())))
      throw new CommandError(`no live token ${positionals[0]}`);
    console.log(`token ${positionals[0]} revoked`);
    return 0;
  } finally {
    await store.close();
  }
}
