'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const {
  CreateTableCommand, PutItemCommand, GetItemCommand, TransactWriteItemsCommand, TransactGetItemsCommand,
} = require('@aws-sdk/client-dynamodb')
const { engine, tableRequest } = require('./helpers')

const S = s => ({ S: s })
const N = n => ({ N: String(n) })

test('TransactWriteItems', async t => {
  const e = await engine()
  t.after(() => e.close())
  await e.ddb.send(new CreateTableCommand(tableRequest('Stock')))
  await e.ddb.send(new PutItemCommand({ TableName: 'Stock', Item: { pk: S('apple'), qty: N(1) } }))
  const get = async pk => (await e.ddb.send(new GetItemCommand({ TableName: 'Stock', Key: { pk: S(pk) } }))).Item

  const decrement = pk => ({
    Update: {
      TableName: 'Stock', Key: { pk: S(pk) },
      UpdateExpression: 'SET qty = qty - :one', ConditionExpression: 'qty >= :one',
      ExpressionAttributeValues: { ':one': N(1) }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  })

  await t.test('all or nothing, with reasons in request order', async () => {
    await e.ddb.send(new PutItemCommand({ TableName: 'Stock', Item: { pk: S('pear'), qty: N(0) } }))
    const err = await e.ddb.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: 'Stock', Item: { pk: S('plum'), qty: N(5) } } },
        decrement('apple'),
        decrement('pear'),
        { ConditionCheck: { TableName: 'Stock', Key: { pk: S('kiwi') }, ConditionExpression: 'attribute_exists(pk)' } },
      ],
    })).catch(x => x)
    assert.equal(err.name, 'TransactionCanceledException')
    assert.deepEqual(err.CancellationReasons.map(r => r.Code), [ 'None', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed' ])
    assert.deepEqual(err.CancellationReasons[2].Item, { pk: S('pear'), qty: N(0) })
    assert.equal(err.CancellationReasons[3].Item, undefined)
    assert.match(err.message, /\[None, None, ConditionalCheckFailed, ConditionalCheckFailed\]/)
    assert.equal(await get('plum'), undefined)
    assert.deepEqual(await get('apple'), { pk: S('apple'), qty: N(1) })
  })

  await t.test('a committed transaction applies every action, charging twice the write units', async () => {
    const result = await e.ddb.send(new TransactWriteItemsCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: [
        { Put: { TableName: 'Stock', Item: { pk: S('plum'), qty: N(5) } } },
        decrement('apple'),
        { Delete: { TableName: 'Stock', Key: { pk: S('pear') } } },
      ],
    }))
    assert.deepEqual(result.ConsumedCapacity, [ { TableName: 'Stock', CapacityUnits: 6, WriteCapacityUnits: 6 } ])
    assert.deepEqual(await get('plum'), { pk: S('plum'), qty: N(5) })
    assert.deepEqual(await get('apple'), { pk: S('apple'), qty: N(0) })
    assert.equal(await get('pear'), undefined)
  })

  await t.test('a type error in an update is a ValidationError reason', async () => {
    await e.ddb.send(new PutItemCommand({ TableName: 'Stock', Item: { pk: S('word'), qty: S('many') } }))
    const err = await e.ddb.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Update: { TableName: 'Stock', Key: { pk: S('word') }, UpdateExpression: 'SET qty = qty + :one', ExpressionAttributeValues: { ':one': N(1) } } },
        { Put: { TableName: 'Stock', Item: { pk: S('fig') } } },
      ],
    })).catch(x => x)
    assert.equal(err.name, 'TransactionCanceledException')
    assert.deepEqual(err.CancellationReasons.map(r => r.Code), [ 'ValidationError', 'None' ])
    assert.match(err.CancellationReasons[0].Message, /incorrect data type/)
    assert.equal(await get('fig'), undefined)
  })

  await t.test('limits: one action per item, at most 100 actions, exactly one kind per action', async () => {
    let err = await e.ddb.send(new TransactWriteItemsCommand({
      TransactItems: [ decrement('plum'), { Delete: { TableName: 'Stock', Key: { pk: S('plum') } } } ],
    })).catch(x => x)
    assert.equal(err.name, 'ValidationException')
    assert.equal(err.message, 'Transaction request cannot include multiple operations on one item')

    const many = Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: 'Stock', Item: { pk: S('n' + i) } } }))
    err = await e.ddb.send(new TransactWriteItemsCommand({ TransactItems: many })).catch(x => x)
    assert.equal(err.name, 'ValidationException')
    assert.match(err.message, /at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100/)

    err = await e.ddb.send(new TransactWriteItemsCommand({
      TransactItems: [ { Put: { TableName: 'Stock', Item: { pk: S('a') } }, Delete: { TableName: 'Stock', Key: { pk: S('b') } } } ],
    })).catch(x => x)
    assert.equal(err.message, 'TransactItems can only contain one of Check, Put, Update or Delete')

    const hundred = many.slice(0, 100)
    await e.ddb.send(new TransactWriteItemsCommand({ TransactItems: hundred }))
    assert.deepEqual(await get('n99'), { pk: S('n99') })
  })

  await t.test('ClientRequestToken: a retry succeeds without applying twice; another request with it is refused', async () => {
    const request = { ClientRequestToken: 'order-42', TransactItems: [ decrement('plum') ] }
    await e.ddb.send(new TransactWriteItemsCommand(request))
    await e.ddb.send(new TransactWriteItemsCommand(request))
    assert.deepEqual(await get('plum'), { pk: S('plum'), qty: N(4) })
    const err = await e.ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: 'order-42', TransactItems: [ decrement('apple') ] }))
      .catch(x => x)
    assert.equal(err.name, 'IdempotentParameterMismatchException')
    await e.sweep(Date.now() + 11 * 60 * 1000) // past the 10 minute window the token is free again
    await e.ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: 'order-42', TransactItems: [ decrement('plum') ] }))
    assert.deepEqual(await get('plum'), { pk: S('plum'), qty: N(3) })
  })

  await t.test('concurrent transactions are serializable: 50 buyers, 10 in stock', async () => {
    await e.ddb.send(new PutItemCommand({ TableName: 'Stock', Item: { pk: S('storm'), qty: N(10) } }))
    const results = await Promise.allSettled(Array.from({ length: 50 }, () =>
      e.ddb.send(new TransactWriteItemsCommand({ TransactItems: [ decrement('storm') ] }))))
    assert.equal(results.filter(r => r.status === 'fulfilled').length, 10)
    assert.deepEqual(await get('storm'), { pk: S('storm'), qty: N(0) })
  })

  await t.test('TransactGetItems returns items in request order, {} for a missing one, twice the read units', async () => {
    const result = await e.ddb.send(new TransactGetItemsCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: [
        { Get: { TableName: 'Stock', Key: { pk: S('plum') }, ProjectionExpression: 'qty' } },
        { Get: { TableName: 'Stock', Key: { pk: S('nothing') } } },
        { Get: { TableName: 'Stock', Key: { pk: S('apple') } } },
      ],
    }))
    assert.deepEqual(result.Responses, [ { Item: { qty: N(3) } }, {}, { Item: { pk: S('apple'), qty: N(0) } } ])
    assert.deepEqual(result.ConsumedCapacity, [ { TableName: 'Stock', CapacityUnits: 6, ReadCapacityUnits: 6 } ])
  })

  await t.test('an unknown table is ResourceNotFoundException', async () => {
    const err = await e.ddb.send(new TransactWriteItemsCommand({
      TransactItems: [ { Put: { TableName: 'Nowhere', Item: { pk: S('a') } } } ],
    })).catch(x => x)
    assert.equal(err.name, 'ResourceNotFoundException')
  })
})
