'use strict';
const { safeUniqueFileName, multipartBody } = require('../../dist/nodes/Trustoo/resources/media/storage');
const { mediaFileType } = require('../../dist/nodes/shared/validation');

describe('safeUniqueFileName', () => {
	test('keeps letters, digits, - and _ of the name, adds a unique prefix and the extension', () => {
		const name = safeUniqueFileName('../../Phötö of my boots!.PNG', 'png', 'image');
		expect(name).toMatch(/^[a-z0-9]+-[0-9a-f]{12}-Photo-of-my-boots\.png$/);
	});

	test('falls back to the kind when nothing of the name is left, and never repeats', () => {
		const names = new Set(Array.from({ length: 50 }, () => safeUniqueFileName('🎥.mov', 'mov', 'video')));
		expect(names.size).toBe(50);
		for (const name of names) expect(name).toMatch(/^[a-z0-9]+-[0-9a-f]{12}-video\.mov$/);
	});

	test('is bounded in length', () => {
		expect(safeUniqueFileName('a'.repeat(500), 'jpg', 'image').length).toBeLessThan(100);
	});
});

describe('multipartBody', () => {
	test('writes the fields in order and the file last, byte for byte', () => {
		const data = Buffer.from([0, 1, 2, 255, 13, 10]);
		const { body, contentType } = multipartBody(
			[
				['key', 'review/1/a.png'],
				['policy', 'eyJ9'],
			],
			{ name: 'file', fileName: 'a"b.png', contentType: 'image/png', data },
		);
		const boundary = /boundary=(.+)$/.exec(contentType)[1];
		expect(contentType).toBe(`multipart/form-data; boundary=${boundary}`);
		const expected = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nreview/1/a.png\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="policy"\r\n\r\neyJ9\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a_b.png"\r\nContent-Type: image/png\r\n\r\n`,
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		expect(body.equals(expected)).toBe(true);
	});
});

describe('mediaFileType', () => {
	test.each([
		[{ mimeType: 'image/jpeg', fileName: 'x' }, 'image', { mimeType: 'image/jpeg', extension: 'jpg' }],
		[{ mimeType: 'IMAGE/PNG; charset=binary' }, 'image', { mimeType: 'image/png', extension: 'png' }],
		[{ mimeType: 'application/octet-stream', fileName: 'a.JPEG' }, 'image', { mimeType: 'image/jpeg', extension: 'jpg' }],
		[{ mimeType: '', fileName: 'clip.mov' }, 'video', { mimeType: 'video/quicktime', extension: 'mov' }],
		[{ mimeType: 'video/mp4' }, 'video', { mimeType: 'video/mp4', extension: 'mp4' }],
	])('%j as %s', (binary, kind, expected) => {
		expect(mediaFileType(binary, kind)).toEqual(expected);
	});

	test.each([
		[{ mimeType: 'image/svg+xml', fileName: 'a.svg' }, 'image'],
		[{ mimeType: 'text/plain', fileName: 'a.jpg' }, 'image'],
		[{ mimeType: 'application/octet-stream', fileName: 'a.exe' }, 'image'],
		[{ mimeType: 'image/png' }, 'video'],
	])('%j is not a %s', (binary, kind) => {
		expect(mediaFileType(binary, kind)).toBeUndefined();
	});
});
