'use strict';
// Continuation tokens, single-entity envelopes, and the page guard's ceiling (10,000 HTTP pages would be too slow to reach over the simulator).
const { continuationTokenOf, firstItem, PageGuard, MAX_PAGES } = require('../../../../dist/nodes/shared/transport/paging');

describe('paging', () => {
	test('continuation tokens are read with a URL parser, keeping = and other characters', () => {
		expect(continuationTokenOf({ _links: { next: { href: '/flows?continuationToken=eyJvIjoxMDB9%3D%3D&limit=100' } } })).toBe('eyJvIjoxMDB9==');
		expect(continuationTokenOf({ _links: { next: { href: '/runs?limit=5&continuationToken=a=b=' } } })).toBe('a=b=');
		expect(continuationTokenOf({ _links: {} })).toBeUndefined();
		expect(continuationTokenOf({})).toBeUndefined();
	});

	test('single GETs are unwrapped from the items envelope', () => {
		expect(firstItem({ items: [{ id: 'a' }] })).toEqual({ id: 'a' });
		expect(firstItem({ id: 'b' })).toEqual({ id: 'b' });
	});
});

describe('page guard', () => {
	const context = { getNode: () => ({ name: 'AEP' }) };

	test(`a list that keeps pointing to new pages stops after ${MAX_PAGES} pages`, () => {
		const guard = new PageGuard(context, 'the list GET /runs');
		let thrown;
		try {
			for (let page = 1; page <= MAX_PAGES + 1; page++) guard.accept([{ id: `run-${page}` }], `token-${page}`);
		} catch (error) {
			thrown = error;
		}
		expect(thrown.message).toBe(`Reading the list GET /runs stopped: Adobe still pointed to a next page after ${MAX_PAGES} pages, the most this list can need`);
		expect(thrown.description).toMatch(new RegExp(`^Read ${MAX_PAGES} pages with ${MAX_PAGES} items`));
	});

	test('a list capped at N items needs at most N pages', () => {
		const guard = new PageGuard(context, 'the list GET /flows', 3);
		guard.accept([{ id: 'a' }], 't1');
		guard.accept([{ id: 'b' }], 't2');
		expect(() => guard.accept([{ id: 'c' }], 't3')).toThrow(/after 3 pages/);
	});
});
