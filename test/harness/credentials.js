'use strict';
// An n8n credentials helper for tests that behaves like n8n's own (packages/cli credentials-helper):
// it runs the credential's real preAuthentication when the expirable token is empty, expired (401)
// or under test, persists the new token, and resolves the generic `authenticate` expressions.
const { ICredentialsHelper, isExpression } = require('n8n-workflow');

const TEST_NODE_TYPE = 'n8n-nodes-base.noOp';

class TestCredentialsHelper extends ICredentialsHelper {
	/** @param {Record<string, import('n8n-workflow').ICredentialType>} credentialTypes */
	constructor(credentialTypes) {
		super();
		this.credentialTypes = credentialTypes;
		/** Stored credential data by credential id, as n8n's database would hold it. */
		this.stored = new Map();
		this.preAuthenticationRuns = 0;
		/** Every access token ever persisted, so tests can scan outputs and errors for them. */
		this.persistedTokens = [];
	}

	/** Stores credential data under an id, with the credential type's defaults filled in. */
	save(id, type, data) {
		const defaults = {};
		for (const property of this.credentialTypes[type].properties) defaults[property.name] = property.default;
		this.stored.set(id, { type, data: { ...defaults, ...data } });
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(type) {
		return this.credentialTypes[type].properties;
	}

	async getCredentials(nodeCredentials) {
		const entry = this.stored.get(nodeCredentials.id);
		return { id: nodeCredentials.id, name: nodeCredentials.name, type: entry.type, getData: () => ({ ...entry.data }) };
	}

	async getDecrypted(_additionalData, nodeCredentials, type) {
		const entry = this.stored.get(nodeCredentials.id);
		if (!entry || entry.type !== type) throw new Error(`Credential ${nodeCredentials.id} of type ${type} is not stored`);
		return { ...entry.data };
	}

	async updateCredentials(nodeCredentials, type, data) {
		if (data.accessToken) this.persistedTokens.push(data.accessToken);
		this.stored.set(nodeCredentials.id, { type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData() {}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.credentialTypes[typeName];
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value) =>
			isExpression(value)
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
				: value;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			requestOptions[outerKey] ??= {};
			for (const [key, value] of Object.entries(entries)) requestOptions[outerKey][resolve(key)] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const credentialType = this.credentialTypes[typeName];
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === TEST_NODE_TYPE;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		this.preAuthenticationRuns++;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials) {
			const stored = this.stored.get(nodeCredentials.id);
			await this.updateCredentials(nodeCredentials, typeName, { ...stored.data, ...output });
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		return await this.credentialTypes[typeName].preAuthentication.call(helpers, credentials);
	}
}

module.exports = { TestCredentialsHelper, TEST_NODE_TYPE };
