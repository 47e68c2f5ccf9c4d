'use strict'

const createTable = require('dynalite/actions/createTable')
const deleteTable = require('dynalite/actions/deleteTable')
const updateTable = require('dynalite/actions/updateTable')
const { Streams } = require('./streams')
const { validationError } = require('./errors')

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
    if (streamSpec && streamSpec.StreamEnabled) ops.push(this.streams.enable(table, streamSpec.StreamViewType))
    ops.push({ type: 'put', key: 'table~' + table.TableName, value: table })
    await this.store.db.batch(ops)
    return { TableDescription: table }
  }

  async delete (data) {
    const { store } = this.capturingStore()
    const table = await this.get(data.TableName)
    const result = await run(deleteTable, store, data)
    const ops = await this.streams.disable(table)
    ops.push({ type: 'del', key: 'table~' + data.TableName }, { type: 'del', key: 'rgttl~' + data.TableName })
    await this.store.db.batch(ops)
    return result
  }

  /** UpdateTable: dynalite handles throughput and billing mode; the engine handles StreamSpecification. */
  async update (data, raw) {
    const streamSpec = Streams.specification(raw)
    const others = data.ProvisionedThroughput || data.BillingMode || data.GlobalSecondaryIndexUpdates
    let table
    if (others || !streamSpec) {
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
    if (streamSpec) {
      const enabled = table.StreamSpecification && table.StreamSpecification.StreamEnabled
      if (streamSpec.StreamEnabled && enabled) {
        throw validationError('Table already has an enabled stream: ' + table.TableArn)
      }
      if (!streamSpec.StreamEnabled && !enabled) {
        throw validationError('Table already has no enabled stream: ' + table.TableArn)
      }
      if (streamSpec.StreamEnabled) ops.push(this.streams.enable(table, streamSpec.StreamViewType))
      else {
        ops.push(...await this.streams.disable(table))
        table.StreamSpecification = { StreamEnabled: false }
      }
    }
    ops.push({ type: 'put', key: 'table~' + table.TableName, value: table })
    await this.store.db.batch(ops)
    return { TableDescription: table }
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
