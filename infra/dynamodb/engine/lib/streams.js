'use strict'

const crypto = require('crypto')
const db = require('dynalite/db')
const { errorOf, validationError } = require('./errors')

/**
 * DynamoDB Streams on top of the engine's LevelDB: one shard per stream, records kept under
 * `rgrec~<streamArn>~<sequence number>` and written in the same batch as the item change they describe.
 */

const META = 'rgstream~' // rgstream~<arn> -> stream description
const RECORDS = 'rgrec~' // rgrec~<arn>~<seq> -> record
const SEQ_KEY = 'rgmeta~sequence'
const SEQ_WIDTH = 21
const VIEW_TYPES = [ 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY' ]
const RETENTION_MS = 24 * 60 * 60 * 1000
const MAX_LIMIT = 1000

function pad (n) {
  return String(n).padStart(SEQ_WIDTH, '0')
}

function streamNotFound (what) {
  return errorOf('ResourceNotFoundException', 'Requested resource not found: ' + what)
}

class Streams {
  constructor (store) {
    this.store = store
    this.sequence = 0n
    this.region = store.tableDb.awsRegion
  }

  async open () {
    const stored = await this.store.db.get(SEQ_KEY)
    if (stored) this.sequence = BigInt(stored)
  }

  /** Validates CreateTable/UpdateTable's StreamSpecification (dynalite drops the field before we see it). */
  static specification (raw) {
    const spec = raw.StreamSpecification
    if (spec == null) return null
    if (typeof spec !== 'object' || typeof spec.StreamEnabled !== 'boolean') {
      throw validationError('1 validation error detected: Value null at \'streamSpecification.streamEnabled\' ' +
        'failed to satisfy constraint: Member must not be null')
    }
    if (spec.StreamViewType != null && !VIEW_TYPES.includes(spec.StreamViewType)) {
      throw validationError('1 validation error detected: Value \'' + spec.StreamViewType + '\' at ' +
        '\'streamSpecification.streamViewType\' failed to satisfy constraint: Member must satisfy enum value set: [' +
        VIEW_TYPES.join(', ') + ']')
    }
    if (spec.StreamEnabled && spec.StreamViewType == null) {
      throw validationError('One or more parameter values were invalid: ' +
        'You must specify a StreamViewType when enabling a stream')
    }
    if (!spec.StreamEnabled && spec.StreamViewType != null) {
      throw validationError('One or more parameter values were invalid: ' +
        'You cannot modify a stream when disabling it')
    }
    return { StreamEnabled: spec.StreamEnabled, StreamViewType: spec.StreamViewType }
  }

  /** Turns the table's stream on (new ARN and label, as AWS does) and returns the batch operation recording it. */
  async enable (table, viewType) {
    let time = Date.now()
    let label, arn
    // The label is a millisecond timestamp; a table deleted and created again within one must not reuse a stream.
    do {
      label = new Date(time++).toISOString().replace('Z', '')
      arn = table.TableArn + '/stream/' + label
    } while (await this.store.db.get(META + arn))
    table.StreamSpecification = { StreamEnabled: true, StreamViewType: viewType }
    table.LatestStreamLabel = label
    table.LatestStreamArn = arn
    const description = {
      StreamArn: arn,
      StreamLabel: label,
      StreamStatus: 'ENABLED',
      StreamViewType: viewType,
      CreationRequestDateTime: Date.now() / 1000,
      TableName: table.TableName,
      KeySchema: table.KeySchema,
      ShardId: 'shardId-' + String(Date.now()).padStart(20, '0') + '-' + crypto.randomBytes(4).toString('hex'),
      StartingSequenceNumber: pad(this.sequence + 1n),
    }
    return { type: 'put', key: META + arn, value: description }
  }

  /** Closes the table's current stream (table deleted or stream disabled); its records stay readable. */
  async disable (table) {
    if (!table.LatestStreamArn) return []
    const description = await this.store.db.get(META + table.LatestStreamArn)
    if (!description || description.StreamStatus === 'DISABLED') return []
    description.StreamStatus = 'DISABLED'
    description.EndingSequenceNumber = pad(this.sequence)
    return [ { type: 'put', key: META + table.LatestStreamArn, value: description } ]
  }

  /**
   * Adds a stream record for every item the unit really changed (a write that changes nothing emits nothing),
   * in the order the items were written, and the advanced sequence counter.
   */
  async record (unit, userIdentity) {
    const tables = new Map()
    let sequence = this.sequence
    for (const change of unit.itemChanges()) {
      if (!tables.has(change.tableName)) {
        tables.set(change.tableName, await new Promise(resolve =>
          this.store.getTable(change.tableName, false, (err, table) => resolve(err ? null : table))))
      }
      const table = tables.get(change.tableName)
      const spec = table && table.StreamSpecification
      if (!spec || !spec.StreamEnabled) continue
      const { oldItem, newItem } = change
      if (sameItem(oldItem, newItem)) continue
      sequence += 1n
      unit.add({
        type: 'put',
        key: RECORDS + table.LatestStreamArn + '~' + pad(sequence),
        value: this.buildRecord(table, spec.StreamViewType, oldItem, newItem, pad(sequence), userIdentity),
      })
    }
    if (sequence !== this.sequence) unit.add({ type: 'put', key: SEQ_KEY, value: sequence.toString() })
    // Advanced only once the batch is written: a failed batch leaves the counter where it was.
    return () => { this.sequence = sequence }
  }

  buildRecord (table, viewType, oldItem, newItem, sequenceNumber, userIdentity) {
    const item = newItem || oldItem
    const keys = {}
    for (const key of table.KeySchema) keys[key.AttributeName] = item[key.AttributeName]
    const dynamodb = { ApproximateCreationDateTime: Math.floor(Date.now() / 1000), Keys: keys }
    if (newItem && (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')) dynamodb.NewImage = newItem
    if (oldItem && (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')) dynamodb.OldImage = oldItem
    dynamodb.SequenceNumber = sequenceNumber
    dynamodb.SizeBytes = db.itemSize(keys) + (dynamodb.NewImage ? db.itemSize(dynamodb.NewImage) : 0) +
      (dynamodb.OldImage ? db.itemSize(dynamodb.OldImage) : 0)
    dynamodb.StreamViewType = viewType
    const record = {
      eventID: crypto.randomBytes(16).toString('hex'),
      eventName: !oldItem ? 'INSERT' : !newItem ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.region,
      dynamodb,
    }
    if (userIdentity) record.userIdentity = userIdentity
    return record
  }

  async description (arn) {
    const description = typeof arn === 'string' ? await this.store.db.get(META + arn) : undefined
    if (!description) throw streamNotFound('Stream: ' + arn + ' not found')
    return description
  }

  async listStreams (data) {
    const limit = data.Limit || 100
    const streams = []
    for await (const description of this.store.db.values({ gt: META, lt: META + '\xff' })) {
      if (data.TableName && description.TableName !== data.TableName) continue
      if (data.ExclusiveStartStreamArn && description.StreamArn <= data.ExclusiveStartStreamArn) continue
      streams.push({ StreamArn: description.StreamArn, TableName: description.TableName, StreamLabel: description.StreamLabel })
    }
    const result = { Streams: streams.slice(0, limit) }
    if (streams.length > limit) result.LastEvaluatedStreamArn = result.Streams[limit - 1].StreamArn
    return result
  }

  async describeStream (data) {
    const d = await this.description(data.StreamArn)
    const range = { StartingSequenceNumber: d.StartingSequenceNumber }
    if (d.EndingSequenceNumber) range.EndingSequenceNumber = d.EndingSequenceNumber
    const shards = data.ExclusiveStartShardId === d.ShardId ? [] : [ { ShardId: d.ShardId, SequenceNumberRange: range } ]
    return {
      StreamDescription: {
        StreamArn: d.StreamArn,
        StreamLabel: d.StreamLabel,
        StreamStatus: d.StreamStatus,
        StreamViewType: d.StreamViewType,
        CreationRequestDateTime: d.CreationRequestDateTime,
        TableName: d.TableName,
        KeySchema: d.KeySchema,
        Shards: shards,
      },
    }
  }

  async getShardIterator (data) {
    const d = await this.description(data.StreamArn)
    if (data.ShardId !== d.ShardId) throw streamNotFound('Shard does not exist')
    let position
    switch (data.ShardIteratorType) {
    case 'TRIM_HORIZON':
      position = { gt: '' }
      break
    case 'LATEST':
      position = { gt: pad(this.sequence) }
      break
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const seq = data.SequenceNumber
      if (typeof seq !== 'string' || !/^\d{1,40}$/.test(seq)) {
        throw validationError('Invalid SequenceNumber: ' + seq + ' for ShardIteratorType ' + data.ShardIteratorType)
      }
      const padded = pad(BigInt(seq))
      position = data.ShardIteratorType === 'AT_SEQUENCE_NUMBER' ? { gte: padded } : { gt: padded }
      break
    }
    default:
      throw validationError('1 validation error detected: Value ' +
        (data.ShardIteratorType == null ? 'null' : '\'' + data.ShardIteratorType + '\'') + ' at ' +
        '\'shardIteratorType\' failed to satisfy constraint: ' + (data.ShardIteratorType == null ?
        'Member must not be null' :
        'Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, LATEST, TRIM_HORIZON]'))
    }
    return { ShardIterator: encodeIterator({ arn: d.StreamArn, shard: d.ShardId, ...position }) }
  }

  async getRecords (data) {
    const iterator = decodeIterator(data.ShardIterator)
    const d = await this.description(iterator.arn)
    const limit = data.Limit == null ? MAX_LIMIT : data.Limit
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw validationError('1 validation error detected: Value \'' + data.Limit + '\' at \'limit\' failed to ' +
        'satisfy constraint: Member must have value ' + (limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'))
    }
    const prefix = RECORDS + d.StreamArn + '~'
    const range = { lt: prefix + '\xff', limit }
    if (iterator.gte != null) range.gte = prefix + iterator.gte
    else range.gt = prefix + iterator.gt
    const records = await this.store.db.values(range).all()
    const result = { Records: records }
    const last = records.length ? records[records.length - 1].dynamodb.SequenceNumber : null
    const closedAndRead = d.StreamStatus === 'DISABLED' && !records.length
    if (!closedAndRead) {
      const next = last ? { gt: last } : iterator.gte != null ? { gte: iterator.gte } : { gt: iterator.gt }
      result.NextShardIterator = encodeIterator({ arn: d.StreamArn, shard: d.ShardId, ...next })
    }
    return result
  }

  /** Drops records past the 24 hour retention: each stream's oldest records, up to the first one still kept. */
  async trim (now) {
    const horizon = (now - RETENTION_MS) / 1000
    const ops = []
    for await (const arn of this.store.db.keys({ gt: META, lt: META + '\xff' })) {
      const prefix = RECORDS + arn.slice(META.length) + '~'
      for await (const [ key, record ] of this.store.db.iterator({ gt: prefix, lt: prefix + '\xff' })) {
        if (record.dynamodb.ApproximateCreationDateTime >= horizon) break
        ops.push({ type: 'del', key })
      }
    }
    if (ops.length) await this.store.db.batch(ops)
  }
}

function encodeIterator (position) {
  return Buffer.from(JSON.stringify(position)).toString('base64')
}

function decodeIterator (text) {
  try {
    const position = JSON.parse(Buffer.from(String(text), 'base64').toString())
    if (typeof position.arn === 'string' && (typeof position.gt === 'string' || typeof position.gte === 'string')) {
      return position
    }
  }
  catch { /* reported below */ }
  throw validationError('Invalid ShardIterator')
}

/** Equal items, whatever the order of their attributes and of their sets' members. */
function sameItem (a, b) {
  if (!a || !b) return a === b
  return canonical({ M: a }) === canonical({ M: b })
}

function canonical (value) {
  const type = Object.keys(value)[0]
  const v = value[type]
  switch (type) {
  case 'M':
    return 'M{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}'
  case 'L':
    return 'L[' + v.map(canonical).join(',') + ']'
  case 'SS':
  case 'NS':
  case 'BS':
    return type + JSON.stringify([ ...v ].sort())
  default:
    return type + JSON.stringify(v)
  }
}

module.exports = { Streams }
