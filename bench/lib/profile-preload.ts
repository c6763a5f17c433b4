// Preloaded into the API only under `--cpu-prof`: V8 writes the profile on a normal exit, but Nest's
// shutdown hooks end the process by re-raising SIGTERM, which skips it. SIGUSR2 exits normally.
process.on('SIGUSR2', () => process.exit(0));
