'use strict';

// The created/updated bookkeeping every Flow Service entity carries, and its sandbox stamp.
function auditFields(at, userId, clientId) {
  return { createdAt: at, updatedAt: at, createdBy: userId, updatedBy: userId, createdClient: clientId, updatedClient: clientId };
}

function sandboxFields(sandbox) {
  return { sandboxId: sandbox.id, sandboxName: sandbox.name, imsOrgId: sandbox.orgId };
}

module.exports = { auditFields, sandboxFields };
