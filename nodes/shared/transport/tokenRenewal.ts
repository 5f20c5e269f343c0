import type { IPollFunctions } from 'n8n-workflow';

import { tokenRenewalDue } from '../aep/tokenRenewal';
import { aepRequest, CREDENTIAL_TYPE } from './request';

/** A renewal is one request; when it fails, the old token is still good and the next poll tries again. */
const NO_RETRY = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxTotalMs: 0 };

/**
 * Renews the credential's IMS token when half its lifetime has passed on Adobe's clock (`adobeNowMs`,
 * from the poll's answers), through one ordinary Flow Service request sent as if the credential held
 * no token: n8n mints a new one and stores it in its database, where every process (main and the
 * workers in queue mode) reads it on its next call. The credential is read afresh first, so a token
 * another poll renewed meanwhile is not renewed again; calls at the same moment in one process share
 * the mint (see the credential). Returns whether a renewal was sent.
 */
export async function renewTokenIfDue(context: IPollFunctions, adobeNowMs: number | undefined, timeoutMs: number): Promise<boolean> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	if (!tokenRenewalDue(credentials, adobeNowMs)) return false;
	const replacing = String(credentials.accessToken ?? '');
	await aepRequest(context, { method: 'GET', path: '/flows', query: { limit: 1 }, renewToken: { replacing }, timeoutMs, retryPolicy: NO_RETRY });
	return true;
}
