const { src, dest, parallel } = require('gulp');

// tsc only emits JavaScript; n8n loads icons and the codex JSON from dist, next to the code.
const nodeAssets = () =>
	src('nodes/**/*.{png,svg,json}', { encoding: false }).pipe(dest('dist/nodes'));
const credentialAssets = () =>
	src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));

exports['build:icons'] = parallel(nodeAssets, credentialAssets);
