// kap draws tables itself (src/render/table.ts); marked-terminal's import of cli-table3 is
// kept out of the bundle.
module.exports = function Table() {
  throw new Error('cli-table3 is not bundled: tables are drawn by src/render/table.ts');
};
