#!/usr/bin/env node
// The command line's compiled code lives in lib/ (npm ci builds it through the prepare script).
require("../lib/cli/main.js");
