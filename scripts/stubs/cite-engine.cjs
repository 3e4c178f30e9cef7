// The citation engine as one bundle of its own (dist/cite-engine.cjs): the content compiler
// loads it only when it formats references, so a pack compile whose references all come from
// the memo never parses its ~750 KB (scripts/build.mjs maps these packages to it).
'use strict';
module.exports = { '@citation-js/core': require('@citation-js/core'), '@citation-js/plugin-csl': require('@citation-js/plugin-csl'), citeproc: require('citeproc') };
