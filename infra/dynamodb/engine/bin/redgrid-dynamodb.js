#!/usr/bin/env node
'use strict'

const path = require('path')
const { parseArgs } = require('util')
const { start } = require('../lib/engine')

const usage = 'usage: redgrid-dynamodb --port <n|0> [--host 127.0.0.1] [--path <dir>] ' +
  '[--ttl-interval-ms <ms>] [--exit-with-stdin] [--verbose]'

function fail (message) {
  process.stderr.write(message + '\n' + usage + '\n')
  process.exit(2)
}

let args
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      path: { type: 'string' },
      'ttl-interval-ms': { type: 'string', default: '10000' },
      'exit-with-stdin': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values
}
catch (err) {
  fail(err.message)
}
if (args.help) {
  process.stdout.write(usage + '\n')
  process.exit(0)
}
const port = Number(args.port)
if (args.port == null || !Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0..65535')
const ttlIntervalMs = Number(args['ttl-interval-ms'])
if (!Number.isInteger(ttlIntervalMs) || ttlIntervalMs < 1) fail('--ttl-interval-ms must be a positive integer')

const log = args.verbose ? message => process.stderr.write('redgrid-dynamodb: ' + message + '\n') : undefined

start({ port, host: args.host, path: args.path && path.resolve(args.path), ttlIntervalMs, log }).then(engine => {
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    engine.close().then(() => process.exit(0), err => {
      process.stderr.write('redgrid-dynamodb: close failed: ' + (err.stack || err) + '\n')
      process.exit(1)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  if (args['exit-with-stdin']) {
    process.stdin.on('end', stop)
    process.stdin.on('close', stop)
    process.stdin.on('error', stop)
    process.stdin.resume()
  }
  process.stdout.write('redgrid-dynamodb listening on http://' + engine.host + ':' + engine.port + '\n')
}, err => {
  process.stderr.write('redgrid-dynamodb: cannot start: ' + (err.stack || err) + '\n')
  process.exit(1)
})
