'use strict';
// When the stored IMS token is renewed ahead of its expiry, and the times kept with a new one: pure.
const { tokenRenewalDue, mintedTokenTimes, RENEW_AFTER_LIFETIME_SHARE } = require('../../../../dist/nodes/shared/aep/tokenRenewal');

const HOUR = 3_600_000;
const ISSUED = Date.UTC(2026, 11, 1, 8);
const token = { issuedAt: ISSUED, expiresAt: ISSUED + 24 * HOUR };

describe('tokenRenewalDue', () => {
	test('due from half the lifetime on, also once expired', () => {
		expect(RENEW_AFTER_LIFETIME_SHARE).toBe(0.5);
		expect(tokenRenewalDue(token, ISSUED)).toBe(false);
		expect(tokenRenewalDue(token, ISSUED + 12 * HOUR - 1)).toBe(false);
		expect(tokenRenewalDue(token, ISSUED + 12 * HOUR)).toBe(true);
		expect(tokenRenewalDue(token, ISSUED + 30 * HOUR)).toBe(true);
	});

	test('times stored as text (as credential data may hold them) count the same', () => {
		expect(tokenRenewalDue({ issuedAt: String(ISSUED), expiresAt: ` ${ISSUED + 2 * HOUR}` }, ISSUED + HOUR)).toBe(true);
	});

	test.each([
		['no times (a token stored before they were kept)', {}],
		['empty times', { issuedAt: '', expiresAt: '' }],
		['text that is no number', { issuedAt: 'yesterday', expiresAt: ISSUED + HOUR }],
		['an expiry before the issue', { issuedAt: ISSUED, expiresAt: ISSUED - 1 }],
		['zero or negative times', { issuedAt: 0, expiresAt: -1 }],
		['objects', { issuedAt: { at: ISSUED }, expiresAt: [ISSUED] }],
	])('never due with %s', (_name, stored) => {
		expect(tokenRenewalDue(stored, ISSUED + 100 * HOUR)).toBe(false);
	});

	test('never due without a usable now', () => {
		expect(tokenRenewalDue(token, undefined)).toBe(false);
		expect(tokenRenewalDue(token, Number.NaN)).toBe(false);
	});
});

describe('mintedTokenTimes', () => {
	test('issued at IMS\'s Date, else the local clock; expiring expires_in seconds later', () => {
		expect(mintedTokenTimes(86399, ISSUED, 5)).toEqual({ issuedAt: ISSUED, expiresAt: ISSUED + 86_399_000 });
		expect(mintedTokenTimes('3600', undefined, ISSUED)).toEqual({ issuedAt: ISSUED, expiresAt: ISSUED + HOUR });
	});

	test.each([[undefined], [''], ['soon'], [0], [-60], [86_399_992]])('no times for expires_in %p (missing, odd, or milliseconds by mistake)', (expiresIn) => {
		expect(mintedTokenTimes(expiresIn, ISSUED, ISSUED)).toBeUndefined();
	});
});
