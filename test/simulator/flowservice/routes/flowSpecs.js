'use strict';

// /flowSpecs[/{id}].

const common = require('./common');

function register(router) {
  router.get('/flowSpecs', (ctx) => common.listAll(ctx, 'flowSpecs'));
  router.get('/flowSpecs/:id', (ctx) => common.getOne(ctx, 'flowSpecs'));
}

module.exports = { register };
