// jest globalSetup: compile the CLI (dist-cli/) when its sources are newer than the last build.
module.exports = async () => require("../../scripts/build-cli.js")({ ifStale: true });
