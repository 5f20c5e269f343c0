/**
 * When the IMS access token n8n keeps in the credential should be renewed ahead of its expiry. Pure.
 *
 * n8n mints a token only when the stored one is empty or a call got a 401. In queue mode every
 * process (main and each worker) then discovers the same expiry by itself and mints its own. A
 * token renewed once by the trigger's poll (which runs in one process, main) before it expires is
 * read from the database by every process on its next call, so nobody meets the expiry at all.
 *
 * The times are on Adobe's clock: the mint's from the IMS answer's `Date` header, "now" from the
 * poll's Flow Service answers. Local clock skew therefore never moves a renewal.
 */

import { epochMsOf } from './runTimes';

/** The share of a token's lifetime after which it is renewed: 12 hours of IMS's 24. */
export const RENEW_AFTER_LIFETIME_SHARE = 0.5;

const MAX_LIFETIME_SECONDS = 30 * 86_400;

/** What the credential keeps of the token it holds, besides the token itself (epoch ms). */
export interface StoredTokenTimes {
	issuedAt?: unknown;
	expiresAt?: unknown;
}

/**
 * Whether the stored token is past the renewal point at Adobe's `nowMs`. False without both times
 * (a token stored before they were kept, or odd data), or when they make no sense (expiry before
 * issue): such a token is left to n8n's own renewal on a 401, as before.
 */
export function tokenRenewalDue(stored: StoredTokenTimes, nowMs: number | undefined): boolean {
	const issuedAt = epochMsOf(stored.issuedAt);
	const expiresAt = epochMsOf(stored.expiresAt);
	if (issuedAt === undefined || expiresAt === undefined || nowMs === undefined || !Number.isFinite(nowMs) || expiresAt <= issuedAt) return false;
	return nowMs >= issuedAt + (expiresAt - issuedAt) * RENEW_AFTER_LIFETIME_SHARE;
}

/**
 * The times to keep with a freshly minted token: issued at IMS's `Date` (or the local clock without
 * one), expiring `expires_in` seconds later. Undefined when IMS gave no usable lifetime.
 */
export function mintedTokenTimes(expiresInSeconds: unknown, imsDateMs: number | undefined, localNowMs: number): { issuedAt: number; expiresAt: number } | undefined {
	const seconds = typeof expiresInSeconds === 'string' ? Number(expiresInSeconds) : expiresInSeconds;
	// IMS tokens live 24 hours; a lifetime beyond 30 days is a unit mix-up (the old JWT exchange gave
	// milliseconds), and renewing by it would never happen: better none.
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_LIFETIME_SECONDS) return undefined;
	const issuedAt = imsDateMs ?? localNowMs;
	return { issuedAt, expiresAt: issuedAt + Math.round(seconds * 1000) };
}
