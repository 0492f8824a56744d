'use strict';
const { toTrustooDateTime } = require('../../dist/nodes/shared/dateTime');
const { checks } = require('../../dist/nodes/shared/validation');

describe('toTrustooDateTime', () => {
	test.each([
		['2026-05-01', 'start', '2026-05-01 00:00:00'],
		['2026-05-01', 'end', '2026-05-01 23:59:59'],
		['2026-05-01T13:45', 'start', '2026-05-01 13:45:00'],
		['2026-05-01T13:45:07.123', 'end', '2026-05-01 13:45:07'],
		['2026-05-01 13:45:07', 'start', '2026-05-01 13:45:07'],
		['2026-05-01T13:45:07Z', 'start', '2026-05-01 13:45:07'],
		['2026-05-01T13:45:07.000+02:00', 'start', '2026-05-01 11:45:07'],
		['2026-05-01T23:30:00-0130', 'start', '2026-05-02 01:00:00'],
		[new Date(Date.UTC(2026, 0, 2, 3, 4, 5)).toString(), 'start', '2026-01-02 03:04:05'],
		['  2026-12-31  ', 'start', '2026-12-31 00:00:00'],
	])('%s (%s) → %s', (input, edge, expected) => {
		expect(toTrustooDateTime(input, edge)).toBe(expected);
	});

	test.each(['2026-02-30', '2026-13-01', '2026-05-01T24:00:00', '2026-05-01T12:60', '01/05/2026', 'tomorrow', '1746000000', '', 'May 1 2026'])(
		'%s is not a date',
		(input) => {
			expect(toTrustooDateTime(input)).toBeUndefined();
			expect(checks.dateTime(input)).toBe('must be a real date such as 2026-05-01 or 2026-05-01 13:45:00');
		},
	);
});
