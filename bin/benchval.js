#!/usr/bin/env node
'use strict';
const cli = require('../dist/cli/main.js');
cli.exitQuietlyOnEpipe();
cli.main(process.argv.slice(2)).then((c) => { process.exitCode = c; }, (e) => { process.stderr.write('benchval: ' + (e && e.message ? e.message : String(e)) + '\n'); process.exitCode = 1; });
