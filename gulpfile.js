const { src, dest, task } = require('gulp');

// tsc only emits JavaScript; n8n loads icons (and the codex JSON) from dist next to the code.
function copyIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));
}

task('build:icons', copyIcons);
