'use strict';

// /targetConnections[/{id}[/action]].

const { registerConnectionResource } = require('./connectionResource');

const register = (router) => registerConnectionResource(router, 'targetConnections', 'targetConnectionIds');

module.exports = { register };
