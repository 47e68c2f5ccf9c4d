'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const {
  CreateTableCommand, PutItemCommand, UpdateItemCommand, DeleteItemCommand, BatchWriteItemCommand, GetItemCommand,
  QueryCommand, TransactWriteItemsCommand, TransactGetItemsCommand,
} = require('@aws-sdk/client-dynamodb')
const { engine } = require('./helpers')

const S = s => ({ S: s })
const pad = n => 'x'.repeat(n)

/** A table keyed pk/sk with a GSI byStatus (ALL), a GSI byOwner (INCLUDE note) and an LSI byDay (KEYS_ONLY). */
function indexedTable (name) {
  const attribute = AttributeName => ({ AttributeName, AttributeType: 'S' })
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [ attribute('pk'), attribute('sk'), attribute('status'), attribute('owner'), attribute('day') ],
    KeySchema: [ { AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' } ],
    GlobalSecondaryIndexes: [
      { IndexName: 'byStatus', KeySchema: [ { AttributeName: 'status', KeyType: 'HASH' } ], Projection: { ProjectionType: 'ALL' } },
      {
        IndexName: 'byOwner', KeySchema: [ { AttributeName: 'owner', KeyType: 'HASH' } ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [ 'note' ] },
      },
    ],
    LocalSecondaryIndexes: [ {
      IndexName: 'byDay',
      KeySchema: [ { AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'day', KeyType: 'RANGE' } ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    } ],
  }
}

test('ConsumedCapacity counts secondary index writes', async t => {
  const e = await engine()
  t.after(() => e.close())
  await e.ddb.send(new CreateTableCommand(indexedTable('Cases')))
  const key = id => ({ pk: S('case'), sk: S(id) })
  const put = async (Item, mode = 'INDEXES') =>
    (await e.ddb.send(new PutItemCommand({ TableName: 'Cases', Item, ReturnConsumedCapacity: mode }))).ConsumedCapacity
  const update = async (id, UpdateExpression, values, names) => (await e.ddb.send(new UpdateItemCommand({
    TableName: 'Cases', Key: key(id), UpdateExpression, ReturnConsumedCapacity: 'INDEXES',
    ExpressionAttributeNames: names, ExpressionAttributeValues: values,
  }))).ConsumedCapacity

  await t.test('a put entering an index costs a write there too; TOTAL folds it in', async () => {
    assert.deepEqual(await put({ ...key('a'), status: S('open') }), {
      TableName: 'Cases', CapacityUnits: 2, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1 } },
    })
    assert.deepEqual(await put({ ...key('b'), status: S('open'), owner: S('li'), day: S('mon') }, 'TOTAL'),
      { TableName: 'Cases', CapacityUnits: 4 })
  })

  await t.test('an item absent from every index (sparse) costs the table write alone', async () => {
    assert.deepEqual(await put({ ...key('c'), note: S('n') }), { TableName: 'Cases', CapacityUnits: 1, Table: { CapacityUnits: 1 } })
  })

  await t.test('an identical overwrite costs no index write', async () => {
    assert.deepEqual(await put({ ...key('b'), status: S('open'), owner: S('li'), day: S('mon') }, 'TOTAL'),
      { TableName: 'Cases', CapacityUnits: 1 })
  })

  await t.test('changing an index key is a delete and a put in that index', async () => {
    assert.deepEqual(await update('a', 'SET #s = :s', { ':s': S('closed') }, { '#s': 'status' }), {
      TableName: 'Cases', CapacityUnits: 3, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 2 } },
    })
  })

  await t.test('an update is charged only in the indexes whose entry it changes', async () => {
    await put({ ...key('d'), status: S('open'), owner: S('wang'), day: S('tue') })
    // note is projected into byStatus (ALL) and byOwner (INCLUDE note), not into byDay (KEYS_ONLY).
    assert.deepEqual(await update('d', 'SET note = :n', { ':n': S('called') }), {
      TableName: 'Cases', CapacityUnits: 3, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1 }, byOwner: { CapacityUnits: 1 } },
    })
    // extra is projected into byStatus only.
    assert.deepEqual(await update('d', 'SET extra = :o', { ':o': S('x') }), {
      TableName: 'Cases', CapacityUnits: 2, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1 } },
    })
    // The index key moves in byStatus (2) and the changed entry is rewritten in byOwner (1); byDay is untouched.
    assert.deepEqual(await update('d', 'SET #s = :s, note = :n', { ':s': S('closed'), ':n': S('done') }, { '#s': 'status' }), {
      TableName: 'Cases', CapacityUnits: 4, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 2 }, byOwner: { CapacityUnits: 1 } },
    })
    // Removing an index key takes the item out of that index (one delete in byDay); byStatus projects it (ALL).
    assert.deepEqual(await update('d', 'REMOVE #d', undefined, { '#d': 'day' }), {
      TableName: 'Cases', CapacityUnits: 3, Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1 } }, LocalSecondaryIndexes: { byDay: { CapacityUnits: 1 } },
    })
  })

  await t.test('an index write is sized on the projected entry, 1 unit per started KB', async () => {
    // 1.5 KB of note: 2 units in the table, in byStatus (ALL) and in byOwner (INCLUDE note); byDay's entry is small.
    assert.deepEqual(await put({ ...key('e'), status: S('open'), owner: S('li'), day: S('wed'), note: S(pad(1500)) }), {
      TableName: 'Cases', CapacityUnits: 7, Table: { CapacityUnits: 2 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 2 }, byOwner: { CapacityUnits: 2 } },
      LocalSecondaryIndexes: { byDay: { CapacityUnits: 1 } },
    })
  })

  await t.test('a delete costs a write in each index the item was in; deleting nothing costs 1', async () => {
    const remove = async id => (await e.ddb.send(new DeleteItemCommand({
      TableName: 'Cases', Key: key(id), ReturnConsumedCapacity: 'TOTAL',
    }))).ConsumedCapacity.CapacityUnits
    assert.equal(await remove('b'), 4)
    assert.equal(await remove('nothing'), 1)
  })

  await t.test('BatchWriteItem sums the table and index writes per table', async () => {
    const result = await e.ddb.send(new BatchWriteItemCommand({
      ReturnConsumedCapacity: 'INDEXES',
      RequestItems: {
        Cases: [
          { PutRequest: { Item: { ...key('f'), status: S('open') } } },
          { PutRequest: { Item: { ...key('g'), owner: S('li') } } },
          { DeleteRequest: { Key: key('c') } },
        ],
      },
    }))
    assert.deepEqual(result.ConsumedCapacity, [ {
      TableName: 'Cases', CapacityUnits: 5, Table: { CapacityUnits: 3 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1 }, byOwner: { CapacityUnits: 1 } },
    } ])
  })

  await t.test('a transaction doubles the table writes, not the index writes', async () => {
    const result = await e.ddb.send(new TransactWriteItemsCommand({
      ReturnConsumedCapacity: 'INDEXES',
      TransactItems: [
        { Put: { TableName: 'Cases', Item: { ...key('h'), status: S('open') } } },
        { Update: { TableName: 'Cases', Key: key('f'), UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': S('closed') } } },
        { ConditionCheck: { TableName: 'Cases', Key: key('g'), ConditionExpression: 'attribute_exists(pk)' } },
      ],
    }))
    assert.deepEqual(result.ConsumedCapacity, [ {
      TableName: 'Cases', CapacityUnits: 9, WriteCapacityUnits: 9,
      Table: { CapacityUnits: 6, WriteCapacityUnits: 6 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 3, WriteCapacityUnits: 3 } },
    } ])
  })

  await t.test('a ConditionCheck is charged as a transactional write of the item it read', async () => {
    await put({ ...key('big'), extra: S(pad(3000)) })
    const result = await e.ddb.send(new TransactWriteItemsCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: [ { ConditionCheck: { TableName: 'Cases', Key: key('big'), ConditionExpression: 'attribute_exists(pk)' } } ],
    }))
    assert.deepEqual(result.ConsumedCapacity, [ { TableName: 'Cases', CapacityUnits: 6, WriteCapacityUnits: 6 } ])
  })

  await t.test('a replayed token reads again the images the first call was charged for', async () => {
    await put({ ...key('huge'), extra: S(pad(9000)) })
    const request = {
      ReturnConsumedCapacity: 'TOTAL', ClientRequestToken: 'delete-huge',
      TransactItems: [ { Delete: { TableName: 'Cases', Key: key('huge') } } ],
    }
    const first = await e.ddb.send(new TransactWriteItemsCommand(request))
    const replay = await e.ddb.send(new TransactWriteItemsCommand(request))
    assert.deepEqual(first.ConsumedCapacity, [ { TableName: 'Cases', CapacityUnits: 18, WriteCapacityUnits: 18 } ])
    // The item is gone, but the replay is charged for the ~9 KB it deleted: 2 units per started 4 KB.
    assert.deepEqual(replay.ConsumedCapacity, [ { TableName: 'Cases', CapacityUnits: 6, ReadCapacityUnits: 6 } ])
  })

  await t.test('reads: GetItem and TransactGetItems charge the table, a Query on a GSI the index', async () => {
    const get = await e.ddb.send(new GetItemCommand({ TableName: 'Cases', Key: key('e'), ReturnConsumedCapacity: 'INDEXES' }))
    assert.deepEqual(get.ConsumedCapacity, { TableName: 'Cases', CapacityUnits: 0.5, Table: { CapacityUnits: 0.5 } })
    const query = await e.ddb.send(new QueryCommand({
      TableName: 'Cases', IndexName: 'byStatus', KeyConditionExpression: '#s = :s',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': S('open') },
      ReturnConsumedCapacity: 'INDEXES',
    }))
    assert.equal(query.Count, 2)
    assert.deepEqual(query.ConsumedCapacity, {
      TableName: 'Cases', CapacityUnits: 0.5, Table: { CapacityUnits: 0 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 0.5 } },
    })
    const transactGet = await e.ddb.send(new TransactGetItemsCommand({
      ReturnConsumedCapacity: 'INDEXES',
      TransactItems: [ { Get: { TableName: 'Cases', Key: key('e') } }, { Get: { TableName: 'Cases', Key: key('missing') } } ],
    }))
    assert.deepEqual(transactGet.ConsumedCapacity, [ {
      TableName: 'Cases', CapacityUnits: 4, ReadCapacityUnits: 4, Table: { CapacityUnits: 4, ReadCapacityUnits: 4 },
    } ])
  })
})
