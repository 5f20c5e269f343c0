import type { IDataObject } from 'n8n-workflow';

const isAws = (raw: IDataObject) => /s3|aws|amazon/i.test(String(raw.dlzProvider ?? ''));

const child = (value: unknown): IDataObject => (value !== null && typeof value === 'object' ? (value as IDataObject) : {});

const numberOrNull = (value: unknown): number | null => {
	const number = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(number) ? null : number;
};

/** One shape for both clouds: Azure names a container, AWS a folder in an S3 bucket. */
export function normalizeContainer(raw: IDataObject): IDataObject {
	if (isAws(raw)) {
		const path = child(raw.dlzPath);
		return {
			provider: 'aws',
			storageName: path.dlzFolder ?? null,
			namespace: path.bucketName ?? null,
			ttlDays: numberOrNull(child(raw.dataTTL).timeQuantity),
			raw,
		};
	}
	return {
		provider: 'azure',
		storageName: raw.containerName ?? null,
		// The container call does not name the Azure storage account; Get Credentials does.
		namespace: raw.storageAccountName ?? null,
		ttlDays: numberOrNull(raw.containerTTL),
		raw,
	};
}

/** When an Azure SAS token stops working (its `se` field). */
function sasExpiry(sasToken: unknown): string | null {
	const expiry = new URLSearchParams(String(sasToken ?? '').replace(/^\?/, '')).get('se');
	const ms = expiry ? Date.parse(expiry) : NaN;
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Credentials in one shape per cloud: a SAS token and URI for Azure, temporary keys for AWS. */
export function normalizeCredentials(raw: IDataObject): IDataObject {
	if (isAws(raw)) {
		const keys = child(raw.credentials);
		const path = child(raw.dlzPath);
		const expiry = numberOrNull(raw.expiryTime);
		return {
			provider: 'aws',
			accessKeyId: keys.awsAccessKeyId ?? null,
			secretAccessKey: keys.awsSecretAccessKey ?? null,
			sessionToken: keys.awsSessionToken ?? null,
			bucketName: path.bucketName ?? null,
			folder: path.dlzFolder ?? null,
			// expiryTime is in epoch seconds.
			expiresAt: expiry === null ? null : new Date(expiry * 1000).toISOString(),
		};
	}
	return {
		provider: 'azure',
		containerName: raw.containerName ?? null,
		storageAccountName: raw.storageAccountName ?? null,
		sasToken: raw.SASToken ?? null,
		sasUri: raw.SASUri ?? null,
		expiresAt: sasExpiry(raw.SASToken),
	};
}
