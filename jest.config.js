'use strict';
// Tests are plain JavaScript against the compiled package in dist/ (what n8n loads), so `npm test`
// builds first. Each project can run alone: `npx jest --selectProjects engine`.
const common = { testEnvironment: 'node', setupFiles: ['<rootDir>/test/setup-env.js'] };

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.js'] },
		{ ...common, displayName: 'sandbox', testMatch: ['<rootDir>/test/sandbox/**/*.test.js'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.js'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.js'] },
	],
};
