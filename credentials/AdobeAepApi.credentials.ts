import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { createHash } from 'node:crypto';

import { AEP_ENVIRONMENTS, resolveEndpoints } from '../nodes/shared/aep/environments';
import { mintedTokenTimes } from '../nodes/shared/aep/tokenRenewal';
import { describeImsFailure, describeImsRedirect } from '../nodes/shared/transport/errors';
import { serverDateMs } from '../nodes/shared/transport/headers';
import { redactSecrets } from '../nodes/shared/transport/redaction';

/** IMS answers in well under a second; a token request that takes longer is not coming. */
const IMS_TIMEOUT_MS = 30_000;

/** Adobe's APIs never redirect: a 3xx means a wrong Platform URL or a proxy, and following it would send the headers elsewhere. */
const REDIRECT_MESSAGE = (status: number) =>
	`Experience Platform answered ${status}, a redirect, which is not followed: nothing was sent to where it points. Check the Platform URL of the credential and any proxy between n8n and Adobe.`;

/** "platform.adobe.io with ims-na1.adobelogin.com": the hosts of a named environment, from the one table of them. */
const describeEnvironment = (name: keyof typeof AEP_ENVIRONMENTS) =>
	`${new URL(AEP_ENVIRONMENTS[name].platformUrl).host} with ${new URL(AEP_ENVIRONMENTS[name].imsUrl).host}`;

/**
 * Tokens this process minted, per client (keyed by a hash of the IMS URL, client, secret and scopes).
 * n8n asks for a new token on every call that got a 401 with the old one: ten calls in flight when a
 * token expires would mint ten, and each trigger activated at start-up one more. Here a mint in
 * progress is shared, and a token minted moments ago that is not the one that failed is handed out
 * again, so a process mints once per expiry.
 */
interface Minted {
	accessToken: string;
	/** Epoch ms on Adobe's clock; absent when IMS gave no usable lifetime. */
	issuedAt?: number;
	expiresAt?: number;
}
interface MintedToken {
	at: number;
	minted?: Minted;
	pending?: Promise<Minted>;
}
const mintedTokens = new Map<string, MintedToken>();
/** How long a fresh token is handed out again without asking IMS (tokens live 24 hours). */
const REUSE_MINTED_MS = 30_000;

const DEFAULT_SCOPES = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session';

export class AdobeAepApi implements ICredentialType {
	name = 'adobeAepApi';

	displayName = 'Adobe Experience Platform API';

	icon = { light: 'file:../icons/aep.svg', dark: 'file:../icons/aep.dark.svg' } as const;

	documentationUrl =
		'https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		// When the token above was issued and expires (epoch ms on Adobe's clock), so that the trigger can
		// renew it once for every n8n process before it expires (see tokenRenewal).
		{
			displayName: 'Issued At',
			name: 'issuedAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Client ID (API key) of the OAuth Server-to-Server credential in Adobe Developer Console',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Client Secret of the OAuth Server-to-Server credential in Adobe Developer Console',
		},
		{
			displayName: 'Organization ID',
			name: 'orgId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234567890ABCDEF12345678@AdobeOrg',
			description: 'The IMS Organization ID shown on the credential page in Adobe Developer Console',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_SCOPES,
			description: 'Comma-separated scopes, as listed on the credential page in Adobe Developer Console',
		},
		{
			displayName: 'Sandbox Name',
			name: 'sandboxName',
			type: 'string',
			default: 'prod',
			required: true,
			description: 'The Experience Platform sandbox every call works in, in lower case, e.g. prod',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: describeEnvironment('production') },
				{ name: 'Stage', value: 'stage', description: describeEnvironment('stage') },
				{ name: 'Custom', value: 'custom', description: 'Your own platform and IMS base URLs' },
			],
			default: 'production',
		},
		{
			displayName: 'Platform URL',
			name: 'platformUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. ${AEP_ENVIRONMENTS.production.platformUrl}`,
			description: 'Base URL of the Experience Platform APIs',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'IMS URL',
			name: 'imsUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. ${AEP_ENVIRONMENTS.production.imsUrl}`,
			description: 'Base URL of Adobe IMS, which issues the access tokens',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * Mints an access token with the client credentials grant; n8n calls this when the token is empty
	 * or got a 401. Calls at the same moment share one mint (see mintedTokens).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const { imsUrl } = resolveEndpoints(credentials);
		const key = createHash('sha256')
			.update([imsUrl, credentials.clientId, credentials.clientSecret, credentials.scopes].map((part) => String(part ?? '').trim()).join('\n'))
			.digest('hex');
		// The token being replaced: the one that got a 401, or none (a credential without one yet, or a
		// renewal ahead of expiry, which sends the credential without its token but with its times).
		const failed = String(credentials.accessToken ?? '');
		const replacedIssuedAt = Number(credentials.issuedAt) || 0;
		const known = mintedTokens.get(key);
		if (known?.pending) return outputOf(await known.pending);
		// A token minted moments ago by another call for the same reason is the new one: it is not the one
		// that failed and it is newer than the one being replaced.
		const newer = (known?.minted?.issuedAt ?? Number.POSITIVE_INFINITY) > replacedIssuedAt;
		if (known?.minted && known.minted.accessToken !== failed && newer && Date.now() - known.at < REUSE_MINTED_MS) return outputOf(known.minted);
		const pending = mintToken(this, credentials, imsUrl);
		mintedTokens.set(key, { at: Date.now(), pending });
		try {
			const minted = await pending;
			mintedTokens.set(key, { at: Date.now(), minted });
			return outputOf(minted);
		} catch (error) {
			mintedTokens.delete(key);
			throw error;
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'x-api-key': '={{$credentials.clientId}}',
				'x-gw-ims-org-id': '={{$credentials.orgId}}',
				'x-sandbox-name': '={{$credentials.sandboxName}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				`={{$credentials.environment === "custom" ? $credentials.platformUrl.replace(/\\/+$/, "") : ($credentials.environment === "stage" ? "${AEP_ENVIRONMENTS.stage.platformUrl}" : "${AEP_ENVIRONMENTS.production.platformUrl}")}}`,
			url: '/data/foundation/flowservice/flows',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
		rules: [301, 302, 303, 307, 308].map((status) => ({ type: 'responseCode' as const, properties: { value: status, message: REDIRECT_MESSAGE(status) } })),
	};
}

/** What n8n stores in the credential: the token, and its times ('' when unknown, clearing older ones). */
const outputOf = (minted: Minted): IDataObject => ({
	accessToken: minted.accessToken,
	issuedAt: minted.issuedAt ?? '',
	expiresAt: minted.expiresAt ?? '',
});

/** One client-credentials request to IMS; its errors name IMS's reason, never the secret. */
async function mintToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, imsUrl: string): Promise<Minted> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? '').trim(),
		client_secret: String(credentials.clientSecret ?? '').trim(),
		scope: String(credentials.scopes ?? DEFAULT_SCOPES).replace(/\s+/g, ''),
	});
	// Status errors are read here rather than thrown: a thrown HTTP error would carry the form body (and the secret).
	// Redirects are refused: following one would re-post the form, secret included, to wherever it points.
	const response = (await helper.helpers.httpRequest({
		method: 'POST',
		url: `${imsUrl}/ims/token/v3`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: IMS_TIMEOUT_MS,
		json: true,
	})) as { statusCode: number; body: unknown; headers?: IDataObject };
	const body = response.body as IDataObject | undefined;
	const secrets = [String(credentials.clientSecret ?? '').trim()];
	if (response.statusCode >= 300 && response.statusCode < 400) {
		throw new Error(redactSecrets(describeImsRedirect(response.statusCode, response.headers?.location, `${imsUrl}/ims/token/v3`), secrets));
	}
	if (response.statusCode >= 400 || typeof body?.access_token !== 'string') {
		throw new Error(redactSecrets(describeImsFailure(response.statusCode, response.body), secrets));
	}
	return { accessToken: body.access_token, ...mintedTokenTimes(body.expires_in, serverDateMs(response.headers), Date.now()) };
}
