'use strict'

const http = require('http')
const crypto = require('crypto')
const crc32 = require('buffer-crc32')
const dbModule = require('dynalite/db')
const validations = require('dynalite/validations')
const { createMutex } = require('./mutex')
const { UnitOfWork, readItem } = require('./writes')
const { Capacity } = require('./capacity')
const { Streams } = require('./streams')
const { Tables, run } = require('./tables')
const { Transactions } = require('./transactions')
const { TimeToLive } = require('./ttl')
const { errorOf, validationError } = require('./errors')

const MAX_REQUEST_BYTES = 16 * 1024 * 1024
const DYNAMODB = 'DynamoDB_20120810'
const STREAMS = 'DynamoDBStreams_20120810'

/** dynalite's own actions, used as they are: these on the store itself, WRITES inside a UnitOfWork. */
const DIRECT = [ 'BatchGetItem', 'DescribeTable', 'GetItem', 'ListTables', 'ListTagsOfResource', 'Query', 'Scan',
  'TagResource', 'UntagResource' ]
const WRITES = [ 'BatchWriteItem', 'DeleteItem', 'PutItem', 'UpdateItem' ]
const VALIDATED = DIRECT.concat(WRITES, [ 'CreateTable', 'DeleteTable', 'UpdateTable', 'DescribeTimeToLive' ])

const actions = {}
const actionValidations = {}
for (const op of VALIDATED) {
  const name = validations.toLowerFirst(op)
  actions[op] = require('dynalite/actions/' + name)
  actionValidations[op] = require('dynalite/validations/' + name)
}

/**
 * Starts the engine: an HTTP server speaking DynamoDB and DynamoDB Streams on one port, over dynalite's store.
 * @param {object} options port (0 = any free port), host (default 127.0.0.1), path (LevelDB folder; in memory
 *   without), ttlIntervalMs (housekeeping period: TTL sweep, stream retention; default 10000), log (function for
 *   diagnostics, default none)
 * @returns {Promise<{port: number, host: string, url: string, sweep: (now?: number) => Promise<void>,
 *   close: () => Promise<void>}>}
 */
async function start (options = {}) {
  const host = options.host || '127.0.0.1'
  const log = options.log || (() => {})
  const store = dbModule.create({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  await store.db.open()
  const streams = new Streams(store)
  await streams.open()
  const tables = new Tables(store, streams)
  const exclusive = createMutex()

  async function commit (unit, userIdentity) {
    const advance = await streams.record(unit, userIdentity)
    await unit.commit()
    advance()
  }

  const transactions = new Transactions(store, commit)
  const ttl = new TimeToLive(store, commit, tables)

  /**
   * dynalite's validation of a request. `indexesOnly`: an UpdateTable whose only changes are the engine's own
   * (stream, index creation or deletion), which dynalite's check for "at least one change" does not know about.
   */
  function validate (op, data, indexesOnly) {
    const v = actionValidations[op]
    data = validations.checkTypes(data, v.types)
    if (indexesOnly) data.UpdateStreamEnabled = true
    validations.checkValidations(data, v.types, v.custom, store)
    delete data.UpdateStreamEnabled
    return data
  }

  async function write (op, data) {
    const unit = new UnitOfWork(store)
    let result
    try {
      result = await unit.run(actions[op], data)
    }
    catch (err) {
      await attachOldItem(err, op, data)
      throw err
    }
    await commit(unit)
    const consumed = await writeCapacity(unit, data.ReturnConsumedCapacity)
    if (consumed) result.ConsumedCapacity = op === 'BatchWriteItem' ? consumed : consumed[0]
    return result
  }

  /** What the unit's item changes cost, index writes included (dynalite counts the table items only). */
  async function writeCapacity (unit, mode) {
    if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined
    const capacity = new Capacity()
    for (const change of unit.itemChanges()) {
      capacity.write(await tables.get(change.tableName), change.oldItem, change.newItem)
    }
    return capacity.report(mode, false)
  }

  /** ReturnValuesOnConditionCheckFailure=ALL_OLD on a single write: the failure carries the item as it is. */
  async function attachOldItem (err, op, data) {
    if (!err.body || !/ConditionalCheckFailedException$/.test(err.body.__type)) return
    if (data.ReturnValuesOnConditionCheckFailure !== 'ALL_OLD') return
    const table = await tables.get(data.TableName)
    const item = await readItem(store, data.TableName, dbModule.createKey(data.Key || data.Item, table))
    if (item) err.body.Item = item
  }

  function dynamodb (op, raw) {
    if (op === 'TransactWriteItems') return transactions.write(raw)
    if (op === 'TransactGetItems') return transactions.get(raw)
    if (op === 'UpdateTimeToLive') return ttl.update(raw)
    if (op === 'UpdateTable') return tables.update(raw, validate)
    if (!VALIDATED.includes(op)) throw unknownOperation()
    // dynalite predates ReturnValuesOnConditionCheckFailure on single writes and would drop it.
    const returnOnFailure = WRITES.includes(op) ? raw.ReturnValuesOnConditionCheckFailure : null
    if (returnOnFailure != null && returnOnFailure !== 'ALL_OLD' && returnOnFailure !== 'NONE') {
      throw validationError('1 validation error detected: Value \'' + returnOnFailure + '\' at ' +
        '\'returnValuesOnConditionCheckFailure\' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]')
    }
    const data = validate(op, JSON.parse(JSON.stringify(raw)))
    if (returnOnFailure != null) data.ReturnValuesOnConditionCheckFailure = returnOnFailure
    switch (op) {
    case 'CreateTable': return tables.create(data, raw)
    case 'DeleteTable': return tables.delete(data)
    case 'DescribeTimeToLive': return ttl.describe(data)
    }
    if (WRITES.includes(op)) return write(op, data)
    return run(actions[op], store, data)
  }

  function dynamodbStreams (op, raw) {
    switch (op) {
    case 'ListStreams': return streams.listStreams(raw)
    case 'DescribeStream': return streams.describeStream(raw)
    case 'GetShardIterator': return streams.getShardIterator(raw)
    case 'GetRecords': return streams.getRecords(raw)
    }
    throw unknownOperation()
  }

  function handle (target, raw) {
    const [ api, op ] = target.split('.')
    let result
    if (api === DYNAMODB) result = exclusive(() => dynamodb(op, raw))
    else if (api === STREAMS) result = exclusive(() => dynamodbStreams(op, raw))
    else throw unknownOperation()
    return result.then(value => { log(op); return value }, err => {
      log(op + ' ' + (err.body ? err.body.__type.split('#')[1] + ': ' + (err.body.message || '') : 'failed'))
      throw err
    })
  }

  const server = http.createServer((req, res) => {
    const chunks = []
    let size = 0
    req.on('data', chunk => {
      size += chunk.length
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      respond(req, res, size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString(), handle, log)
    })
  })

  /** Housekeeping as of `now`: expired items (TTL), stream records past retention, client tokens past 10 minutes. */
  function sweep (now) {
    return exclusive(async () => {
      await ttl.sweep(now)
      await streams.trim(now)
      await transactions.forget(now)
    })
  }

  // Node closes idle keep-alive connections after 5 s, when a client may just be reusing one (a failed request
  // for a client that does not retry); keep them open well past the SDKs' idle pools instead.
  server.keepAliveTimeout = 120000
  server.headersTimeout = 121000

  const sweeper = setInterval(() => {
    sweep(Date.now()).catch(err => log('sweep failed: ' + (err.stack || err)))
  }, options.ttlIntervalMs || 10000)
  sweeper.unref()

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port || 0, host, resolve)
  })
  const port = server.address().port
  let closing
  return {
    port,
    host,
    url: 'http://' + host + ':' + port,
    /** Runs the periodic housekeeping once, as of `now` (tests call it rather than wait for the timer). */
    sweep: (now = Date.now()) => sweep(now),
    close () {
      if (!closing) {
        clearInterval(sweeper)
        closing = new Promise(resolve => {
          server.close(() => resolve())
          server.closeAllConnections()
        }).then(() => exclusive(() => store.db.close._original()))
      }
      return closing
    },
  }
}

function unknownOperation () {
  const err = new Error('UnknownOperationException')
  err.statusCode = 400
  err.body = { __type: 'com.amazon.coral.service#UnknownOperationException' }
  return err
}

function send (res, statusCode, data) {
  const body = JSON.stringify(data)
  res.statusCode = statusCode
  res.setHeader('x-amz-crc32', crc32.unsigned(body))
  res.setHeader('Content-Type', res.contentType || 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
  res.end(body)
}

/** The same HTTP handling as dynalite's server (content types, authentication header check, CRC32, request id). */
function respond (req, res, body, handle, log) {
  res.setHeader('x-amzn-RequestId', crypto.randomBytes(39).toString('base64').toUpperCase().replace(/\+|\//g, '0'))
  if (body == null) {
    res.statusCode = 413
    return res.end()
  }
  if (req.method === 'GET') {
    res.statusCode = 200
    return res.end('healthy: dynamodb.us-east-1.amazonaws.com ')
  }
  const contentType = (req.headers['content-type'] || '').split(';')[0].trim()
  if (req.method !== 'POST' || (body && contentType !== 'application/json' && contentType !== 'application/x-amz-json-1.0')) {
    res.statusCode = 404
    return res.end('<UnknownOperationException/>\n')
  }
  res.contentType = contentType !== 'application/x-amz-json-1.0' ? 'application/json' : contentType
  let data
  try {
    data = JSON.parse(body)
  }
  catch {
    return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
  }
  if (data == null || typeof data !== 'object' || Array.isArray(data)) {
    return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
  }
  const auth = req.headers.authorization
  if (!auth || auth.trim().slice(0, 5) !== 'AWS4-') {
    return send(res, 400, {
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    })
  }
  let pending
  try {
    pending = Promise.resolve(handle(req.headers['x-amz-target'] || '', data))
  }
  catch (err) {
    pending = Promise.reject(err)
  }
  pending.then(result => send(res, 200, result), err => {
    if (err && err.statusCode && err.body) return send(res, err.statusCode, err.body)
    log('Internal error: ' + (err && err.stack || err))
    send(res, 500, errorOf('InternalServerError', 'Internal server error').body)
  })
}

module.exports = { start }
