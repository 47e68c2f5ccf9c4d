'use strict'

const crypto = require('crypto')
const db = require('dynalite/db')
const validations = require('dynalite/validations')
const putItem = require('dynalite/actions/putItem')
const updateItem = require('dynalite/actions/updateItem')
const deleteItem = require('dynalite/actions/deleteItem')
const getItem = require('dynalite/actions/getItem')
const putItemValidation = require('dynalite/validations/putItem')
const updateItemValidation = require('dynalite/validations/updateItem')
const deleteItemValidation = require('dynalite/validations/deleteItem')
const getItemValidation = require('dynalite/validations/getItem')
const { UnitOfWork, readItem } = require('./writes')
const { Capacity, readUnits, writeUnits, sizeOf } = require('./capacity')
const { errorOf, validationError } = require('./errors')
const { run } = require('./tables')

/**
 * TransactWriteItems and TransactGetItems. The engine runs one request at a time, so a transaction is serializable
 * by construction; its writes are evaluated in one UnitOfWork and land as one LevelDB batch, or not at all.
 */

const MAX_ACTIONS = 100
const TOKEN_TTL_MS = 10 * 60 * 1000
const TOKENS = 'rgtoken~'

const onFailure = { type: 'String', enum: [ 'ALL_OLD', 'NONE' ] }
const expressionNames = putItemValidation.types.ExpressionAttributeNames
const expressionValues = putItemValidation.types.ExpressionAttributeValues
const tableName = putItemValidation.types.TableName
const key = { type: 'Map<AttributeValue>', notNull: true, children: 'AttrStruct<ValueStruct>' }

function struct (name, children) {
  return { type: 'FieldStruct<' + name + '>', children }
}

/** TransactItems: 1 to 100 members of the given structure. */
function transactItems (member, children) {
  return {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: MAX_ACTIONS,
    children: { type: 'ValueStruct<' + member + '>', children },
  }
}

/** One write action: its own members, and the condition every kind may carry (which ConditionCheck requires). */
function action (name, members, conditionRequired) {
  return struct(name, Object.assign({}, members, {
    TableName: tableName,
    ConditionExpression: conditionRequired ? { type: 'String', notNull: true } : { type: 'String' },
    ExpressionAttributeNames: expressionNames,
    ExpressionAttributeValues: expressionValues,
    ReturnValuesOnConditionCheckFailure: onFailure,
  }))
}

const writeTypes = {
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
  ReturnConsumedCapacity: putItemValidation.types.ReturnConsumedCapacity,
  ReturnItemCollectionMetrics: putItemValidation.types.ReturnItemCollectionMetrics,
  TransactItems: transactItems('TransactWriteItem', {
    ConditionCheck: action('ConditionCheck', { Key: key }, true),
    Put: action('Put', { Item: putItemValidation.types.Item }),
    Delete: action('Delete', { Key: key }),
    Update: action('Update', { Key: key, UpdateExpression: { type: 'String', notNull: true } }),
  }),
}

const getTypes = {
  ReturnConsumedCapacity: putItemValidation.types.ReturnConsumedCapacity,
  TransactItems: transactItems('TransactGetItem', {
    Get: struct('Get', {
      Key: key,
      TableName: tableName,
      ProjectionExpression: { type: 'String' },
      ExpressionAttributeNames: expressionNames,
    }),
  }),
}

/** What each kind of write runs: dynalite's single-item action and the validation of its request. */
const KINDS = {
  Put: { action: putItem, validation: putItemValidation },
  Update: { action: updateItem, validation: updateItemValidation },
  Delete: { action: deleteItem, validation: deleteItemValidation },
  ConditionCheck: { action: null, validation: deleteItemValidation },
}

class Transactions {
  constructor (store, commit) {
    this.store = store
    this.commit = commit
  }

  table (name) {
    return new Promise((resolve, reject) =>
      this.store.getTable(name, true, (err, table) => (err ? reject(err) : resolve(table))))
  }

  /** Validates the whole request the way DynamoDB does before touching any item; returns one plan per action. */
  async plan (raw) {
    const data = validations.checkTypes(JSON.parse(JSON.stringify(raw)), writeTypes)
    validations.checkValidations(data, writeTypes, null, this.store)
    const plans = []
    const targets = new Set()
    for (const transactItem of data.TransactItems) {
      const kinds = Object.keys(transactItem)
      if (kinds.length !== 1) throw validationError('TransactItems can only contain one of Check, Put, Update or Delete')
      const kind = kinds[0]
      const request = transactItem[kind]
      const { validation } = KINDS[kind]
      const msg = validation.custom(request, this.store)
      if (msg) throw validationError(msg)
      const table = await this.table(request.TableName)
      const invalid = kind === 'Put' ? db.validateItem(request.Item, table) : db.validateKey(request.Key, table)
      if (invalid) throw invalid
      if (kind === 'Update') {
        const invalidUpdate = db.validateUpdates(null, request._updates, table)
        if (invalidUpdate) throw invalidUpdate
      }
      const itemKey = db.createKey(request.Item || request.Key, table)
      const target = request.TableName + '\0' + itemKey
      if (targets.has(target)) throw validationError('Transaction request cannot include multiple operations on one item')
      targets.add(target)
      plans.push({ kind, request, table, itemKey })
    }
    return { data, plans }
  }

  async write (raw) {
    const { data, plans } = await this.plan(raw)
    const token = data.ClientRequestToken
    const fingerprint = token && hash({ TransactItems: raw.TransactItems })
    if (token) {
      const previous = await this.store.db.get(TOKENS + token)
      if (previous && previous.at + TOKEN_TTL_MS > Date.now()) {
        if (previous.fingerprint !== fingerprint) {
          throw errorOf('IdempotentParameterMismatchException',
            'The request uses the same client token as a previous, but non-identical request.')
        }
        // Already applied: succeed again without writing anything; what it costs now is reading again the images
        // the first call was charged for, 2 units per started 4 KB of each.
        const capacity = new Capacity()
        for (const { TableName, size } of previous.sizes || []) capacity.add(TableName, 'read', 2 * readUnits(size))
        return { ConsumedCapacity: capacity.report(data.ReturnConsumedCapacity, true) }
      }
    }

    const unit = new UnitOfWork(this.store)
    const reasons = []
    const capacity = new Capacity()
    const sizes = []
    let cancelled = false
    for (const plan of plans) {
      const { kind, request, table, itemKey } = plan
      try {
        const old = await readItem(this.store, request.TableName, itemKey)
        if (kind === 'ConditionCheck') {
          const failed = db.checkConditional(request, old)
          if (failed) throw failed
          // Charged as a transactional write of the item it read, though it writes nothing.
          capacity.add(request.TableName, 'write', 2 * writeUnits(sizeOf(old)))
          sizes.push({ TableName: request.TableName, size: sizeOf(old) })
        }
        else {
          await unit.run(KINDS[kind].action, request)
          const change = unit.changes.get(request.TableName + '\0' + itemKey)
          const newItem = change ? change.newItem : undefined
          capacity.write(table, old, newItem, 2)
          sizes.push({ TableName: request.TableName, size: Math.max(sizeOf(old), sizeOf(newItem)) })
        }
        reasons.push({ Code: 'None' })
      }
      catch (err) {
        cancelled = true
        reasons.push(await this.reason(err, plan))
      }
    }
    if (cancelled) {
      const message = 'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
        reasons.map(r => r.Code).join(', ') + ']'
      throw errorOf('TransactionCanceledException', message, { Message: message, CancellationReasons: reasons })
    }
    if (token) {
      unit.add({ type: 'put', key: TOKENS + token, value: { fingerprint, at: Date.now(), sizes } })
    }
    await this.commit(unit)
    return { ConsumedCapacity: capacity.report(data.ReturnConsumedCapacity, true) }
  }

  async reason (err, plan) {
    const type = err && err.body && err.body.__type
    if (!type) throw err
    if (/ConditionalCheckFailedException$/.test(type)) {
      const reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
      if (plan.request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') {
        const item = await readItem(this.store, plan.request.TableName, plan.itemKey)
        if (item) reason.Item = item
      }
      return reason
    }
    if (/ValidationException$/.test(type)) return { Code: 'ValidationError', Message: err.body.message }
    throw err
  }

  async get (raw) {
    const data = validations.checkTypes(JSON.parse(JSON.stringify(raw)), getTypes)
    validations.checkValidations(data, getTypes, null, this.store)
    const requests = []
    for (const transactItem of data.TransactItems) {
      const request = transactItem.Get
      if (!request) throw validationError('1 validation error detected: Value null at \'transactItems.' +
        (requests.length + 1) + '.member.get\' failed to satisfy constraint: Member must not be null')
      const msg = getItemValidation.custom(request)
      if (msg) throw validationError(msg)
      const table = await this.table(request.TableName)
      const invalid = db.validateKey(request.Key, table)
      if (invalid) throw invalid
      requests.push({ request, table, itemKey: db.createKey(request.Key, table) })
    }
    const responses = []
    const capacity = new Capacity()
    for (const { request, itemKey } of requests) {
      const item = await readItem(this.store, request.TableName, itemKey)
      const result = await run(getItem, this.store, request)
      responses.push(result.Item ? { Item: result.Item } : {})
      // Twice a consistent read: 2 units per started 4 KB, a missing item too.
      capacity.add(request.TableName, 'read', 2 * readUnits(sizeOf(item)))
    }
    return { Responses: responses, ConsumedCapacity: capacity.report(data.ReturnConsumedCapacity, true) }
  }

  /** Forgets client request tokens older than the 10 minute idempotency window. */
  async forget (now) {
    const ops = []
    for await (const [ tokenKey, value ] of this.store.db.iterator({ gt: TOKENS, lt: TOKENS + '\xff' })) {
      if (value.at + TOKEN_TTL_MS <= now) ops.push({ type: 'del', key: tokenKey })
    }
    if (ops.length) await this.store.db.batch(ops)
  }
}

function hash (value) {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex')
}

module.exports = { Transactions }
