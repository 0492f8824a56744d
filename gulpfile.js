'use strict';
// tsc compiles the TypeScript (and the codex *.node.json files, through tsconfig's include);
// gulp copies what tsc does not: the SVG icons next to the compiled nodes and credentials.
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'icons/**/*.svg'], { base: '.' }).pipe(dest('dist'));
}

exports.build = copyIcons;
exports.default = copyIcons;
