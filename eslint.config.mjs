import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const SHIPPED_SOURCES = ['credentials/**/*.ts', 'nodes/**/*.ts'];

// n8n's community-node rules (cloud profile) apply to what we ship. Tests, the simulator and
// scripts are dev-only code that legitimately uses node:http, timers and devDependencies.
const shipped = n8nCommunityConfig.map((entry) =>
	entry.files && entry.files.includes('**/*.ts') ? { ...entry, files: SHIPPED_SOURCES } : entry,
);

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', '**/*.js', '**/*.mjs'] },
	...shipped,
	...tseslint.config({
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
		},
	}),
];
