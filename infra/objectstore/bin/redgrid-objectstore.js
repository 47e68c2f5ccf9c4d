#!/usr/bin/env node
'use strict'
// RedGrid's local S3-compatible object store: s3rver (MIT) on a loopback port, files under --directory, with the
// buckets it is told to create (each with a CORS rule for the console's origin, as template.yaml gives the photo
// bucket). Prints one line when ready: "redgrid-objectstore listening on http://127.0.0.1:<port>".
// s3rver accepts any Signature V4 without checking it; presigned URLs are how the phone uploads, and what they sign
// (content type and length) is what keeps an upload to the declared photo, so lib/presigned.js checks them as S3
// does (key S3RVER / S3RVER) before s3rver sees the request. Header-signed requests come from the functions' SDK.

const fs = require('fs')
const path = require('path')
const { parseArgs } = require('util')
const http = require('http')
const S3rver = require('s3rver')
const { checkPresigned } = require('../lib/presigned')

const usage = 'usage: redgrid-objectstore --port <n|0> --directory <dir> [--host 127.0.0.1] [--bucket <name>]... ' +
  '[--cors-origin <origin>]... [--exit-with-stdin] [--verbose]'

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
      directory: { type: 'string' },
      bucket: { type: 'string', multiple: true, default: [] },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'exit-with-stdin': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values
} catch (err) {
  fail(err.message)
}
if (args.help) {
  process.stdout.write(usage + '\n')
  process.exit(0)
}
const port = Number(args.port)
if (args.port == null || !Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0..65535')
if (!args.directory) fail('--directory is required')
const directory = path.resolve(args.directory)
fs.mkdirSync(directory, { recursive: true })

// The browser PUTs to presigned URLs and GETs photos from its own origin: allow exactly those origins.
const escape = text => text.replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' }[c]))
const cors = args['cors-origin'].length === 0 ? [] : [Buffer.from(
  '<CORSConfiguration><CORSRule>' +
  args['cors-origin'].map(o => '<AllowedOrigin>' + escape(o) + '</AllowedOrigin>').join('') +
  '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod>' +
  '<AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds>' +
  '</CORSRule></CORSConfiguration>')]

const server = new S3rver({
  address: args.host,
  port,
  directory,
  silent: !args.verbose,
  vhostBuckets: false,
  configureBuckets: args.bucket.map(name => ({ name, configs: cors })),
})

// s3rver's own listener is replaced by one that checks presigned requests first.
server.listen = (port, address) => new Promise((resolve, reject) => {
  const handle = server.callback()
  const httpServer = http.createServer((req, res) => {
    const refusal = checkPresigned(req, { S3RVER: 'S3RVER' })
    if (refusal) {
      res.writeHead(403, { 'Content-Type': 'application/xml' })
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>' + refusal.code + '</Code><Message>' +
        refusal.message + '</Message></Error>')
      return
    }
    handle(req, res)
  })
  httpServer.listen(port, address, err => (err ? reject(err) : resolve(httpServer)))
  httpServer.on('error', reject)
})

server.run().then(address => {
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  if (args['exit-with-stdin']) {
    process.stdin.on('end', stop)
    process.stdin.on('close', stop)
    process.stdin.on('error', stop)
    process.stdin.resume()
  }
  process.stdout.write('redgrid-objectstore listening on http://' + args.host + ':' + address.port + '\n')
}, err => {
  process.stderr.write('redgrid-objectstore: cannot start: ' + (err.stack || err) + '\n')
  process.exit(1)
})
