'use strict';
// The headers Experience Platform expects on every call, for tests that talk to the simulator directly.
const { DEFAULT_CLIENT } = require('../simulator/server');

function platformHeaders(token, extra = {}) {
	return {
		authorization: `Bearer ${token}`,
		'x-api-key': DEFAULT_CLIENT.clientId,
		'x-gw-ims-org-id': DEFAULT_CLIENT.orgId,
		'x-sandbox-name': 'prod',
		...extra,
	};
}

module.exports = { platformHeaders };
