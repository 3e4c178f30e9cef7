// kap decides colour itself (src/terminal.ts) and sets chalk.level; chalk's own detection
// would load node:tty (and net) on every start just to be overridden.
export default { stdout: false, stderr: false };
