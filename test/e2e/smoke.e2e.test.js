'use strict';

// Smoke test of the real-n8n harness, for every pinned n8n version
// (N8N_E2E_VERSIONS=2.8.4,... to pick): install (cached), CLI import and
// execute, community-package install, then the server: owner setup, login,
// REST listing, webhook activation (CLI and REST) and executions.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const {
	versions,
	ensureN8n,
	createInstance,
	disposeInstance,
	N8nInstance,
	packFixture,
	workflows: wf,
	TIMEOUTS,
	progress,
} = require('./harness');

describe.each(versions)('n8n %s', (version) => {
	let install;
	let inst;
	let probeTarball;
	const ids = {};
	const hookPath = `harness-smoke-${crypto.randomBytes(4).toString('hex')}`;

	beforeAll(async () => {
		const started = Date.now();
		install = await ensureN8n(version);
		progress(
			`n8n ${version}: ${install.cached ? 'cached install' : `installed in ${Math.round(install.installMs / 1000)} s`} at ${install.dir}`,
		);
		inst = await createInstance({ version });
		probeTarball = await packFixture('n8n-nodes-harness-probe', path.join(inst.userFolder, 'harness-tmp'));
		progress(`n8n ${version}: instance ready in ${Date.now() - started} ms (${inst.userFolder})`);
	}, TIMEOUTS.install);

	afterAll(() => disposeInstance(inst), TIMEOUTS.cli);

	test(
		'installs a community package tarball where n8n looks for it, sharing n8n-workflow with n8n',
		async () => {
			const pkg = await inst.installPackage(probeTarball);
			expect(pkg.name).toBe('n8n-nodes-harness-probe');
			expect(pkg.dir).toBe(path.join(inst.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-harness-probe'));
			expect(pkg.n8nWorkflowPath.startsWith(path.join(install.dir, 'node_modules') + path.sep)).toBe(true);
			const manifest = JSON.parse(fs.readFileSync(path.join(pkg.dir, 'package.json'), 'utf8'));
			expect(manifest.peerDependencies).toBeUndefined();
			expect(manifest.devDependencies).toBeUndefined();
			const root = JSON.parse(fs.readFileSync(path.join(inst.nodesDir, 'package.json'), 'utf8'));
			expect(root.dependencies).toEqual({ 'n8n-nodes-harness-probe': '0.0.1' });
		},
		TIMEOUTS.cli,
	);

	test(
		'imports a Manual Trigger -> Set workflow and executes it with the CLI',
		async () => {
			let t = Date.now();
			[ids.manual] = await inst.importWorkflow(
				wf.workflow('Smoke: manual -> set', [
					wf.manualTrigger('Start'),
					wf.setNode('Set', { hello: 'world', sum: { value: '={{ 1 + 2 }}', type: 'number' } }),
				]),
			);
			const importMs = Date.now() - t;
			t = Date.now();
			const run = await inst.execute(ids.manual);
			progress(`n8n ${version}: import:workflow ${importMs} ms, execute ${Date.now() - t} ms`);
			if (!run.ok) throw new Error(`execute failed (exit ${run.code})\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
			expect(run.code).toBe(0);
			expect(run.result.status).toBe('success');
			expect(N8nInstance.nodeOutput(run, 'Set')).toEqual([{ hello: 'world', sum: 3 }]);
		},
		TIMEOUTS.cli,
	);

	test(
		'runs the community node and a Code node through the CLI',
		async () => {
			[ids.probe] = await inst.importWorkflow(
				wf.workflow('Smoke: probe + code', [
					wf.manualTrigger('Start'),
					{
						id: crypto.randomUUID(),
						name: 'Probe',
						type: 'n8n-nodes-harness-probe.harnessProbe',
						typeVersion: 1,
						position: [220, 0],
						parameters: { label: 'smoke' },
					},
					{
						id: crypto.randomUUID(),
						name: 'Code',
						type: 'n8n-nodes-base.code',
						typeVersion: 2,
						position: [440, 0],
						parameters: { jsCode: 'return $input.all().map((item) => ({ json: { ...item.json, doubled: 21 * 2 } }));' },
					},
				]),
			);
			const run = await inst.execute(ids.probe);
			if (!run.ok) throw new Error(`execute failed (exit ${run.code})\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
			const [probe] = N8nInstance.nodeOutput(run, 'Probe');
			expect(probe.label).toBe('smoke');
			expect(probe.hasNodeOperationError).toBe(true);
			expect(probe.n8nWorkflowPath.startsWith(path.join(install.dir, 'node_modules') + path.sep)).toBe(true);
			expect(N8nInstance.nodeOutput(run, 'Code')).toEqual([expect.objectContaining({ label: 'smoke', doubled: 42 })]);
		},
		TIMEOUTS.cli,
	);

	test(
		'imports a credential with the CLI (encrypted with the instance key)',
		async () => {
			ids.credential = 'harnessSmokeCred1';
			await inst.importCredentials([
				{ id: ids.credential, name: 'Smoke header auth', type: 'httpHeaderAuth', data: { name: 'X-Smoke', value: 'secret' } },
			]);
			const r = await inst.cliOrThrow(['export:credentials', `--id=${ids.credential}`, '--decrypted', `--output=${path.join(inst.userFolder, 'harness-tmp', 'cred-out.json')}`]);
			expect(r.code).toBe(0);
			const [exported] = JSON.parse(fs.readFileSync(path.join(inst.userFolder, 'harness-tmp', 'cred-out.json'), 'utf8'));
			expect(exported).toMatchObject({ id: ids.credential, type: 'httpHeaderAuth', data: { name: 'X-Smoke', value: 'secret' } });
		},
		TIMEOUTS.cli,
	);

	test(
		'server: boots, sets up the owner, logs in, lists workflows, (de)activates a webhook workflow',
		async () => {
			[ids.hook] = await inst.importWorkflow(
				wf.workflow('Smoke: webhook', [
					wf.webhookTrigger('Webhook', { path: hookPath }),
					wf.setNode('Set', { hello: '={{ "wor" + "ld" }}' }),
				]),
			);
			// Server stopped: activation goes through the CLI (DB only) and
			// takes effect at start.
			await inst.activateWorkflow(ids.hook);

			await inst.start();
			progress(`n8n ${version}: server ready in ${inst.bootMs} ms at ${inst.baseUrl}`);

			const owner = await inst.setupOwner();
			expect(owner.email).toBe('owner@example.com');
			const cookie = await inst.login();
			expect(cookie).toMatch(/^n8n-auth=/);
			const bad = await inst.request('POST', '/rest/login', {
				body: { emailOrLdapLoginId: 'owner@example.com', password: 'Wrong-passw0rd' },
				cookie: null,
				allowStatus: [401],
			});
			expect(bad.status).toBe(401);

			const listed = await inst.listWorkflows();
			expect(listed.map((w) => w.id)).toEqual(expect.arrayContaining([ids.manual, ids.probe, ids.hook]));
			const credentials = await inst.rest('GET', '/rest/credentials');
			expect(credentials.map((c) => c.id)).toContain(ids.credential);

			const callHook = async () => {
				const res = await fetch(`${inst.baseUrl}/webhook/${hookPath}`, { signal: AbortSignal.timeout(30000) });
				return { status: res.status, body: await res.text() };
			};
			let res = await callHook();
			expect(res.status).toBe(200);
			expect(JSON.parse(res.body)).toEqual({ hello: 'world' });

			// Server running: REST (de)activation, live in the running process.
			await inst.deactivateWorkflow(ids.hook);
			expect((await callHook()).status).toBe(404);
			await inst.activateWorkflow(ids.hook);
			res = await callHook();
			expect(res.status).toBe(200);

			const executions = await inst.listExecutions({ workflowId: ids.hook });
			expect(executions).toHaveLength(2);
			expect(executions.every((e) => e.status === 'success' && e.mode === 'webhook')).toBe(true);
			const exec = await inst.getExecution(executions[0].id);
			expect(exec.runData.Set[0].data.main[0][0].json).toEqual({ hello: 'world' });

			const t = Date.now();
			await inst.stop();
			progress(`n8n ${version}: stopped in ${Date.now() - t} ms`);
			expect(inst.running).toBe(false);
		},
		TIMEOUTS.server,
	);
});
