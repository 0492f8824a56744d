'use strict';
const { API, ERROR_MODES, useSandbox, runNode, apiCalls, wire, expectSigned, expectTrustooError, expectRefused, wrongTokenCredentials, platformCredentials } = require('./support');

const media = (operation, extra) => ({ resource: 'media', operation, ...extra });
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.from([0, 255, 128, 10, 13])]);
const MP4 = Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), Buffer.alloc(64, 7)]);

function binaryItem(data, mimeType, fileName, property = 'data') {
	return [{ json: { note: 'from a form' }, binary: { [property]: { data: data.toString('base64'), mimeType, fileName } } }];
}

/** The text fields of a multipart body as the storage host received them. */
function formFields(rawBody) {
	const fields = {};
	for (const match of rawBody.matchAll(/Content-Disposition: form-data; name="([^"]+)"(?:; filename="([^"]*)")?\r\n(?:Content-Type: ([^\r]+)\r\n)?\r\n/g)) {
		fields[match[1]] = match[2] === undefined ? rawBody.slice(match.index + match[0].length).split('\r\n--')[0] : { filename: match[2], contentType: match[3] };
	}
	return fields;
}

function expectNoTrustooAuth(request) {
	for (const header of ['public-token', 'sign', 'timestamp', 'authorization']) expect(request.headers[header]).toBeUndefined();
}

describe.each(ERROR_MODES)('Media (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	test('Get Image Upload Credentials returns the policy with expire as a number', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('getImageUploadCredentials') });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'GET', path: `${API}/get_image_upload_policy_token`, query: {}, body: undefined });
		expectSigned(result.requests[0], ctx.sandbox);
		expect(result.items).toEqual([
			{
				access_id: expect.any(String),
				host: `${ctx.sandbox.publicUrl}/sandbox/oss`,
				expire: expect.any(Number),
				signature: expect.any(String),
				policy: expect.any(String),
				dir: expect.stringMatching(/^review\/\d+\/\d{8}\/$/),
				callback: expect.any(String),
			},
		]);
		expect(result.items[0].expire).toBeGreaterThan(Date.now() / 1000);
	});

	test('Get Video Upload URL asks the inferred path with the file name', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('getVideoUploadUrl', { options: { fileName: 'unboxing.mov' } }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'GET', path: `${API}/get_video_upload_url`, query: { file_name: 'unboxing.mov' }, body: undefined });
		expect(result.items).toEqual([{ upload_url: expect.stringContaining('.mov?OSSAccessKeyId='), video_url: expect.stringMatching(/\.mov$/) }]);
	});

	test('Get Video Upload URL follows a Path Override', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('getVideoUploadUrl', { options: { pathOverride: '/api/v1/openapi/get_video_upload_token' } }) });
		expect(result.requests.map((request) => request.path)).toEqual(['/api/v1/openapi/get_video_upload_token']);
		expectTrustooError(result, { code: 5, meaning: 'not found', message: 'not found: no Open API route /api/v1/openapi/get_video_upload_token' });
	});

	test('Upload Image posts the file to the storage host as an OSS PostObject and returns the media entry', async () => {
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('uploadImage'), input: binaryItem(PNG, 'image/png', 'Phötö of ../../boots.PNG') });
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		const [policyRequest, upload] = result.requests;
		expect(policyRequest.path).toBe(`${API}/get_image_upload_policy_token`);
		expectSigned(policyRequest, ctx.sandbox);
		expect(upload.method).toBe('POST');
		expect(upload.path).toBe('/sandbox/oss');
		expectNoTrustooAuth(upload);
		const fields = formFields(upload.rawBody);
		expect(Object.keys(fields)).toEqual(['key', 'policy', 'OSSAccessKeyId', 'Signature', 'callback', 'file']);
		expect(fields.key).toMatch(/^review\/\d+\/\d{8}\/[a-z0-9]+-[0-9a-f]{12}-Photo-of-boots\.png$/);
		expect(fields.OSSAccessKeyId).toBe(ctx.sandbox.info().oss.accessId);
		expect(fields.file).toEqual({ filename: fields.key.split('/').pop(), contentType: 'image/png' });
		const stored = ctx.sandbox._store.uploads.get(fields.key);
		expect(stored.bytes.equals(PNG)).toBe(true);
		expect(result.items).toEqual([
			{
				url: `${ctx.sandbox.publicUrl}/sandbox/oss/${fields.key}`,
				type: 'image',
				file_name: fields.key.split('/').pop(),
				mime_type: 'image/png',
				file_size: PNG.length,
			},
		]);
	});

	test('Upload Image reads another binary property, a generic MIME type from the extension, and a File Name option', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: media('uploadImage', { binaryPropertyName: 'photo', options: { fileName: 'customer shot.jpeg' } }),
			input: binaryItem(PNG, 'application/octet-stream', 'IMG_0001.JPG', 'photo'),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ type: 'image', mime_type: 'image/jpeg', file_name: expect.stringMatching(/-customer-shot\.jpg$/) });
		expect(formFields(result.requests[1].rawBody).file.contentType).toBe('image/jpeg');
	});

	test('Upload Video PUTs the bytes to the upload URL and returns the media entry with the thumbnail', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: media('uploadVideo', { options: { thumbnailUrl: 'https://img.trustoo.io/cover.jpg' } }),
			input: binaryItem(MP4, 'video/mp4', 'Unboxing day.mp4'),
		});
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		const [ask, put] = result.requests;
		expect(ask.path).toBe(`${API}/get_video_upload_url`);
		expect(ask.query).toEqual({ file_name: expect.stringMatching(/^[a-z0-9]+-[0-9a-f]{12}-Unboxing-day\.mp4$/) });
		expectSigned(ask, ctx.sandbox);
		expect(put.method).toBe('PUT');
		expect(put.path).toMatch(/^\/sandbox\/oss\/video\/\d+\/\d{8}\/[0-9a-f]+\.mp4$/);
		expect(Object.keys(put.query).sort()).toEqual(['Expires', 'OSSAccessKeyId', 'Signature']);
		expect(put.headers['content-type']).toBe('video/mp4');
		expectNoTrustooAuth(put);
		const key = decodeURIComponent(put.path.slice('/sandbox/oss/'.length));
		expect(ctx.sandbox._store.uploads.get(key).bytes.equals(MP4)).toBe(true);
		expect(result.items).toEqual([
			{
				url: `${ctx.sandbox.publicUrl}${put.path}`,
				thumbnail_url: 'https://img.trustoo.io/cover.jpg',
				type: 'video',
				file_name: key.split('/').pop(),
				mime_type: 'video/mp4',
				file_size: MP4.length,
			},
		]);
	});

	test('uploaded photo and video round-trip through Review → Create and Review → Get', async () => {
		const image = (await runNode({ sandbox: ctx.sandbox, parameters: media('uploadImage'), input: binaryItem(PNG, 'image/png', 'a.png') })).items[0];
		const video = (await runNode({ sandbox: ctx.sandbox, parameters: media('uploadVideo'), input: binaryItem(MP4, 'video/mp4', 'b.mp4') })).items[0];
		const created = await runNode({
			sandbox: ctx.sandbox,
			parameters: {
				resource: 'review',
				operation: 'create',
				rating: 5,
				author: 'Mia',
				source: 'Shop',
				additionalFields: {
					media: { entries: [{ url: '={{ $json.image.url }}', type: '={{ $json.image.type }}', thumbnailUrl: '', isPublished: true }] },
					mediaJson: '={{ [$json.video] }}',
				},
			},
			input: [{ json: { image, video } }],
		});
		expect(created.error).toBeUndefined();
		expect(JSON.parse(created.requests[0].rawBody).media).toEqual([
			{ url: image.url, type: 1, is_published: 1 },
			{ url: video.url, type: 2, is_published: 1 },
		]);
		const fetched = await runNode({ sandbox: ctx.sandbox, parameters: { resource: 'review', operation: 'get', reviewId: { __rl: true, mode: 'id', value: created.items[0].id } } });
		expect(fetched.items[0].media.map((entry) => [entry.url, entry.type])).toEqual([
			[image.url, 1],
			[video.url, 2],
		]);
	});

	test.each([
		['no binary data', media('uploadImage'), [{ json: {} }], 'Input Binary Field: the input item has no binary property "data"'],
		['another property', media('uploadImage', { binaryPropertyName: 'photo' }), binaryItem(PNG, 'image/png', 'a.png'), 'Input Binary Field: the input item has no binary property "photo"'],
		['a text file', media('uploadImage'), binaryItem(Buffer.from('hello'), 'text/plain', 'notes.txt'), 'Input Binary Field: "notes.txt" is text/plain, not a supported image'],
		['an SVG', media('uploadImage'), binaryItem(Buffer.from('<svg/>'), 'image/svg+xml', 'logo.svg'), 'Input Binary Field: "logo.svg" is image/svg+xml, not a supported image'],
		['an image as video', media('uploadVideo'), binaryItem(PNG, 'image/png', 'a.png'), 'Input Binary Field: "a.png" is image/png, not a supported video'],
		['an empty file', media('uploadImage'), binaryItem(Buffer.alloc(0), 'image/png', 'empty.png'), 'Input Binary Field: "empty.png" is empty'],
		['a bad thumbnail URL', media('uploadVideo', { options: { thumbnailUrl: 'cover.jpg' } }), binaryItem(MP4, 'video/mp4', 'b.mp4'), 'Thumbnail URL must be a full http(s) URL such as https://example.com/hooks/trustoo'],
	])('%s is refused before any request', async (_name, parameters, input, message) => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters, input }), message);
	});

	test('a storage refusal names the storage error and is not a Trustoo success', async () => {
		const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('uploadImage'), input: binaryItem(big, 'image/jpeg', 'huge.jpg') });
		expect(result.items).toEqual([]);
		expect(result.error.message).toBe(
			'The storage host refused the image: HTTP 400 EntityTooLarge: Your proposed upload exceeds the maximum allowed size (10485760 bytes).',
		);
		expect(result.error.description).toMatch(/^Host: http:\/\/127\.0\.0\.1:\d+ · storage request id: [0-9A-F]{24}$/);
		expect(ctx.sandbox._store.uploads.size).toBe(0);
	});

	test('a failing storage host (HTTP 503) fails the item', async () => {
		ctx.sandbox.inject({ path: '/sandbox/oss', kind: 'status', status: 503 });
		const result = await runNode({ sandbox: ctx.sandbox, parameters: media('uploadImage'), input: binaryItem(PNG, 'image/png', 'a.png') });
		expect(result.items).toEqual([]);
		expect(result.error.message).toMatch(/^The storage host refused the image: HTTP 503 /);
	});

	test('a Trustoo error on the credentials request stops before any upload', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: media('uploadImage'),
			input: binaryItem(PNG, 'image/png', 'a.png'),
			credentials: wrongTokenCredentials(ctx.sandbox),
		});
		expectTrustooError(result, { code: 16, meaning: 'unauthenticated', message: 'unauthenticated: signature mismatch' });
		expect(result.requests.every((request) => request.path === `${API}/get_image_upload_policy_token`)).toBe(true);
	});

	test('with OAuth2 the credentials request carries the Bearer token and the upload none', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: media('uploadImage', { authentication: 'oAuth2' }),
			input: binaryItem(PNG, 'image/png', 'a.png'),
			credentials: platformCredentials(ctx.sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(result.requests)[0].auth).toBe('bearer');
		expectNoTrustooAuth(result.requests[1]);
		expect(result.items[0].type).toBe('image');
	});
});
