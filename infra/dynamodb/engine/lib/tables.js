'use strict'

const createTable = require('dynalite/actions/createTable')
const deleteTable = require('dynalite/actions/deleteTable')
const updateTable = require('dynalite/actions/updateTable')
const { Streams } = require('./streams')
const { SETTINGS: TTL_SETTINGS } = require('./ttl')
const db = require('dynalite/db')
const { errorOf, validationError } = require('./errors')

const limitError = db.limitError

/**
 * Table lifecycle. dynalite finishes CreateTable/UpdateTable/DeleteTable on a timer, writing the table record
 * outside of any request; here its actions run against a table database that only captures those writes, and the
 * engine writes the settled record itself, inside the request — so tables are ACTIVE as soon as the call returns
 * and no late timer can overwrite a newer record (stream or TTL settings).
 */
class Tables {
  constructor (store, streams) {
    this.store = store
    this.streams = streams
  }

  capturingStore () {
    const puts = []
    const real = this.store.tableDb
    const tableDb = {
      awsRegion: real.awsRegion,
      awsAccountId: real.awsAccountId,
      lock: (key, fn) => fn(done => done),
      get: real.get,
      put: (key, value, cb) => { puts.push(value); setImmediate(cb, null) },
      del: (key, cb) => setImmediate(cb, null),
    }
    const options = Object.assign({}, this.store.options, { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
    return { store: Object.assign(Object.create(this.store), { tableDb, options }), puts }
  }

  static settle (table) {
    table.TableStatus = 'ACTIVE'
    for (const index of table.GlobalSecondaryIndexes || []) index.IndexStatus = 'ACTIVE'
    if (table.BillingModeSummary && !table.BillingModeSummary.LastUpdateToPayPerRequestDateTime) {
      table.BillingModeSummary.LastUpdateToPayPerRequestDateTime = table.CreationDateTime
    }
    return table
  }

  async create (data, raw) {
    const streamSpec = Streams.specification(raw)
    const { store } = this.capturingStore()
    const result = await run(createTable, store, data).catch(err => {
      // dynalite leaves this message empty; DynamoDB names the table.
      if (err.body && /ResourceInUseException$/.test(err.body.__type)) err.body.message = 'Table already exists: ' + data.TableName
      throw err
    })
    const table = Tables.settle(JSON.parse(JSON.stringify(result.TableDescription)))
    const ops = []
    if (streamSpec && streamSpec.StreamEnabled) ops.push(await this.streams.enable(table, streamSpec.StreamViewType))
    ops.push({ type: 'put', key: 'table~' + table.TableName, value: table })
    await this.store.db.batch(ops)
    return { TableDescription: table }
  }

  /**
   * DeleteTable as one batch: dynalite's action decides the answer (and refuses what DynamoDB refuses) while the
   * engine collects the item, index and tag entries it would delete one database at a time, and deletes them
   * together with the table record — a killed process never leaves half a table behind.
   */
  async delete (data) {
    const { store } = this.capturingStore()
    const prefixes = []
    const collect = prefix => (...args) => { prefixes.push(prefix(...args.slice(0, -1))); setImmediate(args[args.length - 1], null) }
    store.deleteItemDb = collect(name => 'item-' + name + '~')
    store.deleteTagDb = collect(name => 'tag-' + name + '~')
    store.deleteIndexDb = collect((type, name, index) => 'index-' + type.toLowerCase() + '~' + name + '~' + index + '~')
    const table = await this.get(data.TableName)
    const result = await run(deleteTable, store, data)
    const ops = await this.streams.disable(table)
    for (const prefix of prefixes) {
      for await (const key of this.store.db.keys({ gt: prefix, lt: prefix + '\xff' })) ops.push({ type: 'del', key })
    }
    ops.push({ type: 'del', key: 'table~' + data.TableName }, { type: 'del', key: TTL_SETTINGS + data.TableName })
    await this.store.db.batch(ops)
    return result
  }

  /**
   * UpdateTable. dynalite handles throughput and billing mode; the engine handles StreamSpecification and the
   * creation and deletion of global secondary indexes (which dynalite accepts and ignores): a new index is filled
   * from the table's items in the same batch that records it, so it is ACTIVE and complete when the call returns.
   */
  async update (raw, validate) {
    const streamSpec = Streams.specification(raw)
    const indexUpdates = Array.isArray(raw.GlobalSecondaryIndexUpdates) ? raw.GlobalSecondaryIndexUpdates : []
    const creates = indexUpdates.filter(u => u && u.Create).map(u => u.Create)
    const deletes = indexUpdates.filter(u => u && u.Delete).map(u => u.Delete)
    const rest = Object.assign({}, raw, {
      GlobalSecondaryIndexUpdates: indexUpdates.filter(u => !(u && (u.Create || u.Delete))),
    })
    if (!rest.GlobalSecondaryIndexUpdates.length) delete rest.GlobalSecondaryIndexUpdates
    const indexesOnly = !rest.ProvisionedThroughput && !rest.BillingMode && !rest.GlobalSecondaryIndexUpdates
    const data = validate('UpdateTable', JSON.parse(JSON.stringify(rest)), indexesOnly && (streamSpec || creates.length || deletes.length))
    if (creates.length + deletes.length > 1) {
      throw limitError('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table')
    }
    let table
    if (!indexesOnly) {
      const { store, puts } = this.capturingStore()
      // dynalite's timer writes the settled record shortly after the call; wait for it rather than guess a delay.
      const settled = new Promise(resolve => {
        const push = puts.push.bind(puts)
        puts.push = value => { const n = push(value); if (n === 2) resolve(); return n }
      })
      await run(updateTable, store, data)
      await settled
      table = Tables.settle(puts[1])
    }
    else {
      table = await this.get(data.TableName)
    }
    const ops = []
    if (streamSpec) ops.push(...await this.changeStream(table, streamSpec))
    if (creates.length) ops.push(...await this.createIndex(table, creates[0], raw.AttributeDefinitions, validate))
    if (deletes.length) ops.push(...await this.deleteIndex(table, deletes[0]))
    ops.push({ type: 'put', key: 'table~' + table.TableName, value: table })
    await this.store.db.batch(ops)
    return { TableDescription: table }
  }

  async changeStream (table, streamSpec) {
    const enabled = table.StreamSpecification && table.StreamSpecification.StreamEnabled
    if (streamSpec.StreamEnabled && enabled) throw validationError('Table already has an enabled stream: ' + table.TableArn)
    if (!streamSpec.StreamEnabled && !enabled) throw validationError('Table already has no enabled stream: ' + table.TableArn)
    if (streamSpec.StreamEnabled) return [ await this.streams.enable(table, streamSpec.StreamViewType) ]
    table.StreamSpecification = { StreamEnabled: false }
    return this.streams.disable(table)
  }

  /** Checks the new index with dynalite's CreateTable validation, as if the table were created with it. */
  async createIndex (table, create, attributeDefinitions, validate) {
    const definitions = (table.AttributeDefinitions || []).slice()
    for (const definition of Array.isArray(attributeDefinitions) ? attributeDefinitions : []) {
      const known = definitions.find(d => d.AttributeName === definition.AttributeName)
      if (!known) definitions.push(definition)
      else if (known.AttributeType !== definition.AttributeType) {
        throw validationError('One or more parameter values were invalid: Attribute ' + definition.AttributeName +
          ' is defined with type ' + known.AttributeType + ' and cannot be redefined as ' + definition.AttributeType)
      }
    }
    const billing = (table.BillingModeSummary || {}).BillingMode || 'PROVISIONED'
    const indexDefinition = ({ IndexName, KeySchema, Projection, ProvisionedThroughput }) =>
      ({ IndexName, KeySchema, Projection, ProvisionedThroughput: billing === 'PROVISIONED' ? ProvisionedThroughput : undefined })
    const asCreated = validate('CreateTable', JSON.parse(JSON.stringify({
      TableName: table.TableName,
      AttributeDefinitions: definitions,
      KeySchema: table.KeySchema,
      LocalSecondaryIndexes: table.LocalSecondaryIndexes && table.LocalSecondaryIndexes.map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })),
      GlobalSecondaryIndexes: (table.GlobalSecondaryIndexes || []).map(indexDefinition).concat(indexDefinition(create)),
      BillingMode: billing,
      ProvisionedThroughput: billing === 'PROVISIONED' ? table.ProvisionedThroughput && {
        ReadCapacityUnits: table.ProvisionedThroughput.ReadCapacityUnits,
        WriteCapacityUnits: table.ProvisionedThroughput.WriteCapacityUnits,
      } : undefined,
    })))
    const index = asCreated.GlobalSecondaryIndexes[asCreated.GlobalSecondaryIndexes.length - 1]
    index.IndexStatus = 'ACTIVE'
    index.IndexArn = table.TableArn + '/index/' + index.IndexName
    index.IndexSizeBytes = 0
    index.ItemCount = 0
    index.ProvisionedThroughput = Object.assign({ ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      index.ProvisionedThroughput, { NumberOfDecreasesToday: 0 })
    table.AttributeDefinitions = asCreated.AttributeDefinitions
    table.GlobalSecondaryIndexes = (table.GlobalSecondaryIndexes || []).concat(index)
    const ops = []
    const prefix = 'index-global~' + table.TableName + '~' + index.IndexName + '~'
    for await (const item of this.store.db.values({ gt: 'item-' + table.TableName + '~', lt: 'item-' + table.TableName + '~\xff' })) {
      for (const put of db.getIndexActions([ index ], null, item, table).puts) {
        ops.push({ type: 'put', key: prefix + put.key, value: put.item })
      }
    }
    return ops
  }

  async deleteIndex (table, del) {
    const indexes = table.GlobalSecondaryIndexes || []
    if (!indexes.some(index => index.IndexName === del.IndexName)) {
      throw errorOf('ResourceNotFoundException', 'Requested resource not found: Index: ' + del.IndexName + ' not found')
    }
    table.GlobalSecondaryIndexes = indexes.filter(index => index.IndexName !== del.IndexName)
    if (!table.GlobalSecondaryIndexes.length) delete table.GlobalSecondaryIndexes
    const prefix = 'index-global~' + table.TableName + '~' + del.IndexName + '~'
    const ops = []
    for await (const key of this.store.db.keys({ gt: prefix, lt: prefix + '\xff' })) ops.push({ type: 'del', key })
    return ops
  }

  get (name) {
    return new Promise((resolve, reject) =>
      this.store.getTable(name, false, (err, table) => (err ? reject(err) : resolve(table))))
  }
}

function run (action, store, data) {
  return new Promise((resolve, reject) => action(store, data, (err, result) => (err ? reject(err) : resolve(result))))
}

module.exports = { Tables, run }
