'use strict';

// /sourceConnections[/{id}[/action]].

const { registerConnectionResource } = require('./connectionResource');

const register = (router) => registerConnectionResource(router, 'sourceConnections', 'sourceConnectionIds');

module.exports = { register };
