import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Where the platform API and Adobe IMS live for each credential environment. */
export const AEP_ENVIRONMENTS = {
	production: { platformUrl: 'https://platform.adobe.io', imsUrl: 'https://ims-na1.adobelogin.com' },
	stage: { platformUrl: 'https://platform-stage.adobe.io', imsUrl: 'https://ims-na1-stg1.adobelogin.com' },
} as const;

export interface AepEndpoints {
	platformUrl: string;
	imsUrl: string;
}

function withoutTrailingSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Resolves the platform and IMS base URLs from the stored credential values. */
export function resolveEndpoints(credentials: ICredentialDataDecryptedObject): AepEndpoints {
	const environment = (credentials.environment as string | undefined) ?? 'production';
	if (environment === 'custom') {
		return {
			platformUrl: withoutTrailingSlash(String(credentials.platformUrl ?? '')),
			imsUrl: withoutTrailingSlash(String(credentials.imsUrl ?? '')),
		};
	}
	return AEP_ENVIRONMENTS[environment === 'stage' ? 'stage' : 'production'];
}
