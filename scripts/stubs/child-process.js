// commander requires child_process for executable subcommands, which kap does not use;
// loading it (with net and dgram) costs every start a few milliseconds.
module.exports = {};
