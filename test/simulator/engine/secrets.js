'use strict';

// Field names that hold credentials: masked in stored connections and
// redacted from the request log.

const SECRET_FIELD = /secret|password|token|connectionstring|privatekey|sshkey|principalkey/i;

const isSecretField = (name) => SECRET_FIELD.test(name);

module.exports = { isSecretField };
