// Refuses to run on a Node.js older than Tillit supports (npm does not enforce package.json "engines").
// 22.13: node:sqlite, whose file lock guards the data directory, needs no flag from there on.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `Tillit needs Node.js 22.13 or newer; ${process.execPath} is ${process.version}.\n` +
      'Run it through npm (npm start, npm run tillit -- <command>), which uses the Node.js 22 that ' +
      '`npm install` puts in node_modules/.bin, or install Node.js 22.\n',
  );
  process.exit(1);
}
