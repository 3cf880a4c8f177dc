#!/usr/bin/env node
// The `hogkit-mock` command. `bin` points at this committed file rather than at dist/cli.js so that
// a workspace install (which links bins before anything is built) finds it; the CLI itself is built.
import "../dist/cli.js";
